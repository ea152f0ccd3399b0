// The render benchmark: each widget against its floor, in one run, in Chromium.
//
// Cases: 1,000 news articles as JSON Feed and as RSS 2.0 (<kpr-news-feed>), 500 prevention tips
// (<kpr-prevention-tips>), 6 goals with 40 measures and 12 charts (<kpr-goal-overview>); the feeds are in
// render-data.mjs. The floor of a case (floor.js) is the least work that shows the same thing: the same feed
// fetched and read, the same items written as the same plain HTML (same elements, same style sheets, so the same
// `content-visibility`) in one pass, without Lit, i18next, validation or sanitising. Every run checks that the
// floor's DOM has the same elements and text as ours; a floor that shows something else fails the bench.
//
// What is timed, on both sides: from inserting the element into the page to the laid-out list (a forced layout
// after the last render), the feed's request included. Ours ends when it has said `kpr-load` and finished its
// update. Runs alternate (ours, floor, ours, …) so that load from elsewhere on the machine hits both alike, and
// garbage is collected before each. The figure is the ratio of the medians, ours / floor; the milliseconds, and
// the time from the feed's `responseEnd` to the same end, are kept as information.
//
// The page runs at the bench's instant (instant.mjs), so which news are "already published" never depends on the
// day. `node bench/render.mjs` runs this alone (prints the table); `--profile` records CPU profiles of our widgets
// in the four cases (a non-minified build, so functions keep their names) and prints where the time goes;
// `--cases=news-json,news-rss` (keys of CASES) limits either to some cases; `--against=<checkout> [--runs=21]` times
// this tree's widgets against another checkout's (a `git worktree` with a node_modules link), alternating.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { clockScript, BENCH_INSTANT } from './instant.mjs';
import { goalsFeed, jsonFeed, rssFeed, tipsFeed } from './render-data.mjs';

const root = join(import.meta.dirname, '..');

/** Ours / floor, at most (issue 17). */
export const CASES = [
  { key: 'news-json', label: '1,000 articles, JSON Feed', path: '/feed.json', tag: 'kpr-news-feed', floor: 'newsJson', layoutPart: 'list', countPart: 'item', expected: 1000, goal: 1.15 },
  { key: 'news-rss', label: '1,000 articles, RSS 2.0', path: '/feed.rss', tag: 'kpr-news-feed', floor: 'newsRss', layoutPart: 'list', countPart: 'item', expected: 1000, goal: 1.5 },
  { key: 'tips', label: '500 tips (accordion)', path: '/tips.json', tag: 'kpr-prevention-tips', floor: 'tips', layoutPart: 'base', countPart: 'tip', expected: 500, goal: 1.5 },
  { key: 'goals', label: '6 goals, 40 measures, 12 charts', path: '/goals.json', tag: 'kpr-goal-overview', floor: 'goals', layoutPart: 'base', countPart: 'goal', expected: 6, goal: 1.5 },
];

/** Builds every widget as we ship it (or, for profiles, not minified and with names kept) into `outDir`. */
export function buildSite(outDir, { profile = false, from = root } = {}) {
  if (profile) {
    execFileSync('npx', ['--no-install', 'esbuild', 'src/index.ts', '--bundle', '--format=esm', '--splitting', '--target=es2022', `--outdir=${outDir}`, '--entry-names=asskomm-widgets', '--log-level=warning'], { cwd: from, stdio: ['ignore', 'ignore', 'inherit'] });
    return;
  }
  execFileSync('npx', ['--no-install', 'vite', 'build', '--logLevel', 'error'], {
    cwd: from,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, KPR_BUILD: 'bundle', KPR_ENTRY: 'src/index.ts', KPR_OUT_DIR: outDir },
  });
}

