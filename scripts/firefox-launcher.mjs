// Firefox for web-test-runner: the system's Firefox (Debian's `firefox-esr`), driven by puppeteer-core over WebDriver
// BiDi through @web/test-runner-chrome's launcher (which takes any puppeteer and names the browser "Firefox").
// No geckodriver and no downloaded browser. Puppeteer's BiDi side lacks three things the tests use; the page we hand
// to the launcher fills them in, so the tests stay the same in every engine:
//  - `keyboard.press('Space')`: BiDi puppeteer knows the key only as ' ' ("Unknown key: Space").
//  - media emulation (tests/support/media.ts, scripts/media-emulation.mjs): puppeteer implements it with CDP only,
//    and WebDriver BiDi has none yet. Firefox's own per-tab overrides (what its devtools use to simulate print, a
//    colour scheme or forced colours: `mediumOverride`, `prefersColorSchemeOverride`, `prefersReducedMotionOverride`,
//    `forcedColorsOverride` on the tab's browsing context) are reached from the browser's privileged scope, which
//    `--remote-allow-system-access` opens to BiDi's `script.evaluate` ("moz:scope": "chrome"). Forced colours are
//    real there too: the page is drawn in system colours.
//  - `goto`: after a page hands a `mailto:` link to the system (the contact form does), Firefox reports a navigation
//    that never ends, and puppeteer's goto waits for it until its 30 s timeout; BiDi's own navigate does not.
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { mediaState, refuseBuiltInEmulation } from './media-emulation.mjs';

const KEY_NAMES = { Space: ' ' };

export function firefoxLauncher({ executablePath, env }) {
  return chromeLauncher({
    puppeteer: puppeteerCore,
    launchOptions: {
      browser: 'firefox',
      executablePath,
      headless: true,
      args: ['--remote-allow-system-access'],
      env,
      // Firefox's remote agent already turns off updates, telemetry and other background traffic; motion starts
      // unreduced whatever the machine says, as in Chromium.
      extraPrefsFirefox: { 'ui.prefersReducedMotion': 0 },
    },
    createPage: async ({ context }) => withBidiGaps(await context.newPage()),
  });
}

function withBidiGaps(page) {
  const connection = page.browser().connection;
  const send = async (method, params) => (await connection.send(method, params)).result;
  const contextId = () => page.mainFrame().browsingContext.id;

  const keyboard = page.keyboard;
  for (const method of ['press', 'down', 'up']) {
    const original = keyboard[method].bind(keyboard);
    keyboard[method] = (key, options) => original(KEY_NAMES[key] ?? key, options);
  }

  page.goto = async (url) => {
    await send('browsingContext.navigate', { context: contextId(), url, wait: 'complete' });
    return null;
  };

  let chromeContext;
  /** Runs privileged code in the browser window (not in the page), e.g. to set a tab's media overrides. */
  const inBrowser = async (body) => {
    chromeContext ??= (await send('browsingContext.getTree', { 'moz:scope': 'chrome' })).contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml')?.context;
    if (!chromeContext) throw new Error('Firefox: no browser window to set media overrides in (was it started with --remote-allow-system-access?)');
    const outcome = await send('script.evaluate', { expression: `(() => { ${body} })()`, target: { context: chromeContext }, awaitPromise: false });
    if (outcome.type === 'exception') throw new Error(`Firefox: ${outcome.exceptionDetails.text}`);
  };
  refuseBuiltInEmulation(page);
  const next = mediaState();
  /** Sets the tab's overrides (on every tab: one test runs at a time per browser), then waits until the page sees them. */
  page.emulateMedia = async (options) => {
    const { media, colorScheme, reducedMotion, forcedColors } = next(options);
    const fields = {
      mediumOverride: media === 'print' ? 'print' : '',
      prefersColorSchemeOverride: colorScheme === 'light' || colorScheme === 'dark' ? colorScheme : 'none',
      prefersReducedMotionOverride: reducedMotion === 'reduce' || reducedMotion === 'no-preference' ? reducedMotion : 'none',
      forcedColorsOverride: forcedColors === 'active' ? 'active' : 'none',
    };
    await inBrowser(`
      for (const win of Services.wm.getEnumerator('navigator:browser'))
        for (const tab of win.gBrowser.browsers) Object.assign(tab.browsingContext, ${JSON.stringify(fields)});`);
    const expected = [
      media ?? 'screen',
      ...(fields.prefersColorSchemeOverride === 'none' ? [] : [`(prefers-color-scheme: ${colorScheme})`]),
      ...(reducedMotion ? [`(prefers-reduced-motion: ${reducedMotion})`] : []),
      `(forced-colors: ${forcedColors === 'active' ? 'active' : 'none'})`,
    ];
    // The override reaches the page's process a moment later.
    await page.waitForFunction((queries) => queries.every((q) => matchMedia(q).matches), { timeout: 2000, polling: 20 }, expected);
  };
  return page;
}
