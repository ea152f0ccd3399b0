/**
 * The feed bridge: for each configured feed, reads its sources and writes one KPR JSON Feed, keeping the last good
 * items of a source that fails. Pure: the caller loads the sources (`load`), keeps the state between runs and
 * writes the files (src/node/bridge.ts on the command line), so this runs and is tested without a server.
 */
import { loadedItem, mergeItems, newestFirst, NEWEST_COPY } from '../core/feed/items.js';
import type { FeedFormat, FeedItem, LoadedItem } from '../core/feed/types.js';
import { addDays, dayOf, startOfDay } from '../core/time.js';
import type { DayRange } from '../widgets/event-calendar/event-calendar.types.js';
import type { BridgeFeed } from './config.js';
import { compact, readEventSource, readNewsSource, type Load, type SourceRead } from './sources.js';

/** What is kept of a source between runs: its last good items, so that a failure does not empty the feed. */
export interface SourceState {
  items: FeedItem[];
  /** When it was last read successfully (ISO). */
  read: string;
  title?: string;
}

export interface FeedState {
  version: 1;
  /** By the source's URL as configured. */
  sources: Record<string, SourceState>;
}

export interface SourceReport {
  url: string;
  ok: boolean;
  format?: FeedFormat;
  /** Items of this source in the written feed (for a failed source: its last good ones still in range). */
  items: number;
  /** Why it failed: the HTTP status, the timeout, the parse error. */
  error?: string;
  /** For a failed source: when its last good items were read, or undefined when there are none. */
  lastGood?: string;
  warnings: string[];
}

export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url?: string;
  feed_url?: string;
  description?: string;
  language?: string;
  items: FeedItem[];
}

export interface FeedResult {
  out: string;
  feed: JsonFeed;
  /** The file's content: the same items give the same bytes, so an unchanged feed need not be written. */
  text: string;
  reports: SourceReport[];
  state: FeedState;
}

export interface BridgeOptions {
  timeZone: string;
  load: Load;
  now: Date;
  /** The state the previous run returned, if any. */
  state?: FeedState;
}

/** Reads one feed's sources and builds the feed. Never rejects for a source: its failure is in `reports`. */
export async function bridgeFeed(feed: BridgeFeed, { timeZone, load, now, state }: BridgeOptions): Promise<FeedResult> {
  const today = dayOf(now, timeZone);
  const range: DayRange = { from: addDays(today, -feed.window.pastDays), to: addDays(today, feed.window.futureDays + 1) };
  const previous = state?.version === 1 ? state.sources : {};
  const reads = await Promise.all(feed.sources.map(async (source) => {
    try {
      const read: SourceRead = feed.kind === 'events' ? await readEventSource(source, load, { timeZone, range }) : await readNewsSource(source, load);
      return { source, read };
    } catch (error) {
      return { source, error: describe(error) };
    }
  }));

  const next: FeedState = { version: 1, sources: {} };
  const reports: SourceReport[] = [];
  const lists: FeedItem[][] = [];
  for (const { source, read, error } of reads) {
    const kept = previous[source.url];
    if (read) {
      next.sources[source.url] = { items: read.items, read: now.toISOString(), ...(read.title ? { title: read.title } : {}) };
      lists.push(read.items);
      reports.push({ url: source.url, ok: true, format: read.format, items: read.items.length, warnings: read.warnings });
    } else {
      // A failing source keeps its last good items (events only while still in range), and its state for next time.
      const items = kept ? (feed.kind === 'events' ? kept.items.filter((item) => inRange(item, range)) : kept.items) : [];
      if (kept) next.sources[source.url] = kept;
      lists.push(items);
      reports.push({ url: source.url, ok: false, items: items.length, error, lastGood: kept?.read, warnings: [] });
    }
  }

  const items = feed.kind === 'events' ? eventItems(lists, timeZone) : newsItems(lists, feed, now);
  // Count what each source has in the written feed, after merging and the limit.
  const written = new Set(items);
  lists.forEach((list, index) => (reports[index]!.items = list.filter((item) => written.has(item)).length));
  const title = feed.title ?? reads.map((r) => r.read?.title).find(Boolean) ?? feed.sources.map((s) => previous[s.url]?.title).find(Boolean) ?? feed.out.replace(/\.json$/, '');
  const document: JsonFeed = compact({
    version: 'https://jsonfeed.org/version/1.1' as const,
    title,
    home_page_url: feed.home_page_url,
    feed_url: feed.feed_url,
    description: feed.description,
    language: feed.language,
    items,
  });
  return { out: feed.out, feed: document, text: `${JSON.stringify(document, null, 2)}\n`, reports, state: next };
}

/** Events in start order; an id seen twice (the same source configured in two spellings) is written once. */
function eventItems(lists: FeedItem[][], timeZone: string): FeedItem[] {
  const seen = new Set<string>();
  const all = lists.flat().filter((item) => !seen.has(item.id) && seen.add(item.id));
  const start = new Map(all.map((item) => [item, startOf(item, timeZone)]));
  return all.sort((a, b) => start.get(a)! - start.get(b)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * News merged by the widget's own rule (the same article from two sources once, the copy changed last wins),
 * newest first. Items dated in the future are left out until a later run: the widget would hide them until then
 * anyway, and feed readers would not.
 */
function newsItems(lists: FeedItem[][], feed: BridgeFeed, now: Date): FeedItem[] {
  const loaded = new Map<LoadedItem, FeedItem>();
  const loadedLists = lists.map((list, index) => list.map((item) => {
    const entry = loadedItem(item, feed.sources[index]!.url);
    loaded.set(entry, item);
    return entry;
  }));
  const merged = mergeItems(loadedLists, newestFirst, NEWEST_COPY).filter((item) => !item.published || item.published <= now);
  return (feed.limit > 0 ? merged.slice(0, feed.limit) : merged).map((item) => loaded.get(item)!);
}

/** Whether a kept event still touches the range: its days are written in the municipality's zone. */
function inRange(item: FeedItem, range: DayRange): boolean {
  const kpr = (item._kpr ?? {}) as { start?: string; end?: string };
  const startDay = kpr.start?.slice(0, 10) ?? '';
  const endDay = kpr.end?.slice(0, 10) ?? startDay;
  return startDay < range.to && endDay >= range.from;
}

function startOf(item: FeedItem, timeZone: string): number {
  const start = String((item._kpr as { start?: unknown } | undefined)?.start ?? '');
  return start.length === 10 ? startOfDay(start, timeZone).getTime() : Date.parse(start);
}


function describe(error: unknown): string {
  return (error as Error | undefined)?.message ?? String(error);
}
