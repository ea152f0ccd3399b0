// The calendar benchmark: <kpr-event-calendar> side by side with FullCalendar (the `fullcalendar` package, a dev
// dependency of this benchmark only) on the same 5,000 events (bench/calendar-data.mjs), in Chromium.
//
// Four cases, each timed for both calendars: the month view and the list view, each first rendered and then
// moved on by one month. Runs alternate between the calendars and the floor (ours, FullCalendar, the floor, ours, …)
// so that load from elsewhere on the machine hits all alike. Each has a page of its own (the same page, loading all
// three), and before each timed run the stage is cleared, a frame passes and garbage is collected.
//
// What is timed: from the feed's `responseEnd` (Resource Timing; both calendars get their data the same way, a
// JSON request to this server) or from the click on "next", to the end of the first frame that shows the
// settled calendar: the rendering work, layout, FullCalendar's measuring pass (it re-renders from its
// ResizeObserver, before the frame is painted) and the paint. "Settled": the frame after it changes nothing
// in the calendar's DOM. Both times include the wait for the next frame (0–17 ms).
//
// `node bench/calendar.mjs` runs this on its own (its own browser; prints the table, writes nothing);
// `node bench/calendar.mjs --profile [--cases=month-next]` records CPU profiles of our widget in the cases and prints where the
// time goes (a non-minified esbuild bundle, so functions keep their names): all of each run, the feed's arrival
// included, and then only the timed span.
// `node bench/calendar.mjs --allocations [--cases=month] [--runs=3]` samples what ours and the floor allocate in a run
// (after a collection, as the timed runs are), and ours by function.
// `node bench/calendar.mjs --against=/tmp/cal-old [--cases=month-next]` times this tree's calendar against another
// checkout's (a `git worktree` with a node_modules link), alternating, and prints the median of the per-run ratios.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_INSTANT, clockScript } from './instant.mjs';
import { EVENT_COUNT, MONTH, NEXT_MONTH, generateEvents, toFullCalendar, toKprFeed } from './calendar-data.mjs';

const root = join(import.meta.dirname, '..');
const fullCalendarDir = join(root, 'node_modules/fullcalendar');
/** Our time must be at most this share of FullCalendar's (issue 17: four times faster, first render included). */
export const GOAL_RATIO = 0.25;

/** FullCalendar's options: the same month, zone, language and week layout as ours; three rows of events a day. */
const FULLCALENDAR_OPTIONS = {
  initialDate: `${MONTH}-01`,
  now: BENCH_INSTANT, // "today" (the highlighted cell) is the same instant as ours, whatever the machine's date
  timeZone: 'Europe/Berlin', // named zones work without a plugin in v7 (it brings a Temporal implementation)
  locale: 'de',
  fixedWeekCount: false, // only the weeks of the month, as ours (5 weeks for December 2026)
  dayMaxEventRows: 3, // ours shows three chips, or two and "+n more"
};

/** Who is timed: ours, FullCalendar and the floor, in this order in every run. */
const CONTENDERS = ['ours', 'fullcalendar', 'floor'];

const CASES = [
  { key: 'month', label: 'month view, first render', view: 'month', action: 'render' },
  { key: 'list', label: 'list view, first render', view: 'list', action: 'render' },
  { key: 'month-next', label: 'month view, next month', view: 'month', action: 'next' },
  { key: 'list-next', label: 'list view, next month', view: 'list', action: 'next' },
];

export function buildOurs(outDir, { profile = false, from = root } = {}) {
  if (profile) {
    // Not minified, names kept: for profiles only. Lit's production build, as in the shipped bundle.
    execFileSync('npx', ['--no-install', 'esbuild', 'src/event-calendar.ts', '--bundle', '--format=esm', '--splitting', '--target=es2022', `--outdir=${outDir}`, '--entry-names=asskomm-widgets', '--log-level=warning'], { cwd: from, stdio: ['ignore', 'ignore', 'inherit'] });
    return;
  }
  execFileSync('npx', ['--no-install', 'vite', 'build', '--logLevel', 'error'], {
    cwd: from,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, KPR_BUILD: 'bundle', KPR_ENTRY: 'src/event-calendar.ts', KPR_OUT_DIR: outDir },
  });
}

