import type { ReactiveController } from 'lit';
import { emit } from '../../core/events.js';
import type { FeedController } from '../../core/feed/feed-controller.js';
import type { FeedDocument } from '../../core/feed/types.js';
import { logError, logWarning } from '../../core/log.js';
import type { CalendarEvent, DayRange, EventSource } from './event-calendar.types.js';

/**
 * Turns the loaded feeds into event sources: KPR event feeds at once, iCalendar files through the iCalendar
 * reader, which is loaded only when a source is iCalendar. Occurrences are computed per range on screen and
 * remembered, so moving back to a month costs nothing.
 */
export class EventSourcesController implements ReactiveController {
  sources: readonly EventSource[] = [];
  /** False while an iCalendar file is still being read. */
  ready = false;
  /** True when no source could be read at all: the widget shows its error state. */
  failed = false;
  private documents?: readonly FeedDocument[];
  private readonly cache = new Map<string, CalendarEvent[]>();

  constructor(private readonly host: HTMLElement & { requestUpdate(): void; addController(c: ReactiveController): void }, private readonly feed: FeedController) {
    host.addController(this);
  }

  hostUpdate(): void {
    if (this.feed.status !== 'ready' || this.feed.documents === this.documents) return;
    this.documents = this.feed.documents;
    this.ready = false;
    void this.read(this.documents);
  }

  /** Every occurrence in the range, from all sources, in start order. */
  occurrences(range: DayRange, timeZone: string): CalendarEvent[] {
    const key = `${range.from}|${range.to}|${timeZone}`;
    let events = this.cache.get(key);
    if (!events) {
      events = this.sources.flatMap((source) => source.occurrences(range, timeZone)).sort((a, b) => a.start.getTime() - b.start.getTime() || a.title.localeCompare(b.title));
      if (this.cache.size > 24) this.cache.clear();
      this.cache.set(key, events);
    }
    return events;
  }

  private async read(documents: readonly FeedDocument[]): Promise<void> {
    const warn = (message: string) => logWarning(this.host, message);
    const read = await Promise.all(documents.map(async (document, index): Promise<EventSource | undefined> => {
      if (document.format !== 'icalendar') {
        const { jsonEventSource } = await import('./json-events.js');
        return jsonEventSource(this.feed.items.filter((item) => item.source === document.url), document.url, index, warn);
      }
      try {
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
