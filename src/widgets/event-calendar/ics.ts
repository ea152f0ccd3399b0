/**
 * iCalendar sources (.ics, RFC 5545), read with ical.js. ical.js is imported inside `readIcs` only, so bundlers
 * put it into a chunk of its own that a page loads only when one of its calendar's sources is iCalendar.
 *
 * ical.js parses, and its RecurIterator expands RRULEs. The rest is ours, because the calendar needs it to work in
 * the municipality's zone on any visitor's computer: times become instants through `zonedInstant` (floating
 * times in the municipality's zone, never the visitor's), all-day events stay on their dates, EXDATE and
 * RECURRENCE-ID are matched by instant, and expansion is bounded and cached per series.
 */
import type ICALModule from 'ical.js';
import type { ProblemCode } from '../../core/feed/problems.js';
import { addDays, dayOf, daysBetween, isKnownTimeZone, startOfDay, zonedInstant, type WallTime } from '../../core/time.js';
import { parseUrl, safeLink } from '../../core/urls.js';
import {
  MAX_OCCURRENCES, type CalendarEvent, type DayRange, type EventLocation, type EventSource, type Warn,
} from './event-calendar.types.js';

type ICAL = typeof ICALModule;
type Component = InstanceType<ICAL['Component']>;
type Property = InstanceType<ICAL['Property']>;
type Time = InstanceType<ICAL['Time']>;
type Recur = InstanceType<ICAL['Recur']>;

/** Dates one series may produce from its DTSTART: a rule with a date every second stops here. */
export const MAX_SERIES_DATES = 10_000;
/** Dates all series of one source may produce together, so that many such rules cannot add up. */
export const MAX_SOURCE_DATES = 50_000;

type Details = Omit<CalendarEvent, 'key' | 'allDay' | 'start' | 'end' | 'startDay' | 'endDay' | 'recurring'>;

/** One VEVENT: a single event, a series, or one changed date of a series (RECURRENCE-ID). */
/** Tells of a problem of one VEVENT: the property it is about ('' for the event), and `error` when it is skipped. */
type Say = (code: ProblemCode, reason: string, path: string, severity?: 'error') => void;

interface Series {
  details: Details;
  /** Tells of a problem of this VEVENT, naming it by its UID and line. */
  say: Say;
  start: Time;
  end: Time;
  recurring: boolean;
  /** Days an occurrence may reach beyond its start day, to find those that began before the range. */
  span: number;
  /** Dates of this series that a RECURRENCE-ID component replaces (see `dateId`). */
  replaced: Set<string>;
  /** The dates produced so far, in order, with their wall-clock days; the work is done once per source. */
  dates: Iterator<Time>;
  starts: Time[];
  days: string[];
  done: boolean;
}