/** The German labels the tips floor writes in, from our own locale file and schema (the same words, not i18next). */
function tipsLabels() {
  const { tips } = JSON.parse(readFileSync(join(root, 'src/locales/de/tips.json'), 'utf8'));
  const schema = JSON.parse(readFileSync(join(root, 'src/schemas/kpr-tips.schema.json'), 'utf8'));
  return { topics: tips.topics, audiences: tips.audiences, topicOrder: schema.properties.topic.enum, audienceOrder: schema.properties.audience.items.enum };
}

export async function serveSite(site) {
  const page = `<!doctype html><html lang="de"><meta charset="utf-8"><title>bench</title>${clockScript()}
  <script src="/floor.js"></script><script type="module" src="/asskomm-widgets.js"></script><body style="margin: 0"><main id="stage" style="width: 900px"></main></body></html>`;
  const feeds = { '/feed.json': jsonFeed, '/tips.json': tipsFeed, '/goals.json': goalsFeed };
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    const headers = { 'Cache-Control': 'no-store' };
    if (path === '/') return response.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' }).end(page);
    if (feeds[path]) return response.writeHead(200, { ...headers, 'Content-Type': 'application/feed+json' }).end(feeds[path]);
    if (path === '/feed.rss') return response.writeHead(200, { ...headers, 'Content-Type': 'application/rss+xml' }).end(rssFeed);
    let body;
    try {
      body = readFileSync(path === '/floor.js' ? join(import.meta.dirname, 'floor.js') : join(site, path.replace(/^\/+/, '').replace(/\.\.+/g, '')));
    } catch {
      return response.writeHead(404).end();
    }
    response.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

/** Functions the page runs: one timed mount of ours or of the floor, and what each shows. */
function pageScript(labels) {
  const stage = document.getElementById('stage');
  performance.setResourceTimingBufferSize(100_000);
  async function responseEnd(url) {
    let entry;
    while (!(entry = performance.getEntriesByName(url)[0])) await new Promise((resolve) => setTimeout(resolve, 5));
    return entry.responseEnd;
  }
  /** What the element shows, to compare ours with the floor: its elements in order and its text without spaces. */
  const shows = (shadow, countPart) => ({
    elements: shadow.querySelectorAll('*').length,
    signature: [...shadow.querySelectorAll('*')].map((e) => e.localName).join(','),
    text: shadow.textContent.replace(/\s+/g, ''),
    rendered: shadow.querySelectorAll(`[part="${countPart}"]`).length,
  });
  async function ours({ path, tag, layoutPart, countPart }, run, withShows) {
    const url = new URL(`${path}?ours=${run}-${Math.random()}`, location.href).href;
    const element = document.createElement(tag);
    element.setAttribute('eager', '');
    element.setAttribute('src', url);
    const loaded = new Promise((resolve) => element.addEventListener('kpr-load', resolve, { once: true }));
    const start = performance.now();
    stage.append(element);
    await loaded;
    await element.updateComplete;
    element.shadowRoot.querySelector(`[part="${layoutPart}"]`).getBoundingClientRect(); // laid out, as the resident sees it
    const end = performance.now();
    return { ms: end - start, fromResponseMs: end - (await responseEnd(url)), ...(withShows ? shows(element.shadowRoot, countPart) : {}) };
  }
  async function floor({ path, floor: name, countPart }, run, withShows) {
    const url = new URL(`${path}?floor=${run}-${Math.random()}`, location.href).href;
    const start = performance.now();
    const element = await window.kprFloor[name](stage, url, labels);
    const end = performance.now();
    return { ms: end - start, fromResponseMs: end - (await responseEnd(url)), ...(withShows ? shows(element.shadowRoot, countPart) : {}) };
  }
  window.renderBench = { ours, floor, clear: () => stage.replaceChildren() };
}

export async function openPage(browser, origin) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1000, height: 800 });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => customElements.get('kpr-news-feed') && customElements.get('kpr-goal-overview') && window.kprFloor);
  await page.evaluate(`(${pageScript})(${JSON.stringify(tipsLabels())})`);
  const clock = await page.evaluate(() => globalThis[Symbol.for('asskomm-widgets.v1.clock')]?.source());
  if (clock !== Date.parse(BENCH_INSTANT)) throw new Error(`the render page's clock is ${clock}, not the bench's instant ${BENCH_INSTANT}`);
  return { page, session: await page.createCDPSession(), errors };
}

