// Lighthouse on the demo page (`npm start`: the built bundle, the sample feeds, the strict CSP), in the
// system's Chromium: navigation mode on `/`, once with Lighthouse's default mobile emulation (Moto G Power
// screen, simulated slow 4G and 4× CPU slowdown) and once with its desktop preset (simulated dense 4G, no CPU
// slowdown). Each preset runs `runs` times in a fresh browser; the figures are the medians, and the failing
// audits are read from the median run (Lighthouse's own `computeMedianRun`).
// Run by bench/run.mjs (`npm run bench`, or `node bench/run.mjs --lighthouse` for this part alone).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { CHROMIUM_ARGS, ensureChromium } from '../scripts/browser.mjs';
import { startDemo as startDemoServer } from '../scripts/processes.mjs';

const root = join(import.meta.dirname, '..');

/** Scores out of 100; performance on mobile is the one the issue asks ≥ 95 of, the others 100. */
export const LIGHTHOUSE_BUDGETS = { performance: 95, accessibility: 100, 'best-practices': 100, seo: undefined };
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
  const { child: server, url: origin } = await startDemoServer({ HOST: '127.0.0.1', KPR_CONTACT_DB: join(dataDir, 'contact.sqlite') });
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
      for (let run = 1; run <= runs; run++) {
        log(`Lighthouse: ${preset}, run ${run} of ${runs} …`);
        const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: flags, logLevel: 'silent' });
        try {
          const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES }, PRESETS[preset]);
          if (!result) throw new Error('Lighthouse returned no result');
          if (result.lhr.runtimeError) throw new Error(`Lighthouse: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
          lhrs.push(result.lhr);
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
      const perRun = lhrs.map((lhr) => ({
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
  const ms = (v) => (v === undefined ? '–' : `${(v / 1000).toFixed(2)} s`);
  for (const row of results.presets) {
    const cells = CATEGORIES.map((id) => {
      const score = row.scores[id];
      const budget = LIGHTHOUSE_BUDGETS[id];
      const mark = budget === undefined ? '' : score >= budget ? ' PASS' : ' FAIL';
      return `${score === undefined ? '–' : Math.round(score)}${mark}`.padStart(16);
    });
    lines.push(`  ${`${row.preset} (${row.throttling} throttling), runs: ${row.perRun.map((r) => r.scores.performance).join('/')}`.padEnd(60)}${cells.join('')}`);
    const m = row.metrics;
    lines.push(`    FCP ${ms(m.fcp)}  LCP ${ms(m.lcp)}  TBT ${m.tbt === undefined ? '–' : `${Math.round(m.tbt)} ms`}  CLS ${m.cls === undefined ? '–' : m.cls.toFixed(3)}  SI ${ms(m.si)}`);
    for (const audit of row.failingAudits.filter((a) => !a.hint)) {
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
