// The feed editor as a coordinator uses it (issue 16, "done when"): the page `npm start` serves, under its strict
// Content-Security-Policy, in Debian's Chromium, driven by the keyboard only (focus, Enter, Space, arrow keys and
// typing, key by key). Each flow ends with a real download to disk, and `asskomm-widgets validate` (the command line
// a webmaster runs, in Node) must accept that file with no error. The page runs at the suite's instant.
//
// KPR_WALKTHROUGH=<folder> also saves a screenshot of each step there (docs/editor/walkthrough/ holds them).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { buildCli } from '../../scripts/build-cli.mjs';
import { CHROMIUM_ARGS, ensureChromium } from '../../scripts/browser.mjs';
import { startDemo } from '../../scripts/processes.mjs';
import { root, SUITE_INSTANT } from '../support/node.mjs';

const shots = process.env.KPR_WALKTHROUGH;
const downloads = mkdtempSync(join(tmpdir(), 'kpr-editor-downloads-'));
let server;
let origin;
let browser;

before(async () => {
  if (shots) mkdirSync(shots, { recursive: true });
  [{ child: server, url: origin }] = await Promise.all([startDemo(), buildCli(root)]);
  browser = await puppeteer.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  server?.kill();
  rmSync(downloads, { recursive: true, force: true });
});

/**
 * The editor page at the suite's instant, with every CSP violation and page error collected. (The preview's widget
 * says in the console, as it does to any webmaster, when a half-typed draft has an item it cannot show: not a problem.)
 */
async function openEditor() {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (message) => message.type() === 'error' && !message.text().startsWith('[asskomm-widgets]') && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // The library's clock (src/core/clock.ts) is a page-wide singleton: set before any script runs, as bench/instant.mjs does.
  await page.evaluateOnNewDocument((ms) => {
    globalThis[Symbol.for('asskomm-widgets.v1.clock')] = { source: () => ms };
    localStorage.clear();
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  }, Date.parse(SUITE_INSTANT));
  await page.setViewport({ width: 1280, height: 900 });
  const session = await page.createCDPSession();
  await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, eventsEnabled: true });
  await page.goto(`${origin}/editor.html`, { waitUntil: 'load' });
  await page.waitForSelector('#editor-template-goals').catch(async (error) => {
    throw new Error(`${error.message}; the page shows: ${await page.evaluate(() => document.body.innerText.slice(0, 500))}; problems: ${problems.join(' | ')}`);
  });
  return { page, session, problems };
}

let shot = 0;
/** A screenshot of the step, when asked for: the focused control (or `selector`) scrolled into the middle of the view. */
async function step(page, name, selector) {
  if (!shots) return;
  await page.evaluate((wanted) => (wanted ? document.querySelector(wanted) : document.activeElement)?.scrollIntoView({ block: 'center' }), selector);
  await page.screenshot({ path: join(shots, `${String(++shot).padStart(2, '0')}-${name}.png`) });
}

/** Presses a button the way a keyboard user does: focus it, Enter. */
async function press(page, selector) {
  await page.focus(selector);
  await page.keyboard.press('Enter');
}

/** Types into a field key by key, replacing what was there when `replace`. */
async function type(page, selector, text, replace = false) {
  await page.focus(selector);
  if (replace) await page.$eval(selector, (field) => field.select());
  await page.keyboard.type(text);
}

/** Chooses an option in a closed select with the arrow keys, as the keyboard does (each press fires `change`). */
async function choose(page, selector, value) {
  await page.focus(selector);
  const [from, to] = await page.$eval(selector, (select, wanted) => [select.selectedIndex, [...select.options].findIndex((o) => o.value === wanted)], value);
  assert.notEqual(to, -1, `${selector} has an option ${value}`);
  for (let i = from; i !== to; i += Math.sign(to - from)) await page.keyboard.press(to > from ? 'ArrowDown' : 'ArrowUp');
  assert.equal(await page.$eval(selector, (select) => select.value), value);
}

const focusIs = (page, id) => page.waitForFunction((wanted) => document.activeElement?.id === wanted, {}, id);

/** Waits until the preview's widget shows the text. */
const previewShows = (page, text) =>
  page.waitForFunction((wanted) => document.querySelector('asskomm-editor-preview')?.widgetElement?.shadowRoot?.textContent?.includes(wanted), { timeout: 10_000 }, text);

/** "Herunterladen", the summary of changes, "Jetzt herunterladen": the file as the browser saved it. */
async function download(page, session, name) {
  await press(page, '#editor-download');
  await focusIs(page, 'editor-review-heading');
  await step(page, `${name}-changes`);
  const done = new Promise((resolve, reject) =>
    session.on('Browser.downloadProgress', (event) => {
      if (event.state === 'completed') resolve(event.filePath);
      if (event.state === 'canceled') reject(new Error('the download was cancelled'));
    }),
  );
  await press(page, '#editor-download-now');
  const file = await done;
  assert.match(file, new RegExp(`${name}\\.json$`));
  return file;
}

/**
 * `asskomm-widgets validate --json` on the file, at the suite's instant: the errors it reports (none expected), and
 * its exit code, 0 when the file would show completely.
 */
function validationErrors(file, widget) {
  const run = spawnSync(process.execPath, [join(root, 'bin/asskomm-widgets.mjs'), 'validate', file, '--widget', widget, '--json'], {
    env: { ...process.env, KPR_NOW: SUITE_INSTANT },
    encoding: 'utf8',
  });
  const { reports } = JSON.parse(run.stdout);
  const errors = reports.flatMap((report) => report.problems).filter((problem) => problem.severity === 'error');
  return { code: run.status, errors };
}

