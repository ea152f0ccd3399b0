import { logWarning } from '../log.js';
import type { FeedControllerOptions } from './feed-controller.js';
import { FeedError } from './feed-error.js';
import { mergeItems, newestFirst, readItems, type SkippedItem } from './items.js';
import type { ProblemCode } from './problems.js';
import type { FeedDocument, FeedFormat, LoadedItem } from './types.js';

/** How messages name each format (the validator's too). */
export const FORMAT_NAMES: Record<FeedFormat, string> = { 'json-feed': 'a JSON Feed', rss: 'an RSS feed', atom: 'an Atom feed', icalendar: 'an iCalendar file', oparl: 'an OParl meeting list' };
/** Formats whose contents are no feed items: the widget reads them itself (the calendar: iCalendar and OParl). */
const READ_BY_WIDGET: readonly FeedFormat[] = ['icalendar', 'oparl'];

/** A console warning, and the code of its problem where it has one. */
type Warning = [message: string, code?: ProblemCode];

/** Warnings of one kind per feed before the rest are summed up in one line. */
const MAX_WARNINGS = 10;

export interface ReadFeeds {
  /** The valid items of every usable feed, merged and sorted. */
  items: LoadedItem[];
  /** How many feeds were read in a format the widget shows, even those none of whose items is valid. */
  usable: number;
  /** How many items were skipped as invalid. */
  skipped: number;
  /**
   * Feeds none of whose items is valid. The widget shows that there is nothing to show rather than its error
   * state: asking the server again cannot mend the feed, so a retry button would only mislead residents.
   */
  errors: FeedError[];
}

/**
 * Validates the items of the feeds that arrived against JSON Feed and the widget's schema, warns in the console
 * about what the readers read despite a fault and about each item it skips, and merges the rest. The
 * FeedController loads this module while the feeds are in flight: nothing needs it before one has arrived.
 */
export function readFeeds(host: Element, documents: readonly FeedDocument[], options: FeedControllerOptions): ReadFeeds {
  const lists: LoadedItem[][] = [];
  const errors: FeedError[] = [];
  let skippedCount = 0;
  const formats = options.formats ?? ['json-feed', 'rss', 'atom'];
  for (const document of documents) {
    if (!formats.includes(document.format)) {
      errors.push(new FeedError('format', document.url, `it is ${FORMAT_NAMES[document.format]}, and <${host.localName}> reads ${new Intl.ListFormat('en', { type: 'disjunction' }).format(formats.map((f) => FORMAT_NAMES[f]))}`, undefined, 'format-not-read'));
      continue;
    }
    if (READ_BY_WIDGET.includes(document.format)) {
      lists.push([]);
      continue;
    }
    const warnings = (document.warnings ?? []).map(({ code, path, message }): Warning => [`in ${document.url}${path ? ` at ${path}` : ''}: ${message}`, code]);
    warnAtMost(host, warnings, (more) => `${more} more warnings about ${document.url} (${warnings.length} in all)`);
    const { items, skipped } = readItems(document, options.extension, { inPlace: true });
    warnAtMost(host, skipped.map((item): Warning => [describeSkipped(item)]), (more) => `skipped ${more} more items of ${document.url} (${skipped.length} in all); the first ${MAX_WARNINGS} are described above`);
    skippedCount += skipped.length;
    if (items.length === 0 && skipped.length > 0) {
      const [first] = skipped as [SkippedItem];
      const others = skipped.length > 1 ? '; the warnings above name the others' : '';
      errors.push(new FeedError('invalid', document.url, `none of its ${skipped.length} items is valid, so the widget says there is nothing to show (${which(first)}: ${what(first)}${others})`));
    }
    lists.push(items);
  }
  return { items: mergeItems(lists, options.compare ?? newestFirst, options.merge), usable: lists.length, skipped: skippedCount, errors };
}

/** Each problem is named, up to a point: a feed with a thousand broken items must not bury the console. */
function warnAtMost(host: Element, messages: Warning[], rest: (more: number) => string): void {
  messages.slice(0, MAX_WARNINGS).forEach(([message, code]) => logWarning(host, message, code));
  if (messages.length > MAX_WARNINGS) logWarning(host, rest(messages.length - MAX_WARNINGS));
}

function describeSkipped(item: SkippedItem): string {
  return `skipped ${which(item)} of ${item.source}: ${what(item)}`;
}

function which({ index, id }: SkippedItem): string {
  return `item ${index}${id ? ` (id "${id}")` : ''}`;
}

/** Each problem with its code, as the validator names it: "title is required [schema-required]". */
function what({ problems }: SkippedItem): string {
  return problems.map((p) => `${p.path || 'the item'} ${p.message} [${p.code}]`).join('; ');
}

/**
 * A bug of ours while reading the feeds: the widget shows the error state and the console says so. Its text is here,
 * in the chunk that reads the feeds, not in the widgets' first download.
 */
export function readFailed(url: string, error: unknown): FeedError {
  return new FeedError('invalid', url, `could not be read (${String(error)}); please report this`);
}
