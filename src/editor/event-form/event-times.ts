/**
 * An event's `_kpr.start` and `_kpr.end` as the form shows them: a date and a time of day in the event's zone
 * (Europe/Berlin unless it names its own), and back. Dates are typed as the coordinator writes them ("1.12.2026")
 * or as the feed does ("2026-12-01"); what cannot be read yet is kept as typed, so the validator names it at the field.
 */
import { DEFAULT_TIME_ZONE } from '../../core/format.js';
import { dayOf, isKnownTimeZone, parseDay, wallTime, zonedInstant, offsetDateTime } from '../../core/time.js';
import type { Json, JsonObject } from '../model/paths.js';
import type { SeriesAnchor } from '../recurrence/rule-form.js';

export interface EventTimes {
  allDay: boolean;
  /** The start's day as shown ("2026-12-01"), or the text typed. */
  date: string;
  time: string;
  /** Timed events: the end's day only when it is not the start's; all-day events: the last day, if any. */
  endDate: string;
  endTime: string;
}

const WHEN = /^(\d{4}-\d{2}-\d{2})(?:[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?([Zz]|[+-]\d{2}:\d{2}))?$/;

export function zoneOf(kpr: JsonObject): string {
  const zone = kpr.time_zone;
  return typeof zone === 'string' && isKnownTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
}

/** A real calendar day from "2026-12-01", "1.12.2026" or "01.12.2026"; undefined for anything else. */
export function readDay(text: string): string | undefined {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : german ? [german[3], german[2], german[1]] : [];
  if (!year) return undefined;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return undefined;
  return date.toISOString().slice(0, 10);
}

/** A time of day from "18:00", "9:30" or "18.30". */
export function readTime(text: string): { hour: number; minute: number } | undefined {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  return hour <= 23 && minute <= 59 ? { hour, minute } : undefined;
}

/** A day as a coordinator reads it: "01.12.2026"; anything else (a text being typed) as it stands. */
export function shownDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : day;
}

const two = (value: number) => String(value).padStart(2, '0');

/** A `_kpr.start` or `end` split into the day and time shown, in the event's zone. */
export function split(value: Json | undefined, zone: string, allDay: boolean): { date: string; time: string; day?: string; timed: boolean } {
  if (typeof value !== 'string' || !value) return { date: '', time: '', timed: false };
  const match = WHEN.exec(value.trim());
  if (match && (allDay || !match[2])) return { date: match[1]!, time: '', day: match[1], timed: Boolean(match[2]) };
  if (match) {
    const instant = new Date(Date.parse(value.trim().replace(' ', 'T')));
    if (!Number.isNaN(instant.getTime())) {
      const wall = wallTime(instant, zone);
      const day = dayOf(instant, zone);
      return { date: day, time: `${two(wall.hour)}:${two(wall.minute)}${wall.second ? `:${two(wall.second)}` : ''}`, day, timed: true };
    }
  }
  const cut = value.indexOf('T');
  return cut < 0 ? { date: value, time: '', timed: false } : { date: value.slice(0, cut), time: value.slice(cut + 1), timed: true };
}

export function readTimes(kpr: JsonObject): EventTimes {
  const zone = zoneOf(kpr);
  const start = typeof kpr.start === 'string' ? kpr.start : '';
  // All-day: so marked, or a start that is a day alone. A start being typed ("2026-12-01T") is a timed one.
  const allDay = kpr.all_day === true || /^\d{4}-\d{2}-\d{2}$/.test(start.trim());
  const first = split(start, zone, allDay);
  const end = split(kpr.end, zone, allDay);
  if (allDay) return { allDay, date: first.date, time: '', endDate: end.date, endTime: '' };
  const sameDay = end.day !== undefined ? end.day === first.day : end.date === first.date;
  return { allDay, date: first.date, time: first.time, endDate: sameDay ? '' : end.date, endTime: end.time };
}

/** A start or end as the feed writes it: an RFC 3339 date-time in the zone, a day, or the text typed so far. */
export function writeWhen(date: string, time: string, allDay: boolean, zone: string): string {
  const day = readDay(date);
  if (allDay) return day ?? date.trim();
  const clock = readTime(time);
  if (day && clock) return offsetDateTime(zonedInstant({ ...parseDay(day), ...clock, second: 0 }, zone), zone);
  return `${day ?? date.trim()}T${time.trim()}`;
}

/** The `_kpr` with the times changed: the end follows the start's day when it is on the same day. */
export function withTimes(kpr: JsonObject, times: EventTimes): JsonObject {
  const zone = zoneOf(kpr);
  const next: JsonObject = { ...kpr, start: writeWhen(times.date, times.time, times.allDay, zone) };
  if (times.allDay) next.all_day = true;
  else delete next.all_day;
  const end = times.allDay
    ? times.endDate.trim() ? writeWhen(times.endDate, '', true, zone) : undefined
    : times.endTime.trim() || times.endDate.trim() ? writeWhen(times.endDate.trim() || times.date, times.endTime, false, zone) : undefined;
  if (end === undefined) delete next.end;
  else next.end = end;
  return next;
}

/** The series' first day, time and zone, for the recurrence form; undefined until the start can be read. */
export function anchorOf(kpr: JsonObject): SeriesAnchor | undefined {
  const zone = zoneOf(kpr);
  const times = readTimes(kpr);
  const day = readDay(times.date);
  if (!day) return undefined;
  if (times.allDay) return { day, timeZone: zone };
  const clock = readTime(times.time.slice(0, 5));
  if (!clock) return undefined;
  const second = Number(times.time.slice(6, 8)) || 0;
  return { day, time: { ...clock, second }, timeZone: zone };
}
