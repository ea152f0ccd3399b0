// Lighthouse on the demo page (`npm start`: the built bundle, the sample feeds, the strict CSP), in the
// system's Chromium: navigation mode on `/`, once with Lighthouse's default mobile emulation (Moto G Power
// screen, simulated slow 4G and 4× CPU slowdown) and once with its desktop preset (simulated dense 4G, no CPU
// slowdown). Each preset runs `runs` times in a fresh browser; the figures are the medians, and the points lost
// and the failing audits are read from the median run (Lighthouse's own `computeMedianRun`).
// The demo runs at the benches' instant (bench/instant.mjs, through start.mjs' KPR_DEMO_INSTANT): the same feeds,
// the same "today" and so the same work on any date.
// Run by bench/run.mjs (`npm run bench`, or `node bench/run.mjs --lighthouse` for this part alone).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { CHROMIUM_ARGS, ensureChromium } from '../scripts/browser.mjs';
import { startDemo as startDemoServer } from '../scripts/processes.mjs';
import { BENCH_INSTANT } from './instant.mjs';

const root = join(import.meta.dirname, '..');

/**
 * Scores out of 100, for both presets: issue 17 asks performance 100 on mobile (desktop has it), and the hardening
 * issue accessibility and best practices 100. What keeps mobile below 100 is in the widgets' own start-up, not
 * in the simulation's fixed costs (bench/README.md, "Lighthouse on the demo page"), so the check asks for the goal.
 */
export const LIGHTHOUSE_BUDGETS = { performance: 100, accessibility: 100, 'best-practices': 100, seo: undefined };
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si: 'speed-index',
};
const PRESETS = {
  mobile: undefined, // Lighthouse's default config
  desktop: desktopConfig,
};

/** Starts `node scripts/start.mjs` on a free port (it builds the bundles first) and resolves its origin. */
async function startDemo() {
  const dataDir = mkdtempSync(join(tmpdir(), 'kpr-lh-'));
  const { child: server, url: origin } = await startDemoServer({ HOST: '127.0.0.1', KPR_CONTACT_DB: join(dataDir, 'contact.sqlite'), KPR_DEMO_INSTANT: BENCH_INSTANT });
  const stop = () =>
    new Promise((resolve) => {
      server.once('exit', resolve);
      server.kill('SIGTERM');
    }).finally(() => rmSync(dataDir, { recursive: true, force: true }));
  return { origin, stop };
}

const median = (values) => {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return undefined;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** A node's selector or a resource's URL: enough to find the culprit; the JSON report has the rest. */
function itemLabel(item) {
  return item?.node?.selector ?? item?.source?.url ?? item?.url ?? (item?.type === 'node' ? item.selector : undefined);
}

/**
 * The audits that cost points, with Lighthouse's explanation and a few of the offending items: in accessibility,
 * best practices and SEO every weighted audit below 1; in performance the metrics below 0.9. Performance audits
 * that carry no weight (opportunities, diagnostics, insights) but fail are listed as hints.
 */
function failingAudits(lhr) {
  const found = [];
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    if (!category) continue;
    for (const ref of category.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null || ['notApplicable', 'manual', 'informative'].includes(audit.scoreDisplayMode)) continue;
      const weighted = ref.weight > 0;
      const failing = id === 'performance' ? audit.score < 0.9 : audit.score < 1;
      if (!failing || (!weighted && id !== 'performance')) continue;
      const rawItems = Array.isArray(audit.details?.items) ? audit.details.items : [];
      const flat = rawItems.flatMap((item) => (Array.isArray(item?.items) ? item.items : [item]));
      const items = [...new Set(flat.map(itemLabel).filter(Boolean))].slice(0, 5);
      found.push({
        category: id,
        id: ref.id,
        weight: ref.weight,
        hint: !weighted,
        score: audit.score,
        title: audit.title,
        displayValue: audit.displayValue,
        explanation: audit.explanation,
        items,
      });
    }
  }
  return found;
}

const ms = (value) => `${Math.round(value).toLocaleString('en')} ms`;
const urlPath = (url) => (typeof url === 'string' ? url.replace(/^https?:\/\/[^/]+/, '') || '/' : String(url));

