// A feed is checked before it is published with `asskomm-widgets validate` itself: the command's own module
// (dist/cli/validate.js, built from src/node/validate-cli.ts and src/validator/ by scripts/build-cli.mjs, and
// loaded as bin/asskomm-widgets.mjs loads it), whose checkFeedText checks a text as `validate --json --widget
// <the feed's widget>` checks a file. So the server refuses exactly what the command and the editor call an error,
// with the same codes, paths and fixes; a second validator here could only drift from them. A feed's images and
// links are not asked for: the check sends no request anywhere.
import { existsSync } from 'node:fs';

/**
 * A problem as `asskomm-widgets validate --json` reports it (FeedProblem, src/validator/check-feed.ts).
 * @typedef {{ severity: 'error' | 'warning', code: string, path: string, message: string, fix: string }} FeedProblem
 */

const VALIDATE = new URL('../dist/cli/validate.js', import.meta.url);

/** The validator is missing: the package is installed from a source checkout that was never built. */
export class ValidatorMissing extends Error {
  constructor() {
    super('dist/cli/validate.js is missing, so feeds cannot be checked: run npm run build (or npm run build:cli) in the package');
  }
}

/** @type {Promise<{ checkFeedText: (text: string, widget: string, at: Date) => Promise<{ ok: boolean, problems: FeedProblem[] }> }> | undefined} */
let loaded;

/**
 * Checks a feed's text for `widget` as `asskomm-widgets validate --widget <widget>` does, at the server's instant.
 * @param {string} text the feed, as it would be published
 * @param {string} widget `goal-overview`, `prevention-tips`, `event-calendar` or `news-feed`
 * @param {Date} at now, by the server's clock (server/clock.mjs): what counts as a date in the future
 * @returns {Promise<{ ok: boolean, problems: FeedProblem[] }>} `ok`: no errors (warnings allowed)
 */
export async function checkFeedText(text, widget, at) {
  if (!existsSync(VALIDATE)) throw new ValidatorMissing();
  loaded ??= import(VALIDATE.href);
  const { ok, problems } = await (await loaded).checkFeedText(text, widget, at);
  return { ok, problems };
}