/** The page: FullCalendar's global build with its classic theme and German texts, and our calendar entry. */
const PAGE = `<!doctype html><html lang="de"><meta charset="utf-8"><title>calendar bench</title>
${clockScript()}
<link rel="stylesheet" href="/fc/skeleton.css"><link rel="stylesheet" href="/fc/theme.css"><link rel="stylesheet" href="/fc/palette.css">
<script src="/fc/global.js"></script><script src="/fc/classic.js"></script><script src="/fc/de.js"></script>
<script type="module" src="/ours/asskomm-widgets.js"></script><script src="/floor/calendar-floor.js"></script>
<body style="margin: 0"><main id="stage" style="width: 900px"></main></body></html>`;
const FULLCALENDAR_FILES = {
  '/fc/global.js': 'all/global.js',
  '/fc/classic.js': 'themes/classic/global.js',
  '/fc/de.js': 'locales/de/global.js',
  '/fc/skeleton.css': 'skeleton.css',
  '/fc/theme.css': 'themes/classic/theme.css',
  '/fc/palette.css': 'themes/classic/palette.css',
};

/** The floor: the same events written as the same plain HTML in one pass (calendar-floor.js). */
const FLOOR_FILE = join(import.meta.dirname, 'calendar-floor.js');

export async function serve(oursDir) {
  const events = generateEvents();
  const kprFeed = JSON.stringify(toKprFeed(events));
  const fcEvents = JSON.stringify(toFullCalendar(events));
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    const headers = { 'Cache-Control': 'no-store' };
    if (path === '/') return response.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE);
    if (path === '/kpr-events.json') return response.writeHead(200, { ...headers, 'Content-Type': 'application/feed+json' }).end(kprFeed);
    if (path === '/fc-events.json') return response.writeHead(200, { ...headers, 'Content-Type': 'application/json' }).end(fcEvents);
    const file = FULLCALENDAR_FILES[path] ? join(fullCalendarDir, FULLCALENDAR_FILES[path]) : path.startsWith('/ours/') ? join(oursDir, path.slice(6)) : path === '/floor/calendar-floor.js' ? FLOOR_FILE : undefined;
    let body;
    try {
      if (!file || !(file.startsWith(`${fullCalendarDir}/`) || file.startsWith(`${oursDir}/`) || file === FLOOR_FILE)) throw new Error('not served');
      body = readFileSync(file);
    } catch {
      return response.writeHead(404).end();
    }
    response.writeHead(200, { ...headers, 'Content-Type': path.endsWith('.css') ? 'text/css' : 'text/javascript' }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}`, bytes: { ours: Buffer.byteLength(kprFeed), fullcalendar: Buffer.byteLength(fcEvents) } };
}

/** Functions the page runs; each mounts one calendar, times one case and leaves the calendar mounted. */
function pageScript(month, nextMonth, fullCalendarOptions, today) {
  const stage = document.getElementById('stage');
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  /** The end of the next frame: rAF runs before its style, layout, ResizeObserver and paint; a message after them. */
  const frameEnd = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(0);
      }),
    );
  /** The end of the first frame after which `nodes` no longer change (at most 20 frames). */
  async function settledFrame(nodes) {
    let changes = 0;
    const observer = new MutationObserver((records) => (changes += records.length));
    for (const node of nodes) observer.observe(node, { subtree: true, childList: true, attributes: true, characterData: true });
    let end = await frameEnd();
    for (let frame = 0; frame < 20; frame++) {
      const before = changes;
      const next = await frameEnd();
      if (changes === before) break;
      end = next;
    }
    observer.disconnect();
    return end;
  }
  async function responseEnd(url) {
    let entry;
    while (!(entry = performance.getEntriesByName(url)[0])) await new Promise((resolve) => setTimeout(resolve, 5));
    return entry.responseEnd;
  }
  const feedUrl = (path, run) => new URL(`${path}?run=${run}-${Math.random().toString(36).slice(2)}`, location.href).href;
  let mounted;
  function clear() {
    mounted?.destroy?.();
    stage.replaceChildren();
    mounted = undefined;
  }
  /**
   * Clears the stage and lets two frames pass: until the next frame, the page may still hold a calendar just removed
   * (ours, with its feed, 5.6 MB: the collection right after the removal freed it in about half the runs, one after
   * a frame always, measured with Runtime.getHeapUsage on 2026-12-06), and the next run would begin with it.
   */
  async function clearAndSettle() {
    clear();
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  }

  // ── Ours ──
  async function mountOurs(view, run) {
    const url = feedUrl('/kpr-events.json', run);
    const element = document.createElement('kpr-event-calendar');
    for (const [name, value] of Object.entries({ eager: '', view, date: month, src: url })) element.setAttribute(name, value);
    const mountStart = performance.now();
    stage.append(element);
    const root = element.shadowRoot;
    // Rendered: [part=base] says aria-busy="false" (the feed is read and the calendar drawn).
    await new Promise((resolve) => {
      const done = () => root.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false';
      const observer = new MutationObserver(() => done() && (observer.disconnect(), resolve()));
      observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
    });
    await element.updateComplete;
    element.shadowRoot.querySelector(view === 'month' ? '[part="month"]' : '[part="list"]').getBoundingClientRect();
    return { element, url, mountStart, syncEnd: performance.now() };
  }
  const countOurs = (element, view) => ({
    occurrences: element.shown.length, // the events in the range on screen (after filters): what it worked on
    elements: element.shadowRoot.querySelectorAll(view === 'month' ? '.chip:not(.more)' : '[part="event"]').length,
    heading: element.shadowRoot.querySelector('#month-heading')?.textContent.trim(),
  });
  /** What a shadow root shows, to compare ours with the floor: its elements in order and its text without spaces. */
  const shows = (root) => ({
    signature: [...root.querySelectorAll('*')].map((e) => e.localName).join(','),
    text: root.textContent.replace(/\s+/g, ''),
    allElements: root.querySelectorAll('*').length,
  });
  async function oursRender(view, run, compare) {
    clear();
    const { element, url, mountStart, syncEnd } = await mountOurs(view, run);
    const end = await settledFrame([element, element.shadowRoot]);
    const start = await responseEnd(url);
    mounted = { destroy: () => element.remove() };
    return { ms: end - start, startAt: start, syncMs: syncEnd - start, fromMountMs: end - mountStart, ...countOurs(element, view), ...(compare ? shows(element.shadowRoot) : {}) };
  }
  /** "next" in two steps, so that a profile can leave out the mounting: mount and settle, then click. */
  async function oursPrepareNext(view, run) {
    clear();
    const { element } = await mountOurs(view, run);
    mounted = { element, view, destroy: () => element.remove() };
    await settledFrame([element, element.shadowRoot]);
    await tick();
  }
  async function oursClickNext(compare) {
    const { element, view } = mounted;
    const root = element.shadowRoot;
    const heading = root.querySelector('#month-heading');
    const before = heading.textContent;
    const start = performance.now();
    root.querySelector('[aria-label="Nächster Monat"]').click();
    await element.updateComplete;
    if (heading.textContent === before) throw new Error('our heading did not change');
    root.querySelector(view === 'month' ? '[part="month"]' : '[part="list"]').getBoundingClientRect();
    const syncEnd = performance.now();
    const end = await settledFrame([element, root]);
    return { ms: end - start, startAt: start, syncMs: syncEnd - start, ...countOurs(element, view), ...(compare ? shows(root) : {}) };
  }
  async function oursNext(view, run, compare) {
    await oursPrepareNext(view, run);
    return oursClickNext(compare);
  }

  // ── The floor (calendar-floor.js) ──
  const floor = window.kprCalendarFloor;
  const countFloor = (root, occurrences, view) => ({
    occurrences,
    elements: root.querySelectorAll(view === 'month' ? '.chip:not(.more)' : '[part="event"]').length,
    heading: root.querySelector('#month-heading')?.textContent.trim(),
  });
  async function floorRender(view, run, compare) {
    clear();
    const url = feedUrl('/kpr-events.json', run);
    const mountStart = performance.now();
    const { element, root, occurrences } = await floor.mount(stage, url, view, `${month}-01`, today);
    const syncEnd = performance.now();
    const end = await settledFrame([root]);
    const start = await responseEnd(url);
    mounted = { destroy: () => element.remove() };
    return { ms: end - start, syncMs: syncEnd - start, fromMountMs: end - mountStart, ...countFloor(root, occurrences, view), ...(compare ? shows(root) : {}) };
  }
  async function floorNext(view, run, compare) {
    clear();
    const { element, root, events } = await floor.mount(stage, feedUrl('/kpr-events.json', run), view, `${month}-01`, today);
    mounted = { destroy: () => element.remove() };
    await settledFrame([root]);
    await tick();
    const start = performance.now();
    const occurrences = floor.draw(root, events, view, `${nextMonth}-01`, floor.dayNumber(today));
    const syncEnd = performance.now();
    const end = await settledFrame([root]);
    return { ms: end - start, syncMs: syncEnd - start, ...countFloor(root, occurrences, view), ...(compare ? shows(root) : {}) };
  }

  // ── FullCalendar ──
  async function mountFullCalendar(view, run) {
    const url = feedUrl('/fc-events.json', run);
    const container = document.createElement('div');
    const mountStart = performance.now();
    stage.append(container);
    const response = await fetch(url);
    const events = await response.json();
    const calendar = new FullCalendar.Calendar(container, { ...fullCalendarOptions, initialView: view === 'month' ? 'dayGridMonth' : 'listMonth', events });
    calendar.render();
    container.getBoundingClientRect();
    const syncEnd = performance.now();
    mounted = { destroy: () => calendar.destroy() };
    return { calendar, container, url, mountStart, syncEnd };
  }
  function countFullCalendar(calendar, container) {
    const { activeStart, activeEnd, title } = calendar.view;
    return {
      occurrences: calendar.getEvents().filter((e) => e.start < activeEnd && (e.end ?? e.start) > activeStart).length,
      elements: container.querySelectorAll('a[href^="https://www.bannewitz.de/"]').length,
      heading: title,
    };
  }
  async function fullCalendarRender(view, run) {
    clear();
    const { calendar, container, url, mountStart, syncEnd } = await mountFullCalendar(view, run);
    const end = await settledFrame([container]);
    const start = await responseEnd(url);
    return { ms: end - start, syncMs: syncEnd - start, fromMountMs: end - mountStart, ...countFullCalendar(calendar, container) };
  }
  async function fullCalendarNext(view, run) {
    clear();
    const { calendar, container } = await mountFullCalendar(view, run);
    await settledFrame([container]);
    await tick();
    const start = performance.now();
    calendar.next();
    container.getBoundingClientRect();
    const syncEnd = performance.now();
    const end = await settledFrame([container]);
    return { ms: end - start, syncMs: syncEnd - start, ...countFullCalendar(calendar, container) };
  }

  performance.setResourceTimingBufferSize(100_000);
  window.calendarBench = {
    ours: { render: oursRender, next: oursNext, prepareNext: oursPrepareNext, clickNext: oursClickNext },
    fullcalendar: { render: fullCalendarRender, next: fullCalendarNext },
    floor: { render: floorRender, next: floorNext },
    clear,
    clearAndSettle,
    expected: { render: month, next: nextMonth },
  };
}

export async function openPage(browser, origin) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1000, height: 800 });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => customElements.get('kpr-event-calendar') && window.FullCalendar?.Calendar && window.kprCalendarFloor);
  await page.evaluate(`(${pageScript})(${JSON.stringify(MONTH)}, ${JSON.stringify(NEXT_MONTH)}, ${JSON.stringify(FULLCALENDAR_OPTIONS)}, ${JSON.stringify(BENCH_INSTANT.slice(0, 10))})`);
  // The library kept the clock the page set before it loaded (or every "today" below is the machine's).
  const clock = await page.evaluate(() => globalThis[Symbol.for('asskomm-widgets.v1.clock')]?.source());
  if (clock !== Date.parse(BENCH_INSTANT)) throw new Error(`the calendar page's clock is ${clock}, not the bench's instant ${BENCH_INSTANT}`);
  const session = await page.createCDPSession();
  return { page, session, errors };
}

const stats = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p25: at(0.25), p75: at(0.75), p90: at(0.9), min: sorted[0], runs: sorted.length };
};

/**
 * Runs the comparison in `browser` (puppeteer) and returns `{ dataset, rows, failures }`: one row per case with
 * both calendars' medians, the ratio and what each rendered.
 */
export async function benchCalendar({ browser, runs = 15, warmups = 3, log = () => {} }) {
  const oursDir = mkdtempSync(join(tmpdir(), 'kpr-bench-calendar-'));
  buildOurs(oursDir);
  const { server, origin, bytes } = await serve(oursDir);
  // Each calendar in a page of its own (the same page, loading all three), so that none runs in the heap, caches and
  // compiled code another left behind. In one shared page, ours took 10–20 % longer than in a page of its own, run
  // by run, while FullCalendar and the floor took the same (four probes of 21 runs, 2026-12-06; bench/README.md).
  const pages = {};
  for (const who of CONTENDERS) pages[who] = await openPage(browser, origin);
  const samples = Object.fromEntries(CASES.map(({ key }) => [key, { ours: [], fullcalendar: [], floor: [] }]));
  const shown = Object.fromEntries(CASES.map(({ key }) => [key, {}]));
  try {
    for (let run = 0; run < warmups + runs; run++) {
      log(`calendar: run ${run + 1} of ${warmups + runs}${run < warmups ? ' (warm-up)' : ''}`);
      for (const { key, view, action } of CASES) {
        for (const who of CONTENDERS) {
          const { page, session } = pages[who];
          await page.bringToFront();
          await page.evaluate(() => window.calendarBench.clearAndSettle());
          await session.send('HeapProfiler.collectGarbage');
          await new Promise((resolve) => setTimeout(resolve, 30));
          // Ours and the floor are compared once, after the warm-ups, outside the timed part of that run.
          const compare = run === warmups && who !== 'fullcalendar';
          const result = await page.evaluate((who, action, view, run, compare) => window.calendarBench[who][action](view, run, compare), who, action, view, run, compare);
          if (compare) shown[key][who] = result;
          if (run >= warmups) samples[key][who].push(result);
        }
      }
    }
  } finally {
    for (const { page } of Object.values(pages)) {
      await page.evaluate(() => window.calendarBench.clear()).catch(() => {});
      await page.close().catch(() => {});
    }
    server.close();
  }
  const failures = Object.entries(pages).flatMap(([who, { errors }]) => errors.map((message) => `calendar page error (${who}'s page): ${message}`));
  const rows = CASES.map(({ key, label, action }) => {
    const side = (who) => {
      const list = samples[key][who];
      const last = list.at(-1);
      // syncMedian: to the end of the rendering script and a forced layout, before the frame; fromMountMedian (first
      // renders): from adding the element (ours) or the container (FullCalendar, which then fetches), request included.
      const fromMount = list.filter((r) => r.fromMountMs !== undefined).map((r) => r.fromMountMs);
      return { ...stats(list.map((r) => r.ms)), syncMedian: stats(list.map((r) => r.syncMs)).median, ...(fromMount.length ? { fromMountMedian: stats(fromMount).median } : {}), occurrences: last.occurrences, elements: last.elements, heading: last.heading };
    };
    const row = { case: label, key, ours: side('ours'), fullcalendar: side('fullcalendar'), floor: side('floor') };
    row.ratio = row.ours.median / row.fullcalendar.median;
    // Information beside the goal's ratio of medians: each run of ours against FullCalendar's run right after it, so
    // that a machine slowing down between runs moves both sides of a ratio alike.
    const perRun = stats(samples[key].ours.map((r, run) => r.ms / samples[key].fullcalendar[run].ms));
    row.perRunRatio = { median: perRun.median, p25: perRun.p25, p75: perRun.p75 };
    // Ours against the floor: information (the goal is against FullCalendar), and the floor must show what ours shows.
    row.floorRatio = row.ours.median / row.floor.median;
    const compared = shown[key];
    row.sameAsFloor = compared.ours.signature === compared.floor.signature && compared.ours.text === compared.floor.text;
    row.ours.allElements = compared.ours.allElements;
    row.floor.allElements = compared.floor.allElements;
    if (!row.sameAsFloor) failures.push(`calendar, ${label}: the floor shows something else than ours (${compared.floor.allElements} elements and ${compared.ours.allElements}; text ${compared.ours.text === compared.floor.text ? 'the same' : 'differs'})`);
    if (row.floor.occurrences !== row.ours.occurrences) failures.push(`calendar, ${label}: the floor has ${row.floor.occurrences} events in the range, ours ${row.ours.occurrences}`);
    row.goalRatio = GOAL_RATIO;
    row.pass = row.ratio <= GOAL_RATIO;
    if (!row.pass) failures.push(`calendar, ${label}: ours ${row.ours.median.toFixed(1)} ms is ${row.ratio.toFixed(2)} × FullCalendar's ${row.fullcalendar.median.toFixed(1)} ms (goal ≤ ${GOAL_RATIO})`);
    const wanted = action === 'next' ? 'Januar 2027' : 'Dezember 2026';
    for (const who of CONTENDERS) if (row[who].heading !== wanted) failures.push(`calendar, ${label}: ${who} shows "${row[who].heading}", not ${wanted}`);
    // The same occurrences in the range, or the comparison is not of the same work (e.g. our list starts today).
    if (row.ours.occurrences !== row.fullcalendar.occurrences) failures.push(`calendar, ${label}: ours has ${row.ours.occurrences} events in the range, FullCalendar ${row.fullcalendar.occurrences}`);
    return row;
  });
  const fullCalendarVersion = JSON.parse(readFileSync(join(fullCalendarDir, 'package.json'), 'utf8')).version;
  return {
    dataset: { events: EVENT_COUNT, weeklySeries: EVENT_COUNT / 10, month: MONTH, next: NEXT_MONTH, feedBytes: bytes, timeZone: 'Europe/Berlin', instant: BENCH_INSTANT },
    fullcalendar: { version: fullCalendarVersion, options: FULLCALENDAR_OPTIONS, recurrence: 'built-in simple recurrence (daysOfWeek, startTime, endTime, startRecur, endRecur)' },
    runs,
    warmups,
    rows,
    failures,
  };
}

