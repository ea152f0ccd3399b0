// Helpers shared by the node tests (tests/**/*.test.mjs): where the project is, and temporary folders that are
// removed when the test ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');

/**
 * The instant the node tests run the commands at unless a test states its own (as KPR_NOW, which `validate`,
 * `init`, `bridge` and the contact server take as their clock): Tuesday, 24 November 2026, 10:00 in Berlin, as in
 * the browser tests (tests/support/clock.ts). The real date never reaches a command in a test.
 */
export const SUITE_INSTANT = '2026-11-24T10:00:00+01:00';

/**
 * A temporary folder for one test, removed afterwards.
 * @param {import('node:test').TestContext} t
 * @param {string} [prefix]
 */
export function tempDir(t, prefix = 'kpr-test-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