/** A new item from an empty template: the focus in its title. */
async function newItem(page, template) {
  await press(page, `#editor-template-${template}`);
  await press(page, '#field-items-add');
  await focusIs(page, 'field-items_0_title');
}

/**
 * The end of each flow: the file downloaded, `asskomm-widgets validate` accepting it for the widget, no CSP violation
 * or page error on the way. Returns the feed as saved.
 */
async function saveValidFile({ page, session, problems }, name, widget) {
  const file = await download(page, session, name);
  assert.deepEqual(validationErrors(file, widget), { code: 0, errors: [] });
  assert.deepEqual(problems, []);
  await page.close();
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** What Excel puts on the clipboard: cells separated by tabs, rows by CR LF. */
const EXCEL_VALUES = 'Jahr\tFälle\r\n2022\t41\r\n2023\t38\r\n2024\t29\r\n';

test('goals: from the template, a measure and an indicator with three yearly values pasted from a spreadsheet, the chart, a valid file', { timeout: 120_000 }, async () => {
  const editor = await openEditor();
  const { page } = editor;
  await step(page, 'open');
  await press(page, '#editor-template-goals');
  await focusIs(page, 'editor-feed-heading');
  await step(page, 'goals-template');

  await press(page, '#field-items_0_kpr_measures-add');
  await focusIs(page, 'field-items_0_kpr_measures_0_title');
  await type(page, '#field-items_0_kpr_measures_0_title', 'Sprechstunde der Bürgerpolizei im Rathaus');
  await choose(page, '#field-items_0_kpr_measures_0_status', 'running');
  await step(page, 'goals-measure');

  await press(page, '#field-items_0_kpr_indicators-add');
  await focusIs(page, 'field-items_0_kpr_indicators_0_name');
  await type(page, '#field-items_0_kpr_indicators_0_name', 'Wohnungseinbrüche');
  await type(page, '#field-items_0_kpr_indicators_0_unit', 'Fälle');
  const series = 'field-items_0_kpr_indicators_0_series';
  await press(page, `#${series}-import`);
  await focusIs(page, `${series}-import-paste`);
  // Ctrl+V: the clipboard's cells as a paste event (a page cannot be handed the machine's clipboard in a test).
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
  }, EXCEL_VALUES);
  await focusIs(page, `${series}-import-preview-heading`);
  await step(page, 'goals-paste-preview');
  await press(page, `#${series}-import-apply`);
  await focusIs(page, `${series}-import`);
  await previewShows(page, '29 Fälle');
  await step(page, 'goals-chart', 'asskomm-editor-preview');

  const feed = await saveValidFile(editor, 'ziele', 'goal-overview');
  assert.deepEqual(feed.items[0]._kpr.indicators[0].series, [
    { period: '2022', value: 41 },
    { period: '2023', value: 38 },
    { period: '2024', value: 29 },
  ]);
  assert.equal(feed.items[0]._kpr.measures[0].title, 'Sprechstunde der Bürgerpolizei im Rathaus');
});

test('events: "every second Tuesday" with its next ten dates, a valid file', { timeout: 120_000 }, async () => {
  const editor = await openEditor();
  const { page } = editor;
  await newItem(page, 'events');
  await type(page, '#field-items_0_title', 'Sprechstunde der Bürgerpolizei');
  await type(page, '#field-items_0_kpr_start', '01.12.2026', true);
  await type(page, '#field-items_0_kpr_start-time', '16:00', true);
  await choose(page, '#field-items_0_kpr_recurrence_rrule', 'WEEKLY');
  await choose(page, '#field-items_0_kpr_recurrence-interval', '2');
  await page.waitForFunction(() => document.querySelectorAll('#field-items_0_kpr_recurrence-next li').length === 10);
  const dates = await page.$$eval('#field-items_0_kpr_recurrence-next li .editor-next-date', (items) => items.map((item) => item.textContent.trim()));
  assert.deepEqual(dates.slice(0, 2), ['Dienstag, 1. Dezember 2026, 16:00 Uhr', 'Dienstag, 15. Dezember 2026, 16:00 Uhr']);
  await step(page, 'events-series');

  const feed = await saveValidFile(editor, 'termine', 'event-calendar');
  assert.deepEqual(feed.items[0]._kpr.recurrence, { rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU' });
});

test('tips: a tip with its topic, audience and a phone number, in the preview, a valid file', { timeout: 120_000 }, async () => {
  const editor = await openEditor();
  const { page } = editor;
  await newItem(page, 'tips');
  await type(page, '#field-items_0_title', 'Enkeltrick: auflegen und zurückrufen');
  await type(page, '#field-items_0_content_text', 'Rufen Sie Ihre Familie unter der Nummer an, die Sie kennen.', true);
  await choose(page, '#field-items_0_kpr_topic', 'fraud-older-people');
  await page.focus('#field-items_0_kpr_audience-older-people');
  await page.keyboard.press('Space');
  await press(page, '#field-items_0_kpr_phones-add');
  await focusIs(page, 'field-items_0_kpr_phones_0_label');
  await type(page, '#field-items_0_kpr_phones_0_label', 'Polizei-Notruf');
  await type(page, '#field-items_0_kpr_phones_0_number', '110');
  await previewShows(page, 'Enkeltrick: auflegen und zurückrufen');
  await step(page, 'tips-tip');

  const feed = await saveValidFile(editor, 'tipps', 'prevention-tips');
  assert.deepEqual(feed.items[0]._kpr, { topic: 'fraud-older-people', audience: ['older-people'], phones: [{ label: 'Polizei-Notruf', number: '110' }] });
});
