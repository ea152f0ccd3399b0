// The coordinator's editor (issue 16): its first load, and the time from a keystroke to the updated preview.
//   - first load: what editor.js imports before it runs (dist/editor/, built here with scripts/build-editor.mjs),
//     gzip -9, beside the widget bundle the preview loads (goal ≤ 60 KB, as tests/editor/editor-dist.test.mjs);
//   - keystroke → preview: the editor page under its strict CSP at the bench's instant, with a draft of 6 goals,
//     40 measures and 12 indicators (bench/render-data.mjs), a letter typed at the end of a measure's name; timed in
//     the page from the key's `keydown` to the preview widget's `kpr-load` for that text (its items rendered) with
//     its layout done; median of `runs` after `warmups` (goal ≤ 50 ms).
// An absolute time, so information only in `--check` (the load is printed with it); the size is a budget.
// `node bench/editor.mjs` runs it alone.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBenchBrowser } from './browser.mjs';
import { buildEditorPage } from '../scripts/build-editor.mjs';
import { staticClosure } from '../scripts/module-closure.mjs';
import { EDITOR_HEADERS } from '../scripts/security-headers.mjs';
import { BENCH_INSTANT } from './instant.mjs';
import { goalsFeed } from './render-data.mjs';

const DIST_EDITOR = join(import.meta.dirname, '../dist/editor');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };
export const EDITOR_GOALS = { firstLoadGzipKB: 60, keystrokeMedianMs: 50 };
/** The measure typed into: the fourth of the third goal, in the middle of the form. */
const FIELD = '#field-items_2_kpr_measures_3_title';
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * `folder`: another build of the page (an older one, to compare with in one process); not built here.
 * @param {{ browser?: import('puppeteer-core').Browser, runs?: number, warmups?: number, build?: boolean, folder?: string, log?: (message: string) => void }} [options]
 */
