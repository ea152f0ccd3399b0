// Helpers shared by the node tests (tests/**/*.test.mjs): where the project is, and temporary folders that are
// removed when the test ends.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

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

/**
 * Source modules bundled for Node as the command line bundles them (scripts/build-cli.mjs: esbuild, ES module, a
 * `require` for the CommonJS inside), written into `folder` as `name` and imported. For tests that run the
 * browser-side readers in Node.
 * @param {string} contents the entry, e.g. `export { parseFeed } from './src/core/feed/parse.ts';` (paths from the root)
 * @param {string} folder
 * @param {{ name?: string, plugins?: import('esbuild').Plugin[] }} [options]
 */
export async function importBundled(contents, folder, { name = 'bundle.mjs', plugins = [] } = {}) {
  const { build } = await import('esbuild');
  const { outputFiles } = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'warning',
    plugins,
    banner: { js: "import { createRequire as __kprRequire } from 'node:module'; const require = __kprRequire(import.meta.url);" },
  });
  const file = join(folder, name);
  writeFileSync(file, outputFiles[0].text);
  return import(pathToFileURL(file).href);
}
