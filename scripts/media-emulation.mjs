// Media emulation (print, colour scheme, reduced motion, forced colours) for the browser tests, the same in every
// engine. @web/test-runner-commands' own `emulateMedia` hands only print, colour scheme and reduced motion to a
// puppeteer-driven browser and silently drops `forcedColors` (puppeteer's emulateMediaFeatures refuses the feature),
// so a forced-colours test would run in normal colours. Its command runs before any plugin of ours, so ours has a
// name of its own: tests call `emulateMedia` from tests/support/media.ts, which sends `kpr-emulate-media` here, and
// each launcher's page does it its own way through `page.emulateMedia(options)` (Playwright's shape); the built-in
// command fails on those pages rather than quietly emulating all but forced colours:
//  - Chromium: one CDP `Emulation.setEmulatedMedia` with the whole state (below). It forces colours for real: the
//    page is drawn with system colours, not just matched by `(forced-colors: active)`.
//  - Firefox: the tab's own overrides (scripts/firefox-launcher.mjs).
//  - WebKit: impossible through WebKitWebDriver; the page says so (scripts/webkit-launcher.mjs).

/** The web-test-runner plugin behind tests/support/media.ts. */
export function mediaEmulationPlugin() {
  return {
    name: 'kpr-emulate-media',
    async executeCommand({ command, payload, session }) {
      if (command !== 'kpr-emulate-media') return undefined;
      const page = session.browser.getPage?.(session.id);
      if (typeof page?.emulateMedia !== 'function') throw new Error(`${session.browser.name}: this launcher cannot emulate media`);
      await page.emulateMedia(payload ?? {});
      return true;
    },
  };
}

/**
 * What the tests have asked for so far, as in Playwright: an option given replaces what was emulated for it,
 * `null` ends its emulation, an option left out stays as it was.
 */
export function mediaState() {
  const state = { media: null, colorScheme: null, reducedMotion: null, forcedColors: null };
  return (options) => {
    for (const name of Object.keys(state)) if (options[name] !== undefined) state[name] = options[name];
    return { ...state };
  };
}

/**
 * Makes @web/test-runner-commands' own emulateMedia fail loudly on this page, instead of emulating all but forced
 * colours (its command reaches the page as these two puppeteer methods).
 */
export function refuseBuiltInEmulation(page) {
  page.emulateMediaFeatures = page.emulateMediaType = () => {
    throw new Error("Emulate media with tests/support/media.ts: @web/test-runner-commands' emulateMedia drops forced colours here");
  };
}

/** Gives a Chromium page (puppeteer over CDP) `emulateMedia`. */
export function withChromiumMedia(page) {
  refuseBuiltInEmulation(page);
  const next = mediaState();
  let cdp;
  page.emulateMedia = async (options) => {
    const { media, colorScheme, reducedMotion, forcedColors } = next(options);
    cdp ??= await page.createCDPSession();
    // Each call replaces media type and features alike, so every one is named; an empty value ends its emulation.
    await cdp.send('Emulation.setEmulatedMedia', {
      media: media ?? '',
      features: [
        { name: 'prefers-color-scheme', value: colorScheme ?? '' },
        { name: 'prefers-reduced-motion', value: reducedMotion ?? '' },
        { name: 'forced-colors', value: forcedColors ?? '' },
      ],
    });
  };
  return page;
}
