import { singleton } from './singleton.js';

/**
 * The one place the library asks what time it is. Widgets, the feed cache, the validator, the bridge and `init`
 * call `now()`; nothing else reads `Date.now()` or `new Date()`. So a test (or a preview of a later day) sets
 * one clock with `setClock`, and every widget on the page, in every copy of the library, agrees on "now".
 */
export type ClockSource = () => number;

const systemClock: ClockSource = () => Date.now();

const clock = singleton('clock', () => ({ source: systemClock }));

/** The current instant, from the clock in force. */
export function now(): Date {
  return new Date(clock.source());
}

/** The current instant in milliseconds since 1970, for arithmetic and comparisons. */
export function nowMs(): number {
  return clock.source();
}

/**
 * Sets where "now" comes from: a fixed instant (a `Date`, or a string such as "2027-10-31T00:30:00Z"), a function
 * of your own, or nothing to return to the system clock. A string that is no instant is refused, so a typo never
 * silently runs at the real date.
 */
export function setClock(source?: ClockSource | Date | string | null): void {
  if (source == null) {
    clock.source = systemClock;
    return;
  }
  if (typeof source === 'function') {
    clock.source = source;
    return;
  }
  const instant = typeof source === 'string' ? Date.parse(source) : source.getTime();
  if (Number.isNaN(instant)) throw new RangeError(`setClock: "${String(source)}" is not an instant`);
  clock.source = () => instant;
}
