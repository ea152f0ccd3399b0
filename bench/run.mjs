// `npm run bench`: the figures the issues set budgets for, measured on what we ship.
//   1. gzip size of each widget's self-contained entry (Lit, i18next and core included), split into what a
//      page loads before the first render and what is loaded only when a feed needs it (DOMPurify, RSS/Atom).
//   2. each widget against its floor (bench/render.mjs: the same feed written as the same plain HTML in one pass),
//      alternating in one run, in Chromium, as ratios of medians: 1,000 articles (news feed, JSON Feed and RSS),
//      500 tips (prevention tips) and 6 goals with 40 measures and 12 charts (goal overview).
//   3. the event calendar side by side with FullCalendar on 5,000 events (bench/calendar.mjs): month and list
//      view, first render and next month; the goal is at most a quarter of FullCalendar's time.
//   3b. the coordinator's editor (bench/editor.mjs): its first load (≤ 60 KB gz) and a keystroke to the updated
//      preview with 6 goals, 40 measures, 12 indicators (≤ 50 ms median, information only: an absolute time).
//   Every page runs at one stated instant (bench/instant.mjs), so a run on any day measures the same work.
//   4. the reference contact endpoint (bench/contact.mjs): accepted messages per second and latency with 50
//      concurrent clients on loopback, and that every acknowledged message is stored exactly once.
//   5. Lighthouse on the demo page (bench/lighthouse.mjs), at the same instant: the four category scores and FCP,
//      LCP, TBT, CLS, median of 3 runs each for the mobile (default) and the desktop preset, with the points each
//      metric loses and why; performance 100 on both (issue 17).
// `--check` exits non-zero when a budget or a ratio goal is exceeded (absolute times are information only). Results: bench/results/latest.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromiumVersion, ensureChromium } from '../scripts/browser.mjs';
import { launchBenchBrowser } from './browser.mjs';
import { benchContact } from './contact.mjs';
import { benchCalendar, calendarTable } from './calendar.mjs';
import { benchRender, renderTable } from './render.mjs';
import { benchLighthouse, lighthouseTable } from './lighthouse.mjs';
import { benchEditor, editorTable } from './editor.mjs';
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
const budgets = { entryGzipKB: 30, calendarGzipKB: 40, allWidgetsGzipKB: 48.7 };
// The load when the run starts: other work on the machine slows every timed figure.
const loadAtStart = loadavg()[0];
const results = { date: new Date().toISOString(), machine: {}, sizes: [], render: undefined, calendar: undefined, editor: undefined, contact: undefined, lighthouse: undefined };
const failures = [];

// ── 1. Sizes ────────────────────────────────────────────────────────────────────────────────────────
const entries = [
  { name: 'news-feed', source: 'src/news-feed.ts', budgetKB: budgets.entryGzipKB },
  { name: 'prevention-tips', source: 'src/prevention-tips.ts', budgetKB: budgets.entryGzipKB },
  { name: 'goal-overview', source: 'src/goal-overview.ts', budgetKB: budgets.entryGzipKB },
  // The calendar's budget is without ical.js, which is loaded only for iCalendar sources (checked below).
  { name: 'event-calendar', source: 'src/event-calendar.ts', budgetKB: budgets.calendarGzipKB },
  { name: 'contact', source: 'src/contact.ts', budgetKB: budgets.entryGzipKB },
  // Issue 17: a speed-up may not buy bytes; everything together stays within what it was then.
  { name: 'all widgets', source: 'src/index.ts', budgetKB: budgets.allWidgetsGzipKB },
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

// ── 2. Render time: each widget against its floor (bench/render.mjs), ratios in one run ──────────────────
const chrome = ensureChromium();
if (!sizesOnly && !contactOnly && !lighthouseOnly) {
  const browser = await launchBenchBrowser();
  results.render = await benchRender({ browser, runs: 15, warmups: 3, log: (message) => process.stderr.write(`${message.padEnd(70)}\r`) });
  failures.push(...results.render.failures);

  // ── 3. The calendar against FullCalendar (in the same browser) ──
  if (!renderOnly) {
    results.calendar = await benchCalendar({ browser, log: (message) => process.stderr.write(`${message}\r`) });
    failures.push(...results.calendar.failures);
    // ── 3b. The coordinator's editor: its first load and a keystroke to the preview (issue 16) ──
    results.editor = await benchEditor({ browser, log: (message) => process.stderr.write(`${message.padEnd(50)}\r`) });
    failures.push(...results.editor.failures);
  }
  await browser.close();
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
if (results.render) console.log(renderTable(results.render).join('\n'));
if (results.contact) {
  const c = results.contact;
  console.log(`\nContact endpoint, loopback    clients   messages/s     p50     p99     max   acknowledged   stored   each exactly once`);
  console.log(`  POST /messages, ${c.seconds.toFixed(0)} s ${String(c.connections).padStart(13)} ${c.perSecond.toFixed(0).padStart(12)} ${`${c.latency.p50} ms`.padStart(7)} ${`${c.latency.p99} ms`.padStart(7)} ${`${c.latency.max} ms`.padStart(7)} ${String(c.acknowledged).padStart(14)} ${String(c.storedRows).padStart(8)}   ${c.pass ? 'yes' : `NO (${c.missingOrDuplicated} missing or duplicated)`}`);
  console.log('  (stored − acknowledged = requests still in flight when the clock stopped: stored, never answered)');
}
if (results.calendar) console.log(calendarTable(results.calendar).join('\n'));
if (results.editor) console.log(editorTable(results.editor).join('\n'));
if (results.lighthouse) console.log(lighthouseTable(results.lighthouse).join('\n'));
console.log('\nThe same figures as one Markdown table: bench/results/latest.md');
if (failures.length) console.log(`\nOver budget:\n  ${failures.join('\n  ')}`);
if (check && failures.length) process.exit(1);
