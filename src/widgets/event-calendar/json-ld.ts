import { dataBlockText } from '../../core/text.js';
import type { CalendarEvent } from './event-calendar.types.js';

const STATUS = {
  scheduled: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
  postponed: 'https://schema.org/EventPostponed',
  'moved-online': 'https://schema.org/EventMovedOnline',
} as const;

/** Search engines read events from JSON-LD; more than this many on one page is noise to them. */
const MAX_EVENTS = 100;

/**
 * The shown events as schema.org `Event` JSON-LD, so search engines list the town's events. Written into the
 * page's light DOM (search engines do not look into shadow roots) as a data block: it is never executed.
 */
export function writeJsonLd(host: HTMLElement, shown: readonly CalendarEvent[]): void {
  // An event without a title is no use to a search engine (Google reports it to the webmaster as an error).
  const events = shown.filter((event) => event.title);
  let block = host.querySelector<HTMLScriptElement>(':scope > script[data-kpr-events]');
  if (!events.length) {
    block?.remove();
    return;
  }
  if (!block) {
    block = document.createElement('script');
    block.type = 'application/ld+json';
    block.dataset.kprEvents = '';
    host.append(block);
  }
  const data = events.slice(0, MAX_EVENTS).map((event) => ({
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: event.title,
    startDate: event.allDay ? event.startDay : event.start.toISOString(),
    endDate: event.allDay ? event.endDay : event.end.toISOString(),
    eventStatus: STATUS[event.status],
    eventAttendanceMode: `https://schema.org/${event.status === 'moved-online' ? 'Online' : 'Offline'}EventAttendanceMode`,
    ...(event.description ? { description: event.description } : {}),
    ...(event.url ? { url: event.url } : {}),
    ...(event.location
      ? { location: { '@type': 'Place', name: event.location.name ?? event.location.address, ...(event.location.address ? { address: event.location.address } : {}) } }
      : {}),
    ...(event.organizer?.name ? { organizer: { '@type': 'Organization', name: event.organizer.name, ...(event.organizer.url ? { url: event.organizer.url } : {}) } } : {}),
  }));
  // "</" is escaped so that a title can never end the script element early.
  block.text = dataBlockText(JSON.stringify(data).replace(/<\//g, '<\\/'));
}
