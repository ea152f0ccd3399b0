import type { ReactiveController } from 'lit';
import { emit } from '../../core/events.js';
import type { FeedController } from '../../core/feed/feed-controller.js';
import { loadFeed } from '../../core/feed/feed-requests.js';
import type { ProblemCode } from '../../core/feed/problems.js';
import type { FeedDocument, FeedFormat, LoadedItem } from '../../core/feed/types.js';
import { logError, logWarning } from '../../core/log.js';
import type { CalendarEvent, DayRange, EventSource, Warn } from './event-calendar.types.js';
import { loadOnce } from '../../core/load-once.js';

/** The reader of KPR events feeds, loaded with the first (the calendar's `prepare`), kept for every later one. */
const loadJsonEvents = loadOnce(() => import('./json-events.js'));

type Host = HTMLElement & { src: string; timeout: number; requestUpdate(): void; addController(c: ReactiveController): void };

/** The formats the calendar reads. Another (RSS or Atom: news) in `src` is a fault in the setup. */
export const CALENDAR_FORMATS: readonly FeedFormat[] = ['json-feed', 'icalendar', 'oparl'];

/**
 * What the widget shows. When no source could be used (`failed`), `failures` names the problems' codes, by which
 * residents are offered a retry or told the calendar is set up wrongly (src/core/states.ts, renderFailure).
 */
export type CalendarState = 'loading' | 'ready' | 'failed';

/** What a source that could not be used gives instead: its problem's code. */
type Failure = { code: ProblemCode };

/**
 * Turns the loaded feeds into event sources: KPR event feeds at once, iCalendar files and OParl meeting lists
 * through their readers, each loaded only when a source needs it. Occurrences are computed per range on screen and
 * remembered, so moving back to a month costs nothing.
 *
 * An OParl list arrives one page at a time: its source asks for the next page through `loadFeed` (shared with
 * every widget, like the first page) when the range on screen needs it, and says when it has arrived; the
 * remembered occurrences are then forgotten and the widget renders again. Pages in flight are aborted when the
 * widget leaves the page or its `src` changes.
 */
export class EventSourcesController implements ReactiveController {
  sources: readonly EventSource[] = [];
  /** False while an iCalendar file is still being read. */
  private ready = false;
  /** What the sources that could not be read failed for, when none could: their problems' codes. */
  private failed: readonly Failure[] = [];
  private documents?: readonly FeedDocument[];
  private readonly cache = new Map<string, CalendarEvent[]>();
  /** The ranges `prepare` works on now (their keys): a render that asks for the same ones again changes nothing. */
  private preparing?: string;
  private pages = new AbortController();
  /**
   * Work for when the browser is idle, as steps, the most urgent first: the months next to this one (a resident may
   * move there any moment), then a feed's far-off events. It stops while the widget is off the page, where it would
   * work for nobody and keep the feed in memory, and goes on when the widget is back; a new `src` drops it.
   */
  private idleSteps: Array<() => boolean> = [];
  /** The events reader's `whenIdle`, once loaded; and what stops the idle work under way. */
  private runWhenIdle?: (step: () => boolean) => () => void;
  private stopIdle?: () => void;

  constructor(private readonly host: Host, private readonly feed: FeedController) {
    host.addController(this);
  }

  get state(): CalendarState {
    const { status } = this.feed;
    if (status === 'error') return 'failed';
    if (status !== 'ready' || !this.ready) return 'loading';
    return this.failed.length ? 'failed' : 'ready';
  }

  /** Why no source could be used, by code: the feeds' (no src, a web page, HTTP 503, …) or the calendar's readers'. */
  get failures(): readonly Failure[] {
    return this.feed.status === 'error' ? this.feed.errors : this.failed;
  }

  /** True while a source loads more of itself (the next page of an OParl list). */
  get loading(): boolean {
    return this.sources.some((source) => source.loading);
  }

  hostConnected(): void {
    if (!this.pages.signal.aborted) return;
    // Back on the page: pages aborted on leaving are asked for again when the range is computed anew.
    this.pages = new AbortController();
    this.cache.clear();
    this.host.requestUpdate();
    this.startIdle();
  }

  hostDisconnected(): void {
    this.pages.abort();
    this.stopIdle?.();
    this.stopIdle = undefined;
  }

  hostUpdate(): void {
    if (this.feed.status !== 'ready' || this.feed.documents === this.documents) return;
    this.pages.abort(); // pages of the old src are not wanted any more
    this.pages = new AbortController();
    this.documents = this.feed.documents;
    this.stopIdle?.();
    this.stopIdle = undefined;
    this.idleSteps = [];
    this.preparing = undefined;
    this.ready = false;
    void this.read(this.documents);
  }

