// The demo's sample feeds with their dates moved to the current week, for `npm start` (and the tests of what it
// serves). The moving is src/samples/shift-dates.ts, the same code the embed builder and Storybook run in the
// browser; Node cannot import TypeScript, so it is bundled here with esbuild, in memory, and imported from a data:
// URL (no file to go stale, nothing written into the checkout).
import { build } from 'esbuild';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

/** @returns {Promise<typeof import('../src/samples/shift-dates.ts')>} */
export async function loadSampleDates() {
  const { outputFiles } = await build({
    entryPoints: [join(root, 'src/samples/shift-dates.ts')],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].contents).toString('base64')}`);
}
