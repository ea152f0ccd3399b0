import type { ProblemCode } from '../../core/feed/problems.js';
import type { LoadedItem, ProblemData } from '../../core/feed/types.js';
import { firstSentence, plainText } from '../../core/text.js';
import { addDays, dayNumber, dayOf, daysBetween, isKnownTimeZone, startOfDay } from '../../core/time.js';
import { safeLink } from '../../core/urls.js';
import { validate } from '../../core/validate.js';
import {
  MAX_OCCURRENCES, type CalendarEvent, type DayRange, type EventLocation, type EventOrganizer, type EventSource, type EventStatus, type Warn,
} from './event-calendar.types.js';
import { EVENTS_SCHEMA } from './events-schema.js';
import { expandSeries, type SeriesExpansion, type SeriesStart } from './recurrence.js';

const DEFS = EVENTS_SCHEMA.$defs!;
const DAY_MS = 86_400_000;
const STATUSES: readonly EventStatus[] = ['scheduled', 'cancelled', 'postponed', 'moved-online'];

interface EventExtension {
  start?: unknown;
  end?: unknown;
  all_day?: unknown;
  time_zone?: unknown;
  location?: unknown;
  category?: unknown;
  organizer?: unknown;
  status?: unknown;
  registration_url?: unknown;
  accessibility?: unknown;
  recurrence?: { rrule?: unknown; exdates?: unknown; rdates?: unknown };
}

/** An event as read from its item, before it is placed on days: the parts every occurrence shares. */
type Shared = Omit<CalendarEvent, 'key' | 'start' | 'end' | 'startDay' | 'endDay' | 'recurring'>;

interface EventTemplate {
  item: LoadedItem;
  /** The feed's URL: a problem's message names the event by its id and this (`whereOf`), written only then. */
  url: string;
  /** Title, text, place, links: read when the event is first shown (null: it cannot be shown), not for all 5,000. */
  shared?: Shared | null;
  allDay: boolean;
  /** The (first) start: an instant, or the day of an all-day event. */
  start: SeriesStart;
  /** Milliseconds for timed events; days after the first for all-day events (0 for one day). */
  length: number;
  timeZone?: string;
  recurrence?: { rrule?: string; exdates: SeriesStart[]; rdates: SeriesStart[] };
  /** Expanded series by zone: the widget's zone is known only when occurrences are asked for (none for a single event). */
  expansions?: Map<string, SeriesExpansion>;
  /** The days its written dates span (day numbers, see `writtenDays`), when the source read it lazily. */
  first?: number;
  last?: number;
}

/** A `_kpr.start` or `end`: its date as written, and the instant when it has a time. */
interface When {
  day: string;
  instant?: Date;
}

/**
 * Reads the events far from the days on screen later: `step` reads some of them and says whether any are left. The
 * widget runs it when the browser is idle, so that a feed of 5,000 events is not read whole before the first month
 * is shown, and every warning about a far-off event still reaches the console.
 */
export type ReadLater = (step: () => boolean) => void;

/**
 * Runs `step` while the browser is idle, until it says nothing is left; the function returned stops it (the widget
 * left the page, or its `src` changed). Here, in the events reader's chunk, not in the widget's first download.
 */
export function whenIdle(step: () => boolean): () => void {
  // Safari has no requestIdleCallback: a timer's task, after the frame that shows the calendar.
  const idle = typeof requestIdleCallback === 'function';
  let pending: number | undefined;
  const run = (deadline?: IdleDeadline) => {
    let more = true;
    while (more && (!deadline || deadline.timeRemaining() > 2)) more = step();
    pending = more ? schedule() : undefined;
  };
  const schedule = () => (idle ? requestIdleCallback(run, { timeout: 2000 }) : window.setTimeout(run, 50));
  pending = schedule();
  return () => {
    if (pending !== undefined) (idle ? cancelIdleCallback : clearTimeout)(pending);
    pending = undefined;
  };
}