/** The side-by-side table, as lines. */
export function calendarTable(result) {
  const ms = (v) => `${v.toFixed(1)} ms`.padStart(9);
  const lines = [
    `\nCalendar: ${result.dataset.events.toLocaleString('en')} events (${result.dataset.weeklySeries} weekly series), ${result.dataset.month}, at ${result.dataset.instant}, vs FullCalendar ${result.fullcalendar.version}; median of ${result.runs}`,
    `Feed response (or "next") → settled frame     ours   FullCalendar   ratio   goal ≤ ${GOAL_RATIO}      floor   ours/floor   events in range / on screen (ours | FC | floor)`,
  ];
  for (const row of result.rows) {
    const counts = `${row.ours.occurrences} / ${row.ours.elements} | ${row.fullcalendar.occurrences} / ${row.fullcalendar.elements} | ${row.floor.occurrences} / ${row.floor.elements}${row.sameAsFloor ? '' : ' (the floor shows something else)'}`;
    lines.push(`  ${row.case.padEnd(32)} ${ms(row.ours.median)}      ${ms(row.fullcalendar.median)}   ${row.ratio.toFixed(2).padStart(5)}   ${row.pass ? 'PASS' : 'FAIL'}      ${ms(row.floor.median)}   ${row.floorRatio.toFixed(2).padStart(5)}        ${counts}`);
  }
  const perRun = result.rows.map((row) => `${row.key} ${row.perRunRatio.median.toFixed(2)} (${row.perRunRatio.p25.toFixed(2)}–${row.perRunRatio.p75.toFixed(2)})`);
  lines.push(`  Ours / FullCalendar run by run (information; the goal is on the medians above), median (quartiles): ${perRun.join(', ')}`);
  return lines;
}

