// The validator works from the readers' codes and data, never from their English messages (issue 14, point 8):
// checkFeed is bundled twice, once as it is and once with every reader it calls (the feed readers' parseFeed, the
// goal overview's, and the calendar's KPR events, iCalendar and OParl readers) wrapped so that each message and each
// reason it gives is nonsense. Both must report the same problems at the same paths, with the same codes,
// severities and fixes; only the texts taken from the readers may differ. Were a path, a severity or a fix still
// read out of a message, the nonsense would change it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { importBundled, root, SUITE_INSTANT, tempDir } from '../support/node.mjs';

const src = (path) => join(root, 'src', path);

/** Each reader module checkFeed imports, and its exports that take a `warn` (at which argument). */
const WRAPPED = {
  'widgets/event-calendar/json-events': { jsonEventSource: 3 },
  'widgets/event-calendar/ics': { readIcs: 3 },
  'widgets/event-calendar/oparl': { oparlSource: 2 },
  'widgets/goal-overview/goal-entry': { toGoalEntry: 1 },
};

/** A module that exports the reader's all, with its warning functions giving nonsense for message and reason. */
function nonsenseModule(name) {
  const real = JSON.stringify(src(`${name}.ts`));
  const lines = [`import * as real from ${real};`, `export * from ${real};`, 'let n = 0;', 'const nonsense = () => `zq ${++n} left out skipped line 7 _kpr.start DTSTART it has no id`;'];
  for (const [fn, at] of Object.entries(WRAPPED[name])) {
    lines.push(`export function ${fn}(...args) {
      const warn = args[${at}];
      args[${at}] = (code, _message, data) => warn(code, nonsense(), { ...data, reason: nonsense() });
      return real.${fn}(...args);
    }`);
  }
  return lines.join('\n');
}

/** parseFeed whose warnings and errors say nonsense, with their codes and paths kept. */
const NONSENSE_PARSE = `
  import * as real from ${JSON.stringify(src('core/feed/parse.ts'))};
  import { FeedError } from ${JSON.stringify(src('core/feed/feed-error.ts'))};
  export * from ${JSON.stringify(src('core/feed/parse.ts'))};
  export async function parseFeed(text, url) {
    try {
      const document = await real.parseFeed(text, url);
      return document.warnings ? { ...document, warnings: document.warnings.map((w) => ({ ...w, message: 'zq line 3, column 4' })) } : document;
    } catch (error) {
      if (!(error instanceof FeedError)) throw error;
      throw new FeedError(error.kind, error.url, 'zq XML, but invalid XML: it is line 9', error.status, error.code);
    }
  }`;

/** @param {boolean} nonsense */
async function bundle(folder, nonsense) {
  const plugin = {
    name: 'nonsense-readers',
    setup(builder) {
      builder.onResolve({ filter: /\.js$/ }, (args) => {
        if (!nonsense || !args.importer.endsWith(join('src', 'validator', 'check-feed.ts'))) return undefined;
        const name = Object.keys(WRAPPED).find((one) => args.path.endsWith(`/${one.split('/').pop()}.js`));
        if (name) return { path: name, namespace: 'nonsense' };
        if (args.path.endsWith('/core/feed/parse.js')) return { path: 'parse', namespace: 'nonsense' };
        return undefined;
      });
      builder.onLoad({ filter: /.*/, namespace: 'nonsense' }, (args) => ({
        contents: args.path === 'parse' ? NONSENSE_PARSE : nonsenseModule(args.path),
        resolveDir: root,
        loader: 'js',
      }));
    },
  };
  const module = await importBundled(
    `export { installDomParser } from './src/node/dom-shim.ts';
    export { checkFeed } from './src/validator/check-feed.ts';
    export { setClock } from './src/core/clock.ts';`,
    folder,
    { name: nonsense ? 'nonsense.mjs' : 'real.mjs', plugins: [plugin] },
  );
  module.installDomParser();
  module.setClock(SUITE_INSTANT);
  return module;
}

const FEEDS = [
  ...readdirSync(join(root, 'tests/fixtures/reader-problems')).filter((name) => !name.endsWith('.txt')).map((name) => `tests/fixtures/reader-problems/${name}`),
  ...readdirSync(join(root, 'tests/fixtures/invalid')).map((name) => `tests/fixtures/invalid/${name}`),
  'tests/fixtures/calendar/problems.ics',
  'tests/fixtures/goals-problems.json',
  'tests/fixtures/oparl/meetings-1.json',
  'tests/fixtures/feeds/atom-entry-without-id.atom',
  'tests/fixtures/feeds/blank-line-before-xml.rss',
];

let real;
let nonsense;
before(async (t) => {
  const folder = tempDir(t, 'kpr-reader-messages-');
  [real, nonsense] = [await bundle(folder, false), await bundle(folder, true)];
});

const what = (report) => report.problems.map(({ severity, code, path, fix }) => ({ severity, code, path, fix }));

describe('the validator does not read the readers\' messages', () => {
  for (const feed of FEEDS) {
    test(`${feed}: the same problems, paths, severities and fixes when every reader's message is nonsense`, async () => {
      const text = readFileSync(join(root, feed), 'utf8');
      const options = { source: `https://www.bannewitz.de/${feed.split('/').pop()}` };
      const [expected, actual] = [await real.checkFeed(text, options), await nonsense.checkFeed(text, options)];
      assert.ok(expected.problems.length > 0, 'a feed with problems');
      assert.deepEqual(what(actual), what(expected));
      assert.deepEqual([actual.ok, actual.items, actual.shown, actual.widget], [expected.ok, expected.items, expected.shown, expected.widget]);
    });
  }

  test('the nonsense reaches the validator: the texts taken from the readers are nonsense', async () => {
    const text = readFileSync(join(root, 'tests/fixtures/reader-problems/events.json'), 'utf8');
    const report = await nonsense.checkFeed(text, { source: 'https://www.bannewitz.de/termine.json' });
    const fromReaders = report.problems.filter((problem) => problem.message.includes('zq'));
    assert.ok(fromReaders.length >= 10, `${fromReaders.length} of ${report.problems.length} problems with a reader's text`);
  });
});
