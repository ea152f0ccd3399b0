// `npm run bench`: the figures the issues set budgets for, measured on what we ship.
//   1. gzip size of each widget's self-contained entry (Lit, i18next and core included), split into what a
//      page loads before the first render and what is loaded only when a feed needs it (DOMPurify, RSS/Atom).
//   2. time from the feed's response to the rendered widget, in Chromium (median): 1,000 articles (news feed),
//      500 tips (prevention tips) and 6 goals with 40 measures and 12 charts (goal overview).
//   3. the event calendar side by side with FullCalendar on 5,000 events (bench/calendar.mjs): month and list
//      view, first render and next month; the goal is at most half of FullCalendar's time.
//   4. the reference contact endpoint (bench/contact.mjs): accepted messages per second and latency with 50
//      concurrent clients on loopback, and that every acknowledged message is stored exactly once.
//   5. Lighthouse on the demo page (bench/lighthouse.mjs): the four category scores and FCP, LCP, TBT, CLS,
//      median of 3 runs each for the mobile (default) and the desktop preset.
// `--check` exits non-zero when a budget is exceeded. Results: bench/results/latest.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumVersion, ensureChromium } from '../scripts/browser.mjs';
import { benchContact } from './contact.mjs';
import { benchCalendar, calendarTable } from './calendar.mjs';
import { benchLighthouse, lighthouseTable } from './lighthouse.mjs';
import { markdownSummary } from './summary.mjs';
import { staticClosure } from '../scripts/module-closure.mjs';

const root = join(import.meta.dirname, '..');
const check = process.argv.includes('--check');
/** `--sizes`: only the sizes, for a quick look while working on them. */
const sizesOnly = process.argv.includes('--sizes');
/** `--contact`: only the contact endpoint. */
const contactOnly = process.argv.includes('--contact');
/** `--lighthouse`: only Lighthouse on the demo page. */
const lighthouseOnly = process.argv.includes('--lighthouse');
/** `--render`: only the render times of news, tips and goals (no calendar), for a quick look while working on them. */
const renderOnly = process.argv.includes('--render');
const KB = 1024;
const budgets = { entryGzipKB: 30, calendarGzipKB: 40, renderMedianMs: 50 };
// The load when the run starts: other work on the machine slows every timed figure.
const loadAtStart = loadavg()[0];
const results = { date: new Date().toISOString(), machine: {}, sizes: [], render: [], calendar: undefined, contact: undefined, lighthouse: undefined };
const failures = [];

// ── 1. Sizes ────────────────────────────────────────────────────────────────────────────────────────
const entries = [
  { name: 'news-feed', source: 'src/news-feed.ts', budgetKB: budgets.entryGzipKB },
  { name: 'prevention-tips', source: 'src/prevention-tips.ts', budgetKB: budgets.entryGzipKB },
  { name: 'goal-overview', source: 'src/goal-overview.ts', budgetKB: budgets.entryGzipKB },
  // The calendar's budget is without ical.js, which is loaded only for iCalendar sources (checked below).
  { name: 'event-calendar', source: 'src/event-calendar.ts', budgetKB: budgets.calendarGzipKB },
  { name: 'contact', source: 'src/contact.ts', budgetKB: budgets.entryGzipKB },
  { name: 'all widgets', source: 'src/index.ts' },
];
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

function build(source, outDir) {
  execFileSync('npx', ['--no-install', 'vite', 'build', '--logLevel', 'error'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, KPR_BUILD: 'bundle', KPR_ENTRY: source, KPR_OUT_DIR: outDir },
  });
}