export async function readIcs(text: string, url: string, sourceIndex: number, warn: Warn): Promise<EventSource> {
  const { default: ical } = await import('ical.js');
  const warned = new Set<string>();
  const warnOnce: Warn = (code, message, data) => {
    if (warned.has(message)) return;
    warned.add(message);
    warn(code, `${url}: ${message}`, data);
  };
  // No page around it when the feed validator reads a file in Node: links then stay relative to the file itself.
  const page = globalThis.document?.baseURI;
  const base = parseUrl(url, page)?.href ?? page ?? url;
  const body = text.replace(/^\uFEFF/, '');
  const calendars = parseCalendars(ical, body);
  for (const calendar of calendars) registerZones(ical, calendar, warnOnce);
  const calendarLanguage = calendars.map(languageOfCalendar).find(Boolean);

  // Line numbers of the VEVENTs in the file as served (before unfolding), for the webmaster's warnings.
  const eventLines: number[] = [];
  body.split('\n').forEach((line, index) => {
    if (/^BEGIN:VEVENT\s*$/i.test(line)) eventLines.push(index + 1);
  });

  const all: Series[] = [];
  const masters = new Map<string, Series>();
  const changes: Array<[Component, string, number]> = [];
  calendars.flatMap((calendar) => calendar.getAllSubcomponents('vevent')).forEach((event, index) => {
    const line = eventLines[index] ?? 0;
    const uid = textOf(event, 'uid') ?? `line-${line}`;
    if (event.hasProperty('recurrence-id')) {
      changes.push([event, uid, line]);
    } else {
      const series = read(event, uid, line);
      if (series && !masters.has(uid)) masters.set(uid, series);
    }
  });
  // Changed dates last, so they inherit what they leave out from their series.
  for (const [event, uid, line] of changes) {
    const master = masters.get(uid);
    const series = read(event, uid, line, master);
    if (!series) continue;
    const id = event.getFirstProperty('recurrence-id')!;
    if (String(id.getParameter('range')).toUpperCase() === 'THISANDFUTURE') {
      series.say('range-unsupported', `RANGE=THISANDFUTURE is not supported; only the date ${id.getFirstValue()} is changed`, '');
    }
    master?.replaced.add(dateId(id.getFirstValue() as Time));
  }

  function read(event: Component, uid: string, line: number, master?: Series): Series | undefined {
    const where = `event "${uid}" (line ${line})`;
    // The property it is about ('' when ical.js does not say), and whether the event is skipped.
    const say: Say = (code, reason, path, severity) =>
      warnOnce(code, `${where}: ${reason}${severity ? '; skipped' : ''}`, { path, severity, reason, line, uid });
    try {
      if (event.hasProperty('x-kpr-rrule')) fail('rrule-unreadable', `unreadable RRULE "${event.getFirstPropertyValue('x-kpr-rrule')}"`, 'RRULE');
      if (event.hasProperty('x-kpr-exrule')) say('exrule-unsupported', 'EXRULE (deprecated in RFC 5545) is not supported and was ignored', 'EXRULE');
      const start = event.getFirstPropertyValue('dtstart') as Time | null;
      if (!start) return fail('event-without-start', 'no DTSTART', 'DTSTART');
      const end = new ical.Event(event, { exceptions: [] }).endDate;
      if (end.compare(start) < 0) fail('event-ends-before-start', `it ends (DTEND ${end}) before it starts (DTSTART ${start})`, 'DTEND');
      // Read every date now, so that an unreadable one is reported here and not while the calendar is shown.
      for (const name of ['rrule', 'rdate', 'exdate', 'recurrence-id']) for (const p of event.getAllProperties(name)) p.getValues();
      for (const rule of event.getAllProperties('rrule')) {
        // Some rules ical.js refuses only when it starts to expand them (BYMONTHDAY with WEEKLY, which RFC 5545 does
        // not allow): the rule is dropped here, and the event shown once, as a feed event with such a rule is.
        try {
          (rule.getFirstValue() as Recur).iterator(start);
        } catch (error) {
          say('rrule-part-unsupported', `RRULE "${String(rule.getFirstValue())}": ${(error as Error).message}; the event is shown once, on its start`, 'RRULE');
          event.removeProperty(rule);
        }
      }
      const details = { ...master?.details, ...detailsOf(event, uid) };
      if (!details.title) say('event-without-title', 'no SUMMARY; shown as an untitled event ("Termin ohne Titel", in English "Untitled event")', 'SUMMARY');
      const single = !!master || event.hasProperty('recurrence-id');
      const span = start.isDate ? allDayLength(start, end) : Math.ceil((end.toUnixTime() - start.toUnixTime()) / 86_400);
      const series: Series = {
        details: details as Details, say, start, end, span, replaced: new Set(), starts: [], days: [], done: false,
        recurring: single || event.hasProperty('rrule') || event.hasProperty('rdate'),
        dates: single ? [start].values() : seriesDates(ical, event, start),
      };
      all.push(series);
      return series;
    } catch (error) {
      // What ical.js itself throws here is a value it cannot read: a date, a date-time or a duration (which one, its
      // message does not say as data: the path is left empty).
      const { code, property } = error as { code?: ProblemCode; property?: string };
      say(code ?? 'event-date-unreadable', (error as Error).message, property ?? '', 'error');
      return undefined;
    }
  }

  function detailsOf(event: Component, uid: string): Partial<Details> {
    const link = safeLink(textOf(event, 'url'), base);
    const html = event.getAllProperties('x-alt-desc').find((p) => String(p.getParameter('fmttype')).toLowerCase() === 'text/html');
    const status = textOf(event, 'status')?.toUpperCase();
    return omitUndefined({
      uid, source: url, sourceIndex,
      title: textOf(event, 'summary'),
      description: textOf(event, 'description'),
      language: languageOf(event.getFirstProperty('summary')) ?? languageOf(event.getFirstProperty('description')) ?? calendarLanguage,
      // ical.js leaves an X- property's value as written; unescape it as TEXT.
      html: html && String(html.getFirstValue() ?? '').replace(/\\([\\;,nN])/g, (_, c: string) => (/n/i.test(c) ? '\n' : c)).trim() || undefined,
      url: link && /^https?:/.test(link) ? link : undefined,
      location: locationOf(textOf(event, 'location'), event.getFirstPropertyValue('geo')),
      category: (event.getFirstProperty('categories')?.getValues() as string[] | undefined)?.map((c) => String(c).trim()).find(Boolean),
      organizer: organizerOf(event, base),
      status: status === 'CANCELLED' ? 'cancelled' : status ? 'scheduled' : undefined,
    });
  }

  let budget = MAX_SOURCE_DATES;
  /** Produces the series' dates until one lies beyond `untilDay` (a wall-clock day, with a margin for zones). */
  function extend(series: Series, untilDay: string) {
    try {
      while (!series.done && (series.days.at(-1) ?? '') < untilDay) {
        const next = series.dates.next();
        if (next.done) {
          series.done = true;
        } else if (series.starts.length >= MAX_SERIES_DATES || budget <= 0) {
          series.done = true;
          series.say('series-dates-stop', `its dates stop after ${series.starts.length} (at most ${MAX_SERIES_DATES} per event and `
            + `${MAX_SOURCE_DATES} per source); dates from ${dateOf(next.value)} on are not shown`, '');
        } else {
          budget--;
          series.starts.push(next.value);
          series.days.push(dateOf(next.value));
        }
      }
    } catch (error) {
      series.done = true;
      series.say('series-dates-stop', `its dates stop at ${series.days.at(-1) ?? 'the start'} (${(error as Error).message})`, '');
    }
  }

  function occurrence(series: Series, start: Time, timeZone: string, duration: number): CalendarEvent {
    let from: Date, to: Date, startDay: string, endDay: string;
    if (series.start.isDate) {
      // A date is a day on the town's calendar, in any zone; DTEND is exclusive, our `endDay` inclusive.
      startDay = dateOf(start);
      endDay = addDays(startDay, series.span - 1);
      from = startOfDay(startDay, timeZone);
      to = startOfDay(addDays(endDay, 1), timeZone);
    } else {
      from = instant(ical, start, timeZone);
      to = new Date(from.getTime() + duration);
      startDay = dayOf(from, timeZone);
      endDay = duration > 0 ? dayOf(new Date(to.getTime() - 1), timeZone) : startDay;
    }
    return {
      ...series.details, key: `${sourceIndex}|${series.details.uid}|${from.toISOString()}`, allDay: start.isDate,
      start: from, end: to, startDay, endDay, status: series.details.status ?? 'scheduled', recurring: series.recurring,
    };
  }

  return {
    url,
    subscribeUrl: subscribeUrlOf(base),
    occurrences(range: DayRange, timeZone: string): CalendarEvent[] {
      const found = new Map<string, CalendarEvent>();
      // Dates are compared as wall-clock days first, two days wider than the range to allow for every zone.
      const untilDay = addDays(range.to, 2);
      for (const series of all) {
        extend(series, untilDay);
        const fromDay = addDays(range.from, -series.span - 2);
        let duration: number | undefined;
        let count = 0;
        series.starts.forEach((start, index) => {
          const day = series.days[index]!;
          if (day < fromDay || day >= untilDay || count > MAX_OCCURRENCES || series.replaced.has(dateId(start))) return;
          // Floating times make the length depend on the zone (across a change of clocks).
          duration ??= series.start.isDate ? 0 : instant(ical, series.end, timeZone).getTime() - instant(ical, series.start, timeZone).getTime();
          const event = occurrence(series, start, timeZone, duration);
          if (event.startDay < range.to && event.endDay >= range.from) {
            found.set(event.key, event);
            count++;
          }
        });
      }
      const sorted = [...found.values()].sort((a, b) => a.start.getTime() - b.start.getTime() || a.end.getTime() - b.end.getTime());
      if (sorted.length > MAX_OCCURRENCES) {
        const reason = `more than ${MAX_OCCURRENCES} events in ${range.from} – ${range.to}; only the first ${MAX_OCCURRENCES} are shown`;
        warnOnce('too-many-events', reason, { path: '', reason });
      }
      return sorted.slice(0, MAX_OCCURRENCES);
    },
  };
}

