import { DEFAULT_TIME_ZONE, isGerman } from './format.js';

// Apart from format.ts because only the articles of a news feed show it: it loads with them, not before the first render.
const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
const HOUR = 3_600_000;

/** 01:00 UTC on the last Sunday of a month (0-based): when summer time starts (March) and ends (October) in the EU. */
function lastSundayOf(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0, 1));
  return last.getTime() - last.getUTCDay() * 24 * HOUR;
}

/** "24. November 2026" in Berlin, by the EU's summer time rule (since 1996; the years after are assumed to keep it). */
function germanBerlinDate(date: Date): string | undefined {
  const year = date.getUTCFullYear();
  if (!(year >= 1996 && year <= 2037)) return undefined;
  const time = date.getTime();
  const summer = time >= lastSundayOf(year, 2) && time < lastSundayOf(year, 9);
  const local = new Date(time + (summer ? 2 : 1) * HOUR);
  return `${local.getUTCDate()}. ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A date as residents of the municipality read it ("24. November 2026"): in its time zone, whatever the visitor's computer says. */
export function formatDate(date: Date, locale: string, timeZone: string): string {
  const german = isGerman(locale) && timeZone === DEFAULT_TIME_ZONE ? germanBerlinDate(date) : undefined;
  if (german) return german;
  const key = `${locale}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone })));
  return formatter.format(date);
}
