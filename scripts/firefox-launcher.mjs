// Firefox for web-test-runner: the system's Firefox (Debian's `firefox-esr`), driven by puppeteer-core over WebDriver
// BiDi through @web/test-runner-chrome's launcher (which takes any puppeteer and names the browser "Firefox").
// No geckodriver and no downloaded browser. Puppeteer's BiDi side lacks three things the tests use; the page we hand
// to the launcher fills them in, so the tests stay the same in every engine:
//  - `keyboard.press('Space')`: BiDi puppeteer knows the key only as ' ' ("Unknown key: Space").
//  - `emulateMediaFeatures` / `emulateMediaType` (emulateMedia): puppeteer implements them with CDP only, and
//    WebDriver BiDi has no media emulation yet. Firefox's own overrides (what its devtools use for print and colour
//    scheme simulation) are reached from the browser's privileged scope, which `--remote-allow-system-access` opens
//    to BiDi's `script.evaluate` ("moz:scope": "chrome"); reduced motion is the `ui.prefersReducedMotion` pref.
//  - `goto`: after a page hands a `mailto:` link to the system (the contact form does), Firefox reports a navigation
//    that never ends, and puppeteer's goto waits for it until its 30 s timeout; BiDi's own navigate does not.
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';

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
  /** Sets overrides on every tab (one test runs at a time per browser), then waits until the page sees them. */
  const override = async (fields, pref, check) => {
    await inBrowser(`
      for (const win of Services.wm.getEnumerator('navigator:browser'))
        for (const tab of win.gBrowser.browsers) Object.assign(tab.browsingContext, ${JSON.stringify(fields)});
      ${pref ? `Services.prefs.setIntPref(${JSON.stringify(pref[0])}, ${pref[1]});` : ''}`);
    // The override reaches the page's process a moment later.
    await page.waitForFunction((queries) => queries.every((q) => matchMedia(q).matches), { timeout: 2000, polling: 20 }, check);
  };

  page.emulateMediaType = async (type) => {
    const medium = type ?? '';
    await override({ mediumOverride: medium === 'screen' ? '' : medium }, undefined, [medium || 'screen']);
  };
  page.emulateMediaFeatures = async (features = []) => {
    const fields = {};
    let pref;
    const check = [];
    for (const { name, value } of features) {
      if (name === 'prefers-color-scheme') {
        fields.prefersColorSchemeOverride = value === 'dark' || value === 'light' ? value : 'none';
        if (fields.prefersColorSchemeOverride !== 'none') check.push(`(prefers-color-scheme: ${value})`);
      } else if (name === 'prefers-reduced-motion') {
        pref = ['ui.prefersReducedMotion', value === 'reduce' ? 1 : 0];
        check.push(`(prefers-reduced-motion: ${value === 'reduce' ? 'reduce' : 'no-preference'})`);
      } else {
        throw new Error(`Firefox: emulating ${name} is not supported here`);
      }
    }
    await override(fields, pref, check);
  };
  return page;
}
