/**
 * RFC 5545 recurrence rules, for the subset municipal calendars use: FREQ DAILY to YEARLY, INTERVAL, COUNT,
 * UNTIL, BYDAY (with ordinals for MONTHLY and YEARLY), BYMONTHDAY, BYMONTH, BYSETPOS and WKST. A series is
 * expanded on the wall clock of its zone (a weekly 19:00 meeting stays at 19:00 when the clocks change), and
 * only for the days asked for, within a fixed amount of work, so that no feed can freeze the page.
 */
import { dayNumber, dayNumberOf, dayOf, dayOfNumber, instantOnDay, isoWeekdayOf, startOfDay, wallTime, zonedInstant, type WallTime } from '../../core/time.js';
import type { ProblemCode } from '../../core/feed/problems.js';
import { MAX_OCCURRENCES, type DayRange } from './event-calendar.types.js';

/** A start: the instant of a timed occurrence, or the day ("2026-12-24") of an all-day one. */
export type SeriesStart = Date | string;

export interface Series {
  /** The first occurrence (DTSTART): always part of the series, and counted by COUNT. */
  start: SeriesStart;
  /** The zone whose wall clock and calendar the rule follows. */
  timeZone: string;
  /** An RRULE value without "RRULE:", e.g. "FREQ=MONTHLY;BYDAY=2TU". */
  rrule?: string;
  /** Starts to leave out: an instant removes the occurrence starting then, a day every occurrence on that day. */
  exdates?: readonly SeriesStart[];
  /** Extra starts; a day means the time of day of `start` on that day. */
  rdates?: readonly SeriesStart[];
}

export interface Rule {
  freq: (typeof FREQUENCIES)[number];
  interval: number;
  count?: number;
  /**
   * The last day (inclusive) or the last instant an occurrence may start, as written. A day on a series with a time
   * of day is read as that day's midnight (see `expandSeries`).
   */
  until?: SeriesStart;
  /** ISO weekday (1 Monday … 7 Sunday) and ordinal in the month or year (2 = second, -1 = last, 0 = every). */
  byDay: { weekday: number; ordinal: number }[];
  byMonthDay: number[];
  byMonth: number[];
  bySetPos: number[];
  weekStart: number;
}

export interface SeriesExpansion {
  /** Whether the series has more than its start (false when its rule was rejected). */
  recurring: boolean;
  /** The starts on the days of `window` (in the series' zone), in order; at most `MAX_OCCURRENCES`. */
  starts(window: DayRange): SeriesStart[];
  /** The work the last `starts` did: the periods and days the rule looked at (a daily rule: two per day). */
  stepsTaken: number;
}

const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const DAY_MS = 86_400_000;
/** Calendar days one expansion may look at (about 550 years of a daily rule); the bound on any rule's work. */
const MAX_STEPS = 200_000;
/** How far (in days looked at, about 40 years) a rule must produce a second occurrence to count as valid. */
export const PROBE_STEPS = 15_000;

/** A wall-clock time of day as milliseconds after midnight. */
const clockMs = (wall: WallTime) => ((wall.hour * 60 + wall.minute) * 60 + wall.second) * 1000;
const inWindow = (day: number, window: DayRange) => day >= dayNumber(window.from) && day < dayNumber(window.to);

/** An RRULE the calendar cannot follow: `code` says whether it is wrong or only not supported. */
export type RuleError = RangeError & { code: Extract<ProblemCode, 'rrule-unreadable' | 'rrule-part-unsupported'> };

