/** Text of an HTML string without running or loading anything: a DOMParser document has no browsing context. */
export function plainText(html: string): string {
  return (new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '').replace(/\s+/g, ' ').trim();
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