/** Parses the file, or rejects with what is wrong with it ("it is not …": the caller names the file). */
function parseCalendars(ical: ICAL, body: string): Component[] {
  if (!/^\s*BEGIN:VCALENDAR\r?\n/i.test(body)) {
    const start = body.trim().slice(0, 40).replace(/\s+/g, ' ');
    throw new Error(`it is not an iCalendar file: it does not begin with BEGIN:VCALENDAR but with "${start}"`);
  }
  // ical.js rejects a whole file for one unreadable RRULE (and for EXRULE values). Such lines are renamed, and
  // `read` skips their event alone; EXRULE is not supported.
  const unfolded = body.replace(/\r?\n[ \t]/g, '').replace(
    /^(RRULE|EXRULE)[^:\r\n]*:([^\r\n]*)/gim,
    (line, name: string, rule: string) => (/^RRULE$/i.test(name) && isRule(ical, rule) ? line : `X-KPR-${name.toUpperCase()}:${rule}`),
  );
  let data: unknown[];
  try {
    data = ical.parse(unfolded);
  } catch (error) {
    throw new Error(`it is not a readable iCalendar file: ${(error as Error).message}`);
  }
  // One calendar is returned as it is; several in one file as a list of them.
  const calendars = (Array.isArray(data[0]) ? data : [data]).map((jCal) => new ical.Component(jCal as unknown[]));
  return calendars.filter((calendar) => calendar.name === 'vcalendar');
}

