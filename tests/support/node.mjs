// Helpers shared by the node tests (tests/**/*.test.mjs): where the project is, and temporary folders that are
// removed when the test ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');

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
