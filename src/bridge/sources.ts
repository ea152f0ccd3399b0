/**
 * Reads one source of the bridge into KPR JSON Feed items, with the very readers the widgets use (parse.ts,
 * items.ts and the calendar's ics.ts, oparl.ts and json-events.ts), so a feed looks the same through the bridge as
 * read directly by a widget. No Node API here: the bytes come through `load`, which the command line provides.
 */
import { FeedError } from '../core/feed/feed-error.js';
import { readItems, type SkippedItem } from '../core/feed/items.js';
import { parseFeed } from '../core/feed/parse.js';
import type { FeedDocument, FeedFormat, FeedItem, LoadedItem } from '../core/feed/types.js';
import { offsetDateTime } from '../core/time.js';
import { parseUrl, safeLink } from '../core/urls.js';
import type { Schema } from '../core/validate.js';
import newsSchema from '../schemas/kpr-news.schema.json';
import type { CalendarEvent, DayRange, EventSource, Warn } from '../widgets/event-calendar/event-calendar.types.js';
import { readIcs } from '../widgets/event-calendar/ics.js';
import { jsonEventSource } from '../widgets/event-calendar/json-events.js';
import { oparlSource } from '../widgets/event-calendar/oparl.js';
import type { BridgeSource } from './config.js';

/** A source's text and the absolute URL it came from (`file:` for a local file), the base for its relative links. */
export interface Loaded {
  text: string;
  url: string;
}

/**
 * Fetches a source (`url` as configured) or a further page of it (`url` absolute), within the source's time and
 * size limits. Rejects with a FeedError (or any Error) saying what went wrong.
 */
export type Load = (url: string, source: BridgeSource) => Promise<Loaded>;

export interface SourceRead {
  items: FeedItem[];
  /** The source's own title, a default for the written feed's. */
  title?: string;
  format: FeedFormat;
  /** Problems that cost single items, not the source: for the report. */
  warnings: string[];
}

const NEWS_FORMATS: readonly FeedFormat[] = ['json-feed', 'rss', 'atom'];
const EVENT_FORMATS: readonly FeedFormat[] = ['json-feed', 'icalendar', 'oparl'];

/** RSS, Atom or JSON Feed news, as items ready to merge: absolute links and ids unique across the sources. */
export async function readNewsSource(source: BridgeSource, load: Load): Promise<SourceRead> {
  const { document, warnings } = await open(source, load, NEWS_FORMATS, 'news');
  const { items, skipped } = readItems(document, newsSchema as Schema);
  warnings.push(...skipped.map(describeSkipped));
  if (items.length === 0 && skipped.length > 0) throw new FeedError('invalid', source.url, `none of its ${skipped.length} items is valid: ${warnings[0]}`);
  return { items: items.map((item) => newsItem(item, source.url, document.url)), title: document.title || undefined, format: document.format, warnings };
}

function describeSkipped(item: SkippedItem): string {
  return `item ${item.index}${item.id ? ` (id "${item.id}")` : ''} left out: ${item.problems.map((p) => `${p.path || 'the item'} ${p.message}`).join('; ')}`;
}

/** A news item as the bridge writes it: the reader's extra fields gone, its links absolute. */
function newsItem(item: LoadedItem, configured: string, base: string): FeedItem {
  const { source: _source, published: _published, modified: _modified, ...plain } = item;
  const written: FeedItem = { ...plain, id: itemId(item.id, configured) };
  // The written feed lives elsewhere than its source, so a relative link would point to the wrong server.
  for (const key of ['url', 'external_url', 'image', 'banner_image'] as const) {
    // Links follow the news widget's rule (http(s), mailto, tel); images must be web addresses.
    const absolute = key === 'url' || key === 'external_url' ? safeLink(item[key], base) : webUrl(item[key], base);
    if (absolute) written[key] = absolute;
    else delete written[key];
  }
  if (item.authors) {
    written.authors = item.authors.map((author) => {
      const copy = { ...author, url: webUrl(author.url, base), avatar: webUrl(author.avatar, base) };
      return Object.fromEntries(Object.entries(copy).filter(([, value]) => value !== undefined));
    });
  }
  return written;
}

export interface EventContext {
  timeZone: string;
  /** The days written: recurring events are expanded into these, and only the OParl pages they need are read. */
  range: DayRange;
}

/** iCalendar, OParl or a KPR events feed, as one item per occurrence in the range. */
export async function readEventSource(source: BridgeSource, load: Load, context: EventContext): Promise<SourceRead> {
  const { document, warnings, first } = await open(source, load, EVENT_FORMATS, 'events');
  // The readers name the file by the address it was loaded from; the report names it as configured.
  const note = (message: string) => void warnings.push(message.split(first).join(source.url).replace(new RegExp(`^${escape(source.url)}: `), ''));
  const warn: Warn = (_code, message) => note(message);
  let events: CalendarEvent[];
  if (document.format === 'icalendar') {
    events = (await readIcs(document.text ?? '', document.url, 0, warn)).occurrences(context.range, context.timeZone);
  } else if (document.format === 'oparl') {
    events = await readOparl(document, source, load, context, warn);
  } else {
    const { items, skipped } = readItems(document);
    skipped.map(describeSkipped).forEach(note);
    if (items.length === 0 && skipped.length > 0) throw new FeedError('invalid', source.url, `none of its ${skipped.length} items is valid: ${warnings[0]}`);
    events = jsonEventSource(items, document.url, 0, warn).occurrences(context.range, context.timeZone);
  }
  return { items: events.map((event) => eventItem(event, source, context.timeZone)), title: document.title || undefined, format: document.format, warnings };
}

