import { parseInert, plainText } from '../text.js';
import { FeedError } from './feed-error.js';
import type { FeedDocument, FeedItem, FeedWarning } from './types.js';

const ATOM = 'http://www.w3.org/2005/Atom';
const CONTENT = 'http://purl.org/rss/1.0/modules/content/';
const MEDIA = 'http://search.yahoo.com/mrss/';
const DC = 'http://purl.org/dc/elements/1.1/';

type Warn = (code: FeedWarning['code'], path: string, message: string) => void;

/**
 * Reads RSS 2.0 and Atom 1.0 into JSON Feed items. Loaded on demand, so JSON-only pages never pay for it.
 * DOMParser documents are inert: nothing in them runs or loads.
 */
export function readXmlFeed(text: string, url: string): FeedDocument {
  const warnings: FeedWarning[] = [];
  const warn: Warn = (code, path, message) => warnings.push({ code, path, message });
  const doc = parseInert(declarationFirst(text, warn), 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0]; // as every browser marks it, and DOMs without selectors (Node's)
  if (error) {
    throw new FeedError('parse', url, `invalid XML: ${(error.textContent ?? '').trim().split('\n')[0]}`);
  }
  const root = doc.documentElement;
  let feed: FeedDocument;
  if (root.localName === 'rss') feed = readRss(root, url, warn);
  else if (root.localName === 'feed' && root.namespaceURI === ATOM) feed = readAtom(root, url, warn);
  else throw new FeedError('format', url, `XML, but neither RSS 2.0 nor Atom 1.0 (root element <${root.localName}>)`);
  return { ...feed, ...(warnings.length ? { warnings } : {}) };
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

function readRss(root: Element, url: string, warn: Warn): FeedDocument {
  const channel = child(root, 'channel');
  if (!channel) throw new FeedError('format', url, 'RSS without <channel>');
  const items = children(channel, 'item').map((item, index): FeedItem => {
    const link = text(item, 'link');
    const description = text(item, 'description');
    const encoded = text(item, 'encoded', CONTENT);
    const published = date(text(item, 'pubDate') ?? text(item, 'date', DC));
    const author = text(item, 'creator', DC) ?? text(item, 'author');
    const fields = compact({
      url: link,
      title: text(item, 'title'),
      // With content:encoded, the description is the teaser; otherwise it is the (HTML) body.
      content_html: encoded ?? description ?? '',
      summary: encoded && description ? plainText(description) : undefined,
      date_published: published,
      tags: list(children(item, 'category').map((c) => c.textContent?.trim() ?? '')),
      authors: author ? [{ name: author }] : undefined,
      ...rssImage(item),
    });
    // The <guid> is optional in RSS: the link serves as well.
    return { id: text(item, 'guid') ?? idOf(fields, 'item', `items[${index}].id`, warn), ...fields };
  });
  return { url, format: 'rss', title: text(channel, 'title') ?? '', homePageUrl: text(channel, 'link'), language: text(channel, 'language'), items };
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

function rssImage(item: Element): Pick<FeedItem, 'image' | '_kpr'> {
  const media = [...item.getElementsByTagNameNS(MEDIA, 'content'), ...item.getElementsByTagNameNS(MEDIA, 'thumbnail')];
  const candidate =
    children(item, 'enclosure').find((e) => e.getAttribute('type')?.startsWith('image/')) ??
    media.find((m) => m.localName === 'thumbnail' || m.getAttribute('medium') === 'image' || m.getAttribute('type')?.startsWith('image/'));
  const image = candidate?.getAttribute('url') ?? undefined;
  const alt = item.getElementsByTagNameNS(MEDIA, 'description')[0]?.textContent?.trim();
  return compact({ image, _kpr: image && alt ? { image_alt: alt } : undefined });
}

function readAtom(root: Element, url: string, warn: Warn): FeedDocument {
  const items = children(root, 'entry', ATOM).map((entry, index): FeedItem => {
    const content = child(entry, 'content', ATOM);
    const contentType = content?.getAttribute('type') ?? 'text';
    const summary = child(entry, 'summary', ATOM);
    const updated = date(text(entry, 'updated', ATOM));
    const image = children(entry, 'link', ATOM).find(
      (l) => l.getAttribute('rel') === 'enclosure' && l.getAttribute('type')?.startsWith('image/'),
    );
    const fields = compact({
      url: alternate(entry),
      title: atomText(child(entry, 'title', ATOM)),
      content_html: content && contentType !== 'text' ? atomHtml(content) : undefined,
      content_text: content && contentType === 'text' ? content.textContent ?? '' : content ? undefined : '',
      summary: atomText(summary),
      date_published: date(text(entry, 'published', ATOM)) ?? updated,
      date_modified: updated,
      tags: list(children(entry, 'category', ATOM).map((c) => c.getAttribute('label') ?? c.getAttribute('term') ?? '')),
      authors: list(children(entry, 'author', ATOM).map((a) => text(a, 'name', ATOM) ?? '')).map((name) => ({ name })),
      image: image?.getAttribute('href') ?? undefined,
    });
    return { id: text(entry, 'id', ATOM) ?? idOf(fields, 'entry', `items[${index}].id`, warn), ...fields };
  });
  const link = children(root, 'link', ATOM).find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate');
  const language = root.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'lang') ?? undefined;
  return { url, format: 'atom', title: atomText(child(root, 'title', ATOM)) ?? '', homePageUrl: link?.getAttribute('href') ?? undefined, language, items };
}

function alternate(entry: Element): string | undefined {
  const links = children(entry, 'link', ATOM);
  const link = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate');
  return link?.getAttribute('href') ?? undefined;
}

/** Atom text constructs may be text, escaped HTML or inline XHTML; titles and summaries are read as text. */
function atomText(element: Element | undefined): string | undefined {
  if (!element) return undefined;
  const type = element.getAttribute('type');
  const value = type === 'html' ? plainText(element.textContent ?? '') : element.textContent ?? '';
  return value.trim() || undefined;
}

function atomHtml(element: Element): string {
  if (element.getAttribute('type') !== 'xhtml') return element.textContent ?? '';
  const div = [...element.children].find((c) => c.localName === 'div');
  return div ? [...div.childNodes].map((n) => new XMLSerializer().serializeToString(n)).join('') : '';
}

function date(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
}

function children(parent: Element, name: string, ns: string | null = null): Element[] {
  return [...parent.children].filter((c) => c.localName === name && (ns === null ? !c.namespaceURI || c.namespaceURI === parent.namespaceURI : c.namespaceURI === ns));
}

function child(parent: Element, name: string, ns: string | null = null): Element | undefined {
  return children(parent, name, ns)[0];
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