// ── Two builds of ours (node bench/calendar.mjs --against=<checkout> [--cases=month-next]) ────────────────────
/**
 * Ours from this tree against ours from another checkout (e.g. `git worktree add /tmp/cal-old <rev>`, with a
 * node_modules link), each in its own page of one browser, runs alternating (this, other, this, …; the first of a
 * pair swapped every run). Returns per case both medians and the median of the per-run ratios this / other.
 */
export async function compareBuilds(browser, { against, cases = CASES, runs = 15, warmups = 3, profile = false, log = () => {} }) {
  const sides = [];
  for (const [name, from] of [['this', root], ['other', against]]) {
    const dir = mkdtempSync(join(tmpdir(), `kpr-bench-calendar-${name}-`));
    buildOurs(dir, { from, profile });
    const { server, origin } = await serve(dir);
    sides.push({ name, server, ...(await openPage(browser, origin)) });
  }
  const rows = [];
  try {
    for (const { key, label, view, action } of cases) {
      const times = { this: [], other: [] };
      const ratios = [];
      for (let run = 0; run < warmups + runs; run++) {
        log(`${key}: run ${run + 1} of ${warmups + runs}`);
        const order = run % 2 ? [...sides].reverse() : sides;
        const result = {};
        for (const { name, page, session } of order) {
          await page.bringToFront();
          await page.evaluate(() => window.calendarBench.clearAndSettle());
          await session.send('HeapProfiler.collectGarbage');
          await new Promise((resolve) => setTimeout(resolve, 30));
          result[name] = (await page.evaluate((action, view, run) => window.calendarBench.ours[action](view, run, false), action, view, run)).ms;
        }
        if (run < warmups) continue;
        times.this.push(result.this);
        times.other.push(result.other);
        ratios.push(result.this / result.other);
      }
      rows.push({ key, label, this: stats(times.this), other: stats(times.other), ratio: stats(ratios).median });
    }
  } finally {
    for (const { page, server } of sides) {
      await page.close().catch(() => {});
      server.close();
    }
  }
  return rows;
}