/** Reads an RRULE value; throws a `RuleError` that says what is wrong or not supported. */
export function parseRule(value: string, timeZone: string): Rule {
  const rule: Omit<Rule, 'freq'> = { interval: 1, byDay: [], byMonthDay: [], byMonth: [], bySetPos: [], weekStart: 1 };
  let freq: Rule['freq'] | undefined;
  const fail = (message: string, code: RuleError['code'] = 'rrule-unreadable'): never => {
    throw Object.assign(new RangeError(message), { code });
  };
  for (const part of value.trim().replace(/^RRULE:/i, '').toUpperCase().split(';').filter(Boolean)) {
    const [name = '', text = ''] = part.split('=');
    const numbers = (max: number, signed: boolean) => text.split(',').map((item) => {
      const number = /^[+-]?\d+$/.test(item) ? Number(item) : NaN;
      return number !== 0 && Math.abs(number) <= max && (signed || number > 0) ? number : fail(`${part} is not valid`);
    });
    switch (name) {
      case 'FREQ':
        freq = FREQUENCIES.find((freq) => freq === text) ?? fail(`FREQ=${text} is not supported (only DAILY, WEEKLY, MONTHLY and YEARLY)`, 'rrule-part-unsupported');
        break;
      case 'INTERVAL': [rule.interval] = numbers(10_000, false); break;
      case 'COUNT': [rule.count] = numbers(Number.MAX_SAFE_INTEGER, false); break;
      case 'UNTIL': rule.until = parseUntil(text, timeZone) ?? fail(`${part} is not a date (20270630) or UTC date-time (20270630T235959Z)`); break;
      case 'BYMONTHDAY': rule.byMonthDay = numbers(31, true); break;
      case 'BYMONTH': rule.byMonth = numbers(12, false); break;
      case 'BYSETPOS': rule.bySetPos = numbers(366, true); break;
      case 'WKST': rule.weekStart = WEEKDAYS.indexOf(text) + 1 || fail(`${part} is not a weekday`); break;
      case 'BYDAY':
        rule.byDay = text.split(',').map((item) => {
          const [, ordinal = '0', weekday = ''] = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(item) ?? [];
          const number = WEEKDAYS.indexOf(weekday) + 1;
          return number && Math.abs(Number(ordinal)) <= 53 ? { weekday: number, ordinal: Number(ordinal) } : fail(`${part} is not valid`);
        });
        break;
      default:
        fail(`${name || part} is not supported`, 'rrule-part-unsupported');
    }
  }
  if (!freq) return fail('FREQ is missing');
  if (rule.byDay.some((day) => day.ordinal) && (freq === 'DAILY' || freq === 'WEEKLY')) {
    fail(`BYDAY with a number (such as 2TU) needs FREQ=MONTHLY or YEARLY, not ${freq}`);
  }
  // Refused rather than read as a filter of our own: ical.js refuses it too, and no two readers would agree on it.
  if (rule.byMonthDay.length && freq === 'WEEKLY') fail('BYMONTHDAY is not allowed with FREQ=WEEKLY (RFC 5545)');
  return { ...rule, freq };
}

/** UNTIL as a day (a date), an instant (UTC) or, leniently, a wall-clock time in the series' zone. */
function parseUntil(text: string, timeZone: string): SeriesStart | undefined {
  const [, year, month, day, time, hour, minute, second, utc] = /^(\d{4})(\d{2})(\d{2})(T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(text) ?? [];
  if (!year || Number.isNaN(Date.parse(`${year}-${month}-${day}T00:00:00Z`))) return undefined;
  if (!time) return `${year}-${month}-${day}`;
  const wall = { year: +year, month: +month!, day: +day!, hour: +hour!, minute: +minute!, second: +second! };
  return utc ? new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second)) : zonedInstant(wall, timeZone);
}

/**
 * A problem of a series' rule: its code and a text that begins `rrule "…"`. The caller, which knows the event and
 * where its rule is written, makes the console's line and the data of it.
 */
export type SeriesWarn = (code: ProblemCode, message: string) => void;

