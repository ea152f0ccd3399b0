// A feed is checked before it is published with `asskomm-widgets validate` itself: the command's own module
// (dist/cli/validate.js, built from src/node/validate-cli.ts and src/validator/ by scripts/build-cli.mjs, and
// loaded as bin/asskomm-widgets.mjs loads it), run with --json --widget <the feed's widget> on the text. So the
// server refuses exactly what the command and the editor call an error, with the same codes, paths and fixes; a
// second validator here could only drift from them. The command reads files, so the text is written to a file of
// its own in a private temporary folder for the check and removed after it. A file's images and links are not
// asked for: the check sends no request anywhere.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

/** @type {Promise<{ runValidate: (args: string[], output: { out: (text: string) => void, err: (text: string) => void, color: boolean }) => Promise<number> }> | undefined} */
let loaded;

/**
 * Checks a feed's text for `widget` as `asskomm-widgets validate --widget <widget>` does.
 * @param {string} text the feed, as it would be published
 * @param {string} widget `goal-overview`, `prevention-tips`, `event-calendar` or `news-feed`
 * @returns {Promise<{ ok: boolean, problems: FeedProblem[] }>} `ok`: no errors (warnings allowed)
 */
export async function checkFeedText(text, widget) {
  if (!existsSync(VALIDATE)) throw new ValidatorMissing();
  loaded ??= import(VALIDATE.href);
  const { runValidate } = await loaded;
  const folder = await mkdtemp(join(tmpdir(), 'kpr-feed-check-'));
  try {
    const file = join(folder, 'feed.json');
    await writeFile(file, text, { encoding: 'utf8', mode: 0o600 });
    let json = '';
    await runValidate(['--json', '--widget', widget, '--', file], { out: (chunk) => (json += chunk), err: () => {}, color: false });
    const result = JSON.parse(json);
    const report = result.reports[0];
    if (!report) throw new Error(`the validator could not read the feed: ${JSON.stringify(result.unreadable)}`);
    return { ok: report.ok, problems: report.problems };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