function isRule(ical: ICAL, rule: string): boolean {
  try {
    return !!ical.Recur.fromString(rule).freq;
  } catch {
    return false;
  }
}

/**
 * A TZID without a VTIMEZONE (German exports often just say TZID=Europe/Berlin) would be floating time for
 * ical.js, shown on the visitor's clock. When the browser knows the zone, ical.js gets a zone that asks `Intl`.
 */
function registerZones(ical: ICAL, calendar: Component, warnOnce: Warn) {
  for (const event of calendar.getAllSubcomponents('vevent')) {
    for (const property of event.getAllProperties()) {
      const tzid = property.getParameter('tzid');
      if (typeof tzid !== 'string' || calendar.getTimeZoneByID(tzid) || ical.TimezoneService.has(tzid)) continue;
      // Also "/mozilla.org/20070129_1/Europe/Berlin" and similar prefixed names.
      const parts = tzid.split('/');
      const known = [tzid, parts.slice(-2).join('/'), parts.slice(-3).join('/')].find(isKnownTimeZone);
      if (!known) {
        const reason = `time zone "${tzid}" is neither in the file (VTIMEZONE) nor known to the browser; its times are read in the municipality's zone`;
        warnOnce('time-zone-unknown', reason, { path: '', reason });
        continue;
      }
      const zone = new ical.Timezone({ tzid });
      // ical.js asks a zone for its offset at a wall-clock time; Intl knows it for every year. ical.js asks
      // five times for each date of a series, about this date and the one before, so answers are kept.
      const offsets = new Map<number, number>();
      zone.utcOffset = (time: Time) => {
        const wall = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
        let offset = offsets.get(wall);
        if (offset === undefined) {
          if (offsets.size > 1000) offsets.clear();
          offset = (wall - zonedInstant(wallOf(time), known).getTime()) / 1000;
          offsets.set(wall, offset);
        }
        return offset;
      };
      ical.TimezoneService.register(zone, tzid);
    }
  }
}


/**
 * The dates of a series in order: DTSTART, the RRULE dates and RDATEs, without EXDATEs. (ical.js's
 * RecurExpansion leaves out DTSTART when there are RDATEs and no RRULE, and yields RDATE periods as they are.)
 */
