import { singleton } from './singleton.js';

interface TrustedTypePolicyLike {
  createHTML(input: string): unknown;
  createScript?(input: string): unknown;
}

/**
 * Pages that enforce Trusted Types (`require-trusted-types-for 'script'`) block every string passed to
 * `DOMParser`. Our parsing is inert by construction: a parsed document has no browsing context, so nothing in
 * it runs or loads, and we only read text and XML from it. So one named policy passes markup through as is.
 * Pages that list allowed policy names (`trusted-types ...`) need to add `asskomm-widgets`.
 */
const inertPolicy = singleton('inert-policy', (): TrustedTypePolicyLike | undefined => {
  const factory = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: TrustedTypePolicyLike): TrustedTypePolicyLike } }).trustedTypes;
  return factory?.createPolicy('asskomm-widgets', {
    createHTML: (input: string) => input,
    // Only JSON passes, for JSON-LD data blocks: JSON run as a script would do nothing, so no code gets through.
    createScript: (input: string) => (JSON.parse(input), input),
  });
});

/**
 * Text for a `<script type="application/ld+json">` data block. Pages that enforce Trusted Types block every
 * untrusted write to a script element, data blocks included, so the text passes our policy, which accepts JSON only.
 */
export function dataBlockText(json: string): string {
  return (inertPolicy?.createScript ? inertPolicy.createScript(json) : json) as string;
}

/** Parses HTML or XML into an inert document: nothing in it runs or loads. */
export function parseInert(markup: string, type: DOMParserSupportedType): Document {
  return new DOMParser().parseFromString((inertPolicy?.createHTML(markup) ?? markup) as string, type);
}

/**
 * Text of an HTML string, without running or loading anything. Without `<` and `&` there is no markup and no
 * character reference: the HTML parser would only drop NUL characters (and turn CR into LF, which is white space
 * either way), so the string is its own text, and RSS descriptions, mostly plain, skip a parser each.
 */
export function plainText(html: string): string {
  const text = /[<&]/.test(html) ? parseInert(html, 'text/html').body.textContent ?? '' : html.replace(/\0/g, '');
  return text.replace(/\s+/g, ' ').trim();
}

/** A text cut to at most `maxLength` characters at a word boundary, with an ellipsis when cut. */
export function shorten(text: string, maxLength: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= maxLength) return clean;
  const cut = clean.slice(0, maxLength - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** The first sentence of a text, shortened: a heading for items that have none, as feed readers do. */
export function firstSentence(text: string, maxLength: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return shorten(/^(.+?[.!?])(\s|$)/.exec(clean)?.[1] ?? clean, maxLength);
}
