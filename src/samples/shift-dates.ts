/**
 * The demo's sample feeds (demo/feeds/) moved to the current week. They were written for one week in November 2026
 * and stay in the repository as written (the browser tests read them at that instant); what shows them to people
 * (`npm start`, the embed builder, Storybook) moves every date in them by the same whole number of weeks, so that the
 * calendar's month and the upcoming events are never empty and the news never look years old. `init` moves its
 * sample events with the same functions, by whole 52-week years.
 *
 * Whole weeks keep each event's weekday. The wall-clock time in Berlin is kept too, with the UTC offset of the new
 * date: an 18:00 meeting in summer is still at 18:00 when it moves into winter. A value that is no date is left as
 * it is, and a move of nothing writes every date exactly as it was (tests/demo/sample-dates.test.ts holds the
 * sample files to that, byte for byte).
 */
import { now } from '../core/clock.js';
import { DEFAULT_TIME_ZONE } from '../core/format.js';
import { addDays, addMonthsKeepingDay, dayOf, daysBetween, isoWeekday, offsetDateTime, parseDay, wallTime, zonedInstant, zoneOffset } from '../core/time.js';

/**
 * The day the sample feeds were written for: Tuesday, 24 November 2026. Their events lie around it (the weekly
 * consultation hour runs from September to June, the council meets in December and the new year), their news and
 * goals end shortly before it. The browser tests run at this day (tests/support/clock.ts).
 */
export const SAMPLE_ANCHOR_DAY = '2026-11-24';

/** Bannewitz's clock, in which the samples' times are written. */
const ZONE = DEFAULT_TIME_ZONE;

export interface DateShift {
  /** Days every date moves by: whole weeks, so weekdays stay. */
  days: number;
  /** Years the goals' periods and measures move by: they are years and months ("2025", "2024-04"), not days. */
  years: number;
}

/**
 * How far the samples move to be current at `today` (its day in Berlin): to the week nearest to it, so the anchor
 * day lands at most three days from today; the goals' years follow the year the anchor lands in.
 */
export function sampleShift(today: Date = now()): DateShift {
  const days = Math.round(daysBetween(SAMPLE_ANCHOR_DAY, dayOf(today, ZONE)) / 7) * 7;
  return { days, years: parseDay(addDays(SAMPLE_ANCHOR_DAY, days)).year - parseDay(SAMPLE_ANCHOR_DAY).year };
}

/**
 * A feed file's text with its dates moved, chosen by the file's name: JSON Feed (`.json`), iCalendar (`.ics`),
 * RSS or Atom (`.rss`, `.atom`, `.xml`). Anything else (an image) comes back as it is.
 */
