/**
 * OParl 1.0/1.1 meetings (the API of council information systems) as a calendar source, so that council sessions
 * need not be entered twice. Loaded only when a source is OParl.
 *
 * An OParl list cannot be filtered by meeting date (`created_since` and the like filter by change), so it is read
 * page by page, only as far as the days on screen need: `occurrences` answers at once with what has arrived and,
 * when the list may still hold meetings for those days, asks for the next page; when it has arrived the widget is
 * told (`changed`) and asks again, which may ask for the page after it, and so on.
 */
import type { ProblemCode } from '../../core/feed/problems.js';
import type { FeedDocument } from '../../core/feed/types.js';
import { dayOf, zonedInstant, type WallTime } from '../../core/time.js';
import { safeLink } from '../../core/urls.js';
import { MAX_OCCURRENCES, type CalendarEvent, type DayRange, type EventLocation, type EventSource, type Warn } from './event-calendar.types.js';

/** Pages one source reads at most: a list not sorted by start gives no sign of when to stop. */
export const MAX_PAGES = 20;

export interface Paging {
  /** Loads a page through the shared feed requests, with the widget's signal and limits. */
  load(url: string): Promise<FeedDocument>;
  /** A page has arrived: the widget asks for its occurrences again. */
  changed(): void;
}

/** An instant, or the wall-clock time of a server that leaves out the offset (read in the municipality's zone). */
type When = Date | WallTime;

interface Meeting {
  details: Omit<CalendarEvent, 'key' | 'start' | 'end' | 'startDay' | 'endDay'>;
  start: When;
  end?: When;
}

const OPARL_TYPE = /^https:\/\/schema\.oparl\.org\/1\.[01]\/(\w+)$/;

export function oparlSource(first: FeedDocument, sourceIndex: number, warn: Warn, paging: Paging): EventSource {
  const url = first.url;
  const warned = new Set<string>();
  const warnOnce: Warn = (code, message, data) => {
    if (!warned.has(message)) warn(code, message, data);
    warned.add(message);
  };
  const meetings: Meeting[] = [];
  const ids = new Set<string>();
  const pages = new Set([url]);
  let next = first.next;
  let loading = false;
  // How the list is sorted, as far as it has been read: it decides when later pages cannot matter (`passed`).
  let rising = true;
  let falling = true;
  let last: Meeting | undefined;
  let lastPage: Meeting[] = [];

  function read(document: FeedDocument): void {
    lastPage = [];
    document.items.forEach((raw, index) => {
      const meeting = readMeeting(raw, `meeting ${describe(raw, index)} of ${document.url}`, url, sourceIndex, warnOnce);
      // Lists change while they are paged: a meeting may come twice.
      if (!meeting || ids.has(meeting.details.uid)) return;
      ids.add(meeting.details.uid);
      if (last) {
        const step = approximate(meeting.start) - approximate(last.start);
        if (step < 0) rising = false;
        if (step > 0) falling = false;
      }
      meetings.push(meeting);
      lastPage.push(meeting);
      last = meeting;
    });
    next = document.next;
  }

  /** Whether the pages after those read can hold nothing for the range. */
  function passed(range: DayRange, timeZone: string): boolean {
    const day = (meeting: Meeting) => dayOf(instant(meeting.start, timeZone), timeZone);
    if (!last) return false;
    if (rising) return day(last) >= range.to;
    if (falling) return day(last) < range.from; // newest first
    // Not sorted: a page wholly after the range is taken as the sign (MAX_PAGES bounds the rest).
    return lastPage.length > 0 && lastPage.every((meeting) => day(meeting) >= range.to);
  }

  function readNext(): void {
    const page = next!;
    if (pages.has(page) || pages.size >= MAX_PAGES) {
      const reason = `stopped reading the list at ${page}: ${pages.has(page) ? 'the pages lead in a circle' : `${MAX_PAGES} pages are the limit (is the list sorted by start? a created_since filter in the URL skips old meetings)`}; later meetings are not shown`;
      warn('oparl-pages-stop', `${url}: ${reason}`, { path: '', reason });
      next = undefined;
      return;
    }
    pages.add(page);
    loading = true;
    paging.load(page).then(
      (document) => {
        if (document.format !== 'oparl') throw Object.assign(new Error(`it is not an OParl list but ${document.format}`), { code: 'oparl-not-a-meeting-list' });
        read(document);
        loading = false;
        paging.changed();
      },
    ).catch((error: Error & { code?: ProblemCode }) => {
      loading = false;
      pages.delete(page);
      if (error?.name === 'AbortError') return; // the widget left the page; it asks again when it is back
      // A FeedError says what it was (timeout, http-error, …).
      const reason = `could not read the page ${page}: ${error?.message}; later meetings are not shown`;
      warn(error?.code ?? 'network-failed', `${url}: ${reason}`, { path: '', reason });
      next = undefined;
      paging.changed();
    });
  }

  read(first);
  return {
    url,
    get loading() {
      return loading;
    },
    occurrences(range: DayRange, timeZone: string): CalendarEvent[] {
      if (next && !loading && !passed(range, timeZone)) readNext();
      const found: CalendarEvent[] = [];
      for (const meeting of meetings) {
        const start = instant(meeting.start, timeZone);
        // Without an end, a meeting is shown with its start only, as KPR events are: no end is made up.
        const end = meeting.end ? instant(meeting.end, timeZone) : start;
        const startDay = dayOf(start, timeZone);
        const endDay = dayOf(new Date(Math.max(start.getTime(), end.getTime() - 1)), timeZone);
        if (startDay >= range.to || endDay < range.from) continue;
        found.push({ ...meeting.details, key: `${sourceIndex}|${meeting.details.uid}|${start.toISOString()}`, start, end, startDay, endDay });
      }
      return found.sort((a, b) => a.start.getTime() - b.start.getTime()).slice(0, MAX_OCCURRENCES);
    },
  };
}

