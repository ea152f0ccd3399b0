// The feeds of tests/fixtures/feeds read in Node, as `asskomm-widgets validate` and the bridge read them: with the
// DOMParser of src/node/dom-shim.ts (xmldom) instead of a browser's. Each must be read as its "Expect" comment
// says, the same reading tests/core/feed/fixtures.test.ts asks of the browsers; utf16-bom.atom only here, as the
// browser tests' server cannot give it to a browser unchanged.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { importBundled, root, tempDir } from '../support/node.mjs';

const folder = join(root, 'tests/fixtures/feeds');
/** @type {{ installDomParser: () => void, parseFeed: (text: string, url: string) => Promise<any>, decodeFeedBytes: (bytes: Uint8Array, type: string | null) => string }} */
let reader;

before(async (t) => {
  // The readers bundled as the command line bundles them (scripts/build-cli.mjs), into a folder of this test's own.
  reader = await importBundled(
    `export { installDomParser } from './src/node/dom-shim.ts';
    export { parseFeed } from './src/core/feed/parse.ts';
    export { decodeFeedBytes } from './src/core/feed/fetch-text.ts';`,
    tempDir(t, 'kpr-readers-'),
  );
  reader.installDomParser();
});

/** @param {object} object @param {string[]} keys */
const pick = (object, keys) => Object.fromEntries(keys.map((key) => [key, object[key]]));

describe('feeds from the wild, read in Node', () => {
  for (const name of readdirSync(folder).sort()) {
    test(`reads ${name} as it expects`, async () => {
      const bytes = new Uint8Array(readFileSync(join(folder, name)));
      const expected = JSON.parse(/Expect: (\{[\s\S]*?\})\s*-->/.exec(reader.decodeFeedBytes(bytes, null))[1]);
      const feed = await reader.parseFeed(reader.decodeFeedBytes(bytes, expected.contentType ?? 'application/xml'), `https://www.bannewitz.de/feeds/${name}`);
      if (expected.feed) assert.deepEqual(pick(feed, Object.keys(expected.feed)), expected.feed);
      assert.deepEqual(feed.items.map((item, index) => pick(item, Object.keys(expected.items[index] ?? {}))), expected.items);
      assert.deepEqual(feed.warnings ?? [], expected.warnings);
    });
  }
});
