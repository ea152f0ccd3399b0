import { executeServerCommand } from '@web/test-runner-commands';
import { engine } from './helpers.js';

/** WebKitWebDriver cannot change a page's time zone: those tests skip in WebKit. */
export const canEmulateTimeZone = engine !== 'webkit';

/**
 * The tests of the enclosing `describe` run in a browser set to `timeZone` (the resident's computer), and go back to
 * the browser's own zone after each. Each test first checks that the zone took, so none passes in the wrong zone.
 */
export function inViewerTimeZone(timeZone: string): void {
  beforeEach(async () => {
    await executeServerCommand('kpr-emulate-time-zone', { timeZone });
    const actual = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (actual !== timeZone) throw new Error(`the page is in ${actual}, not ${timeZone}`);
  });
  afterEach(() => executeServerCommand('kpr-emulate-time-zone', { timeZone: null }));
}