function readMeeting(raw: unknown, where: string, source: string, sourceIndex: number, warn: Warn): Meeting | undefined {
  const meeting = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  // The meeting left out for the field `path`.
  const skip = (path: string, reason: string) => void warn('meeting-invalid', `${where}: left out: ${reason}`, { path, severity: 'error', reason });
  const type = typeOf(meeting);
  if (type !== 'Meeting') return skip('type', type ? `it is an OParl ${type}, not a meeting` : 'it is not an OParl object');
  if (meeting.deleted === true) return undefined;
  const id = text(meeting.id);
  if (!id) return skip('id', 'it has no id');
  const start = readWhen(meeting.start);
  if (!start) return skip('start', meeting.start === undefined ? 'it has no start' : `start ${JSON.stringify(meeting.start)} is not a date-time ("2026-12-03T18:00:00+01:00")`);
  let end = meeting.end === undefined ? undefined : readWhen(meeting.end);
  if (meeting.end !== undefined && (!end || approximate(end) < approximate(start))) {
    const reason = `end ${JSON.stringify(meeting.end)} is not a date-time after the start; shown without an end`;
    warn('event-ends-before-start', `${where}: ${reason}`, { path: 'end', reason });
    end = undefined;
  }
  const title = text(meeting.name);
  if (!title) return skip('name', 'it has no name');
  const web = safeLink(text(meeting.web), source);
  // `organization` is a list of URLs; a server that embeds the objects gives the committee's name.
  const organization = Array.isArray(meeting.organization) ? (meeting.organization[0] as { name?: unknown } | undefined) : undefined;
  return {
    details: {
      uid: id,
      title,
      description: agenda(meeting.agendaItem, source, warn),
      url: web && /^https?:/.test(web) ? web : undefined,
      allDay: false,
      location: readLocation(meeting.location, source, warn),
      category: text(organization?.name),
      status: meeting.cancelled === true ? 'cancelled' : 'scheduled',
      recurring: false,
      source,
      sourceIndex,
    },
    start,
    end,
  };
}