/**
 * An OParl list cannot be asked for a date range, so its pages are read as the widget reads them: the source asks
 * for the next page while the range may still hold meetings on it, and says when that page has arrived. Pages are
 * fetched from the list's own server only. A page that fails fails the source, so its last good items are kept
 * rather than a list cut short.
 */
async function readOparl(first: FeedDocument, source: BridgeSource, load: Load, context: EventContext, warn: Warn): Promise<CalendarEvent[]> {
  let failure: Error | undefined;
  let arrived: (() => void) | undefined;
  const events: EventSource = oparlSource(first, 0, warn, {
    load: async (page) => {
      try {
        if (!samePlace(page, first.url)) throw new FeedError('config', page, `the next page is on another server than the list (${first.url}); the bridge asks only the configured server`);
        const loaded = await load(page, source);
        return await parseFeed(loaded.text, loaded.url);
      } catch (error) {
        failure ??= error as Error;
        throw error;
      }
    },
    changed: () => arrived?.(),
  });
  for (;;) {
    const found = events.occurrences(context.range, context.timeZone);
    if (!events.loading) {
      if (failure) throw failure;
      return found;
    }
    await new Promise<void>((resolve) => (arrived = resolve));
  }
}

/** Loads and parses the source, and checks it is a format this kind of feed reads (and the one configured). */
async function open(source: BridgeSource, load: Load, formats: readonly FeedFormat[], kind: string) {
  const loaded = await load(source.url, source);
  const document = await parseFeed(loaded.text, loaded.url);
  if (source.format && document.format !== source.format) {
    throw new FeedError('format', source.url, `it is ${document.format}, but the configuration says format "${source.format}"`);
  }
  if (!formats.includes(document.format)) {
    throw new FeedError('format', source.url, `it is ${document.format}, which a feed of kind "${kind}" does not read (it reads ${formats.join(', ')})`);
  }
  return { document, warnings: [] as string[], first: loaded.url };
}

/** One occurrence as a KPR event item (kpr-events.schema.json), in the municipality's wall-clock time. */
function eventItem(event: CalendarEvent, source: BridgeSource, timeZone: string): FeedItem {
  const base = itemId(event.uid, source.url);
  // Each occurrence of a series is an item of its own: the series' id and the occurrence's start (as RFC 5545
  // writes a RECURRENCE-ID), the same on every run, so that feed readers do not show an event twice.
  const stamp = event.allDay ? event.startDay.replace(/-/g, '') : event.start.toISOString().replace(/[-:]|\.\d+/g, '');
  const location = event.location && compact({ name: event.location.name, address: event.location.address, geo: event.location.geo });
  const organizer = event.organizer && compact({ name: event.organizer.name, email: event.organizer.email, url: event.organizer.url });
  const kpr = compact({
    start: event.allDay ? event.startDay : offsetDateTime(event.start, timeZone),
    // All-day: the last day, inclusive (the schema's rule, unlike iCalendar's DTEND). Timed: the instant it ends.
    end: event.allDay ? (event.endDay > event.startDay ? event.endDay : undefined) : event.end > event.start ? offsetDateTime(event.end, timeZone) : undefined,
    all_day: event.allDay || undefined,
    location: location && Object.keys(location).length ? location : undefined,
    category: event.category ?? source.category,
    organizer: organizer && Object.keys(organizer).length ? organizer : undefined,
    status: event.status === 'scheduled' ? undefined : event.status,
    registration_url: event.registrationUrl,
    accessibility: event.accessibility,
  });
  return compact({
    id: event.recurring ? `${base}@${stamp}` : base,
    url: event.url,
    title: event.title,
    // JSON Feed asks for a text or HTML; the HTML (iCalendar's X-ALT-DESC) is passed on for the widget to sanitise.
    content_text: event.description ?? (event.html ? undefined : ''),
    content_html: event.html,
    _kpr: kpr,
  }) as FeedItem;
}

/**
 * An id unique in the written feed and the same on every run. An id with a colon (a web address as OParl's, a
 * `tag:` or `urn:`) is unique anyway, by the rule the news widget merges by; others ("42", most iCalendar UIDs) are
 * unique only within their source, so the source (as configured) comes first.
 */
function itemId(id: string, configured: string): string {
  return id.includes(':') ? id : `${configured}#${id}`;
}

function webUrl(raw: string | undefined, base: string): string | undefined {
  const url = raw ? parseUrl(raw, base) : null;
  return url && (url.protocol === 'https:' || url.protocol === 'http:') ? url.href : undefined;
}

/** Whether a further page comes from where the list itself came from (the same origin, or both local files). */
function samePlace(page: string, list: string): boolean {
  const [a, b] = [parseUrl(page), parseUrl(list)];
  if (!a || !b) return false;
  return a.protocol === 'file:' ? b.protocol === 'file:' : a.origin === b.origin;
}

/** Leaves out undefined fields, so that written items look hand-written. */
export function compact<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