const stats = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p90: at(0.9), min: sorted[0], runs: sorted.length };
};

/** Runs every case, ours and floor alternating; returns `{ rows, failures }`. `site`: a built site (buildSite) to use. */
export async function benchRender({ browser, site, runs = 15, warmups = 3, cases = CASES, log = () => {} }) {
  if (!site) buildSite((site = mkdtempSync(join(tmpdir(), 'kpr-bench-site-'))));
  const { server, origin } = await serveSite(site);
  const { page, session, errors } = await openPage(browser, origin);
  const failures = [];
  const rows = [];
  try {
    for (const c of cases) {
      const samples = { ours: [], floor: [] };
      const shown = {};
      for (let run = 0; run < warmups + runs; run++) {
        log(`render, ${c.label}: run ${run + 1} of ${warmups + runs}${run < warmups ? ' (warm-up)' : ''}`);
        for (const who of ['ours', 'floor']) {
          await page.evaluate(() => window.renderBench.clear());
          await session.send('HeapProfiler.collectGarbage');
          await new Promise((resolve) => setTimeout(resolve, 20));
          // What is shown is compared once, after the warm-ups, outside the timed part of that run.
          const compare = run === warmups;
          const result = await page.evaluate((who, c, run, compare) => window.renderBench[who](c, run, compare), who, c, run, compare);
          if (compare) shown[who] = result;
          if (run >= warmups) samples[who].push(result);
        }
      }
      const side = (who) => ({ ...stats(samples[who].map((r) => r.ms)), fromResponseMedian: stats(samples[who].map((r) => r.fromResponseMs)).median, elements: shown[who].elements, rendered: shown[who].rendered });
      const row = { case: c.label, key: c.key, ours: side('ours'), floor: side('floor'), goalRatio: c.goal };
      row.ratio = row.ours.median / row.floor.median;
      row.sameElements = shown.ours.signature === shown.floor.signature;
      row.sameText = shown.ours.text === shown.floor.text;
      row.pass = row.ratio <= c.goal && row.sameElements && row.sameText && row.ours.rendered === c.expected;
      if (row.ratio > c.goal) failures.push(`${c.label}: ours ${row.ours.median.toFixed(1)} ms is ${row.ratio.toFixed(2)} × the floor's ${row.floor.median.toFixed(1)} ms (goal ≤ ${c.goal})`);
      if (row.ours.rendered !== c.expected) failures.push(`${c.label}: ours rendered ${row.ours.rendered}, ${c.expected} expected`);
      if (!row.sameElements) failures.push(`${c.label}: the floor's elements differ from ours (${row.floor.elements} and ${row.ours.elements}): ${firstDifference(shown.ours.signature.split(','), shown.floor.signature.split(','))}`);
      if (!row.sameText) failures.push(`${c.label}: the floor's text differs from ours: ${firstDifference([...shown.ours.text], [...shown.floor.text], 60)}`);
      rows.push(row);
    }
  } finally {
    await page.close();
    server.close();
  }
  failures.push(...errors.map((message) => `render page error: ${message}`));
  return { instant: BENCH_INSTANT, runs, warmups, rows, failures };
}

function firstDifference(a, b, context = 6) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const join = context > 10 ? '' : ',';
  return `at ${i}: ours "${a.slice(i, i + context).join(join)}", floor "${b.slice(i, i + context).join(join)}"`;
}

