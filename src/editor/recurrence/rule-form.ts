/**
 * The recurrence a coordinator can choose in the form ("every second Tuesday", "monthly on the last Friday", "on the
 * 15th", "yearly", until a day or n times), read from and written as the RRULE the calendar reads. The rule is read
 * with the calendar's own parser and the dates come from the calendar's own expander
 * (src/widgets/event-calendar/recurrence.ts): the form shows exactly the dates residents will see.
 */
import { now } from '../../core/clock.js';
import { addDays, dayOf, isoWeekday, parseDay, wallTime, zonedInstant } from '../../core/time.js';
import { expandSeries, parseRule, type Rule, type SeriesStart } from '../../widgets/event-calendar/recurrence.js';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
/** The n-th weekday of a month the form offers: first to fourth, and the last (-1). */
export const ORDINALS = [1, 2, 3, 4, -1] as const;

export interface RuleForm {
  freq: Frequency;
  interval: number;
  /** WEEKLY: the weekdays it falls on. */
  weekdays: Weekday[];
  /** MONTHLY: on a day of the month, or on the n-th (or last) weekday of the month. */
  monthly: { by: 'day'; day: number } | { by: 'weekday'; ordinal: number; weekday: Weekday };
  end: { by: 'never' } | { by: 'until'; day: string } | { by: 'count'; count: number };
}

/** What the series starts with: its first day, its time of day (none for all-day events) and its zone. */
export interface SeriesAnchor {
  day: string;
  time?: { hour: number; minute: number; second: number };
  timeZone: string;
}

const weekdayOf = (day: string): Weekday => WEEKDAYS[isoWeekday(day) - 1]!;

/** The form's choices for a new series starting on `anchor.day`: weekly on its weekday, or monthly on its date. */
export function defaultRule(freq: Frequency, anchor: SeriesAnchor): RuleForm {
  return { freq, interval: 1, weekdays: [weekdayOf(anchor.day)], monthly: { by: 'day', day: parseDay(anchor.day).day }, end: { by: 'never' } };
}

/** "Monthly on the n-th weekday", as the start day is: the last Friday when it is a month's last Friday. */
export function monthlyByWeekday(anchor: SeriesAnchor): RuleForm['monthly'] {
  return { by: 'weekday', ordinal: ordinalOf(anchor.day), weekday: weekdayOf(anchor.day) };
}

/** The n-th weekday the start day is in its month: 1 to 4, or -1 when it is the month's last such weekday. */
export function ordinalOf(day: string): number {
  const lastWeek = parseDay(addDays(day, 7)).month !== parseDay(day).month;
  return lastWeek ? -1 : Math.ceil(parseDay(day).day / 7);
}

/**
 * The form's reading of an RRULE, or undefined when the form cannot show it (BYSETPOS, BYMONTH, several days of the
 * month, a rule the calendar does not read at all): such a rule is kept as written and shown read-only.
 */
export function readRule(rrule: string, anchor: SeriesAnchor): RuleForm | undefined {
  let rule: Rule;
  try {
    rule = parseRule(rrule, anchor.timeZone);
  } catch {
    return undefined;
  }
  if (rule.bySetPos.length || rule.byMonth.length || rule.weekStart !== 1 || (rule.count !== undefined && rule.until !== undefined)) return undefined;
  const form = defaultRule(rule.freq, anchor);
  form.interval = rule.interval;
  const plainDays = rule.byDay.every((by) => by.ordinal === 0);
  switch (rule.freq) {
    case 'DAILY':
    case 'YEARLY':
      if (rule.byDay.length || rule.byMonthDay.length) return undefined;
      break;
    case 'WEEKLY':
      if (!plainDays || rule.byMonthDay.length) return undefined;
      if (rule.byDay.length) form.weekdays = WEEKDAYS.filter((_, index) => rule.byDay.some((by) => by.weekday === index + 1));
      break;
    case 'MONTHLY': {
      const [byDay] = rule.byDay;
      const [byMonthDay] = rule.byMonthDay;
      if (rule.byDay.length + rule.byMonthDay.length > 1) return undefined;
      if (byMonthDay !== undefined) {
        if (byMonthDay < 1) return undefined;
        form.monthly = { by: 'day', day: byMonthDay };
      } else if (byDay) {
        if (!(ORDINALS as readonly number[]).includes(byDay.ordinal)) return undefined;
        form.monthly = { by: 'weekday', ordinal: byDay.ordinal, weekday: WEEKDAYS[byDay.weekday - 1]! };
      }
      break;
    }
  }
  if (rule.count !== undefined) form.end = { by: 'count', count: rule.count };
  else if (rule.until !== undefined) form.end = { by: 'until', day: lastDay(rule.until, anchor) };
  return form;
}

