import { executeServerCommand } from '@web/test-runner-commands';
import { engine } from './helpers.js';

/** What a test can emulate, as in Playwright's `page.emulateMedia`: `null` ends an emulation, a missing key keeps it. */
export interface MediaOptions {
  media?: 'screen' | 'print' | null;
  colorScheme?: 'light' | 'dark' | 'no-preference' | null;
  reducedMotion?: 'reduce' | 'no-preference' | null;
  forcedColors?: 'active' | 'none' | null;
}

/**
 * Emulates media in Chromium and Firefox, forced colours included (scripts/media-emulation.mjs). Use this, not
 * @web/test-runner-commands' emulateMedia, which quietly ignores `forcedColors` in puppeteer-driven browsers.
 */
export async function emulateMedia(options: MediaOptions): Promise<void> {
  await executeServerCommand('kpr-emulate-media', options);
}

/** WebKitWebDriver has no command for media emulation (nor has WebDriver classic): those tests skip in WebKit. */
export const canEmulateMedia = engine !== 'webkit';