/** Days around an event's written dates within which it may fall in any zone (offsets and zones of up to 26 hours). */
const MARGIN_DAYS = 3;
/** Events read by one `step` of the later reading. */
const LATER_BATCH = 250;

/** An item not yet read, with the days (numbers) its written dates span; series up to their UNTIL. */
interface Unread {
  item: LoadedItem;
  first: number;
  last: number;
}

/**
 * The events of one KPR events feed (validated JSON Feed items) as a calendar source. Problems go to `warn`,
 * each naming the feed, the item and the field, and each only once.
 *
 * Without `later`, every event is read at once (the validator and the bridge report on all of them). With it, only
 * the events whose dates, as written, come near the days asked for are read then; the others when a range needs
 * them or when `later` runs its steps, and their warnings come then. An event whose dates cannot be told that
 * cheaply, a series without UNTIL or with RDATEs, and every event sharing its id with another are read at once.
 */
export function jsonEventSource(items: readonly LoadedItem[], url: string, sourceIndex: number, warn: Warn, later?: ReadLater): EventSource {
  const warned = new Set<string>();
  const warnOnce: Warn = (code, message, data) => {
    if (!warned.has(message)) warn(code, message, data);
    warned.add(message);
  };
  const seen = new Set<string>();
  const events: EventTemplate[] = [];
  const read = (item: LoadedItem, window?: Unread) => {
    if (seen.has(item.id)) {
      say(warnOnce, whereOf(item.id, url), 'duplicate-id', 'another event of the feed has the same id', { path: 'id', severity: 'error' });
      return undefined;
    }
    const event = readEvent(item, url, warnOnce);
    if (!event) return undefined;
    if (window) {
      event.first = window.first;
      event.last = window.last;
    }
    events.push(event);
    seen.add(item.id);
    return event;
  };
  let unread: Unread[] = [];
  if (later) {
    // Which of two items with one id is kept depends on the order they are read in: such items are read at once.
    const ids = new Set<string>();
    const twice = new Set<string>();
    for (const item of items) (ids.has(item.id) ? twice : ids).add(item.id);
    for (const item of items) {
      const window = twice.has(item.id) ? undefined : writtenDays(item);
      if (window) unread.push(window);
      else read(item);
    }
  } else {
    for (const item of items) read(item);
  }
  /** The zone the last range was asked in: the later reading prepares series in it, and so warns about their rules. */
  let zone: string | undefined;
  /** The middle of the last range asked for: the later reading begins with the events nearest to it. */
  let middle: number | undefined;
  let sorted = false;
  const readLater = () => {
    if (!sorted && middle !== undefined) {
      // The months next to the one on screen first: a resident who moves on finds their events read.
      unread.sort((a, b) => distance(a, middle!) - distance(b, middle!));
      sorted = true;
    }
    const batch = unread.splice(0, LATER_BATCH);
    for (const window of batch) {
      const event = read(window.item, window);
      if (event?.recurrence && zone) expansionOf(event, zone, warnOnce);
    }
    return unread.length > 0;
  };
  if (later && unread.length) later(readLater);

  return {
    url,
    occurrences(range: DayRange, timeZone: string): CalendarEvent[] {
      zone = timeZone;
      const found: CalendarEvent[] = [];
      const [fromDay, toDay] = [dayNumber(range.from) - MARGIN_DAYS, dayNumber(range.to) + MARGIN_DAYS];
      middle ??= (fromDay + toDay) / 2;
      if (unread.length) {
        const left: Unread[] = [];
        for (const window of unread) {
          if (window.first < toDay && window.last >= fromDay) read(window.item, window);
          else left.push(window);
        }
        unread = left;
      }
      // A cheap first look, in UTC with two days to spare for any zone, before placing an event on days.
      const [from, to] = [(fromDay + 1) * DAY_MS, (toDay - 1) * DAY_MS];
      for (const event of events) {
        if (event.first !== undefined && !(event.first < toDay && event.last! >= fromDay)) continue;
        if (!event.recurrence && !near(event, from, to)) continue;
        if (event.shared === undefined) event.shared = readDetails(event, url, sourceIndex, warnOnce);
        if (!event.shared) continue;
        for (const start of startsOf(event, range, timeZone, warnOnce)) {
          const occurrence = place(event, event.shared, start, timeZone);
          if (occurrence.startDay < range.to && occurrence.endDay >= range.from) found.push(occurrence);
        }
      }
      return found.sort(byStart).slice(0, MAX_OCCURRENCES);
    },
  };
}

