// The demo page as a resident's browser sees it: served by `npm start` with a strict Content-Security-Policy
// (Trusted Types included), in Debian's Chromium. Run by `npm test` after the component tests.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, ensureChromium } from '../../scripts/browser.mjs';
import { startDemo } from '../../scripts/processes.mjs';
import { loadSampleDates } from '../../scripts/sample-dates.mjs';

let server;
let origin;
let browser;

before(async () => {
  ({ child: server, url: origin } = await startDemo());
  browser = await puppeteer.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  server?.kill();
});

/** This month in Berlin ("2027-01"), by this process's clock: faketime moves it with the server's and the browser's. */
const thisMonth = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);

async function openDemo(width, path = '/') {
  const page = await browser.newPage();
  const problems = [];
  const requests = [];
  const notes = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn') problems.push(`${message.type()}: ${message.text()}`);
    else notes.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => requests.push(request.url()));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.setViewport({ width, height: 900 });
  await page.goto(`${origin}${path}`, { waitUntil: 'load' });
  // Widgets load when they come near the viewport: scroll the whole page as a resident would.
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 300) {
      window.scrollTo(0, y);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  });
  await page.waitForFunction(() =>
    [...document.querySelectorAll('kpr-news-feed, kpr-prevention-tips, kpr-goal-overview, kpr-event-calendar')].every((el) => el.shadowRoot?.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false'),
  );
  return { page, problems, requests, notes };
}

test('every widget on the demo page renders under a strict CSP, with no error or violation', async () => {
  const { page, problems } = await openDemo(1200);
  const counts = await page.evaluate(() =>
    [...document.querySelectorAll('kpr-news-feed')].map((el) => el.shadowRoot.querySelectorAll('[part="item"]').length),
  );
  // news (limit 4), partners: RSS + Atom merged (limit 5), all three as cards (limit 6), English (limit 3)
  assert.deepEqual(counts, [4, 5, 6, 3]);
  const tips = await page.evaluate(() => [...document.querySelectorAll('kpr-prevention-tips')].map((el) => el.shadowRoot.querySelectorAll('[part="tip"], [part="spotlight"]').length));
  assert.deepEqual(tips, [1, 9]);
  const goals = await page.evaluate(() => [...document.querySelectorAll('kpr-goal-overview')].map((el) => [...el.shadowRoot.querySelectorAll('[part="goal-title"]')].map((h) => h.textContent.trim())));
  assert.deepEqual(goals.map((titles) => titles.length), [6, 1]);
  assert.deepEqual(goals[1], ['Sich sicher fühlen']);
  const englishGoal = await page.evaluate(() => document.querySelectorAll('kpr-goal-overview')[1].shadowRoot.querySelector('[part="measures-button"]').textContent.trim());
  assert.equal(englishGoal, 'Show measures (3)');
  // The calendar merges the KPR's JSON feed with the council's iCalendar export, and writes JSON-LD for search engines.
  // The sample feeds follow the day they are served on: this month has events, and three lie ahead, on any date.
  const calendar = await page.evaluate((month) => {
    const [grid, upcoming] = document.querySelectorAll('kpr-event-calendar');
    return {
      heading: grid.shadowRoot.querySelector('#month-heading').textContent.trim(),
      thisMonth: grid.shadowRoot.querySelectorAll(`td[data-day^="${month}-"] .chip:not(.more)`).length,
      upcoming: upcoming.shadowRoot.querySelectorAll('[part="event"]').length,
      jsonLd: JSON.parse(grid.querySelector('script[type="application/ld+json"]').textContent).length > 0,
    };
  }, thisMonth());
  assert.ok(calendar.thisMonth >= 3, `${calendar.thisMonth} events in ${thisMonth()}`);
  assert.equal(calendar.upcoming, 3);
  assert.equal(calendar.jsonLd, true);
  assert.match(calendar.heading, /^\S+ \d{4}$/);
  const english = await page.evaluate(() => document.querySelectorAll('kpr-news-feed')[3].shadowRoot.querySelector('[part="more-button"]').textContent.trim());
  assert.equal(english, 'Show 3 more articles');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the sample feeds are served with their dates moved to this week, gzipped as before; ?as-written gives the file', async () => {
  const { sampleShift, shiftFeedText } = await loadSampleDates();
  for (const file of ['events.json', 'gemeinderat.ics', 'lpr.rss', 'polizei.atom', 'goals.json', 'news.json']) {
    const written = readFileSync(`demo/feeds/${file}`, 'utf8');
    const gzip = { headers: { 'Accept-Encoding': 'gzip' } };
    const [moved, asWritten] = await Promise.all([fetch(`${origin}/feeds/${file}`, gzip), fetch(`${origin}/feeds/${file}?as-written`, gzip)]);
    assert.equal(moved.status, 200);
    assert.equal(moved.headers.get('content-type'), asWritten.headers.get('content-type'), file);
    assert.equal(moved.headers.get('content-encoding'), 'gzip', file);
    // Computed just after the server did, so on the same day (unless the run crosses into a Saturday, when the week turns).
    assert.equal(await moved.text(), shiftFeedText(file, written, sampleShift()), file);
    assert.equal(await asWritten.text(), written, `${file}?as-written`);
  }
  const image = await fetch(`${origin}/feeds/images/fahrrad.svg`);
  assert.equal(await image.text(), readFileSync('demo/feeds/images/fahrrad.svg', 'utf8'));
});