/**
 * The public part of the agenda as plain text, one item a line ("Ö 1 Begrüßung"). Items not marked public — also
 * those that do not say — are never shown: their names may concern people or land in closed session.
 */
function agenda(raw: unknown, source: string, warn: Warn): string | undefined {
  if (!Array.isArray(raw)) return undefined;
  const items = raw.filter((item): item is Record<string, unknown> => !!item && typeof item === 'object');
  // Said once per source, not for every meeting.
  const say = (reason: string) => warn('meeting-part-not-loaded', `${source}: ${reason}`, { path: 'agendaItem', reason });
  if (items.length < raw.length) say('agenda items given only as links are not loaded');
  if (items.some((item) => typeof item.public !== 'boolean')) say('agenda items that do not say whether they are public are not shown');
  // OParl 1.1 numbers their order; otherwise the list's order is the agenda's.
  if (items.every((item) => typeof item.order === 'number')) items.sort((a, b) => (a.order as number) - (b.order as number));
  const lines = items.flatMap((item, index) => {
    const name = text(item.name);
    if (item.public !== true || !name) return [];
    const number = text(item.number) ?? String(index + 1);
    return [`${/^Ö/.test(number) ? '' : 'Ö '}${number} ${name}`];
  });
  return lines.join('\n') || undefined;
}

function readLocation(raw: unknown, source: string, warn: Warn): EventLocation | undefined {
  const reason = 'locations given only as links are not loaded';
  if (typeof raw === 'string') return void warn('meeting-part-not-loaded', `${source}: ${reason}`, { path: 'location', reason });
  if (!raw || typeof raw !== 'object') return undefined;
  const location = raw as Record<string, unknown>;
  const name = text(location.description) ?? text(location.room);
  const street = text(location.streetAddress);
  const town = [text(location.postalCode), text(location.locality)].filter(Boolean).join(' ');
  // The description is often the address itself.
  const address = [street, town].filter(Boolean).join(', ');
  const geo = point(location.geojson);
  if (!name && !address && !geo) return undefined;
  return { name, address: address && !(name && street && name.includes(street)) ? address : undefined, geo };
}

/** A GeoJSON point (or a Feature around one), WGS 84 as OParl recommends. */
function point(raw: unknown): EventLocation['geo'] {
  const json = raw as { type?: unknown; geometry?: unknown; coordinates?: unknown } | undefined;
  const geometry = (json?.type === 'Feature' ? json.geometry : json) as { type?: unknown; coordinates?: unknown } | undefined;
  const [lon, lat] = geometry?.type === 'Point' && Array.isArray(geometry.coordinates) ? (geometry.coordinates as unknown[]) : [];
  return typeof lat === 'number' && typeof lon === 'number' && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : undefined;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?([Zz]|[+-]\d{2}:\d{2})?$/;

function readWhen(raw: unknown): When | undefined {
  const match = typeof raw === 'string' ? DATE_TIME.exec(raw.trim()) : null;
  if (!match) return undefined;
  const [year, month, day, hour, minute, second = 0] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const wall = { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second };
  // A date that does not exist ("2026-02-30") is rejected, not moved into March.
  const check = new Date(approximate(wall));
  if (check.getUTCDate() !== wall.day || check.getUTCMonth() + 1 !== wall.month || wall.hour > 23 || wall.minute > 59) return undefined;
  return match[7] ? new Date(raw as string) : wall;
}

function instant(when: When, timeZone: string): Date {
  return when instanceof Date ? when : zonedInstant(when, timeZone);
}

/** Milliseconds good enough to tell the order of meetings: a wall time is read as UTC. */
function approximate(when: When): number {
  return when instanceof Date ? when.getTime() : Date.UTC(when.year, when.month - 1, when.day, when.hour, when.minute, when.second);
}

function typeOf(value: Record<string, unknown>): string | undefined {
  return OPARL_TYPE.exec(String(value.type))?.[1];
}

/** The meeting's id for warnings, or its place in the page when it has none. */
function describe(raw: unknown, index: number): string {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? `"${id}"` : `${index}`;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value.trim() || undefined : undefined;
}