export async function benchEditor({ browser, runs = 15, warmups = 3, build = true, folder = DIST_EDITOR, log = () => {} } = {}) {
  if (folder === DIST_EDITOR && (build || !existsSync(join(folder, 'editor.js')))) {
    // The page previews with the widgets' self-contained bundle (dist/asskomm-widgets.js), copied beside it: built
    // here, so that it is this tree's and so that a fresh clone, which has no dist/, has one.
    execFileSync('npx', ['--no-install', 'vite', 'build', '--logLevel', 'warn'], { cwd: join(import.meta.dirname, '..'), env: { ...process.env, KPR_BUILD: 'bundle' }, stdio: ['ignore', 'ignore', 'inherit'] });
    await buildEditorPage();
  }
  const firstLoad = [...staticClosure(join(folder, 'editor.js'))].reduce((sum, file) => sum + gz(file), 0);
  const widgetBundle = gz(join(folder, 'asskomm-widgets.js'));

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const file = normalize(join(folder, path === '/' ? 'editor.html' : path));
    if (!file.startsWith(folder) || !existsSync(file)) return response.writeHead(404).end();
    response.writeHead(200, { ...EDITOR_HEADERS, 'Cache-Control': 'no-store', 'Content-Type': TYPES[/** @type {keyof typeof TYPES} */ (extname(file))] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const origin = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`;
  const ownBrowser = !browser;
  browser ??= await launchBenchBrowser();
  const loadAtStart = loadavg()[0];
  const times = [];
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    // The library's clock, and the draft as the editor keeps it: opened as a coordinator finds it after a closed tab.
    await page.evaluateOnNewDocument((ms, feed) => {
      globalThis[Symbol.for('asskomm-widgets.v1.clock')] = { source: () => ms };
      const parsed = JSON.parse(feed);
      localStorage.setItem('asskomm-widgets.editor.draft', JSON.stringify({ kind: 'goal-overview', name: 'ziele.json', feed: parsed, original: parsed }));
    }, Date.parse(BENCH_INSTANT), goalsFeed);
    await page.goto(`${origin}/editor.html`, { waitUntil: 'load' });
    await page.waitForSelector(FIELD, { timeout: 30_000 });
    const shows = (text) => page.waitForFunction((wanted) => document.querySelector('asskomm-editor-preview')?.widgetElement?.shadowRoot?.textContent?.includes(wanted), { timeout: 30_000 }, text);
    const title = await page.$eval(FIELD, (field) => /** @type {HTMLInputElement} */ (field).value);
    await shows(title);
    // Timed in the page: the key's keydown, and the preview's kpr-load carrying the typed text, laid out.
    await page.evaluate(() => {
      const state = /** @type {any} */ (globalThis).kprEditorBench = { start: 0, wanted: '', done: /** @type {number[]} */ ([]) };
      document.addEventListener('keydown', () => (state.start = performance.now()), true);
      document.querySelector('asskomm-editor-preview')?.addEventListener('kpr-load', (event) => {
        const widget = /** @type {HTMLElement} */ (event.target);
        if (!state.wanted || !widget.shadowRoot?.textContent?.includes(state.wanted)) return;
        widget.getBoundingClientRect(); // the layout, as the render figures end with
        widget.shadowRoot.firstElementChild?.getBoundingClientRect();
        state.done.push(performance.now() - state.start);
        state.wanted = '';
      }, true);
    });
    await page.focus(FIELD);
    await page.keyboard.press('End');
    let text = title;
    for (let run = 0; run < warmups + runs; run++) {
      log(`editor: keystroke ${run + 1} of ${warmups + runs}${run < warmups ? ' (warm-up)' : ''}`);
      const letter = 'abcdefghijklmnopqrstuvwxyz'[run % 26];
      text += letter;
      await page.evaluate((wanted) => (/** @type {any} */ (globalThis).kprEditorBench.wanted = wanted), text);
      await page.keyboard.type(letter);
      await page.waitForFunction((count) => /** @type {any} */ (globalThis).kprEditorBench.done.length === count, { timeout: 30_000 }, run + 1);
      // The check after a pause in typing (300 ms) is not a keystroke's cost: let it run before the next key.
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const done = await page.evaluate(() => /** @type {any} */ (globalThis).kprEditorBench.done);
    times.push(...done.slice(warmups));
    await page.close();
  } finally {
    if (ownBrowser) await browser.close();
    server.close();
  }
  const keystrokeMedian = median(times);
  return {
    firstLoadGzipBytes: firstLoad,
    widgetBundleGzipBytes: widgetBundle,
    firstLoadPass: firstLoad <= EDITOR_GOALS.firstLoadGzipKB * 1024,
    keystroke: { median: keystrokeMedian, min: Math.min(...times), max: Math.max(...times), runs: times.length },
    keystrokePass: keystrokeMedian <= EDITOR_GOALS.keystrokeMedianMs,
    load: { atStart: loadAtStart, atEnd: loadavg()[0] },
    failures: firstLoad <= EDITOR_GOALS.firstLoadGzipKB * 1024 ? [] : [`editor: first load ${(firstLoad / 1024).toFixed(1)} KB gzip > ${EDITOR_GOALS.firstLoadGzipKB} KB`],
  };
}

/** The lines `npm run bench` prints. */
export function editorTable(result) {
  const k = result.keystroke;
  return [
    '',
    `Editor (dist/editor/), 6 goals, 40 measures, 12 indicators (load average ${result.load.atStart.toFixed(1)} → ${result.load.atEnd.toFixed(1)})`,
    `  first load, gzip -9, beside the widget bundle (${(result.widgetBundleGzipBytes / 1024).toFixed(1)} KB)   ${(result.firstLoadGzipBytes / 1024).toFixed(1)} KB   goal ≤ ${EDITOR_GOALS.firstLoadGzipKB} KB   ${result.firstLoadPass ? 'PASS' : 'FAIL'}`,
    `  keystroke → preview laid out, median of ${k.runs}            ${k.median.toFixed(1)} ms (${k.min.toFixed(1)}–${k.max.toFixed(1)})   goal ≤ ${EDITOR_GOALS.keystrokeMedianMs} ms   ${result.keystrokePass ? 'met' : 'not met'} (an absolute time: information only)`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchEditor({ log: (message) => process.stderr.write(`${message.padEnd(50)}\r`) });
  console.log(editorTable(result).join('\n'));
}
