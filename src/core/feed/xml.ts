import { parseInert, plainText } from '../text.js';
import { parseUrl } from '../urls.js';
import { FeedError } from './feed-error.js';
import type { FeedDocument, FeedItem, FeedWarning } from './types.js';

const ATOM = 'http://www.w3.org/2005/Atom';
const ATOM_03 = 'http://purl.org/atom/ns#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
/** RSS 1.0 and its forerunner 0.90: RDF documents whose items are siblings of the channel. */
const RSS_RDF = ['http://purl.org/rss/1.0/', 'http://my.netscape.com/rdf/simple/0.9/'];
const CONTENT = 'http://purl.org/rss/1.0/modules/content/';
const MEDIA = 'http://search.yahoo.com/mrss/';
const DC = 'http://purl.org/dc/elements/1.1/';
const DC_TERMS = 'http://purl.org/dc/terms/';
const XML = 'http://www.w3.org/XML/1998/namespace';

type Warn = (code: FeedWarning['code'], path: string, message: string) => void;

/**
 * Reads RSS 2.0, RSS 1.0, Atom 1.0 and Atom 0.3 into JSON Feed items. Loaded on demand, so JSON-only pages never
 * pay for it. DOMParser documents are inert: nothing in them runs or loads.
 */
export function readXmlFeed(text: string, url: string): FeedDocument {
  const warnings: FeedWarning[] = [];
  const warn: Warn = (code, path, message) => warnings.push({ code, path, message });
  const doc = parseInert(declarationFirst(text, warn), 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0]; // as every browser marks it, and DOMs without selectors (Node's)
  if (error) {
    throw new FeedError('parse', url, `invalid XML: ${(error.textContent ?? '').trim().split('\n')[0]}`, undefined, 'xml-not-well-formed');
  }
  const root = doc.documentElement;
  const rdf = root.localName === 'RDF' && root.namespaceURI === RDF ? RSS_RDF.find((ns) => child(root, 'channel', ns)) : undefined;
  let feed: Omit<FeedDocument, 'url' | 'warnings'> | undefined;
  if (root.localName === 'rss') {
    const channel = child(root, 'channel');
    if (!channel) throw new FeedError('format', url, 'RSS without <channel>', undefined, 'rss-without-channel');
    feed = readRss(channel, children(channel, 'item'), url, warn);
  } else if (rdf) {
    feed = readRss(child(root, 'channel', rdf)!, children(root, 'item', rdf), url, warn);
  } else if (root.localName === 'feed' && root.namespaceURI === ATOM) {
    feed = readAtom(root, ATOM, url, warn);
  } else if (root.localName === 'feed' && root.namespaceURI === ATOM_03) {
    warn('atom-0.3', '', 'this is Atom 0.3, a draft that Atom 1.0 replaced in 2005: the widgets read it, but not every feed reader does');
    feed = readAtom(root, ATOM_03, url, warn);
  } else {
    throw new FeedError('format', url, `XML, but neither RSS nor Atom (root element <${root.localName}>)`, undefined, 'xml-not-a-feed');
  }
  return { url, ...feed, ...(warnings.length ? { warnings } : {}) };
}

/**
 * XML allows nothing before `<?xml …?>`, yet CMS templates often begin with a blank line, and PHP files included one
 * after another each bring their byte-order mark; browsers and feed readers read such feeds. The declaration is
 * moved to the very start and stray marks are dropped; the line breaks stay, after it, so that the line of a later
 * error is still its line in the file. (The validator finds that line by parsing the same text again.)
 */
export function declarationFirst(text: string, warn?: Warn): string {
  const lead = /^\s+/.exec(text)?.[0];
  if (!lead) return text;
  const declaration = /^<\?xml\s[\s\S]*?\?>/.exec(text.slice(lead.length))?.[0];
  const stray = lead.includes('\uFEFF');
  // White space before the first tag is allowed where there is no declaration; a byte-order mark there is not.
  if (!declaration && !stray) return text;
  const space = lead.replace(/\uFEFF/g, '');
  const what = [declaration && (space.includes('\n') ? 'a blank line' : space && 'spaces'), stray && 'a stray byte-order mark'].filter(Boolean);
  warn?.('text-before-xml', '', `the file begins with ${what.join(' and ')} before ${declaration ? '<?xml …?>' : 'its first tag'}, where XML allows nothing: the widgets read it anyway, but strict XML readers refuse it`);
  return `${declaration ?? ''}${space}${text.slice(lead.length + (declaration?.length ?? 0))}`;
}