/**
 * The last day an occurrence may fall on, as the calendar reads UNTIL: a date on a series with a time of day ends it
 * at that date's midnight (so the day before is the last), an instant before the day's start time ends it the day
 * before.
 */
function lastDay(until: SeriesStart, anchor: SeriesAnchor): string {
  if (!anchor.time) return typeof until === 'string' ? until : dayOf(until, anchor.timeZone);
  if (typeof until === 'string') return addDays(until, -1);
  const wall = wallTime(until, anchor.timeZone);
  const { hour, minute, second } = anchor.time;
  const before = wall.hour * 3600 + wall.minute * 60 + wall.second < hour * 3600 + minute * 60 + second;
  const day = dayOf(until, anchor.timeZone);
  return before ? addDays(day, -1) : day;
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** The RRULE of the form's choices, in the order the calendar's documentation writes them. */
export function writeRule(form: RuleForm, anchor: SeriesAnchor): string {
  const parts = [`FREQ=${form.freq}`];
  if (form.interval > 1) parts.push(`INTERVAL=${form.interval}`);
  if (form.freq === 'WEEKLY') parts.push(`BYDAY=${(form.weekdays.length ? form.weekdays : [weekdayOf(anchor.day)]).join(',')}`);
  if (form.freq === 'MONTHLY') parts.push(form.monthly.by === 'day' ? `BYMONTHDAY=${form.monthly.day}` : `BYDAY=${form.monthly.ordinal}${form.monthly.weekday}`);
  if (form.end.by === 'count') parts.push(`COUNT=${form.end.count}`);
  if (form.end.by === 'until') {
    const { year, month, day } = parseDay(form.end.day);
    if (!anchor.time) parts.push(`UNTIL=${pad(year, 4)}${pad(month)}${pad(day)}`);
    else {
      // RFC 5545 wants a UTC date-time on a series with a time of day: the last second of that day in the zone.
      const last = zonedInstant({ year, month, day, hour: 23, minute: 59, second: 59 }, anchor.timeZone);
      parts.push(`UNTIL=${last.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`);
    }
  }
  return parts.join(';');
}

export interface NextDates {
  /** Up to `count` starts from today on (or from the series' start, when that is later). */
  starts: SeriesStart[];
  /** Why the calendar does not follow the rule (its console message), when it does not. */
  problem?: string;
}

/**
 * The next starts of a series, from the calendar's own expander: from today in the series' zone, looking a year
 * ahead, then ten, then forty, until `count` are found.
 */
export function nextDates(series: { start: SeriesStart; timeZone: string; rrule?: string; exdates?: SeriesStart[]; rdates?: SeriesStart[] }, count = 10): NextDates {
  let problem: string | undefined;
  // The calendar's console message is the last argument, whatever comes before it.
  const warn = (...args: unknown[]) => void (problem ??= String(args[args.length - 1]));
  const expansion = expandSeries(series, warn);
  const today = dayOf(now(), series.timeZone);
  let starts: SeriesStart[] = [];
  for (const years of [1, 10, 40]) {
    starts = expansion.starts({ from: today, to: addDays(today, Math.round(years * 366)) });
    if (starts.length >= count) break;
  }
  return { starts: starts.slice(0, count), problem };
}
