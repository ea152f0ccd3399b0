// The one place the server asks what time it is: the Node counterpart of the library's src/core/clock.ts. The
// store, the export, ALTCHA and the rate limit call `now()` or `nowMs()`; nothing else in server/ reads
// `Date.now()` or `new Date()`. So a test sets one clock with `setClock` and the whole server agrees on "now",
// whatever the real date is.

/** @typedef {() => number} ClockSource milliseconds since 1970 */

/** @type {ClockSource} */
const systemClock = () => Date.now();

let source = systemClock;

/** The current instant, from the clock in force. */
export function now() {
  return new Date(source());
}

/** The current instant in milliseconds since 1970, for arithmetic and comparisons. */
export function nowMs() {
  return source();
}

/**
 * Milliseconds since 1970 of a `Date` or of a string such as "2027-10-31T00:30:00Z". A string that is no instant
 * is refused, so a typo never silently runs at the real date.
 * @param {Date | string} instant
 * @param {string} [what] who asks, for the error
 */
export function instantMs(instant, what = 'setClock') {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${what}: "${String(instant)}" is not an instant`);
  return ms;
}

/**
 * Sets where "now" comes from: a fixed instant (a `Date`, or a string such as "2027-10-31T00:30:00Z"), a function
 * of your own, or nothing to return to the system clock.
 * @param {ClockSource | Date | string | null} [instant]
 */
export function setClock(instant) {
  if (instant == null) source = systemClock;
  else if (typeof instant === 'function') source = instant;
  else {
    const ms = instantMs(instant);
    source = () => ms;
  }
}

const HOUR_MS = 3_600_000;
/** The UTC hour (hours since 1970) berlinDate answered last, and its answer. */
let lastHour = { hour: Number.NaN, date: '' };
const berlinCalendar = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The date in Germany at `date`, as YYYY-MM-DD: the day a resident or the coordinator would name. It is a day
 * ahead of the UTC date from 23:00 (summer: 22:00) UTC to midnight.
 * @param {Date} date
 */
export function berlinDate(date) {
  // Every message's reference asks for the year, and Intl's formatting costs more than the rest of its request's
  // own work. Berlin is a whole number of hours ahead of UTC and changes its clocks on the hour, so its date is
  // the same for all of one UTC hour: the last hour's answer is kept.
  const hour = Math.floor(date.getTime() / HOUR_MS);
  if (hour !== lastHour.hour) {
    const parts = Object.fromEntries(berlinCalendar.formatToParts(date).map((part) => [part.type, part.value]));
    lastHour = { hour, date: `${parts.year}-${parts.month}-${parts.day}` };
  }
  return lastHour.date;
}