/** RSS 2.0, and RSS 1.0 (RDF), whose items are given here because they stand beside the channel, not in it. */
function readRss(channel: Element, elements: Element[], url: string, warn: Warn): Omit<FeedDocument, 'url'> {
  const items = elements.map((item, index): FeedItem => {
    const description = text(item, 'description');
    const encoded = text(item, 'encoded', CONTENT);
    const author = text(item, 'creator', DC) ?? text(item, 'author');
    const fields = compact({
      url: link(child(item, 'link'), url),
      title: text(item, 'title') ?? titleElsewhere(item),
      // With content:encoded, the description is the teaser; otherwise it is the (HTML) body.
      content_html: encoded ?? description ?? '',
      summary: encoded && description ? plainText(description) : undefined,
      date_published: date(text(item, 'pubDate'), text(item, 'issued', DC_TERMS), text(item, 'date', DC)),
      tags: list([...children(item, 'category'), ...children(item, 'subject', DC)].map((c) => c.textContent ?? '')),
      authors: author ? [{ name: author }] : undefined,
      ...rssImage(item, url),
    });
    // RSS 1.0 names each item by its rdf:about; RSS 2.0 by its <guid>, which is optional: the link serves as well.
    const own = text(item, 'guid') ?? (item.getAttributeNS(RDF, 'about') || undefined);
    return { id: own ?? idOf(fields, 'item', `items[${index}].id`, warn), ...fields };
  });
  const language = text(channel, 'language') ?? text(channel, 'language', DC);
  return { format: 'rss', title: text(channel, 'title') ?? '', homePageUrl: link(child(channel, 'link'), url), language, items };
}

/**
 * An item without an id of its own is known by its link, and without one by its title and date, so that it is not
 * lost (RSS readers keep such items, and Atom entries are kept the same way). Atom requires an <id>, so its lack
 * is named; so is an id made of title and date, which changes when either is corrected.
 */
function idOf(item: Omit<FeedItem, 'id'>, noun: 'item' | 'entry', path: string, warn: Warn): string {
  const missing = noun === 'entry' ? 'the entry has no <id>, which Atom requires,' : 'the item has no <guid>';
  if (item.url) {
    if (noun === 'entry') warn('entry-without-id', path, `${missing} so its link serves as its id`);
    return item.url;
  }
  warn(noun === 'entry' ? 'entry-without-id' : 'item-without-guid', path, `${missing} and no ${noun === 'entry' ? 'link' : '<link>'}, so its title and date serve as its id: if either is corrected, feed readers take it for a new ${noun}`);
  return `${item.title ?? ''}|${item.date_published ?? ''}`;
}

function rssImage(item: Element, url: string): Pick<FeedItem, 'image' | '_kpr'> {
  const candidate = children(item, 'enclosure').find((e) => e.getAttribute('type')?.startsWith('image/')) ?? mediaImage(item);
  const image = link(candidate, url, 'url');
  if (!image) return {};
  const alt = item.getElementsByTagNameNS(MEDIA, 'description')[0]?.textContent?.trim();
  return alt ? { image, _kpr: { image_alt: alt } } : { image };
}

/** The first Media RSS image: among the media:content elements, then the thumbnails (no lists made: most items have none). */
function mediaImage(item: Element): Element | undefined {
  for (const name of ['content', 'thumbnail']) {
    for (const media of item.getElementsByTagNameNS(MEDIA, name)) {
      if (media.localName === 'thumbnail' || media.getAttribute('medium') === 'image' || media.getAttribute('type')?.startsWith('image/')) return media;
    }
  }
  return undefined;
}

/** Atom 1.0, and Atom 0.3 (its draft), whose elements differ in name only where both are read here. */
function readAtom(root: Element, ns: string, url: string, warn: Warn): Omit<FeedDocument, 'url'> {
  const items = children(root, 'entry', ns).map((entry, index): FeedItem => {
    const content = child(entry, 'content', ns);
    const kind = content && textKind(content);
    // Atom 0.3 says <issued> and <modified> where Atom 1.0 says <published> and <updated>.
    const updated = date(text(entry, 'updated', ns), text(entry, 'modified', ns));
    const image = children(entry, 'link', ns).find(
      (l) => l.getAttribute('rel') === 'enclosure' && l.getAttribute('type')?.startsWith('image/'),
    );
    const fields = compact({
      url: alternate(entry, ns, url),
      title: atomText(child(entry, 'title', ns)) ?? titleElsewhere(entry),
      content_html: content && kind !== 'text' ? atomHtml(content) : undefined,
      content_text: content && kind === 'text' ? content.textContent ?? '' : content ? undefined : '',
      summary: atomText(child(entry, 'summary', ns)),
      date_published: date(text(entry, 'published', ns), text(entry, 'issued', ns)) ?? updated ?? date(text(entry, 'issued', DC_TERMS), text(entry, 'date', DC)),
      date_modified: updated,
      tags: list(children(entry, 'category', ns).map((c) => c.getAttribute('label') ?? c.getAttribute('term') ?? '')),
      authors: list(children(entry, 'author', ns).map((a) => text(a, 'name', ns) ?? '')).map((name) => ({ name })),
      image: link(image, url, 'href'),
    });
    return { id: text(entry, 'id', ns) ?? idOf(fields, 'entry', `items[${index}].id`, warn), ...fields };
  });
  const language = root.getAttributeNS(XML, 'lang') || undefined;
  return { format: 'atom', title: atomText(child(root, 'title', ns)) ?? '', homePageUrl: alternate(root, ns, url), language, items };
}