test('the demo page contacts nobody else and stores nothing on the device', async () => {
  const { page, requests } = await openDemo(1200);
  const foreign = requests.filter((url) => new URL(url).origin !== origin);
  assert.deepEqual(foreign, []);
  assert.deepEqual(await page.cookies(), []);
  assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length]), [0, 0]);
  await page.close();
});

test('the demo page needs no horizontal scrolling at 320 px', async () => {
  const { page, problems } = await openDemo(320);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 320, `page is ${width}px wide`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a classic <script src> embed works, and a second copy of the library on the page breaks nothing', async () => {
  const { page, problems, notes } = await openDemo(800, '/classic.html');
  const items = await page.evaluate(() => document.querySelector('kpr-news-feed').shadowRoot.querySelectorAll('[part="item"]').length);
  assert.equal(items, 3);
  assert.deepEqual(problems, []);
  assert.ok(notes.some((note) => note.includes('already defined')), 'the second copy says so, quietly');
  await page.close();
});

test('a resident sends a message from the demo page to the reference endpoint, with ALTCHA, under the strict CSP', async () => {
  const { page, problems } = await openDemo(1200);
  const field = (selector) => page.evaluateHandle((s) => document.querySelector('kpr-contact').shadowRoot.querySelector(s), selector);
  // The form at the page's foot is drawn once the resident scrolls near it.
  await page.evaluate(() => document.querySelector('kpr-contact').scrollIntoView());
  await page.waitForFunction(() => document.querySelector('kpr-contact').shadowRoot?.querySelector('#field-message'));
  await (await field('#field-message')).type('Die Laterne am Fußweg zum Bahnhof ist seit einer Woche aus.');
  await (await field('#field-consent')).click();
  await (await field('[part="submit-button"]')).click();
  await page.waitForFunction(() => document.querySelector('kpr-contact').shadowRoot.querySelector('[part="result"].sent, [part="result"].failed'), { timeout: 30_000 });
  const result = await page.evaluate(() => document.querySelector('kpr-contact').shadowRoot.querySelector('[part="result"]').textContent.replace(/\s+/g, ' ').trim());
  assert.match(result, /^Danke! Ihre Nachricht ist angekommen\. Ihre Nummer: KPR-\d{4}-[A-Z0-9]{6}\.$/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the embed builder works under the same strict CSP: previews every widget, a local file through a Blob URL, and checks the feed', async () => {
  const { page, problems, requests } = await openDemo(1200, '/builder.html');
  const previewReady = () =>
    page.waitForFunction(() => {
      const preview = document.querySelector('asskomm-embed-builder').previewElement;
      return preview?.localName === 'kpr-contact' ? preview.shadowRoot?.querySelector('form') : preview?.shadowRoot?.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false';
    });
  const checkSummary = () => page.$eval('.builder-check-summary', (p) => p.textContent.trim());
  await page.waitForFunction(() => document.querySelector('.builder-check-summary').textContent.startsWith('Geprüft'));
  assert.equal(await checkSummary(), 'Geprüft: keine Probleme.');
  for (const widget of ['prevention-tips', 'goal-overview', 'event-calendar', 'contact', 'news-feed']) {
    await page.click(`#builder-widget-${widget}`);
    await previewReady();
    const tag = await page.evaluate(() => document.querySelector('asskomm-embed-builder').previewElement.localName);
    assert.equal(tag, `kpr-${widget}`);
    if (widget === 'contact') continue;
    // The sample, moved to this week by the page itself (as in dist/builder/), passes the check.
    await page.waitForFunction(() => document.querySelector('.builder-check-summary').textContent.startsWith('Geprüft'));
    assert.equal(await checkSummary(), 'Geprüft: keine Probleme.', widget);
  }
  // The calendar's sample has events this month: the month grid shows them all, the days gone by too.
  await page.click('#builder-widget-event-calendar');
  await page.select('#builder-attr-view', 'month');
  await previewReady();
  const previewed = await page.evaluate((month) => {
    const preview = document.querySelector('asskomm-embed-builder').previewElement.shadowRoot;
    return preview.querySelectorAll(`td[data-day^="${month}-"] .chip:not(.more)`).length;
  }, thisMonth());
  assert.ok(previewed >= 3, `${previewed} events previewed in ${thisMonth()}`);
  await page.click('#builder-widget-news-feed');
  await previewReady();
  // A file from the webmaster's computer: the widget reads it through a Blob URL.
  const input = await page.$('#builder-file');
  await input.uploadFile('demo/feeds/lpr.rss');
  await page.waitForFunction(() => document.querySelector('asskomm-embed-builder').previewElement.getAttribute('src').startsWith('blob:'));
  await previewReady();
  const items = await page.evaluate(() => document.querySelector('asskomm-embed-builder').previewElement.shadowRoot.querySelectorAll('[part="item"]').length);
  assert.ok(items > 0, 'the local RSS file is previewed');
  await page.waitForFunction(() => document.querySelector('.builder-source')?.textContent === 'lpr.rss' && document.querySelector('.builder-check-summary').textContent.startsWith('Geprüft'));
  const snippet = await page.$eval('#builder-snippet', (area) => area.value);
  // No fallback address given yet: a comment in the element says where the link goes.
  assert.match(snippet, /<kpr-news-feed src="\/praevention\/lpr\.rss">\n {2}<!-- [^\n]*<a href="\/praevention\/">Alle Neuigkeiten des Präventionsrats<\/a>[^\n]* -->\n<\/kpr-news-feed>$/);
  // The copy button, with the clipboard a browser gives a page the person allowed it for.
  await browser.defaultBrowserContext().overridePermissions(origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
  await page.click('.builder-copy button');
  await page.waitForFunction(() => document.querySelector('.builder-copy-status').textContent === 'Kopiert.');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);
  assert.deepEqual(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:')), []);
  // The contact form is previewed before a privacy address is given, so it warns as it would on a page (the builder
  // asks for the address beside it); nothing else may be said.
  const withoutPrivacyUrl = (problem) => problem.startsWith('warn: [asskomm-widgets] <kpr-contact> has no privacy-url');
  assert.ok(problems.some(withoutPrivacyUrl), 'the contact preview warns about its missing privacy-url');
  assert.deepEqual(problems.filter((problem) => !withoutPrivacyUrl(problem)), []);
  await page.close();
});

test('the embed builder needs no horizontal scrolling at 320 px', async () => {
  const { page, problems } = await openDemo(320, '/builder.html');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 320, `page is ${width}px wide`);
  assert.deepEqual(problems, []);
  await page.close();
});