/** Days between an unread event's written days and `day`. */
function distance({ first, last }: Unread, day: number): number {
  return first > day ? first - day : last < day ? day - last : 0;
}

const UNTIL_DAY = /(?:^|;)UNTIL=(\d{4})(\d{2})(\d{2})(?=T|;|$)/g;

/**
 * The days an item's dates span as written (day numbers), without reading them: a string match, no checks. A
 * series spans its start to its UNTIL, plus its length. Undefined when that cannot be told so cheaply.
 */
function writtenDays(item: LoadedItem): Unread | undefined {
  const kpr = item._kpr as EventExtension | undefined;
  const first = writtenDay(kpr?.start);
  if (first === undefined) return undefined;
  const end = kpr!.end === undefined ? first : writtenDay(kpr!.end);
  if (end === undefined) return undefined;
  let last = Math.max(first, end);
  const recurrence = kpr!.recurrence;
  if (recurrence !== undefined) {
    if (!recurrence || typeof recurrence !== 'object' || recurrence.rdates !== undefined || typeof recurrence.rrule !== 'string') return undefined;
    const untils = [...recurrence.rrule.matchAll(UNTIL_DAY)];
    if (untils.length !== 1) return undefined;
    const [, year, month, day] = untils[0]!;
    const until = writtenDay(`${year}-${month}-${day}`);
    if (until === undefined) return undefined;
    last = Math.max(last, until + last - first);
  }
  return { item, first, last };
}

/**
 * The day number of a date as written at the start of `raw` ("2026-12-03…", white space before it allowed), if its
 * month and day may exist. Read by character codes, not by a pattern: it runs for each of thousands of events before
 * the first month is shown.
 */
