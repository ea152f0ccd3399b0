// The viewer's time zone for a browser test: a resident in Auckland, where it is already tomorrow in Berlin, or in
// Los Angeles, where it is still yesterday. The browsers start in America/New_York (web-test-runner.config.mjs);
// a test moves its page to another zone with tests/support/time-zone.ts, which sends `kpr-emulate-time-zone` here.
// Puppeteer does it through CDP in Chromium and through WebDriver BiDi's `emulation.setTimezoneOverride` in
// Firefox; WebKitWebDriver has no such command, so those tests skip in WebKit.

/** The web-test-runner plugin behind tests/support/time-zone.ts. */
export function timeZoneEmulationPlugin() {
  return {
    name: 'kpr-emulate-time-zone',
    async executeCommand({ command, payload, session }) {
      if (command !== 'kpr-emulate-time-zone') return undefined;
      const page = session.browser.getPage?.(session.id);
      if (typeof page?.emulateTimezone !== 'function') throw new Error(`${session.browser.name}: this launcher cannot emulate a time zone`);
      // `undefined` ends the emulation: the page is back in the browser's own zone.
      await page.emulateTimezone(payload?.timeZone ?? undefined);
      return true;
    },
  };
}