  /**
   * Works out the occurrences of `ranges` (the months next to the one on screen) when the browser is idle, so that
   * moving there only draws. Not where a source would fetch for them: an OParl list's further pages are asked for
   * only when a resident moves to their days.
   */
  prepare(ranges: readonly DayRange[], timeZone: string): void {
    const waiting = ranges.filter((range) => !this.cache.has(keyOf(range, timeZone)));
    const key = waiting.map((range) => keyOf(range, timeZone)).join(',');
    if (!waiting.length || key === this.preparing || this.sources.some((source) => 'loading' in source)) return;
    this.preparing = key;
    const { documents } = this;
    void loadJsonEvents().then(({ whenIdle }) => documents === this.documents && this.queueIdle(whenIdle, () => {
      if (this.preparing !== key) return false; // asked for other ranges since
      const range = waiting.shift();
      if (range) this.occurrences(range, timeZone);
      if (waiting.length) return true;
      this.preparing = undefined;
      return false;
    }, true));
  }

  /** Runs `step` when the browser is idle, while the widget is on the page, until it says nothing is left. */
  private queueIdle(whenIdle: (step: () => boolean) => () => void, step: () => boolean, urgent = false): void {
    this.runWhenIdle = whenIdle;
    if (urgent) this.idleSteps.unshift(step);
    else this.idleSteps.push(step);
    this.startIdle();
  }

  private startIdle(): void {
    if (this.stopIdle || !this.runWhenIdle || !this.idleSteps.length || !this.host.isConnected) return;
    this.stopIdle = this.runWhenIdle(() => {
      const step = this.idleSteps[0];
      if (step && !step()) this.idleSteps = this.idleSteps.filter((other) => other !== step);
      if (this.idleSteps.length) return true;
      this.stopIdle = undefined;
      return false;
    });
  }

  /** Every occurrence in the range, from all sources, in start order. */
  occurrences(range: DayRange, timeZone: string): CalendarEvent[] {
    const key = keyOf(range, timeZone);
    let events = this.cache.get(key);
    if (!events) {
      events = this.sources.flatMap((source) => source.occurrences(range, timeZone)).sort((a, b) => a.start.getTime() - b.start.getTime() || (a.title ?? '').localeCompare(b.title ?? ''));
      if (this.cache.size > 24) this.cache.clear();
      this.cache.set(key, events);
    }
    return events;
  }

  private async read(documents: readonly FeedDocument[]): Promise<void> {
    const warn: Warn = (code, message) => logWarning(this.host, message, code);
    const read = await Promise.all(documents.map(async (document, index): Promise<EventSource | Failure> => {
      if (document.format !== 'icalendar' && document.format !== 'oparl') {
        const items = this.feed.items.filter((item) => item.source === document.url);
        const { jsonEventSource, noEventsMessage, whenIdle } = await loadJsonEvents();
        if (!isEventFeed(items)) return this.refuse(document.url, noEventsMessage(items.length));
        return jsonEventSource(items, document.url, index, warn, (step) => documents === this.documents && this.queueIdle(whenIdle, step));
      }
      try {
        if (document.format === 'oparl') {
          const { oparlSource } = await import('./oparl.js');
          return oparlSource(document, index, warn, {
            // The limits FeedController gives the first page.
            load: (url) => loadFeed(url, this.pages.signal, { timeoutMs: (this.host.timeout > 0 ? this.host.timeout : 10) * 1000, maxBytes: 5_000_000, retryDelayMs: 800 }),
            changed: () => {
              if (documents !== this.documents) return;
              this.cache.clear();
              this.host.requestUpdate();
            },
          });
        }
        const { readIcs } = await import('./ics.js');
        return await readIcs(document.text ?? '', document.url, index, warn);
      } catch (error) {
        const message = (error as Error).message;
        const code = document.format === 'icalendar' ? 'ics-not-readable' : 'oparl-not-a-meeting-list';
        logError(this.host, `could not use the calendar ${document.url}: ${message}`, code);
        emit(this.host, 'kpr-error', { url: document.url, kind: 'parse', code, message });
        return { code };
      }
    }));
    if (documents !== this.documents) return; // src changed meanwhile
    this.sources = read.filter((source): source is EventSource => 'occurrences' in source);
    this.failed = this.sources.length === 0 ? (read as Failure[]) : [];
    this.cache.clear();
    this.ready = true;
    this.host.requestUpdate();
  }

  /**
   * One error for a feed without events, instead of a warning for each of its items: the webmaster has most likely
   * put a news feed into the calendar's `src`. The message comes from the events reader's chunk: the first download
   * carries no console text that only a calendar set up wrongly needs.
   */
  private refuse(url: string, message: string): Failure {
    const code = 'items-of-another-widget';
    logError(this.host, `src: ${url} ${message}`, code);
    emit(this.host, 'kpr-error', { url, kind: 'format', code, message });
    return { code };
  }
}

const keyOf = (range: DayRange, timeZone: string) => `${range.from}|${range.to}|${timeZone}`;

/** A JSON Feed is one of events when one of its items at least has a start; an empty one may simply have none yet. */
function isEventFeed(items: readonly LoadedItem[]): boolean {
  return items.length === 0 || items.some((item) => item._kpr?.start !== undefined);
}
