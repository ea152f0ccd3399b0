/**
 * Calendar arithmetic in the municipality's time zone, with the browser's own time-zone data (`Intl`), so that
 * every visitor sees the same wall-clock times whatever their computer's zone. Days are ISO strings
 * ("2026-11-24"): a day is a date on the town's calendar, not an instant.
 */

export interface WallTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();

const HOUR_MS = 3_600_000;
/** The zone's offset at the start of each UTC hour asked about, per zone: calendars ask for thousands of times. */
const hourOffsets = new Map<string, Map<number, number>>();

function offsetAtHour(hour: number, timeZone: string): number {
  let offsets = hourOffsets.get(timeZone);
  if (!offsets) hourOffsets.set(timeZone, (offsets = new Map()));
  let offset = offsets.get(hour);
  if (offset === undefined) {
    if (offsets.size > 100_000) offsets.clear();
    offset = asUtc(intlWallTime(new Date(hour * HOUR_MS), timeZone)) - hour * HOUR_MS;
    offsets.set(hour, offset);
  }
  return offset;
}

/**
 * What the wall clock in `timeZone` shows at `date`. Within an hour whose start and end have the same offset
 * (nearly every hour) that is plain arithmetic; `Intl` is asked once per hour and zone, and for the hours in
 * which the clocks change.
 */
export function wallTime(date: Date, timeZone: string): WallTime {
  const time = Math.floor(date.getTime() / 1000) * 1000;
  const hour = Math.floor(time / HOUR_MS);
  const offset = offsetAtHour(hour, timeZone);
  if (offset !== offsetAtHour(hour + 1, timeZone)) return intlWallTime(date, timeZone);
  const wall = new Date(time + offset);
  return {
    year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(),
    hour: wall.getUTCHours(), minute: wall.getUTCMinutes(), second: wall.getUTCSeconds(),
  };
}