/** The table, as lines. */
export function renderTable(result) {
  const ms = (v) => `${v.toFixed(1)} ms`.padStart(9);
  const lines = [
    `\nRender: ours against the floor (same feed, same HTML in one pass), at ${result.instant}; median of ${result.runs}, alternating`,
    'Inserted → laid out, fetch included        ours      floor   ratio   goal    same DOM   elements (ours | floor)   from responseEnd (ours | floor)',
  ];
  for (const row of result.rows) {
    lines.push(`  ${row.case.padEnd(34)} ${ms(row.ours.median)} ${ms(row.floor.median)}   ${row.ratio.toFixed(2).padStart(5)}   ≤ ${String(row.goalRatio).padEnd(4)} ${row.pass ? 'PASS' : 'FAIL'}  ${row.sameElements && row.sameText ? 'yes' : 'NO '}       ${String(row.ours.elements).padStart(6)} | ${String(row.floor.elements).padEnd(6)}          ${ms(row.ours.fromResponseMedian)} | ${ms(row.floor.fromResponseMedian)}`);
  }
  return lines;
}

// ── Two builds of ours (node bench/render.mjs --against=<checkout> [--cases=news-json]) ───────────────────────
/**
 * Our widgets from this tree against those of another checkout (e.g. `git worktree add /tmp/old <rev>`, with a
 * node_modules link), each in its own page of one browser, runs alternating and the first of a pair swapped every
 * run, garbage collected before each. Per case: both medians and the median of the per-run ratios this / other. The
 * ratio against the floor moves by ±0.1 from run to run; a change of a few per cent shows only this way.
 */
export async function compareSites(browser, { against, cases = CASES, runs = 21, warmups = 3, log = () => {} }) {
  const sides = [];
  for (const [name, from] of [['this', root], ['other', against]]) {
    const site = mkdtempSync(join(tmpdir(), `kpr-bench-site-${name}-`));
    buildSite(site, { from });
    const { server, origin } = await serveSite(site);
    sides.push({ name, server, ...(await openPage(browser, origin)) });
  }
  const rows = [];
  try {
    for (const c of cases) {
      const times = { this: [], other: [] };
      const ratios = [];
      for (let run = 0; run < warmups + runs; run++) {
        log(`${c.key}: run ${run + 1} of ${warmups + runs}`);
        const result = {};
        for (const { name, page, session } of run % 2 ? [...sides].reverse() : sides) {
          await page.bringToFront();
          await page.evaluate(() => window.renderBench.clear());
          await session.send('HeapProfiler.collectGarbage');
          await new Promise((resolve) => setTimeout(resolve, 20));
          result[name] = (await page.evaluate((c, run) => window.renderBench.ours(c, run, false), c, run)).ms;
        }
        if (run < warmups) continue;
        times.this.push(result.this);
        times.other.push(result.other);
        ratios.push(result.this / result.other);
      }
      rows.push({ key: c.key, label: c.label, this: stats(times.this), other: stats(times.other), ratio: stats(ratios).median });
    }
  } finally {
    for (const { page, server } of sides) {
      await page.close().catch(() => {});
      server.close();
    }
  }
  return rows;
}