function alternate(parent: Element, ns: string, url: string): string | undefined {
  return link(children(parent, 'link', ns).find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate'), url, 'href');
}

/** A title where the item has none of its own: Dublin Core's, or Media RSS's (video and podcast feeds). */
function titleElsewhere(item: Element): string | undefined {
  return text(item, 'title', DC) ?? (item.getElementsByTagNameNS(MEDIA, 'title')[0]?.textContent?.trim() || undefined);
}

/**
 * An address from an element (its text, or the attribute named), made absolute: against the xml:base of the
 * element and of every element around it, each resolved against the ones outside it, and then against the feed's
 * own address. Where that cannot be done (a feed read from a file), a relative address stays as it is written.
 */
function link(element: Element | undefined, url: string, attribute?: string): string | undefined {
  const value = (attribute ? element?.getAttribute(attribute) : element?.textContent)?.trim();
  if (!element || !value || /^[a-z][a-z\d+.-]*:/i.test(value)) return value || undefined;
  const bases: string[] = [];
  for (let node: Element | null = element; node; node = node.parentElement) {
    const base = node.getAttributeNS(XML, 'base');
    if (base) bases.unshift(base);
  }
  const base = bases.reduce<string | undefined>((outer, inner) => parseUrl(inner, outer)?.href ?? outer, parseUrl(url)?.href);
  return (base && parseUrl(value, base)?.href) || value;
}

/**
 * What an Atom text construct holds: Atom 1.0 says "text", "html" or "xhtml" (or a media type), Atom 0.3 a media
 * type, with mode="escaped" where markup is written as text.
 */
function textKind(element: Element): 'text' | 'html' | 'xhtml' {
  const type = element.getAttribute('type')?.toLowerCase() ?? 'text';
  if (!type.includes('html')) return 'text';
  return type.includes('xhtml') && element.getAttribute('mode') !== 'escaped' ? 'xhtml' : 'html';
}

/** Titles and summaries are read as text, whatever markup they hold. */
function atomText(element: Element | undefined): string | undefined {
  if (!element) return undefined;
  const value = textKind(element) === 'html' ? plainText(element.textContent ?? '') : element.textContent ?? '';
  return value.trim() || undefined;
}

function atomHtml(element: Element): string {
  if (textKind(element) !== 'xhtml') return element.textContent ?? '';
  // Atom 1.0 wraps inline XHTML in a <div> that is not part of the content; Atom 0.3 need not.
  const only = element.children.length === 1 ? element.children[0]! : undefined;
  const nodes = only?.localName === 'div' ? only.childNodes : element.childNodes;
  return [...nodes].map((n) => new XMLSerializer().serializeToString(n)).join('');
}

/** The first of the values that is a date: a feed may carry several, in the order they are asked for. */
function date(...values: Array<string | undefined>): string | undefined {
  for (const value of values) {
    const parsed = new Date(value ?? '');
    if (!Number.isNaN(parsed.getTime())) return parsed.toISOString();
  }
  return undefined;
}

/** Whether `element` is `name` in `ns`; without `ns`, in no namespace or in its parent's (RSS 2.0 in any). */
function named(element: Element, parent: Element, name: string, ns: string | null): boolean {
  return element.localName === name && (ns === null ? !element.namespaceURI || element.namespaceURI === parent.namespaceURI : element.namespaceURI === ns);
}

function children(parent: Element, name: string, ns: string | null = null): Element[] {
  const found: Element[] = [];
  for (let c = parent.firstElementChild; c; c = c.nextElementSibling) if (named(c, parent, name, ns)) found.push(c);
  return found;
}

/** The first match, walking the siblings: an item's dozen fields are looked up one by one, with no list made for each. */
function child(parent: Element, name: string, ns: string | null = null): Element | undefined {
  for (let c = parent.firstElementChild; c; c = c.nextElementSibling) if (named(c, parent, name, ns)) return c;
  return undefined;
}

function text(parent: Element, name: string, ns: string | null = null): string | undefined {
  return child(parent, name, ns)?.textContent?.trim() || undefined;
}

function list(values: string[]): string[] {
  return values.map((v) => v.trim()).filter(Boolean);
}

/** Drops undefined fields and empty lists, so converted items look like hand-written JSON Feed items. */
function compact<T extends object>(object: T): T {
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) delete (object as Record<string, unknown>)[key];
  }
  return object;
}