/** Why a metric is what it is, from the report's own diagnostics: the element, the tasks, the resources. */
function metricReason(lhr, id) {
  const audits = lhr.audits;
  const items = (auditId) => (Array.isArray(audits[auditId]?.details?.items) ? audits[auditId].details.items : []);
  const renderBlocking = () => {
    const blocking = items('render-blocking-insight').filter((item) => item.url);
    return blocking.length ? `render-blocking: ${blocking.map((item) => `${urlPath(item.url)} (${ms(item.wastedMs ?? 0)})`).join(', ')}` : 'nothing render-blocking';
  };
  const longTasks = () => {
    const tasks = items('long-tasks').slice(0, 4);
    return tasks.length ? `longest tasks (simulated): ${tasks.map((task) => `${ms(task.duration)} at ${ms(task.startTime)} in ${urlPath(task.url)}`).join('; ')}` : 'no long task';
  };
  if (id === 'largest-contentful-paint') {
    const [phases, node] = items('lcp-breakdown-insight');
    const element = node?.type === 'node' ? node : items('largest-contentful-paint-element').flatMap((item) => item.items ?? [])[0]?.node;
    const parts = (phases?.items ?? []).map((part) => `${part.label.toLowerCase()} ${ms(part.duration)}`).join(', ');
    const lazy = audits['lcp-lazy-loaded']?.score === 0 ? ', loaded lazily (loading="lazy")' : '';
    const label = element ? `${element.selector ?? ''}${element.nodeLabel ? ` "${element.nodeLabel.slice(0, 60)}"` : ''}` : 'unknown element';
    return `LCP element ${label}${lazy}${parts ? `; observed (unthrottled) ${parts}` : ''}`;
  }
  if (id === 'total-blocking-time') {
    const scripts = items('bootup-time').slice(0, 3).map((item) => `${urlPath(item.url)} ${ms(item.total)} (script ${ms(item.scripting)})`);
    return `${longTasks()}; main-thread time by script: ${scripts.join(', ')}`;
  }
  if (id === 'first-contentful-paint') return `${renderBlocking()}; ${longTasks()}`;
  if (id === 'speed-index') return `${renderBlocking()}; the widgets paint their content when their script and feeds have run`;
  if (id === 'cumulative-layout-shift') {
    const shifts = items('layout-shifts').map((item) => `${item.node?.selector ?? '?'} ${Number(item.score).toFixed(3)}`);
    return shifts.length ? `shifted: ${shifts.join(', ')}` : 'no layout shift';
  }
  return audits[id]?.title ?? id;
}

/**
 * Every point the performance score loses, metric by metric: the metric's weight in the category times what its
 * score misses of 1 (Lighthouse's own weighting), with the metric's value and the reason from the report. The
 * points add up to 100 minus the score, up to rounding.
 */
export function pointsLost(lhr) {
  const category = lhr.categories.performance;
  if (!category) return [];
  const weighted = category.auditRefs.filter((ref) => ref.weight > 0);
  const totalWeight = weighted.reduce((sum, ref) => sum + ref.weight, 0);
  return weighted
    .map((ref) => {
      const audit = lhr.audits[ref.id];
      const score = audit?.score ?? 0;
      return { id: ref.id, weight: ref.weight, score, value: audit?.displayValue, points: (ref.weight / totalWeight) * (1 - score) * 100, reason: metricReason(lhr, ref.id) };
    })
    .filter((metric) => metric.points >= 0.05)
    .sort((a, b) => b.points - a.points);
}

/**
 * @param {{ runs?: number, presets?: string[], log?: (message: string) => void, reportsDir?: string }} [options]
 * @returns {Promise<{ url: string, runs: number, budgets: object, presets: object[], failures: string[] }>}
 */
