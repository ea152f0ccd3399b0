import type { Json } from './paths.js';

/**
 * The order keys are written in, whatever order they were typed or read in: two versions of a feed then differ
 * only where their content does, line by line. The JSON Feed fields first, in the order of the specification,
 * then the `_kpr` fields in the order of their schemas; a key not named here follows, alphabetically.
 */
const KEY_ORDER = [
  'version', 'id', 'title', 'name', 'label', 'period', 'value', 'number', 'home_page_url', 'feed_url', 'url', 'external_url',
  'description', 'user_comment', 'next_url', 'icon', 'favicon', 'summary', 'content_text', 'content_html', 'image',
  'banner_image', 'date_published', 'date_modified', 'authors', 'tags', 'language', 'expired', 'hubs', 'attachments',
  'order', 'progress', 'status', 'topic', 'audience', 'season', 'partners', 'start', 'end', 'unit', 'better', 'chart',
  'baseline', 'target', 'series', 'source', 'note', 'measures', 'indicators', 'links', 'phones', 'downloads', 'type', 'size', 'items', '_kpr',
];
const RANK = new Map(KEY_ORDER.map((key, index) => [key, index]));
const rank = (key: string) => RANK.get(key) ?? KEY_ORDER.length;

export function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((key) => [key, sortKeys(value[key]!)]));
}

/** The file as it is downloaded and copied: two spaces, stable key order, a final newline. */
export function serializeFeed(feed: Json): string {
  return `${JSON.stringify(sortKeys(feed), null, 2)}\n`;
}