function* seriesDates(ical: ICAL, event: Component, start: Time): Generator<Time> {
  const values = (name: string) => event.getAllProperties(name)
    .flatMap((p) => p.getValues() as unknown[])
    .map((value) => (value instanceof ical.Period ? value.start : value as Time));
  const rules = event.getAllProperties('rrule').map((p) => (p.getFirstValue() as Recur).iterator(start));
  // The iterator reuses its Time object, so every date it yields is copied.
  const pending = rules.map((rule) => rule.next()?.clone());
  const extra = [start, ...values('rdate')].sort((a, b) => a.compare(b));
  const excluded = new Set(values('exdate').map(dateId));
  let index = 0;
  let previous: Time | undefined;
  for (;;) {
    let next = extra[index];
    let from = -1;
    pending.forEach((date, rule) => {
      if (date && (!next || date.compare(next) < 0)) {
        next = date;
        from = rule;
      }
    });
    if (!next) return;
    if (from < 0) index++;
    else pending[from] = rules[from]!.next()?.clone();
    if (previous && next.compare(previous) === 0) continue;
    previous = next;
    // An EXDATE given as a date (VALUE=DATE) removes that day's date.
    if (!excluded.has(dateId(next)) && !excluded.has(dateOf(next))) yield next;
  }
}

/** Identifies a date across notations: the instant of a date-time, the day of a date. */
function dateId(time: Time): string {
  return time.isDate ? dateOf(time) : String(time.toUnixTime());
}

const pad = (value: number) => String(value).padStart(2, '0');
const dateOf = (time: Time) => `${time.year}-${pad(time.month)}-${pad(time.day)}`;
const wallOf = (time: Time): WallTime => ({
  year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute, second: time.second,
});

/** Floating times (no zone, or a zone nobody knows) are the municipality's wall-clock time. */
function instant(ical: ICAL, time: Time, timeZone: string): Date {
  return time.zone === ical.Timezone.localTimezone ? zonedInstant(wallOf(time), timeZone) : new Date(time.toUnixTime() * 1000);
}

/** Days of an all-day event: DTEND is exclusive; a DTEND on its start day still means one day. */
function allDayLength(start: Time, end: Time): number {
  return Math.max(1, daysBetween(dateOf(start), dateOf(end)));
}

/** Why an event is skipped, with its code and the property it is about; `read` passes them on. */
function fail(code: ProblemCode, message: string, property: string): never {
  throw Object.assign(new Error(message), { code, property });
}

/** A property's LANGUAGE parameter (RFC 5545, 3.2.10): "en", "de-DE". */
function languageOf(property: Property | null): string | undefined {
  const language = property?.getParameter('language');
  return typeof language === 'string' && language.trim() ? language.trim() : undefined;
}

/**
 * The calendar's own language, where it names one: the LANGUAGE of its name (NAME, RFC 7986, or X-WR-CALNAME, which
 * most programs write). Its events without a language of their own are in it.
 */
function languageOfCalendar(calendar: Component): string | undefined {
  return languageOf(calendar.getFirstProperty('name')) ?? languageOf(calendar.getFirstProperty('x-wr-calname'));
}

function textOf(event: Component, name: string): string | undefined {
  const value = event.getFirstPropertyValue(name);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** "Rathaus, Rathausplatz 1, 01728 Bannewitz": the first part names the place, the rest is its address. */
function locationOf(text: string | undefined, geo: unknown): EventLocation | undefined {
  const [lat, lon] = Array.isArray(geo) ? geo.map(Number) : [];
  const valid = Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat!) <= 90 && Math.abs(lon!) <= 180 && (lat !== 0 || lon !== 0);
  const [name, ...address] = text?.split(',') ?? [];
  const location = omitUndefined({
    name: name?.trim() || undefined, address: address.join(',').trim() || undefined, geo: valid ? { lat: lat!, lon: lon! } : undefined,
  });
  return Object.keys(location).length ? location : undefined;
}

function organizerOf(event: Component, base: string) {
  const property = event.getFirstProperty('organizer');
  if (!property) return undefined;
  const value = String(property.getFirstValue() ?? '').trim();
  const name = property.getParameter('cn');
  const email = value.replace(/^mailto:/i, '');
  const organizer = omitUndefined({
    name: typeof name === 'string' ? name.trim() || undefined : undefined,
    email: /^mailto:/i.test(value) && email.includes('@') ? email : undefined,
    url: /^https?:/i.test(value) ? safeLink(value, base) : undefined,
  });
  return Object.keys(organizer).length ? organizer : undefined;
}

function omitUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** https://example.org/calendar.ics → webcal://example.org/calendar.ics, for calendar apps to subscribe. */
function subscribeUrlOf(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url.replace(/^https?:/i, 'webcal:') : undefined;
}