for (const entry of contactOnly || lighthouseOnly || renderOnly ? [] : entries) {
  const outDir = mkdtempSync(join(tmpdir(), 'kpr-bench-'));
  build(entry.source, outDir);
  const main = join(outDir, 'asskomm-widgets.js');
  const eager = [...staticClosure(main)];
  const lazy = readdirSync(join(outDir, 'bundle'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => join(outDir, 'bundle', f))
    .filter((f) => !eager.includes(f));
  const eagerBytes = eager.reduce((sum, f) => sum + gz(f), 0);
  const row = {
    entry: entry.name,
    eagerGzipBytes: eagerBytes,
    eagerFiles: eager.map((f) => f.slice(outDir.length + 1)),
    lazy: lazy.map((f) => ({ file: f.slice(outDir.length + 1), gzipBytes: gz(f) })),
  };
  results.sizes.push(row);
  if (entry.budgetKB) {
    const purifyEager = eager.some((f) => /purify/i.test(f)) || /DOMPurify|ALLOWED_TAGS/.test(readFileSync(main, 'utf8'));
    const icalEager = eager.some((f) => /ical/i.test(f.slice(outDir.length))) || /VCALENDAR.*RecurIterator|ICALmodule/.test(readFileSync(main, 'utf8'));
    if (icalEager) failures.push(`${entry.name}: ical.js is loaded before the first render`);
    row.budgetBytes = entry.budgetKB * KB;
    row.pass = eagerBytes <= row.budgetBytes && !purifyEager;
    if (eagerBytes > row.budgetBytes) failures.push(`${entry.name}: ${(eagerBytes / KB).toFixed(2)} KB gzip > ${entry.budgetKB} KB`);
    if (purifyEager) failures.push(`${entry.name}: DOMPurify is loaded before the first render`);
  }
}

// ── 2. Render time ──────────────────────────────────────────────────────────────────────────────────
const chrome = ensureChromium();
if (!sizesOnly && !contactOnly && !lighthouseOnly) {
  const site = mkdtempSync(join(tmpdir(), 'kpr-bench-site-'));
  build('src/index.ts', site);
  writeFileSync(join(site, 'index.html'), `<!doctype html><html lang="de"><meta charset="utf-8"><title>bench</title>
  <script type="module" src="/asskomm-widgets.js"></script><body><main id="stage" style="width: 900px"></main></body></html>`);

  const words = ['Präventionsrat', 'Bürgerpolizistin', 'Sprechstunde', 'Einbruchschutz', 'Schulweg', 'Beleuchtung', 'Graffiti', 'Sauberkeit', 'Nachbarschaft', 'Senioren', 'Vortrag', 'Arbeitsgruppe'];
  const sentence = (i, n) => Array.from({ length: n }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ');
  const items = Array.from({ length: 1000 }, (_, i) => ({
    id: `https://www.bannewitz.de/praevention/aktuelles/${i}`,
    url: `https://www.bannewitz.de/praevention/aktuelles/${i}`,
    title: `${sentence(i, 5)} ${i}`,
    summary: `${sentence(i + 1, 14)}.`,
    content_text: `${sentence(i + 2, 60)}.`,
    date_published: new Date(Date.UTC(2026, 10, 1) - i * 26 * 3600_000).toISOString().replace('.000Z', '+00:00'),
    tags: [words[i % words.length], words[(i + 5) % words.length]].slice(0, 1 + (i % 2)),
  }));
  const jsonFeed = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Bench', items });
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const rss = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench</title>${items
    .map((item) => `<item><title>${escape(item.title)}</title><link>${item.url}</link><guid>${item.id}</guid><pubDate>${new Date(item.date_published).toUTCString()}</pubDate><description>${escape(item.content_text)}</description>${item.tags.map((t) => `<category>${t}</category>`).join('')}</item>`)
    .join('')}</channel></rss>`;

  const topics = ['burglary', 'fraud-older-people', 'online-fraud', 'bicycle-theft', 'violence', 'moral-courage', 'youth-protection', 'traffic', 'vandalism'];
  const tipsFeed = JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Bench tips',
    items: Array.from({ length: 500 }, (_, i) => ({
      id: `tip-${i}`,
      title: `${sentence(i, 4)} ${i}`,
      summary: `${sentence(i + 3, 12)}.`,
      content_text: `${sentence(i + 4, 50)}.`,
      _kpr: {
        topic: topics[i % topics.length],
        audience: [['older-people'], ['parents', 'young-people'], ['everyone'], []][i % 4],
        phones: i % 5 === 0 ? [{ label: 'Polizei', number: '110' }] : [],
        links: [{ title: 'Mehr', url: `https://www.bannewitz.de/tipps/${i}` }],
      },
    })),
  });
  const goalsFeed = JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Bench goals',
    items: Array.from({ length: 6 }, (_, goal) => ({
      id: `goal-${goal}`,
      title: `${sentence(goal, 3)}`,
      content_text: `${sentence(goal + 1, 25)}.`,
      _kpr: {
        icon: ['shield', 'scales', 'lamp', 'heart', 'people', 'sun'][goal],
        // 40 measures: 7 for the first four goals, 6 for the last two.
        measures: Array.from({ length: goal < 4 ? 7 : 6 }, (_, m) => ({
          title: `${sentence(goal * 7 + m, 5)}`,
          status: ['planned', 'running', 'done'][(goal + m) % 3],
          partners: words.slice(m % 5, (m % 5) + 2),
          start: `2024-0${1 + (m % 9)}`,
        })),
        indicators: [
          { name: 'Fälle', unit: 'Fälle', better: 'down', series: Array.from({ length: 12 }, (_, k) => ({ period: String(2014 + k), value: 400 - k * 7 + ((k * 13) % 11) })) },
          { name: 'Anteil', unit: '%', better: 'up', chart: 'bar', target: 80, series: Array.from({ length: 5 }, (_, k) => ({ period: String(2021 + k), value: 60 + k * 2.5 })) },
        ],
      },
    })),
  });

  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    const headers = { 'Cache-Control': 'no-store' };
    if (path === '/feed.json') return response.writeHead(200, { ...headers, 'Content-Type': 'application/feed+json' }).end(jsonFeed);
    if (path === '/tips.json') return response.writeHead(200, { ...headers, 'Content-Type': 'application/feed+json' }).end(tipsFeed);
    if (path === '/goals.json') return response.writeHead(200, { ...headers, 'Content-Type': 'application/feed+json' }).end(goalsFeed);
    if (path === '/feed.rss') return response.writeHead(200, { ...headers, 'Content-Type': 'application/rss+xml' }).end(rss);
    try {
      const body = readFileSync(join(site, path === '/' ? 'index.html' : path));
      const type = path.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8';
      response.writeHead(200, { ...headers, 'Content-Type': type }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;

  const browser = await puppeteer.launch({ executablePath: chrome, args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => customElements.get('kpr-news-feed') && customElements.get('kpr-goal-overview'));

  /** Mounts `tag` with the feed, again and again, and times the feed's response → the widget laid out. */
  async function measure({ path: feedPath, tag, layoutPart, countPart }, runs, warmups) {
    return page.evaluate(async (feedPath, tag, layoutPart, countPart, runs, warmups) => {
      performance.setResourceTimingBufferSize(10_000);
      const stage = document.getElementById('stage');
      const times = [];
      let rendered = 0;
      for (let run = 0; run < runs + warmups; run++) {
        const url = new URL(`${feedPath}?run=${run}-${Math.random()}`, location.href).href;
        const element = document.createElement(tag);
        element.setAttribute('eager', '');
        element.setAttribute('src', url);
        const loaded = new Promise((resolve) => element.addEventListener('kpr-load', resolve, { once: true }));
        stage.append(element);
        await loaded;
        await element.updateComplete;
        element.shadowRoot.querySelector(`[part="${layoutPart}"]`).getBoundingClientRect(); // layout, as the resident sees it
        const end = performance.now();
        // The timing entry is queued after the response; its responseEnd is exact however late we read it.
        let entry;
        while (!(entry = performance.getEntriesByName(url)[0])) await new Promise((resolve) => setTimeout(resolve, 5));
        if (run >= warmups) times.push(end - entry.responseEnd);
        rendered = element.shadowRoot.querySelectorAll(`[part="${countPart}"]`).length;
        element.remove();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return { times, rendered };
    }, feedPath, tag, layoutPart, countPart, runs, warmups);
  }

  const stats = (times) => {
    const sorted = [...times].sort((a, b) => a - b);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    return { median: at(0.5), p90: at(0.9), min: sorted[0], runs: sorted.length };
  };

  const news = { tag: 'kpr-news-feed', layoutPart: 'list', countPart: 'item' };
  const cases = [
    { label: '1,000 articles, JSON Feed', path: '/feed.json', ...news, expected: 1000, budget: budgets.renderMedianMs },
    { label: '1,000 articles, RSS 2.0', path: '/feed.rss', ...news, expected: 1000 },
    { label: '500 tips (accordion)', path: '/tips.json', tag: 'kpr-prevention-tips', layoutPart: 'base', countPart: 'tip', expected: 500 },
    { label: '6 goals, 40 measures, 12 charts', path: '/goals.json', tag: 'kpr-goal-overview', layoutPart: 'base', countPart: 'goal', expected: 6 },
  ];
  for (const { label, expected, budget, ...options } of cases) {
    const { times, rendered } = await measure(options, 25, 3);
    const row = { case: label, rendered, ...stats(times) };
    if (rendered !== expected) failures.push(`${label}: ${rendered} rendered, ${expected} expected`);
    if (budget) {
      row.budgetMs = budget;
      row.pass = row.median <= budget && rendered === expected;
      if (!row.pass) failures.push(`${label}: median ${row.median.toFixed(1)} ms > ${budget} ms`);
    }
    results.render.push(row);
  }

  // ── 3. The calendar against FullCalendar (in the same browser) ──
  if (!renderOnly) {
    results.calendar = await benchCalendar({ browser, log: (message) => process.stderr.write(`${message}\r`) });
    failures.push(...results.calendar.failures);
  }
  await browser.close();
  server.close();
}

// ── 4. Contact endpoint ─────────────────────────────────────────────────────────────────────────────
if (!sizesOnly && !lighthouseOnly && !renderOnly) {
  results.contact = await benchContact({ connections: 50, seconds: 10 });
  if (!results.contact.pass) failures.push(`contact: ${results.contact.missingOrDuplicated} acknowledged message(s) missing or duplicated, ${results.contact.non2xx} non-2xx`);
}

// ── 5. Lighthouse on the demo page ──────────────────────────────────────────────────────────────────
if (!sizesOnly && !contactOnly && !renderOnly) {
  results.lighthouse = await benchLighthouse({ runs: 3, log: (message) => process.stderr.write(`${message.padEnd(60)}\r`) });
  failures.push(...results.lighthouse.failures);
}

results.machine = { chromium: chromiumVersion(chrome), cpu: cpus()[0]?.model, cores: cpus().length, node: process.version, loadAtStart, loadAtEnd: loadavg()[0] };
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/latest.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(root, 'bench/results/latest.md'), markdownSummary(results));

// ── Report ──────────────────────────────────────────────────────────────────────────────────────────
const kb = (bytes) => `${(bytes / KB).toFixed(2)} KB`;
const verdict = (pass) => (pass === undefined ? '' : pass ? 'PASS' : 'FAIL');
console.log(`\nasskomm-widgets bench — ${results.date.slice(0, 10)} — ${results.machine.chromium}, ${results.machine.cores} × ${results.machine.cpu}, Node ${process.version}\n`);
if (results.sizes.length) console.log('Size (gzip -9)             before first render   budget     lazy, only when a feed needs it');
for (const row of results.sizes) {
  const lazy = row.lazy.map((l) => `${l.file.replace(/^bundle\//, '').replace(/-[\w-]{8}\.js$/, '')} ${kb(l.gzipBytes)}`).join(', ');
  console.log(`  ${row.entry.padEnd(24)} ${kb(row.eagerGzipBytes).padStart(10)}  ${row.budgetBytes ? `≤ ${kb(row.budgetBytes)} ${verdict(row.pass)}` : ''.padEnd(16)}  ${lazy}`);
}
if (results.render.length) console.log('\nFeed response → rendered widget     median      p90      min   runs   budget');
for (const row of results.render) {
  const ms = (v) => `${v.toFixed(1)} ms`.padStart(8);
  console.log(`  ${row.case.padEnd(32)} ${ms(row.median)} ${ms(row.p90)} ${ms(row.min)}   ${String(row.runs).padStart(4)}   ${row.budgetMs ? `≤ ${row.budgetMs} ms ${verdict(row.pass)}` : ''}`);
}
if (results.contact) {
  const c = results.contact;
  console.log(`\nContact endpoint, loopback    clients   messages/s     p50     p99     max   acknowledged   stored   each exactly once`);
  console.log(`  POST /messages, ${c.seconds.toFixed(0)} s ${String(c.connections).padStart(13)} ${c.perSecond.toFixed(0).padStart(12)} ${`${c.latency.p50} ms`.padStart(7)} ${`${c.latency.p99} ms`.padStart(7)} ${`${c.latency.max} ms`.padStart(7)} ${String(c.acknowledged).padStart(14)} ${String(c.storedRows).padStart(8)}   ${c.pass ? 'yes' : `NO (${c.missingOrDuplicated} missing or duplicated)`}`);
  console.log('  (stored − acknowledged = requests still in flight when the clock stopped: stored, never answered)');
}
if (results.calendar) console.log(calendarTable(results.calendar).join('\n'));
if (results.lighthouse) console.log(lighthouseTable(results.lighthouse).join('\n'));
console.log('\nThe same figures as one Markdown table: bench/results/latest.md');
if (failures.length) console.log(`\nOver budget:\n  ${failures.join('\n  ')}`);
if (check && failures.length) process.exit(1);
