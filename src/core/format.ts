import { logWarning } from './log.js';

export const DEFAULT_TIME_ZONE = 'Europe/Berlin';

/*
 * German, the default language, without Intl where its rules are fixed: a news date in Berlin (format-date.ts), a
 * list, a whole number.
 * A page's first Intl formatter of any kind costs Chromium about 50 ms of a phone's CPU (V8 lists the locales ICU
 * has), in the task that shows the first screen: most of the demo's total blocking time in Lighthouse. Every other
 * language, zone or option goes to Intl; a test holds these to what Intl writes.
 */
export const isGerman = (locale: string) => locale === 'de' || locale === 'de-DE';

const checkedZones = new Map<string, boolean>();

/**
 * The time zone a widget uses: its `time-zone` attribute when the browser knows it, else Europe/Berlin,
 * with a console warning so the webmaster sees the typo.
 */
export function timeZoneFor(host: Element, requested: string | undefined): string {
  const zone = requested?.trim();
  if (!zone) return DEFAULT_TIME_ZONE;
  let valid = checkedZones.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      valid = true;
    } catch {
      valid = false;
      logWarning(host, `time-zone "${zone}" is not an IANA time zone such as "Europe/Berlin"; using ${DEFAULT_TIME_ZONE}`);
    }
    checkedZones.set(zone, valid);
  }
  return valid ? zone : DEFAULT_TIME_ZONE;
}

const listFormats = new Map<string, Intl.ListFormat>();

/** Joins names the way the language does: "A, B und C" / "A, B, and C". */
export function formatList(values: string[], locale: string): string {
  if (isGerman(locale)) return values.length > 1 ? `${values.slice(0, -1).join(', ')} und ${values.at(-1)}` : values.join('');
  // One formatter per locale: a goal overview lists the partners of each of its measures (a new one each was 5 ms a render).
  let formatter = listFormats.get(locale);
  if (!formatter) listFormats.set(locale, (formatter = new Intl.ListFormat(locale, { type: 'conjunction' })));
  return formatter.format(values);
}

/** A file size as residents read it: "1,2 MB", "840 kB". */
export function formatBytes(bytes: number, locale: string): string {
  const [value, unit] = bytes >= 1e6 ? [bytes / 1e6, 'megabyte'] : [Math.max(1, bytes / 1e3), 'kilobyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number as residents read it ("1.234,5", "12 %"); formatters are cached, charts format many values. */
export function formatNumber(value: number, locale: string, options?: Intl.NumberFormatOptions): string {
  // A whole number in German: "2.000" (a contact form's characters left).
  if (!options && isGerman(locale) && Number.isSafeInteger(value) && !Object.is(value, -0)) return String(value).replace(/\B(?=(\d{3})+$)/g, '.');
  const key = options ? `${locale}|${JSON.stringify(options)}` : locale; // most calls have no options: no JSON for them
  let formatter = numberFormats.get(key);
  if (!formatter) numberFormats.set(key, (formatter = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, ...options })));
  return formatter.format(value);
}

const CALENDAR_DAY: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeZone: 'UTC' };
const CALENDAR_MONTH: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric', timeZone: 'UTC' };

/**
 * A calendar date or month from a feed ("2024-03" → "März 2024", "2024-03-15" → "15. März 2024"). These name
 * a day, not an instant, so they are formatted in UTC and never shift with the visitor's time zone.
 */
export function formatCalendarDate(value: string, locale: string): string {
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year!, (month ?? 1) - 1, day ?? 1));
  if (Number.isNaN(date.getTime())) return value;
  return dateTimeFormat(locale, day ? CALENDAR_DAY : CALENDAR_MONTH).format(date);
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** Formatters are cached: making one costs far more than formatting (a goal's measures each have dates). */
function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = dateTimeFormats.get(key);
  if (!formatter) dateTimeFormats.set(key, (formatter = new Intl.DateTimeFormat(locale, options)));
  return formatter;
}

const DAY_STYLES: Record<'long' | 'month' | 'weekday' | 'day' | 'short', Intl.DateTimeFormatOptions> = {
  long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  month: { month: 'long', year: 'numeric' },
  weekday: { weekday: 'short' },
  day: { day: 'numeric' },
  short: { day: 'numeric', month: 'short' },
};
/** Noon UTC of a day: formatted in UTC, it is that day in every locale. */
const noonOf = (day: string) => Date.parse(`${day}T12:00:00Z`);

/**
 * A day of the town's calendar ("2026-11-24") in words: `long` "Dienstag, 24. November 2026", `month`
 * "November 2026", `weekday` "Di", `day` "24". Days are dates, not instants, so they are formatted in UTC.
 */
export function formatDay(day: string, locale: string, style: 'long' | 'month' | 'weekday' | 'day'): string {
  return dateTimeFormat(locale, { ...DAY_STYLES[style], timeZone: 'UTC' }).format(noonOf(day));
}

/** Days from … to, without repeating what both share: `short` "7.–11. Dez.", `long` with weekdays and year. */
export function formatDayRange(from: string, to: string, locale: string, style: 'long' | 'short'): string {
  return dateTimeFormat(locale, { ...DAY_STYLES[style], timeZone: 'UTC' }).formatRange(noonOf(from), noonOf(to));
}

/** A time of day in the municipality's zone: "18:00" (or "6:00 PM" where the language says so). */
export function formatTime(date: Date, locale: string, timeZone: string): string {
  return dateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone }).format(date);
}

/**
 * A span of time the way the language writes it, without repeating what both ends share:
 * "18:00–20:00", "24.–26. Dezember 2026", "24. Dezember, 18:00 – 26. Dezember 2026, 12:00".
 */
export function formatRange(start: Date, end: Date, locale: string, options: Intl.DateTimeFormatOptions): string {
  return dateTimeFormat(locale, options).formatRange(start, end);
}
