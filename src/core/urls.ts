const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** One parse, or null (`URL.parse` itself is missing from Safari before 18). */
export function parseUrl(raw: string, base?: string): URL | null {
  try {
    return new URL(raw.trim(), base);
  } catch {
    return null;
  }
}

/**
 * A link target from a feed, resolved against the feed's URL, or undefined when it is not http(s), mailto or
 * tel. Lit escapes attribute values but does not check them, so `javascript:` would otherwise pass.
 */
export function safeLink(raw: string | undefined, base: string): string | undefined {
  if (raw && NORMALISED_WEB_URL.test(raw)) return raw;
  const url = raw ? parseUrl(raw, base) : null;
  return url && LINK_PROTOCOLS.has(url.protocol) ? url.href : undefined;
}

/**
 * Absolute http(s) addresses that the URL parser would return unchanged: a lower-case host name (no IP address,
 * no port), a path, and only characters that are never percent-encoded, with no dot segments. Most feed links
 * look like this, and a feed may hold a thousand: they skip the parser (tests/core/urls.test.ts holds the two
 * paths equal).
 */
const NORMALISED_WEB_URL = /^https?:\/\/(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*\/(?!.*\/(?:\.|%2[eE]))[\w\-.~!$&()*+,;=:@/%?#]*$/;

let pageOrigin: string | undefined;

/** Links that leave the page get `rel="noopener noreferrer"`. (`href` is normalised by `safeLink`.) */
export function isExternal(href: string): boolean {
  // A page's origin cannot change without a new page, and reading `location` a thousand times is not free.
  pageOrigin ??= location.origin;
  return /^https?:/.test(href) && !href.startsWith(`${pageOrigin}/`);
}

/**
 * Which hosts images may come from. Every image from another server is a request that tells that server
 * the resident's IP address, so only the feed's own host and the hosts the webmaster lists are allowed.
 */
export interface ImagePolicy {
  /** The feed's URL: its host is always allowed, and relative image URLs are resolved against it. */
  source: string;
  /** Host names from the widget's `image-hosts` attribute, for example "www.bannewitz.de cdn.bannewitz.de". */
  hosts: readonly string[];
}

export function safeImage(raw: string | undefined, policy: ImagePolicy): string | undefined {
  const url = raw ? parseUrl(raw, policy.source) : null;
  if (!url) return undefined;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const allowed = url.host === new URL(policy.source).host || policy.hosts.includes(url.host) || policy.hosts.includes(url.hostname);
  return allowed ? url.href : undefined;
}

export function parseHosts(attribute: string | undefined): string[] {
  return (attribute ?? '').split(/[\s,]+/).map((host) => host.trim().toLowerCase()).filter(Boolean);
}
