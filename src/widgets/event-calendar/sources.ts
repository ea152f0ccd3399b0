import type { ReactiveController } from 'lit';
import { emit } from '../../core/events.js';
import type { FeedController } from '../../core/feed/feed-controller.js';
import { loadFeed } from '../../core/feed/feed-requests.js';
import type { FeedDocument } from '../../core/feed/types.js';
import { logError, logWarning } from '../../core/log.js';
import type { CalendarEvent, DayRange, EventSource } from './event-calendar.types.js';

type Host = HTMLElement & { timeout: number; requestUpdate(): void; addController(c: ReactiveController): void };

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
  ready = false;
  /** True when no source could be read at all: the widget shows its error state. */
  failed = false;
  private documents?: readonly FeedDocument[];
  private readonly cache = new Map<string, CalendarEvent[]>();
  private pages = new AbortController();

  constructor(private readonly host: Host, private readonly feed: FeedController) {
    host.addController(this);
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
  }

  hostDisconnected(): void {
    this.pages.abort();
  }

  hostUpdate(): void {
    if (this.feed.status !== 'ready' || this.feed.documents === this.documents) return;
    this.pages.abort(); // pages of the old src are not wanted any more
    this.pages = new AbortController();
    this.documents = this.feed.documents;
    this.ready = false;
    void this.read(this.documents);
  }

  /** Every occurrence in the range, from all sources, in start order. */
  occurrences(range: DayRange, timeZone: string): CalendarEvent[] {
    const key = `${range.from}|${range.to}|${timeZone}`;
    let events = this.cache.get(key);
    if (!events) {
      events = this.sources.flatMap((source) => source.occurrences(range, timeZone)).sort((a, b) => a.start.getTime() - b.start.getTime() || (a.title ?? '').localeCompare(b.title ?? ''));
      if (this.cache.size > 24) this.cache.clear();
      this.cache.set(key, events);
    }
    return events;
  }

  private async read(documents: readonly FeedDocument[]): Promise<void> {
    const warn = (message: string) => logWarning(this.host, message);
    const read = await Promise.all(documents.map(async (document, index): Promise<EventSource | undefined> => {
      if (document.format !== 'icalendar' && document.format !== 'oparl') {
        const { jsonEventSource } = await import('./json-events.js');
        return jsonEventSource(this.feed.items.filter((item) => item.source === document.url), document.url, index, warn);
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
        logError(this.host, `could not use the calendar ${document.url}: ${message}`);
        emit(this.host, 'kpr-error', { url: document.url, kind: 'parse', message });
        return undefined;
      }
    }));
    if (documents !== this.documents) return; // src changed meanwhile
    this.sources = read.filter((source): source is EventSource => !!source);
    this.failed = this.sources.length === 0 && documents.length > 0;
    this.cache.clear();
    this.ready = true;
    this.host.requestUpdate();
  }
}
