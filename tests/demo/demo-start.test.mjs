// The demo page as the Lighthouse bench loads it: `npm start` at a pinned instant (KPR_DEMO_INSTANT), on a phone's
// screen. The instant lies far from any day this test may run on, so only the pin can make the page show its month.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, ensureChromium } from '../../scripts/browser.mjs';
import { startDemo } from '../../scripts/processes.mjs';
import { loadSampleDates } from '../../scripts/sample-dates.mjs';

// A Tuesday, 29 weeks after the samples' day (Tuesday, 24 November 2026), in summer time.
const INSTANT = '2027-06-15T10:00:00+02:00';

let server;
let origin;
let browser;

before(async () => {
  ({ child: server, url: origin } = await startDemo({ KPR_DEMO_INSTANT: INSTANT }));
  browser = await puppeteer.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  server?.kill();
});

/** The demo on a phone (Lighthouse's Moto G Power screen), with every request and problem noted. */
async function openOnPhone() {
  const page = await browser.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.setViewport({ width: 412, height: 823, isMobile: true, hasTouch: true });
  await page.goto(`${origin}/`, { waitUntil: 'load' });
  return { page, problems, requests };
}

const ready = (page, selector) =>
  page.waitForFunction((s) => document.querySelector(s)?.shadowRoot?.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false', {}, selector);

test('the news at the top arrive without scrolling; the widgets further down ask for their feeds only when scrolled near', async () => {
  const { page, problems, requests } = await openOnPhone();
  await ready(page, 'kpr-news-feed[eager]');
  const articles = await page.$eval('kpr-news-feed[eager]', (feed) => feed.shadowRoot.querySelectorAll('[part="item"]').length);
  assert.equal(articles, 4);
  assert.ok(!requests.includes('/feeds/events.json') && !requests.includes('/feeds/goals.json'), `not yet: ${requests.filter((path) => path.startsWith('/feeds/')).join(', ')}`);
  await page.$eval('kpr-goal-overview', (goals) => goals.scrollIntoView());
  await ready(page, 'kpr-goal-overview');
  assert.ok(requests.includes('/feeds/goals.json'));
  assert.deepEqual(problems, []);
  await page.close();
});

test('with KPR_DEMO_INSTANT the page, its feeds and its calendar stand at that instant, whatever the date, under the strict CSP', async () => {
  const { page, problems, requests } = await openOnPhone();
  assert.ok(requests.includes('/demo-clock.js'), 'the clock script is loaded');
  await page.$eval('kpr-event-calendar[view="upcoming"]', (calendar) => calendar.scrollIntoView());
  await ready(page, 'kpr-event-calendar[view="upcoming"]');
  await page.$eval('kpr-event-calendar', (calendar) => calendar.scrollIntoView());
  await ready(page, 'kpr-event-calendar');
  const calendar = await page.evaluate(() => {
    const [grid, upcoming] = document.querySelectorAll('kpr-event-calendar');
    return {
      heading: grid.shadowRoot.querySelector('#month-heading').textContent.trim(),
      upcoming: upcoming.shadowRoot.querySelectorAll('[part="event"]').length,
    };
  });
  assert.equal(calendar.heading, 'Juni 2027');
  // The samples' events, moved by 29 weeks, lie ahead of the instant as they lie ahead of their own day.
  assert.equal(calendar.upcoming, 3);
  const { sampleShift, shiftFeedText } = await loadSampleDates();
  const shift = sampleShift(new Date(INSTANT));
  assert.equal(shift.days, 29 * 7);
  const served = await (await fetch(`${origin}/feeds/events.json`)).text();
  assert.equal(served, shiftFeedText('events.json', readFileSync('demo/feeds/events.json', 'utf8'), shift));
  assert.deepEqual(problems, []);
  await page.close();
});
