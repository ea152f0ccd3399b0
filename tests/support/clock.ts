import { setClock } from '../../src/core/clock.js';

/**
 * The instant every browser test runs at unless it states its own: Tuesday, 24 November 2026, 10:00 in Berlin,
 * the week the demo feeds (our fixtures) were written for. The real date never reaches a widget in a test, so the
 * suite passes on any day. web-test-runner loads this module before each test file (web-test-runner.config.mjs).
 */
export const SUITE_INSTANT = '2026-11-24T10:00:00+01:00';

setClock(SUITE_INSTANT);

/**
 * The tests of the enclosing `describe` run at `instant` (every widget's "now"); after each, the clock is back at
 * the suite's instant.
 */
export function atInstant(instant: string): void {
  beforeEach(() => setClock(instant));
  afterEach(() => setClock(SUITE_INSTANT));
}
