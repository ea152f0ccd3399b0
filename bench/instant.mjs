// The instant every benchmark page runs at, whatever the machine's date: the test suite's (tests/support/clock.ts),
// Tuesday, 24 November 2026, 10:00 in Berlin. Our widgets' "today" (the calendar's highlighted day, where this
// month's list starts, which news are already published) comes from the library's one clock (src/core/clock.ts);
// FullCalendar gets the same instant as its `now` option. So two runs on different days measure the same work,
// and `faketime -f '+400d' npm run bench` gives the same counts.
export const BENCH_INSTANT = '2026-11-24T10:00:00+01:00';

/**
 * A classic script for the page's <head>, run before the library loads: it sets the clock the library's
 * `setClock` sets. The library keeps that clock as a page-wide singleton (src/core/singleton.ts: a `Symbol.for` key
 * with the major version on `globalThis`), so setting it first is what calling `setClock(BENCH_INSTANT)` does;
 * no bundle we ship exports `setClock`.
 */
export function clockScript(instant = BENCH_INSTANT) {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`bench instant "${instant}" is not an instant`);
  return `<script>globalThis[Symbol.for('asskomm-widgets.v1.clock')] = { source: () => ${ms} };</script>`;
}