// ── Profiling (node bench/render.mjs --profile) ─────────────────────────────────────────────────────────
/** Self time by function of our widgets in each case, over `repeat` runs (and the floor's total, to compare). */
export async function profileOurs(browser, { repeat = 8, cases = CASES } = {}) {
  const site = mkdtempSync(join(tmpdir(), 'kpr-bench-render-profile-'));
  buildSite(site, { profile: true });
  const { server, origin } = await serveSite(site);
  const { page, session } = await openPage(browser, origin);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  const report = {};
  for (const c of cases) {
    for (let i = 0; i < 3; i++) await page.evaluate((c) => window.renderBench.ours(c, 'warm').then(() => window.renderBench.clear()), c);
    const times = [];
    const floorTimes = [];
    const total = new Map();
    let sampled = 0;
    for (let i = 0; i < repeat; i++) {
      await page.evaluate(() => window.renderBench.clear());
      await session.send('HeapProfiler.collectGarbage');
      floorTimes.push((await page.evaluate((c, i) => window.renderBench.floor(c, `profile-${i}`), c, i)).ms);
      await page.evaluate(() => window.renderBench.clear());
      await session.send('HeapProfiler.collectGarbage');
      await session.send('Profiler.start');
      const result = await page.evaluate((c, i) => window.renderBench.ours(c, `profile-${i}`), c, i);
      const { profile } = await session.send('Profiler.stop');
      times.push(result.ms);
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const self = new Map();
      profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index + 1] ?? 0) / 1000));
      for (const [id, msSelf] of self) {
        const { callFrame } = byId.get(id);
        if (callFrame.functionName === '(idle)') continue;
        const file = callFrame.url.replace(origin, '').replace(/^\//, '');
        const name = `${callFrame.functionName || '(anonymous)'} ${file ? `${file}:${callFrame.lineNumber + 1}` : ''}`.trim();
        total.set(name, (total.get(name) ?? 0) + msSelf);
        sampled += msSelf;
      }
    }
    const top = [...total].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([name, msTotal]) => ({ name, ms: msTotal / repeat }));
    report[c.key] = { medianMs: stats(times).median, floorMedianMs: stats(floorTimes).median, sampledMsPerRun: sampled / repeat, top };
  }
  await page.close();
  server.close();
  return report;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { launchBenchBrowser } = await import('./browser.mjs');
  // `--cases=news-json,news-rss`: only these cases (their keys, as in CASES), for a quick look at one widget.
  const only = process.argv.find((a) => a.startsWith('--cases='))?.slice(8).split(',');
  const cases = only ? CASES.filter((c) => only.includes(c.key)) : CASES;
  if (only && cases.length !== only.length) throw new Error(`--cases: the cases are ${CASES.map((c) => c.key).join(', ')}`);
  const browser = await launchBenchBrowser();
  const against = process.argv.find((a) => a.startsWith('--against='))?.slice(10);
  try {
    if (against) {
      const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 21);
      const rows = await compareSites(browser, { against, cases, runs, log: (m) => process.stderr.write(`${m.padEnd(40)}\r`) });
      console.log(`\nThis tree against ${against}: inserted → laid out, medians, and the median of the per-run ratios this / other`);
      for (const row of rows) console.log(`  ${row.label.padEnd(34)} ${row.this.median.toFixed(1).padStart(7)} ms  ${row.other.median.toFixed(1).padStart(7)} ms   ratio ${row.ratio.toFixed(2)}   (${row.this.runs} runs)`);
    } else if (process.argv.includes('--profile')) {
      const report = await profileOurs(browser, { cases });
      const out = join(tmpdir(), 'kpr-render-profile.json');
      writeFileSync(out, JSON.stringify(report, null, 2));
      for (const [key, { medianMs, floorMedianMs, sampledMsPerRun, top }] of Object.entries(report)) {
        console.log(`\n${key}: median ${medianMs.toFixed(1)} ms (not minified; the floor ${floorMedianMs.toFixed(1)} ms); ${sampledMsPerRun.toFixed(1)} ms sampled per run; self time per run:`);
        for (const { name, ms } of top) console.log(`  ${ms.toFixed(2).padStart(7)} ms  ${name}`);
      }
      console.log(`\n(all of it: ${out})`);
    } else {
      const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 15);
      const warmups = Number(process.argv.find((a) => a.startsWith('--warmups='))?.slice(10) ?? 3);
      const result = await benchRender({ browser, runs, warmups, cases, log: (m) => process.stderr.write(`${m.padEnd(70)}\r`) });
      console.log(renderTable(result).join('\n'));
      if (result.failures.length) console.log(`\n${result.failures.join('\n')}`);
    }
  } finally {
    await browser.close();
  }
}
