// The coordinator publishes from the editor to a real server, keyboard only, in Chromium and Firefox (as
// KPR_BROWSERS chooses; scripts/browser.mjs), and a widget on the town's page reads what was published: the editor of
// dist/editor/ (npm run build) is served from one origin with the strict CSP of the editor (connect-src naming the
// server, as docs/editor.md tells the webmaster), the contact server with its feed routes runs on another, started
// here with a towns file that lists the page's origin. Every page runs at the suite's instant (its clock pinned
// before any script), the server too.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, ensureChromium, findFirefox, testEngines } from '../../scripts/browser.mjs';
import { EDITOR_HEADERS } from '../../scripts/security-headers.mjs';
import { tokenHash } from '../../server/auth.mjs';
import { buildContactServer } from '../../server/contact-server.mjs';

const folder = join(import.meta.dirname, '../../dist/editor');
const built = existsSync(join(folder, 'chunks')) && readdirSync(join(folder, 'chunks')).some((file) => file.startsWith('publish-panel'));
const skip = !built && !process.env.KPR_AFTER_BUILD && 'no dist/editor/ with the publish panel (run npm run build)';

const INSTANT = '2026-11-24T10:00:00+01:00';
const TOKEN = 'b'.repeat(64);
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

/** The editor's folder, and a town's page with the goal overview reading the published feed, under `policy`. */
function staticSite(/** @type {() => string} */ policy, /** @type {() => string} */ feedUrl) {
  return createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const headers = { ...EDITOR_HEADERS, 'Content-Security-Policy': policy(), 'Cache-Control': 'no-store' };
    if (path === '/ziele.html') {
      response.writeHead(200, { ...headers, 'Content-Type': TYPES['.html'] });
      return response.end(`<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Ziele</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"><script type="module" src="/asskomm-widgets.js"></script></head>
        <body><main><h1>Unsere Ziele</h1><kpr-goal-overview src="${feedUrl()}" eager></kpr-goal-overview></main></body></html>`);
    }
    const file = normalize(join(folder, path === '/' ? 'editor.html' : path));
    if (!file.startsWith(folder) || !existsSync(file)) return response.writeHead(404).end();
    response.writeHead(200, { ...headers, 'Content-Type': TYPES[/** @type {keyof typeof TYPES} */ (extname(file))] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
}

/** @param {import('node:http').Server | import('fastify').FastifyInstance['server']} server */
const originOf = (server) => `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`;

const engines = testEngines().filter((engine) => engine !== 'webkit');

for (const engine of engines) {
  describe(`publishing from the editor to the town's server (${engine})`, { skip }, () => {
    /** @type {import('puppeteer-core').Browser} */
    let browser;
    /** @type {import('fastify').FastifyInstance} */
    let feeds;
    /** @type {import('node:http').Server} */
    let site;
    let siteOrigin = '';
    let feedOrigin = '';
    const dir = mkdtempSync(join(tmpdir(), 'kpr-publish-'));

    before(async () => {
      site = staticSite(() => `${EDITOR_HEADERS['Content-Security-Policy'].replace(/connect-src [^;]*/, `connect-src 'self' blob: ${feedOrigin}`)}`, () => `${feedOrigin}/towns/bannewitz/feeds/goals`);
      await new Promise((resolve) => site.listen(0, '127.0.0.1', () => resolve(undefined)));
      siteOrigin = originOf(site);
      feeds = buildContactServer({
        dbPath: join(dir, 'contact.sqlite'),
        towns: [{ id: 'bannewitz', name: 'Gemeinde Bannewitz', origins: [siteOrigin], tokenHash: tokenHash(TOKEN) }],
        rateLimit: false,
        now: () => new Date(INSTANT),
      });
      await feeds.listen({ port: 0, host: '127.0.0.1' });
      feedOrigin = originOf(feeds.server);
      browser = engine === 'firefox'
        ? await puppeteer.launch({ browser: 'firefox', executablePath: findFirefox(), headless: true })
        : await puppeteer.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
    });

    after(async () => {
      await browser?.close();
      await feeds?.close();
      await new Promise((resolve) => site?.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    });

    /**
     * A page at the suite's instant, collecting what it asked for and any CSP violation or error; `resident`: in a
     * browser context of its own, a resident's browser, whose HTTP cache has not seen the feed yet (for a minute, a
     * browser that has shows what it read: FEED_CACHE_CONTROL).
     */
    async function open(/** @type {string} */ path, { resident = false } = {}) {
      const page = await (resident ? await browser.createBrowserContext() : browser).newPage();
      const problems = /** @type {string[]} */ ([]);
      const requests = /** @type {string[]} */ ([]);
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('request', (request) => requests.push(request.url()));
      page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
      await page.evaluateOnNewDocument((instant) => {
        /** @type {any} */ (globalThis)[Symbol.for('asskomm-widgets.v1.clock')] = { source: () => Date.parse(instant) };
        document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
      }, INSTANT);
      await page.goto(`${siteOrigin}${path}`, { waitUntil: 'load' });
      return { page, problems, requests };
    }

    /** Focus, then Enter: what a keyboard user does with a button. */
    const press = async (/** @type {import('puppeteer-core').Page} */ page, /** @type {string} */ selector) => {
      await page.waitForSelector(`${selector}:not([disabled])`);
      await page.focus(selector);
      await page.keyboard.press('Enter');
    };
    const type = async (/** @type {import('puppeteer-core').Page} */ page, /** @type {string} */ selector, /** @type {string} */ text) => {
      await page.focus(selector);
      await page.keyboard.type(text);
    };
    const focused = (/** @type {import('puppeteer-core').Page} */ page) => page.evaluate(() => document.activeElement?.id ?? '');
    /** Waits until the editor's live region says `text`; fails naming what it says instead. */
    const waitFor = async (/** @type {import('puppeteer-core').Page} */ page, /** @type {string} */ text) => {
      try {
        await page.waitForFunction((t) => document.querySelector('#editor-status')?.textContent?.includes(t), { timeout: 15_000 }, text);
      } catch {
        const said = await page.evaluate(() => [document.querySelector('#editor-status')?.textContent, document.querySelector('#publish-failure')?.textContent]);
        assert.fail(`the editor did not say "${text}" but ${JSON.stringify(said)}`);
      }
    };

    test('a coordinator publishes the goals, meets a version published meanwhile, publishes over it and restores the first; the widget shows each', async () => {
      const { page, problems, requests } = await open('/editor.html');
      await press(page, '#editor-template-goals');
      await page.waitForSelector('#field-items_0_title');
      await press(page, '#editor-publish');
      await page.waitForSelector('#publish-heading');
      assert.equal(await focused(page), 'publish-heading', 'the panel takes the focus as it opens');

      // Without anything entered, each field says what it needs, and the focus is on the first.
      await press(page, '#publish-connect');
      await page.waitForSelector('#publish-server-error');
      assert.equal(await focused(page), 'publish-server');
      assert.equal(await page.$eval('#publish-token', (input) => input.getAttribute('aria-describedby')), 'publish-token-hint publish-token-error');

      await type(page, '#publish-server', `${feedOrigin}/`);
      await type(page, '#publish-town', 'bannewitz');
      await type(page, '#publish-token', 'not-the-token');
      await page.keyboard.press('Enter'); // submits the form: loads the published version
      await page.waitForSelector('#publish-failure');
      assert.equal(await focused(page), 'publish-failure');
      assert.match(await page.$eval('#publish-failure', (box) => box.textContent ?? ''), /Der Token passt nicht zu dieser Gemeinde/);

      await page.$eval('#publish-token', (input) => /** @type {HTMLInputElement} */ (input).select());
      await type(page, '#publish-token', TOKEN);
      await page.keyboard.press('Enter');
      await waitFor(page, 'noch nichts veröffentlicht');
      assert.equal(await focused(page), 'publish-state');
      assert.match(await page.$eval('.editor-publish', (panel) => panel.textContent ?? ''), /Die erste Veröffentlichung enthält:[\s\S]*Neu: „Weniger Straftaten, und weniger schwere“/);

      await press(page, '#publish-now');
      await waitFor(page, 'Version 1 ist veröffentlicht');
      assert.equal(await focused(page), 'publish-now');
      const first = await fetch(`${feedOrigin}/towns/bannewitz/feeds/goals`);
      const etag = /** @type {string} */ (first.headers.get('etag'));
      assert.equal(JSON.parse(await first.text()).items[0].title, 'Weniger Straftaten, und weniger schwere');

      // Meanwhile, a colleague publishes from another computer.
      const colleague = JSON.parse(await (await fetch(`${feedOrigin}/towns/bannewitz/feeds/goals`)).text());
      colleague.items[1].title = 'Offen über Sicherheit reden';
      const put = await fetch(`${feedOrigin}/towns/bannewitz/feeds/goals`, { method: 'PUT', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/feed+json', 'If-Match': etag }, body: JSON.stringify(colleague) });
      assert.equal(put.status, 201);

      await page.$eval('#field-items_0_title', (input) => /** @type {HTMLInputElement} */ (input).select());
      await type(page, '#field-items_0_title', 'Weniger Einbrüche in Bannewitz');
      await press(page, '#publish-now');
      await page.waitForSelector('#publish-failure');
      assert.equal(await focused(page), 'publish-failure');
      assert.match(await page.$eval('#publish-failure', (box) => box.textContent ?? ''), /Inzwischen wurde eine andere Fassung veröffentlicht \(Version 2 vom 24\. November 2026 um 10:00\)/);
      assert.equal(JSON.parse(await (await fetch(`${feedOrigin}/towns/bannewitz/feeds/goals`)).text()).items[1].title, 'Offen über Sicherheit reden', 'nothing overwritten');

      await press(page, '#publish-failure button');
      await waitFor(page, 'Veröffentlicht ist Version 2');
      const changes = await page.$eval('.editor-publish', (panel) => panel.textContent ?? '');
      assert.match(changes, /Was sich gegenüber Version 2 ändert/);
      assert.match(changes, /Geändert: „Weniger Einbrüche in Bannewitz“ \(Name\)/);
      assert.match(changes, /Geändert: „Sachlich über Kriminalität sprechen“ \(Name\)/, 'the colleague’s change would be taken back: the coordinator sees it');
      await press(page, '#publish-now');
      await waitFor(page, 'Version 3 ist veröffentlicht');

      const widget = await open('/ziele.html', { resident: true });
      await widget.page.waitForFunction(() => document.querySelector('kpr-goal-overview')?.shadowRoot?.textContent?.includes('Weniger Einbrüche in Bannewitz'), { timeout: 15_000 });
      assert.deepEqual(widget.problems, []);
      assert.ok(widget.requests.some((url) => url === `${feedOrigin}/towns/bannewitz/feeds/goals`), 'the widget read the feed from the server');
      await widget.page.browserContext().close();
      await page.bringToFront();

      // Restore version 1: the third entry of the list, by keyboard.
      await press(page, '#publish-restore-1');
      await page.waitForSelector('#publish-restore-confirm');
      await press(page, '#publish-restore-confirm');
      await waitFor(page, 'Version 1 ist wiederhergestellt und jetzt als Version 4 veröffentlicht');
      assert.equal(await focused(page), 'publish-state');
      assert.match(await page.$eval('.editor-publish-versions', (list) => list.textContent ?? ''), /Version 4 vom 24\. November 2026 um 10:00\s*– wiederhergestellt aus Version 1\s*– veröffentlicht/);
      const reloaded = await open('/ziele.html', { resident: true });
      await reloaded.page.waitForFunction(() => document.querySelector('kpr-goal-overview')?.shadowRoot?.textContent?.includes('Weniger Straftaten, und weniger schwere'), { timeout: 15_000 });
      await reloaded.page.browserContext().close();
      await page.bringToFront();

      // The token is kept for this tab only, and "forget" removes it.
      assert.equal(await page.evaluate(() => JSON.stringify(localStorage).includes('bbbbbbbb')), false, 'never in local storage');
      assert.equal(await page.evaluate(() => sessionStorage.getItem('asskomm-widgets.editor.publish.token')), TOKEN);
      assert.deepEqual(await page.evaluate(() => JSON.parse(localStorage.getItem('asskomm-widgets.editor.publish') ?? '{}')), { server: `${feedOrigin}/`, town: 'bannewitz' });
      await press(page, '#publish-forget');
      await waitFor(page, 'Der Token ist vergessen');
      assert.equal(await page.evaluate(() => sessionStorage.getItem('asskomm-widgets.editor.publish.token')), null);
      assert.equal(await page.$eval('#publish-token', (input) => /** @type {HTMLInputElement} */ (input).value), '');
      assert.equal(await focused(page), 'publish-token');

      // Requests went to the page's own origin and the address entered, nowhere else; the token was in no address.
      const elsewhere = requests.filter((url) => !url.startsWith(siteOrigin) && !url.startsWith(feedOrigin) && !url.startsWith('blob:') && !url.startsWith('data:'));
      assert.deepEqual(elsewhere, []);
      assert.ok(requests.every((url) => !url.includes(TOKEN)));
      assert.deepEqual(problems.filter((line) => !/status of 40[19]|status of 412/.test(line) && !/Failed to load resource/.test(line)), []);
      await page.close();
    });
  });
}