export function shiftFeedText(fileName: string, text: string, shift: DateShift): string {
  const extension = /\.[a-z]+$/i.exec(fileName)?.[0].toLowerCase();
  if (extension === '.json') return shiftJsonText(text, shift);
  if (extension === '.ics') return shiftICalendar(text, shift.days);
  if (extension === '.rss' || extension === '.atom' || extension === '.xml') return shiftXmlFeed(text, shift.days);
  return text;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T/;

/** The instant `days` later at the same wall-clock time in Berlin (a time the clocks skip moves on by the gap). */
function movedInstant(instant: Date, days: number): Date {
  return zonedInstant({ ...wallTime(instant, ZONE), ...parseDay(addDays(dayOf(instant, ZONE), days)) }, ZONE);
}

/** A day ("2026-12-03") or an RFC 3339 date-time, moved by `days`; a date-time is written with Berlin's offset. */
function shiftDate(value: string, days: number): string {
  if (DAY.test(value)) return addDays(value, days);
  const instant = DATE_TIME.test(value) ? new Date(value) : undefined;
  return instant && !Number.isNaN(instant.getTime()) ? offsetDateTime(movedInstant(instant, days), ZONE) : value;
}

const ICAL_VALUE = /^(\d{4})(\d{2})(\d{2})(?:T(\d{6})(Z?))?$/;

/**
 * An iCalendar DATE or DATE-TIME ("20261208", "20261208T183000", "20270629T220000Z") moved by `days`. A local time
 * (floating, or in its TZID's zone) keeps its digits; a UTC time keeps its wall-clock time in Berlin.
 */
function shiftICalendarValue(value: string, days: number): string {
  const match = ICAL_VALUE.exec(value);
  if (!match) return value; // a duration in a PERIOD, say
  const [, year, month, date, time, utc] = match;
  if (!utc) return addDays(`${year}-${month}-${date}`, days).replaceAll('-', '') + (time ? `T${time}` : '');
  const instant = new Date(`${year}-${month}-${date}T${time!.slice(0, 2)}:${time!.slice(2, 4)}:${time!.slice(4)}Z`);
  return movedInstant(instant, days).toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
}

/** An RRULE with its UNTIL moved (COUNT, BYDAY and the rest stay as written). */
function shiftRule(rule: string, days: number): string {
  return rule.replace(/\bUNTIL=([0-9TZ]+)/i, (_, until: string) => `UNTIL=${shiftICalendarValue(until, days)}`);
}

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `object` with the strings under `keys` (or in lists under them) passed through `move`; other values untouched. */
function moved(object: JsonObject, keys: readonly string[], move: (text: string) => string): JsonObject {
  const copy = { ...object };
  const each = (value: unknown) => (typeof value === 'string' ? move(value) : value);
  for (const key of keys) if (key in copy) copy[key] = Array.isArray(copy[key]) ? copy[key].map(each) : each(copy[key]);
  return copy;
}

/** A year, month or date of a goal ("2025", "2024-Q2", "2024-04", "2025-03-29") moved by whole years. */
function shiftYears(value: string, years: number): string {
  if (DAY.test(value)) return addMonthsKeepingDay(value, 12 * years); // 29 February becomes the 28th
  return value.replace(/^\d{4}(?=\D|$)/, (year) => String(Number(year) + years));
}

/**
 * A JSON Feed's items with their dates moved: `date_published` and `date_modified`; an event's `_kpr.start`, `end`
 * and its recurrence (RRULE UNTIL, `exdates`, `rdates`) by `days`; a goal's measures (`start`, `end`) and indicator
 * periods (of the series and the baseline) by `years`. Fields the schemas do not know stay as they are.
 */
export function shiftJsonFeed<Feed>(feed: Feed, { days, years }: DateShift): Feed {
  if (!isObject(feed) || !Array.isArray(feed.items)) return feed;
  const byDays = (value: string) => shiftDate(value, days);
  const byYears = (value: string) => shiftYears(value, years);
  const shiftKpr = (kpr: JsonObject): JsonObject => {
    const copy = moved(kpr, ['start', 'end'], byDays);
    if (isObject(kpr.recurrence)) copy.recurrence = moved(moved(kpr.recurrence, ['exdates', 'rdates'], byDays), ['rrule'], (rule) => shiftRule(rule, days));
    if (Array.isArray(kpr.measures)) copy.measures = kpr.measures.map((measure) => (isObject(measure) ? moved(measure, ['start', 'end'], byYears) : measure));
    if (Array.isArray(kpr.indicators)) {
      copy.indicators = kpr.indicators.map((indicator) => {
        if (!isObject(indicator)) return indicator;
        const shifted = { ...indicator };
        if (Array.isArray(indicator.series)) shifted.series = indicator.series.map((point) => (isObject(point) ? moved(point, ['period'], byYears) : point));
        if (isObject(indicator.baseline)) shifted.baseline = moved(indicator.baseline, ['period'], byYears);
        return shifted;
      });
    }
    return copy;
  };
  const items = feed.items.map((item) => {
    if (!isObject(item)) return item;
    const copy = moved(item, ['date_published', 'date_modified'], byDays);
    if (isObject(item._kpr)) copy._kpr = shiftKpr(item._kpr);
    return copy;
  });
  return { ...feed, items } as Feed;
}

/**
 * A JSON Feed's text with its dates moved, written as the samples are (two spaces, a final line end). A feed whose
 * dates do not change, or that has none (the tips), comes back exactly as it was written.
 */
function shiftJsonText(text: string, shift: DateShift): string {
  let feed: unknown;
  try {
    feed = JSON.parse(text);
  } catch {
    return text; // not JSON: the widget will say so, as it would of the file itself
  }
  const write = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const shifted = write(shiftJsonFeed(feed, shift));
  return shifted === write(feed) ? text : shifted;
}

/** The properties of an event (and of a to-do or journal) whose values are dates, DATE-TIMEs or PERIODs. */
const ICAL_DATE_PROPERTY = /^((?:DTSTART|DTEND|DUE|DTSTAMP|CREATED|LAST-MODIFIED|RECURRENCE-ID|EXDATE|RDATE|COMPLETED)(?:;[^:]*)?:)(.*?)(\r?)$/i;
const ICAL_RULE_PROPERTY = /^((?:RRULE|EXRULE)(?:;[^:]*)?:)(.*?)(\r?)$/i;

/**
 * An iCalendar file with its dates moved, line by line, keeping its line ends (CRLF). A VTIMEZONE's own DTSTART and
 * RRULE describe when the clocks change and stay as they are. Date properties are short enough never to be folded.
 */
function shiftICalendar(text: string, days: number): string {
  let inTimeZone = false;
  return text
    .split('\n')
    .map((line) => {
      if (/^BEGIN:VTIMEZONE\r?$/i.test(line)) inTimeZone = true;
      else if (/^END:VTIMEZONE\r?$/i.test(line)) inTimeZone = false;
      if (inTimeZone) return line;
      const rule = ICAL_RULE_PROPERTY.exec(line);
      if (rule) return `${rule[1]}${shiftRule(rule[2]!, days)}${rule[3]}`;
      const property = ICAL_DATE_PROPERTY.exec(line);
      if (!property) return line;
      // A list of values, each a date, a date-time or a PERIOD ("start/end" or "start/duration").
      const values = property[2]!.split(',').map((value) => value.split('/').map((part) => shiftICalendarValue(part, days)).join('/'));
      return `${property[1]}${values.join(',')}${property[3]}`;
    })
    .join('\n');
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An instant as RSS writes it (RFC 822, "Tue, 03 Nov 2026 09:00:00 +0100"), in Berlin's time and offset. */
function rfc822(date: Date): string {
  const wall = wallTime(date, ZONE);
  const offset = Math.round(zoneOffset(date, ZONE) / 60_000);
  const pad = (value: number) => String(Math.abs(value)).padStart(2, '0');
  const zone = `${offset < 0 ? '-' : '+'}${pad(Math.trunc(offset / 60))}${pad(offset % 60)}`;
  return `${WEEKDAYS[isoWeekday(dayOf(date, ZONE)) - 1]}, ${pad(wall.day)} ${MONTHS[wall.month - 1]} ${wall.year} ${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)} ${zone}`;
}

/**
 * An RSS or Atom feed with its dates moved: RSS's `pubDate` and `lastBuildDate` (RFC 822), Atom's `published` and
 * `updated` and Dublin Core's `dc:date` (RFC 3339). The rest of the XML stays byte for byte.
 */
function shiftXmlFeed(text: string, days: number): string {
  return text
    .replace(/(<(pubDate|lastBuildDate)>\s*)([^<]*?)(\s*<\/\2>)/g, (whole, open: string, _name, value: string, close: string) => {
      const instant = new Date(value);
      return Number.isNaN(instant.getTime()) ? whole : `${open}${rfc822(movedInstant(instant, days))}${close}`;
    })
    .replace(/(<(published|updated|dc:date)>\s*)([^<]*?)(\s*<\/\2>)/g, (_, open: string, _name, value: string, close: string) => `${open}${shiftDate(value, days)}${close}`);
}