/** Prepares a series; problems with its rule are reported once, through `warn`, and the event is shown once. */
export function expandSeries(series: Series, warn: SeriesWarn): SeriesExpansion {
  const { start, timeZone } = series;
  const allDay = typeof start === 'string';
  const first = allDay ? dayNumber(start) : dayNumberOf(start, timeZone);
  // The wall-clock time of day every start keeps, as milliseconds after midnight.
  const clock = allDay ? undefined : clockMs(wallTime(start, timeZone));
  const startOn = (day: number): SeriesStart => (clock === undefined ? dayOfNumber(day) : instantOnDay(day, clock, timeZone));

  let rule: Rule | undefined;
  const probe = { left: PROBE_STEPS };
  if (series.rrule) {
    try {
      rule = withDefaults(parseRule(series.rrule, timeZone), first);
      // The probe stops at the first day after the start.
      let again = false;
      forRuleDays(rule, first, 0, probe, Infinity, (day) => {
        again = day > first;
        return !again;
      });
      if (!again) throw new RangeError('it never matches a day after the start');
    } catch (error) {
      warn((error as Partial<RuleError>).code ?? 'rrule-unreadable', `rrule "${series.rrule}": ${(error as Error).message}; the event is shown once, on its start`);
      // The probe's work is the whole work of a rejected rule.
      return { recurring: false, starts: (window) => (inWindow(first, window) ? [start] : []), stepsTaken: PROBE_STEPS - Math.max(0, probe.left) };
    }
  }
  const excludedDays = new Set<string>();
  const excludedInstants = new Set<number>();
  for (const exdate of series.exdates ?? []) {
    if (typeof exdate === 'string') excludedDays.add(exdate);
    else if (allDay) excludedDays.add(dayOf(exdate, timeZone));
    else excludedInstants.add(exdate.getTime());
  }
  // Most series have no EXDATE: then no day's text is made for each start asked about.
  const excluded = (day: number, at: SeriesStart) =>
    (excludedDays.size > 0 && excludedDays.has(dayOfNumber(day))) || (excludedInstants.size > 0 && at instanceof Date && excludedInstants.has(at.getTime()));
  // RFC 5545 wants UNTIL as a date-time when the series has a time of day. Given a date, python-dateutil and
  // rrule.js end the series at that date's midnight in the series' zone (ical.js at its midnight in UTC): a
  // series at 09:00 with UNTIL=19970905 ends on 4 September. On an all-day series the date is its last day.
  const until = typeof rule?.until === 'string' && !allDay ? startOfDay(rule.until, timeZone) : rule?.until;
  const untilDay = until === undefined ? Infinity : typeof until === 'string' ? dayNumber(until) : dayNumberOf(until, timeZone);
  const beforeUntil = (day: number) =>
    day < untilDay || (day === untilDay && (!(until instanceof Date) || allDay || (startOn(day) as Date) <= until));
  let warnedAboutWork = false;

  const starts = (window: DayRange): SeriesStart[] => {
    const [from, to] = [dayNumber(window.from), dayNumber(window.to)];
    // The start, then the rule's days after it, each later than the one before: in order, and each once.
    const found: SeriesStart[] = [];
    // The window's days are read once here, not on every start (`inWindow` would parse both for each).
    const add = (day: number, at = startOn(day)) => {
      if (day >= from && day < to && !excluded(day, at) && found.length < MAX_OCCURRENCES) found.push(at);
    };
    add(first, start);
    if (rule) {
      // COUNT counts from the start, so only a rule without it may skip the periods before the window.
      const skipped = rule.count === undefined ? Math.floor(Math.max(0, unitsBetween(rule, first, from)) / rule.interval) * rule.interval : 0;
      const budget = { left: MAX_STEPS };
      let countLeft = (rule.count ?? Infinity) - 1; // the start is the first
      forRuleDays(rule, first, skipped, budget, to, (day) => {
        if (day <= first) return true;
        if (day >= to || !beforeUntil(day) || --countLeft < 0 || found.length >= MAX_OCCURRENCES) return false;
        if (day >= from) add(day);
        return true;
      });
      expansion.stepsTaken = MAX_STEPS - Math.max(0, budget.left);
      if (budget.left < 0 && !warnedAboutWork) {
        warnedAboutWork = true;
        warn('series-dates-stop', `rrule "${series.rrule}" needs too much work to reach ${window.from}; later occurrences are not shown`);
      }
    }
    if (!series.rdates?.length) return found;
    for (const rdate of series.rdates) {
      if (typeof rdate === 'string') add(dayNumber(rdate));
      else add(dayNumberOf(rdate, timeZone), allDay ? dayOf(rdate, timeZone) : rdate);
    }
    // RDATEs come in any order, and may repeat a start the rule has.
    const unique = new Map(found.map((at) => [at instanceof Date ? at.getTime() : at, at]));
    return [...unique.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  };
  const expansion: SeriesExpansion = { recurring: Boolean(rule || series.rdates?.length), starts, stepsTaken: 0 };
  return expansion;
}

/** RFC 5545: parts a rule leaves out are taken from its start (a weekly rule repeats on the start's weekday). */
function withDefaults(rule: Rule, first: number): Rule {
  const date = new Date(first * DAY_MS);
  if (rule.freq === 'WEEKLY' && !rule.byDay.length) return { ...rule, byDay: [{ weekday: date.getUTCDay() || 7, ordinal: 0 }] };
  if ((rule.freq === 'MONTHLY' || rule.freq === 'YEARLY') && !rule.byDay.length && !rule.byMonthDay.length) {
    const byMonth = rule.freq === 'YEARLY' && !rule.byMonth.length ? [date.getUTCMonth() + 1] : rule.byMonth;
    return { ...rule, byMonthDay: [date.getUTCDate()], byMonth };
  }
  return rule;
}

/** The period (a day, week, month or year) `index` units after the one holding `first`, as [from, to) days. */
function period(rule: Rule, first: number, index: number): [number, number] {
  const date = new Date(first * DAY_MS);
  const [year, month] = [date.getUTCFullYear(), date.getUTCMonth()];
  switch (rule.freq) {
    case 'DAILY': return [first + index, first + index + 1];
    case 'WEEKLY': return [weekStart(rule, first) + 7 * index, weekStart(rule, first) + 7 * index + 7];
    case 'MONTHLY': return [Date.UTC(year, month + index, 1) / DAY_MS, Date.UTC(year, month + index + 1, 1) / DAY_MS];
    case 'YEARLY': return [Date.UTC(year + index, 0, 1) / DAY_MS, Date.UTC(year + index + 1, 0, 1) / DAY_MS];
  }
}

const weekStart = (rule: Rule, day: number) => day - ((new Date(day * DAY_MS).getUTCDay() + 7 - (rule.weekStart % 7)) % 7);

/** Whole periods from the one holding `first` to the one holding `day`. */
function unitsBetween(rule: Rule, first: number, day: number): number {
  const [a, b] = [new Date(first * DAY_MS), new Date(day * DAY_MS)];
  const years = b.getUTCFullYear() - a.getUTCFullYear();
  switch (rule.freq) {
    case 'DAILY': return day - first;
    case 'WEEKLY': return Math.floor((day - weekStart(rule, first)) / 7);
    case 'MONTHLY': return years * 12 + b.getUTCMonth() - a.getUTCMonth();
    case 'YEARLY': return years;
  }
}

/**
 * Calls `visit` with the days the rule matches, in order, from the period `index` units after the first, until `stop`
 * (a day number), until `visit` returns false, or until `budget` days have been looked at (it ends below zero then).
 * A callback, not a generator: this runs for every series near the days on screen, mostly before its code is compiled,
 * where each step of a generator costs far more than a call.
 */
function forRuleDays(rule: Rule, first: number, index: number, budget: { left: number }, stop: number, visit: (day: number) => boolean): void {
  // The usual weekly rule (some weekdays, nothing else): each week's days are its start plus the same offsets, so
  // they are counted once here instead of a date and a match per day of every week (the same days, the same work
  // counted in `budget`).
  const weekly = rule.freq === 'WEEKLY' && rule.byDay.length > 0 && !rule.bySetPos.length && !rule.byMonth.length && !rule.byMonthDay.length && rule.byDay.every((by) => !by.ordinal);
  const base = weekStart(rule, first);
  const offsets = weekly ? [...new Set(rule.byDay.map((by) => (by.weekday - isoWeekdayOf(base) + 7) % 7))].sort((a, b) => a - b) : [];
  for (; ; index += rule.interval) {
    // A weekly rule's week without a pair made for it: this runs for every week of every series asked about.
    let from = base + 7 * index;
    let to = from + 7;
    if (!weekly) [from, to] = period(rule, first, index);
    if (!(from < stop && to > from) || --budget.left < 0) return;
    if (weekly) {
      // As the loop below: a week looked at only in part yields nothing.
      if (budget.left < to - from) return void (budget.left = -1);
      budget.left -= to - from;
      for (const offset of offsets) if (!visit(from + offset)) return;
      continue;
    }
    const matched: number[] = [];
    for (let day = from; day < to; day++) {
      if (--budget.left < 0) return; // a period looked at only in part must not yield: BYSETPOS would pick wrongly
      if (matches(rule, day)) matched.push(day);
    }
    for (const day of rule.bySetPos.length ? selectPositions(matched, rule.bySetPos) : matched) if (!visit(day)) return;
  }
}

function matches(rule: Rule, day: number): boolean {
  const weekday = isoWeekdayOf(day);
  // Loops, not closures: this runs for every day of every series near the days on screen (a weekly series: 7 a week).
  let onWeekday = rule.byDay.length === 0;
  let ordinals = false;
  for (const by of rule.byDay) {
    if (by.weekday === weekday) onWeekday = true;
    if (by.ordinal) ordinals = true;
  }
  if (!onWeekday) return false;
  // The usual rule (weekly on some weekdays) needs no date: no month, month day or ordinal to check.
  if (!ordinals && !rule.byMonth.length && !rule.byMonthDay.length) return true;
  const date = new Date(day * DAY_MS);
  const month = date.getUTCMonth() + 1;
  if (rule.byMonth.length && !rule.byMonth.includes(month)) return false;
  const [year, monthDay] = [date.getUTCFullYear(), date.getUTCDate()];
  const monthLength = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (rule.byMonthDay.length && !rule.byMonthDay.some((n) => n === monthDay || n === monthDay - monthLength - 1)) return false;
  if (!ordinals) return true;
  // An ordinal counts within the month, except in a YEARLY rule without BYMONTH, where it counts within the year.
  const inYear = rule.freq === 'YEARLY' && !rule.byMonth.length;
  const yearStart = Date.UTC(year, 0, 1) / DAY_MS;
  const [position, length] = inYear ? [day - yearStart + 1, Date.UTC(year + 1, 0, 1) / DAY_MS - yearStart] : [monthDay, monthLength];
  return rule.byDay.some(({ weekday: wanted, ordinal }) =>
    wanted === weekday && (ordinal === 0 || (ordinal > 0 ? Math.ceil(position / 7) === ordinal : Math.ceil((length - position + 1) / 7) === -ordinal)));
}

/** BYSETPOS: the n-th (or n-th last) of a period's matches. */
function selectPositions(days: number[], positions: number[]): number[] {
  const chosen = positions.map((position) => days.at(position > 0 ? position - 1 : position)).filter((day) => day !== undefined);
  return [...new Set(chosen)].sort((a, b) => a - b);
}