function intlWallTime(date: Date, timeZone: string): WallTime {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    partFormatters.set(timeZone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(date)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

const asUtc = (wall: WallTime) => Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);

/** Whether this browser (or Node) knows an IANA time zone such as "Europe/Berlin". */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    return !!new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at an instant, in milliseconds (+1 h in a Berlin winter). */
export function zoneOffset(date: Date, timeZone: string): number {
  return asUtc(wallTime(date, timeZone)) - Math.floor(date.getTime() / 1000) * 1000;
}

/**
 * The instant at which the wall clock in `timeZone` shows `wall`. A time that does not exist (skipped when
 * the clocks go forward) is moved forward by the gap, as RFC 5545 asks; a time that exists twice (when the
 * clocks go back) is the first of the two.
 */
export function zonedInstant(wall: WallTime, timeZone: string): Date {
  return instantOfWallClock(asUtc(wall), timeZone);
}

/** `zonedInstant` for a wall-clock time given as the UTC milliseconds of the same digits. */
function instantOfWallClock(guess: number, timeZone: string): Date {
  // Nearly always the zone keeps one offset for hours around the answer: then the wall time is shown once, that
  // offset away (a calendar's series ask for thousands of these; the cached hourly offsets answer them).
  const offset = offsetAtHour(Math.floor(guess / HOUR_MS), timeZone);
  const hour = Math.floor((guess - offset) / HOUR_MS);
  let steady = true;
  for (let near = hour - 3; steady && near <= hour + 3; near++) steady = offsetAtHour(near, timeZone) === offset;
  if (steady) return new Date(guess - offset);
  const first = guess - zoneOffset(new Date(guess), timeZone);
  const second = guess - zoneOffset(new Date(first), timeZone);
  if (first === second) {
    // The earlier of two readings when the clocks go back: an hour earlier may show the same wall time.
    const earlier = first - 3_600_000;
    return asUtc(wallTime(new Date(earlier), timeZone)) === guess ? new Date(earlier) : new Date(first);
  }
  // The offsets disagree: one of the two instants shows the wall time; otherwise it is in a gap.
  if (asUtc(wallTime(new Date(second), timeZone)) === guess) return new Date(second);
  if (asUtc(wallTime(new Date(first), timeZone)) === guess) return new Date(first);
  return new Date(Math.max(first, second));
}

/** The instant `day`, at the wall-clock time `clockMs` after its midnight (18:00 is 64,800,000), shows in the zone. */
export function instantOnDay(day: number, clockMs: number, timeZone: string): Date {
  return instantOfWallClock(day * DAY_MS + clockMs, timeZone);
}

/** A day as its parts. */
export function parseDay(day: string): { year: number; month: number; day: number } {
  const [year, month, date] = day.split('-').map(Number);
  return { year: year!, month: month!, day: date! };
}

const DAY_MS = 86_400_000;
/**
 * Days as numbers (days since 1970-01-01) and back, remembered: a calendar asks about the same few hundred days
 * thousands of times a render, and each answer would otherwise be a new Date and a new string.
 */
const numbersOfDays = new Map<string, number>();
const daysOfNumbers = new Map<number, string>();

/** The day number of "2026-11-24" (days since 1970-01-01; NaN for a text that is not a day). */
export function dayNumber(day: string): number {
  let number = numbersOfDays.get(day);
  if (number === undefined) {
    if (numbersOfDays.size > 20_000) numbersOfDays.clear();
    number = Date.parse(`${day}T00:00:00Z`) / DAY_MS;
    numbersOfDays.set(day, number);
  }
  return number;
}

/** The day ("2026-11-24") of a day number. */
export function dayOfNumber(number: number): string {
  let day = daysOfNumbers.get(number);
  if (day === undefined) {
    if (daysOfNumbers.size > 20_000) daysOfNumbers.clear();
    day = new Date(number * DAY_MS).toISOString().slice(0, 10);
    daysOfNumbers.set(number, day);
  }
  return day;
}

/** The day `count` days after (or before) `day`. */
export function addDays(day: string, count: number): string {
  return dayOfNumber(dayNumber(day) + count);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function isoWeekday(day: string): number {
  return isoWeekdayOf(dayNumber(day));
}

/** The ISO weekday (1 Monday … 7 Sunday) of a day number: day 0, 1 January 1970, was a Thursday. */
export function isoWeekdayOf(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The first day of the month `count` months after `day`'s month ("2026-11-24", 1 → "2026-12-01"). */
export function addMonths(day: string, count: number): string {
  const { year, month } = parseDay(day);
  return dayOfNumber(Date.UTC(year, month - 1 + count, 1) / DAY_MS);
}

/** The same day of the month `count` months away, or that month's last day (31 January → 28 February). */
export function addMonthsKeepingDay(day: string, count: number): string {
  const { year, month, day: date } = parseDay(day);
  const last = new Date(Date.UTC(year, month - 1 + count + 1, 0)).getUTCDate();
  return dayOfNumber(Date.UTC(year, month - 1 + count, Math.min(date, last)) / DAY_MS);
}

/** The days of a month view: whole weeks from Monday, covering the month of `day`. */
export function monthGrid(day: string): string[] {
  const first = addMonths(day, 0);
  const start = addDays(first, 1 - isoWeekday(first));
  const last = addDays(addMonths(day, 1), -1);
  const end = addDays(last, 7 - isoWeekday(last));
  return Array.from({ length: daysBetween(start, end) + 1 }, (_, index) => addDays(start, index));
}

/** The instant a day begins in the zone (midnight, or the first moment after a midnight gap). */
export function startOfDay(day: string, timeZone: string): Date {
  return instantOfWallClock(dayNumber(day) * DAY_MS, timeZone);
}

/** The day an instant falls on in the zone. */
export function dayOf(date: Date, timeZone: string): string {
  return dayOfNumber(dayNumberOf(date, timeZone));
}

/** The day number (`dayNumber`) of the day an instant falls on in the zone. */
export function dayNumberOf(date: Date, timeZone: string): number {
  const time = date.getTime();
  const hour = Math.floor(time / HOUR_MS);
  const offset = offsetAtHour(hour, timeZone);
  if (offset === offsetAtHour(hour + 1, timeZone)) return Math.floor((time + offset) / DAY_MS);
  const wall = intlWallTime(date, timeZone);
  return Date.UTC(wall.year, wall.month - 1, wall.day) / DAY_MS;
}

/**
 * An instant as an RFC 3339 date-time with the zone's offset at that moment ("2026-12-08T18:30:00+01:00"): the
 * wall-clock time a resident reads, and still the exact instant, for feeds written in the municipality's zone.
 */
export function offsetDateTime(date: Date, timeZone: string): string {
  const wall = wallTime(date, timeZone);
  const offset = Math.round(zoneOffset(date, timeZone) / 60_000);
  const pad = (value: number, length = 2) => String(Math.abs(value)).padStart(length, '0');
  const sign = offset < 0 ? '-' : '+';
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}
