import { parseUrl } from '../urls.js';
import { validate, type Schema, type SchemaProblem } from '../validate.js';
import { EVERY_ITEM, FEED_ORDER } from './merge-rules.js';
import { JSON_FEED_SCHEMA } from './parse.js';
import type { FeedDocument, FeedItem, LoadedItem } from './types.js';

export interface SkippedItem {
  source: string;
  index: number;
  id?: string;
  problems: SchemaProblem[];
}

const ITEM_SCHEMA = JSON_FEED_SCHEMA.$defs!.item!;

/**
 * Checks each item of a feed against JSON Feed 1.1 and the widget's `_kpr` extension schema. Invalid items
 * are returned separately, with every problem, so the console can name the feed, the item and the field.
 */
export function readItems(document: FeedDocument, extension?: Schema, { inPlace = false } = {}): { items: LoadedItem[]; skipped: SkippedItem[] } {
  const items: LoadedItem[] = [];
  const skipped: SkippedItem[] = [];
  document.items.forEach((raw, index) => {
    const candidate = coerceId(raw);
    const problems = validate(candidate, ITEM_SCHEMA, '', JSON_FEED_SCHEMA);
    const extensionData = (candidate as FeedItem | null)?._kpr;
    if (extension && problems.length === 0) {
      // No `_kpr` at all is fine where the widget needs nothing from it (news); where it needs fields (a tip's
      // topic), the item is skipped like any other that lacks them.
      if (extensionData !== undefined) problems.push(...validate(extensionData, extension, '_kpr'));
      else if (extension.required?.length) problems.push({ path: '_kpr', message: `is missing; this widget needs it, with ${extension.required.join(', ')}`, code: 'kpr-missing', expected: extension.required });
    }
    if (problems.length) {
      const id = (candidate as FeedItem | null)?.id;
      skipped.push({ source: document.url, index, id: typeof id === 'string' ? id : undefined, problems });
      return;
    }
    items.push((inPlace ? loadedInPlace : loadedItem)(candidate as FeedItem, document.url, document.language));
  });
  return { items, skipped };
}

/** JSON Feed: "if an id is presented as a number, it must be coerced to a string". */
function coerceId(raw: unknown): unknown {
  const item = raw as Record<string, unknown> | null;
  return item && typeof item === 'object' && typeof item.id === 'number' ? { ...item, id: String(item.id) } : raw;
}

/** A checked item as the widgets use it: from which feed, in which language, with its dates read. */
export function loadedItem(item: FeedItem, source: string, feedLanguage?: string): LoadedItem {
  const language = item.language ?? feedLanguage;
  return { ...item, ...(language ? { language } : {}), source, published: toDate(item.date_published), modified: toDate(item.date_modified) };
}

/**
 * `loadedItem` without the copy, for the widgets: their items are the parsed feed's own objects, which nothing else
 * reads (the page-wide cache hands the same document to the next widget, which adds the same fields). The bridge
 * writes the items it reads and the validator names their fields, so both keep the copy.
 */
function loadedInPlace(item: FeedItem, source: string, feedLanguage?: string): LoadedItem {
  const loaded = item as LoadedItem;
  const language = item.language ?? feedLanguage;
  if (language) loaded.language = language;
  loaded.source = source;
  loaded.published = toDate(item.date_published);
  loaded.modified = toDate(item.date_modified);
  return loaded;
}

function toDate(value: string | undefined): Date | undefined {
  return value ? new Date(value) : undefined;
}

/** How merging decides that two items are the same, and which one to keep. */
export interface MergeRules {
  /** Keys under which an item is known; two items sharing a key are the same. */
  identity(item: LoadedItem): string[];
  /** Whether `candidate` (from the same or a later feed in `src`) replaces `kept`. */
  replaces(candidate: LoadedItem, kept: LoadedItem): boolean;
}

/**
 * The news rules: two items are the same when they share a `url`, or share an `id` that is globally unique
 * (contains a colon: a URL, `tag:` or `urn:`); plain ids like "42" are only unique within their own feed.
 * Of two copies, the one changed last wins.
 */
export const NEWEST_COPY: MergeRules = {
  identity: (item) => {
    const keys = [item.id.includes(':') ? `id ${item.id}` : `id ${item.source}#${item.id}`];
    // A relative url that cannot be resolved against the feed's address (a feed from memory) is no key.
    const url = item.url && (/^https?:\/\//.test(item.url) ? item.url : parseUrl(item.url, item.source)?.href);
    if (url) keys.push(`url ${url}`);
    return keys;
  },
  replaces: (candidate, kept) => lastChange(candidate) > lastChange(kept),
};

export { LATER_FEED_WINS } from './merge-rules.js';

/** Merges the items of several feeds (in `src` order) by the given rules and sorts them. */
export function mergeItems(lists: LoadedItem[][], compare: (a: LoadedItem, b: LoadedItem) => number, rules: MergeRules = NEWEST_COPY): LoadedItem[] {
  const all = lists.length === 1 ? lists[0]! : ([] as LoadedItem[]).concat(...lists);
  // The calendar's feeds: nothing to merge, nothing to order; no key and no comparison for each of thousands of items.
  if (rules === EVERY_ITEM) return compare === FEED_ORDER ? all : all.sort(compare);
  const identities = all.map((item) => rules.identity(item));
  // Mostly no two items share a key (one feed, or feeds without copies): then every item is kept, in order.
  const seen = new Set<string>();
  if (identities.every((keys) => keys.every((key) => !seen.has(key) && seen.add(key)))) return all.sort(compare);
  const byKey = new Map<string, LoadedItem>();
  const kept = new Set<LoadedItem>();
  for (const [index, item] of all.entries()) {
    const keys = identities[index]!;
    const existing = keys.map((key) => byKey.get(key)).find(Boolean);
    if (existing && !rules.replaces(item, existing)) continue;
    if (existing) kept.delete(existing);
    kept.add(item);
    for (const key of [...keys, ...(existing ? rules.identity(existing) : [])]) byKey.set(key, item);
  }
  return [...kept].sort(compare);
}

function lastChange(item: LoadedItem): number {
  return (item.modified ?? item.published)?.getTime() ?? 0;
}

/** Newest first; undated items last, in feed order. */
export function newestFirst(a: LoadedItem, b: LoadedItem): number {
  const time = (item: LoadedItem) => (item.published ?? item.modified)?.getTime();
  const [ta, tb] = [time(a), time(b)];
  if (ta === undefined || tb === undefined) return ta === tb ? 0 : ta === undefined ? 1 : -1;
  return tb - ta;
}