export async function benchLighthouse({ runs = 3, presets = ['mobile', 'desktop'], log = () => {}, reportsDir } = {}) {
  const chromePath = ensureChromium();
  const flags = [...new Set([...CHROMIUM_ARGS, '--headless=new'])];
  log('Lighthouse: building and starting the demo …');
  const demo = await startDemo();
  const url = `${demo.origin}/`;
  const results = { url, runs, budgets: LIGHTHOUSE_BUDGETS, presets: [], failures: [] };
  try {
    for (const preset of presets) {
      const lhrs = [];
      const loads = [];
      for (let run = 1; run <= runs; run++) {
        log(`Lighthouse: ${preset}, run ${run} of ${runs} …`);
        const loadBefore = loadavg()[0];
        const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: flags, logLevel: 'silent' });
        try {
          const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES }, PRESETS[preset]);
          if (!result) throw new Error('Lighthouse returned no result');
          if (result.lhr.runtimeError) throw new Error(`Lighthouse: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
          lhrs.push(result.lhr);
          // The other jobs' load, which Lantern multiplies into the simulated main-thread time (1-minute average).
          loads.push([loadBefore, loadavg()[0]]);
          if (reportsDir) {
            mkdirSync(reportsDir, { recursive: true });
            writeFileSync(join(reportsDir, `lighthouse-${preset}-${run}.json`), result.report);
          }
        } finally {
          await chrome.kill();
        }
      }
      // Lighthouse's scores are 0–1 with two decimals; as whole numbers, so that 0.95 is 95 and not 94.99….
      const score100 = (lhr, id) => Math.round((lhr.categories[id]?.score ?? NaN) * 100);
      const scores = Object.fromEntries(CATEGORIES.map((id) => [id, median(lhrs.map((lhr) => score100(lhr, id)))]));
      const metrics = Object.fromEntries(Object.entries(METRICS).map(([key, id]) => [key, median(lhrs.map((lhr) => lhr.audits[id]?.numericValue))]));
      const perRun = lhrs.map((lhr, index) => ({
        load: loads[index],
        scores: Object.fromEntries(CATEGORIES.map((id) => [id, score100(lhr, id)])),
        metrics: Object.fromEntries(Object.entries(METRICS).map(([key, id]) => [key, lhr.audits[id]?.numericValue])),
        warnings: lhr.runWarnings,
      }));
      const medianRun = computeMedianRun(lhrs);
      const row = {
        preset,
        throttling: medianRun.configSettings.throttlingMethod,
        formFactor: medianRun.configSettings.formFactor,
        scores,
        metrics,
        perRun,
        medianRunIndex: lhrs.indexOf(medianRun),
        pointsLost: pointsLost(medianRun),
        failingAudits: failingAudits(medianRun),
        lighthouseVersion: medianRun.lighthouseVersion,
        userAgent: medianRun.environment?.hostUserAgent,
      };
      for (const [id, budget] of Object.entries(LIGHTHOUSE_BUDGETS)) {
        if (budget === undefined) continue;
        if (!(scores[id] >= budget)) results.failures.push(`Lighthouse ${preset}: ${id} ${scores[id]} < ${budget}`);
      }
      results.presets.push(row);
    }
  } finally {
    await demo.stop();
  }
  return results;
}

/** The printed table: the four scores (median of the runs) against the budgets, the metrics, the failing audits. */
export function lighthouseTable(results) {
  const lines = [`\n${`Lighthouse (demo page, mobile and desktop; median of ${results.runs})`.padEnd(62)}${CATEGORIES.map((c) => c.padStart(16)).join('')}`];
  const budgetCell = (id) => (LIGHTHOUSE_BUDGETS[id] === undefined ? '–' : LIGHTHOUSE_BUDGETS[id] === 100 ? '100' : `≥ ${LIGHTHOUSE_BUDGETS[id]}`);
  lines.push(`  ${'budget'.padEnd(60)}${CATEGORIES.map((c) => budgetCell(c).padStart(16)).join('')}`);
  const s = (v) => (v === undefined ? '–' : `${(v / 1000).toFixed(2)} s`);
  for (const row of results.presets) {
    const cells = CATEGORIES.map((id) => {
      const score = row.scores[id];
      const budget = LIGHTHOUSE_BUDGETS[id];
      const mark = budget === undefined ? '' : score >= budget ? ' PASS' : ' FAIL';
      return `${score === undefined ? '–' : Math.round(score)}${mark}`.padStart(16);
    });
    lines.push(`  ${`${row.preset} (${row.throttling} throttling), runs: ${row.perRun.map((r) => r.scores.performance).join('/')}`.padEnd(60)}${cells.join('')}`);
    const loads = row.perRun.map((r) => r.load).filter(Boolean);
    if (loads.length) lines.push(`    load average (1 min) before → after each run: ${loads.map(([before, after]) => `${before.toFixed(1)} → ${after.toFixed(1)}`).join(', ')}`);
    const m = row.metrics;
    lines.push(`    medians: FCP ${s(m.fcp)}  LCP ${s(m.lcp)}  TBT ${m.tbt === undefined ? '–' : `${Math.round(m.tbt)} ms`}  CLS ${m.cls === undefined ? '–' : m.cls.toFixed(3)}  SI ${s(m.si)}`);
    const lost = row.pointsLost ?? [];
    const median = row.perRun[row.medianRunIndex];
    if (lost.length) lines.push(`    performance points lost in the median run (${median ? `run ${row.medianRunIndex + 1}, ${median.scores.performance}` : 'median run'}): ${lost.reduce((sum, metric) => sum + metric.points, 0).toFixed(1)}`);
    for (const metric of lost) lines.push(`      −${metric.points.toFixed(1)} ${metric.id} ${metric.value ?? ''} (score ${metric.score}, weight ${metric.weight}): ${metric.reason}`);
    for (const audit of row.failingAudits.filter((a) => !a.hint && a.category !== 'performance')) {
      lines.push(`    ✗ ${audit.category}: ${audit.id} (score ${audit.score}${audit.displayValue ? `, ${audit.displayValue}` : ''})${audit.explanation ? ` — ${audit.explanation}` : ''}${audit.items.length ? ` [${audit.items.join('; ')}]` : ''}`);
    }
    const hints = row.failingAudits.filter((a) => a.hint);
    if (hints.length) lines.push(`    hints (no weight in the score): ${hints.map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`).join(', ')}`);
  }
  return lines;
}

// `node bench/lighthouse.mjs [runs] [preset …]`: this part alone, with the JSON reports kept in bench/results/lighthouse/.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [runs = '3', ...presets] = process.argv.slice(2);
  const results = await benchLighthouse({
    runs: Number(runs),
    presets: presets.length ? presets : undefined,
    log: (message) => process.stderr.write(`${message}\n`),
    reportsDir: join(root, 'bench/results/lighthouse'),
  });
  console.log(lighthouseTable(results).join('\n'));
  if (results.failures.length) console.log(`\nOver budget:\n  ${results.failures.join('\n  ')}`);
}