// ── Allocations (node bench/calendar.mjs --allocations) ──────────────────────────────────────────────────────
/**
 * What our widget and the floor allocate in each case: V8's sampling heap profiler (every 1 KB, objects the
 * collector has freed included) over one timed run after a collection, `repeat` times; the medians of the totals
 * and ours by function. The garbage a render leaves is what the bench's collection before each run makes dear.
 */
export async function allocationsOurs(browser, { repeat = 3, cases = CASES } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'kpr-bench-calendar-allocations-'));
  buildOurs(dir, { profile: true });
  const { server, origin } = await serve(dir);
  const { page, session } = await openPage(browser, origin);
  const report = {};
  const sample = async (run) => {
    await session.send('HeapProfiler.collectGarbage');
    await session.send('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    await run();
    const { profile } = await session.send('HeapProfiler.stopSampling');
    const byFunction = new Map();
    let total = 0;
    const walk = (node) => {
      const file = node.callFrame.url.replace(origin, '').replace(/^\/(ours|floor)\//, '');
      const name = `${node.callFrame.functionName || '(anonymous)'}${file ? ` ${file}:${node.callFrame.lineNumber + 1}` : ''}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + node.selfSize);
      total += node.selfSize;
      node.children.forEach(walk);
    };
    walk(profile.head);
    return { total, byFunction };
  };
  for (const { key, view, action } of cases) {
    for (let i = 0; i < 2; i++) await page.evaluate((action, view) => window.calendarBench.ours[action](view, 'warm'), action, view);
    const ours = [];
    const floor = [];
    const byFunction = new Map();
    for (let i = 0; i < repeat; i++) {
      await page.evaluate(() => window.calendarBench.clearAndSettle());
      if (action === 'next') await page.evaluate((view) => window.calendarBench.ours.prepareNext(view, 'allocations'), view);
      const run = await sample(() => page.evaluate((action, view) => (action === 'next' ? window.calendarBench.ours.clickNext() : window.calendarBench.ours.render(view, 'allocations')), action, view));
      ours.push(run.total);
      for (const [name, bytes] of run.byFunction) byFunction.set(name, (byFunction.get(name) ?? 0) + bytes / repeat);
      // The floor's "next" mounts and reads the feed inside its run: only its first renders compare.
      if (action !== 'render') continue;
      await page.evaluate(() => window.calendarBench.clearAndSettle());
      floor.push((await sample(() => page.evaluate((view) => window.calendarBench.floor.render(view, 'allocations'), view))).total);
    }
    report[key] = { oursMB: stats(ours).median / 1e6, floorMB: floor.length ? stats(floor).median / 1e6 : undefined, top: [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([name, bytes]) => ({ name, MB: bytes / 1e6 })) };
  }
  await page.close();
  server.close();
  return report;
}

// ── Profiling (node bench/calendar.mjs --profile) ─────────────────────────────────────────────────────────
/** Self time by function of our widget, over `repeat` runs of each case (`builtDir`: a build to profile instead of src/). */
export async function profileOurs(browser, { repeat = 8, builtDir, cases = CASES } = {}) {
  const dir = builtDir ?? mkdtempSync(join(tmpdir(), 'kpr-bench-calendar-profile-'));
  if (!builtDir) buildOurs(dir, { profile: true });
  const { server, origin } = await serve(dir);
  const { page, session } = await openPage(browser, origin);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  const report = {};
  for (const { key, view, action } of cases) {
    for (let i = 0; i < 2; i++) await page.evaluate((action, view) => window.calendarBench.ours[action](view, 'warm'), action, view);
    const times = [];
    let total = new Map();
    let sampled = 0;
    // The same, only for the samples in the timed span (from `responseEnd`, or the click): a first render's profile
    // also holds the work done while the feed arrives, which delays nothing that is timed, and every profile the idle
    // work after the first frame (the neighbour months) until the settled frame is confirmed.
    const timed = new Map();
    let timedSampled = 0;
    for (let i = 0; i < repeat; i++) {
      await page.evaluate(() => window.calendarBench.clearAndSettle());
      // Only the timed part is profiled: for "next", mount first, then profile the click.
      if (action === 'next') await page.evaluate((view) => window.calendarBench.ours.prepareNext(view, 'profile'), view);
      await session.send('HeapProfiler.collectGarbage');
      await session.send('Profiler.start');
      // A marker first: its first sample ties the page's clock (`startAt`, `performance.now()`) to the profile's.
      const result = await page.evaluate(async (action, view) => {
        const markedAt = (function profileClockMarker() {
          const at = performance.now();
          while (performance.now() - at < 2);
          return at;
        })();
        const run = await (action === 'next' ? window.calendarBench.ours.clickNext() : window.calendarBench.ours.render(view, 'profile'));
        return { ...run, markedAt };
      }, action, view);
      const { profile } = await session.send('Profiler.stop');
      times.push(result.ms);
      // Self time per node, summed by function name + file.
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const deltas = profile.timeDeltas;
      const self = new Map();
      profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (deltas[index + 1] ?? 0) / 1000));
      let at = profile.startTime;
      const stamps = deltas.map((delta) => (at += delta));
      const marker = profile.samples.findIndex((id) => byId.get(id).callFrame.functionName === 'profileClockMarker');
      const spanStart = stamps[marker] + (result.startAt - result.markedAt) * 1000;
      const spanEnd = spanStart + result.ms * 1000;
      const selfTimed = new Map();
      profile.samples.forEach((id, index) => stamps[index] >= spanStart && stamps[index] <= spanEnd && selfTimed.set(id, (selfTimed.get(id) ?? 0) + (deltas[index + 1] ?? 0) / 1000));
      for (const [counts, into, add] of [[self, total, (ms) => (sampled += ms)], [selfTimed, timed, (ms) => (timedSampled += ms)]]) {
        for (const [id, msSelf] of counts) {
          const { callFrame } = byId.get(id);
          if (callFrame.functionName === '(idle)') continue;
          const file = callFrame.url.replace(origin, '').replace(/^\/ours\//, '');
          const name = `${callFrame.functionName || '(anonymous)'} ${file ? `${file}:${callFrame.lineNumber + 1}` : ''}`.trim();
          into.set(name, (into.get(name) ?? 0) + msSelf);
          add(msSelf);
        }
      }
    }
    const topOf = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([name, msTotal]) => ({ name, ms: msTotal / repeat }));
    report[key] = { medianMs: stats(times).median, sampledMsPerRun: sampled / repeat, top: topOf(total), timedMsPerRun: timedSampled / repeat, timedTop: topOf(timed) };
  }
  await page.close();
  server.close();
  return report;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { launchBenchBrowser } = await import('./browser.mjs');
  const browser = await launchBenchBrowser();
  try {
    const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
    const keys = arg('cases')?.split(',');
    if (arg('against')) {
      const rows = await compareBuilds(browser, {
        against: arg('against'),
        cases: keys ? CASES.filter((c) => keys.includes(c.key)) : CASES,
        runs: Number(arg('runs') ?? 15),
        warmups: Number(arg('warmups') ?? 3),
        log: (m) => process.stderr.write(`${m}\r`),
      });
      console.log(`\nThis tree against ${arg('against')}: medians, and the median of the per-run ratios this / other`);
      for (const row of rows) console.log(`  ${row.label.padEnd(32)} ${row.this.median.toFixed(1).padStart(7)} ms  ${row.other.median.toFixed(1).padStart(7)} ms   ratio ${row.ratio.toFixed(2)}   (${row.this.runs} runs)`);
    } else if (process.argv.includes('--allocations')) {
      const report = await allocationsOurs(browser, { cases: keys ? CASES.filter((c) => keys.includes(c.key)) : CASES, repeat: Number(arg('runs') ?? 3) });
      for (const [key, { oursMB, floorMB, top }] of Object.entries(report)) {
        console.log(`\n${key}: ours allocates ${oursMB.toFixed(1)} MB${floorMB === undefined ? '' : `, the floor ${floorMB.toFixed(1)} MB`} (medians, sampled); ours by function:`);
        for (const { name, MB } of top) console.log(`  ${MB.toFixed(2).padStart(6)} MB  ${name}`);
      }
    } else if (process.argv.includes('--profile')) {
      const report = await profileOurs(browser, { cases: keys ? CASES.filter((c) => keys.includes(c.key)) : CASES });
      const out = join(tmpdir(), 'kpr-calendar-profile.json');
      writeFileSync(out, JSON.stringify(report, null, 2));
      for (const [key, { medianMs, sampledMsPerRun, top, timedMsPerRun, timedTop }] of Object.entries(report)) {
        console.log(`\n${key}: median ${medianMs.toFixed(1)} ms (not minified); ${sampledMsPerRun.toFixed(1)} ms sampled per run; self time per run:`);
        for (const { name, ms } of top) console.log(`  ${ms.toFixed(2).padStart(7)} ms  ${name}`);
        console.log(`${key}, only the timed span: ${timedMsPerRun.toFixed(1)} ms sampled per run; self time per run:`);
        for (const { name, ms } of timedTop.slice(0, 15)) console.log(`  ${ms.toFixed(2).padStart(7)} ms  ${name}`);
      }
      console.log(`\n(all of it: ${out})`);
    } else {
      const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 15);
      const warmups = Number(process.argv.find((a) => a.startsWith('--warmups='))?.slice(10) ?? 3);
      const result = await benchCalendar({ browser, runs, warmups, log: (m) => process.stderr.write(`${m}\r`) });
      console.log(calendarTable(result).join('\n'));
      if (result.failures.length) console.log(`\n${result.failures.join('\n')}`);
    }
  } finally {
    await browser.close();
  }
}