export function writtenDay(raw: unknown): number | undefined {
  if (typeof raw !== 'string') return undefined;
  // Rarely anything before the digits: then the first character that is not white space (`\S`, as a pattern's `\s*`).
  const at = isDigit(raw.charCodeAt(0)) ? 0 : raw.search(/\S/);
  if (at < 0 || raw.charCodeAt(at + 4) !== DASH || raw.charCodeAt(at + 7) !== DASH) return undefined;
  // Three constants, not an array taken apart: this runs for every event, and the array would be made each time.
  const year = digits(raw, at, 4);
  const month = digits(raw, at + 5, 2);
  const day = digits(raw, at + 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

const DASH = 45;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The number written by `count` ASCII digits from `from`; -1 when one of them is not a digit (or missing). */
function digits(text: string, from: number, count: number): number {
  let number = 0;
  for (let index = from; index < from + count; index++) {
    const code = text.charCodeAt(index);
    if (!isDigit(code)) return -1;
    number = number * 10 + code - 48;
  }
  return number;
}

/** Why a JSON Feed none of whose items has a start is refused (it is most likely a news feed), for the console. */
export function noEventsMessage(count: number): string {
  return `has no events: none of its ${count} items has _kpr.start, the start every event needs. Is it a news feed? `
    + 'Show it with <kpr-news-feed>, and put a KPR events feed, an .ics file or an OParl meeting list into src; '
    + 'or give each event its start, e.g. "_kpr": { "start": "2026-12-03T18:00:00+01:00" } (kpr-events.schema.json)';
}

/** How the console names an event: by its id and its feed. */
function whereOf(id: string, url: string): string {
  return `event "${id}" of ${url}`;
}

/**
 * Tells of an event's problem: the console's line names the event and what is left out ("left out: …" for the
 * event, "left out _kpr.location: …" for a part), the data says the same for the validator.
 */
function say(warn: Warn, where: string, code: ProblemCode, reason: string, data: Omit<ProblemData, 'reason'>): void {
  warn(code, `${where}: ${data.severity === 'error' ? `left out${data.part ? ` ${data.part}` : ''}: ` : ''}${reason}`, { ...data, reason });
}

function readEvent(item: LoadedItem, url: string, warn: Warn): EventTemplate | undefined {
  const kpr = (item._kpr ?? {}) as EventExtension;
  const skip = (code: ProblemCode, path: string, reason: string) => void say(warn, whereOf(item.id, url), code, reason, { path, severity: 'error' });
  const start = readWhen(kpr.start);
  if (!start) return skip('event-date-unreadable', '_kpr.start', `_kpr.start ${JSON.stringify(kpr.start)} is not a date ("2026-12-24") or a date-time with offset ("2026-12-03T18:00:00+01:00")`);
  let end = kpr.end === undefined ? undefined : readWhen(kpr.end);
  if (kpr.end !== undefined && !end) return skip('event-date-unreadable', '_kpr.end', `_kpr.end ${JSON.stringify(kpr.end)} is not a date or a date-time with offset`);
  const allDay = kpr.all_day === true || !start.instant;
  if (!allDay && end && !end.instant) {
    say(warn, whereOf(item.id, url), 'event-end-without-time', `_kpr.end "${end.day}" has no time, but _kpr.start has one; shown without an end`, { path: '_kpr.end' });
    end = undefined;
  }
  // All-day: the feed's end day is inclusive. Timed: the end is the instant it ends.
  const length = allDay ? daysBetween(start.day, end?.day ?? start.day) : end ? end.instant!.getTime() - start.instant!.getTime() : 0;
  if (length < 0) return skip('event-ends-before-start', '_kpr.end', `_kpr.end "${kpr.end}" is before _kpr.start "${kpr.start}"`);

  let timeZone = text(kpr.time_zone);
  if (timeZone && !isKnownTimeZone(timeZone)) {
    say(warn, whereOf(item.id, url), 'time-zone-unknown', `_kpr.time_zone "${timeZone}" is not a time zone this browser knows; the widget's zone is used`, { path: '_kpr.time_zone' });
    timeZone = undefined;
  }
  const recurrence = kpr.recurrence && typeof kpr.recurrence === 'object' ? kpr.recurrence : undefined;
  const dates = (name: 'exdates' | 'rdates') =>
    (Array.isArray(recurrence?.[name]) ? (recurrence[name] as unknown[]) : []).flatMap((raw, index) => {
      const when = readWhen(raw);
      if (when) return [allDay || !when.instant ? when.day : when.instant];
      const part = `_kpr.recurrence.${name}[${index}]`;
      say(warn, whereOf(item.id, url), 'event-date-unreadable', `${JSON.stringify(raw)} is not a date or a date-time with offset`, { path: part, severity: 'error', part });
      return [];
    });
  return {
    item,
    url,
    allDay,
    start: allDay ? start.day : start.instant!,
    length,
    timeZone,
    recurrence: recurrence && { rrule: text(recurrence.rrule), exdates: dates('exdates'), rdates: dates('rdates') },
  };
}

/**
 * What every occurrence of an event shows, checked against the events schema: read when the event is first
 * on screen. An event whose `_kpr` does not fit the schema is left out; one with neither title nor text is shown
 * untitled, as an iCalendar event without SUMMARY is (and as the bridge passes such an event on).
 */
function readDetails({ item, allDay }: EventTemplate, url: string, sourceIndex: number, warn: Warn): Shared | null {
  const kpr = (item._kpr ?? {}) as EventExtension;
  const problems = validate(kpr, EVENTS_SCHEMA, '_kpr');
  if (problems.length) {
    say(warn, whereOf(item.id, url), problems[0]!.code, problems.map((p) => `${p.path} ${p.message}`).join('; '), { path: problems[0]!.path, severity: 'error' });
    return null;
  }
  const base = item.source || url;
  const description = text(item.content_text) ?? text(item.summary);
  const html = text(item.content_html);
  const title = text(item.title) ?? (firstSentence(description ?? (html ? plainText(html) : ''), 80) || undefined);
  if (!title) say(warn, whereOf(item.id, url), 'event-without-title', 'it has no title and no text; shown as an untitled event ("Termin ohne Titel", in English "Untitled event")', { path: 'title' });
  const link = (raw: unknown, protocols: RegExp) => {
    const href = typeof raw === 'string' ? safeLink(raw, base) : undefined;
    return href && protocols.test(href) ? href : undefined;
  };
  const part = <T>(name: 'location' | 'organizer', read: (raw: Record<string, unknown>) => T): T | undefined => {
    const raw = kpr[name];
    if (raw === undefined) return undefined;
    const partProblems = validate(raw, DEFS[name]!, `_kpr.${name}`, EVENTS_SCHEMA);
    if (!partProblems.length) return read(raw as Record<string, unknown>);
    say(warn, whereOf(item.id, url), partProblems[0]!.code, partProblems.map((p) => `${p.path} ${p.message}`).join('; '), { path: partProblems[0]!.path, severity: 'error', part: `_kpr.${name}` });
  };
  return {
    uid: item.id,
    title,
    description,
    language: item.language,
    html,
    url: link(item.url, /^https?:/),
    allDay,
    location: part<EventLocation>('location', (raw) => {
      const geo = raw.geo as EventLocation['geo'];
      return { name: text(raw.name), address: text(raw.address), geo: geo && { lat: geo.lat, lon: geo.lon } };
    }),
    category: text(kpr.category),
    organizer: part<EventOrganizer>('organizer', (raw) => ({ name: text(raw.name), email: text(raw.email), url: link(raw.url, /^https?:/) })),
    status: STATUSES.find((one) => one === kpr.status) ?? 'scheduled',
    registrationUrl: link(kpr.registration_url, /^(https?|mailto):/),
    accessibility: text(kpr.accessibility),
    source: url,
    sourceIndex,
  };
}

/** The starts of an event that may fall on the range's days: the one start, or its series' starts near them. */
function startsOf(event: EventTemplate, range: DayRange, timeZone: string, warn: Warn): SeriesStart[] {
  if (!event.recurrence) return [event.start];
  const expansion = expansionOf(event, timeZone, warn);
  // The series' zone may be up to 26 hours off the widget's, and a long event may begin before the range.
  const spanDays = event.allDay ? event.length : Math.ceil(event.length / DAY_MS);
  return expansion.starts({ from: addDays(range.from, -spanDays - 2), to: addDays(range.to, 2) });
}

/** A series prepared in its zone (or the widget's), once per zone; problems with its rule are reported then. */
function expansionOf(event: EventTemplate, timeZone: string, warn: Warn): SeriesExpansion {
  const zone = event.timeZone ?? timeZone;
  let expansion = event.expansions?.get(zone);
  if (!expansion) {
    expansion = expandSeries({ start: event.start, timeZone: zone, ...event.recurrence! }, (code, problem) => say(warn, whereOf(event.item.id, event.url), code, `_kpr.recurrence.${problem}`, { path: '_kpr.recurrence.rrule' }));
    (event.expansions ??= new Map()).set(zone, expansion);
  }
  return expansion;
}

/** Whether a single event may touch the days between `from` and `to` (UTC milliseconds). */
function near(event: EventTemplate, from: number, to: number): boolean {
  const start = typeof event.start === 'string' ? Date.parse(`${event.start}T00:00:00Z`) : event.start.getTime();
  const end = typeof event.start === 'string' ? start + (event.length + 1) * DAY_MS : start + event.length;
  return start < to && end >= from;
}

/** An occurrence on the municipality's calendar. All-day events keep their dates in every zone. */
function place(event: EventTemplate, shared: Shared, start: SeriesStart, timeZone: string): CalendarEvent {
  const recurring = Boolean(event.recurrence && event.expansions?.get(event.timeZone ?? timeZone)?.recurring);
  const key = `${shared.sourceIndex}|${shared.uid}|${start instanceof Date ? start.toISOString() : start}`;
  if (typeof start === 'string') {
    const endDay = addDays(start, event.length);
    return { ...shared, key, recurring, start: startOfDay(start, timeZone), end: startOfDay(addDays(endDay, 1), timeZone), startDay: start, endDay };
  }
  const end = new Date(start.getTime() + event.length);
  // An event ending at midnight ends on the day before; one without a length is shown on its start's day.
  const endDay = dayOf(new Date(Math.max(start.getTime(), end.getTime() - 1)), timeZone);
  return { ...shared, key, recurring, start, end, startDay: dayOf(start, timeZone), endDay };
}

function byStart(a: CalendarEvent, b: CalendarEvent): number {
  return a.start.getTime() - b.start.getTime() || Number(b.allDay) - Number(a.allDay) || (a.title ?? '').localeCompare(b.title ?? '') || (a.key < b.key ? -1 : 1);
}

/**
 * A `_kpr.start`, `end` or series date: "2026-12-24", or "2026-12-03T18:00:00+01:00" (also with "t" or a space for
 * "T", a fraction of a second, "Z"), white space around it allowed. Read by character codes, not by a pattern:
 * thousands of events are read on every load, and a pattern's match and its parts were most of what that allocated.
 * A date that does not exist ("2026-02-30") is rejected, not moved into March; years before 100 are refused, as
 * Date.UTC would read them as 19xx.
 */
function readWhen(raw: unknown): When | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  const length = text.length;
  if (length !== 10 && length < 20) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const date = digits(text, 8, 2);
  if (text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH || year < 100 || month < 1 || month > 12 || date < 1 || date > daysInMonth(year, month)) return undefined;
  if (length === 10) return { day: text };
  const separator = text.charCodeAt(10);
  if (separator !== T_UPPER && separator !== T_LOWER && separator !== SPACE) return undefined;
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (text.charCodeAt(13) !== COLON || text.charCodeAt(16) !== COLON || hour < 0 || minute < 0 || second < 0 || hour > 23 || minute > 59 || second > 59) return undefined;
  let at = 19;
  let ms = 0;
  if (text.charCodeAt(at) === DOT) {
    let end = at + 1;
    while (isDigit(text.charCodeAt(end))) end++;
    if (end === at + 1) return undefined;
    ms = Math.round(Number(`0${text.slice(at, end)}`) * 1000);
    at = end;
  }
  const sign = text.charCodeAt(at);
  let offset: number;
  if ((sign === Z_UPPER || sign === Z_LOWER) && at + 1 === length) offset = 0;
  else if ((sign === PLUS || sign === DASH) && at + 6 === length && text.charCodeAt(at + 3) === COLON) {
    const hours = digits(text, at + 1, 2);
    const minutes = digits(text, at + 4, 2);
    if (hours < 0 || minutes < 0) return undefined;
    offset = (sign === DASH ? -1 : 1) * (hours * 60 + minutes) * 60_000;
  } else return undefined;
  return { day: text.slice(0, 10), instant: new Date(Date.UTC(year, month - 1, date) + ((hour * 60 + minute) * 60 + second) * 1000 + ms - offset) };
}

const [T_UPPER, T_LOWER, SPACE, COLON, DOT, Z_UPPER, Z_LOWER, PLUS] = [84, 116, 32, 58, 46, 90, 122, 43];

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Days in a month (1–12) of the Gregorian calendar, as Date.UTC counts them. */
function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value.trim() || undefined : undefined;
}

