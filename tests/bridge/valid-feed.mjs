// Checks a written feed against the schemas the widgets read it with: JSON Feed 1.1, and each item's `_kpr`
// against kpr-news or kpr-events.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import Ajv2020 from 'ajv/dist/2020.js';
import { root } from './support.mjs';

const schema = async (name) => JSON.parse(await readFile(`${root}/src/schemas/${name}.schema.json`, 'utf8'));
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
const jsonFeed = ajv.compile(await schema('jsonfeed-1.1'));
const extensions = { news: ajv.compile(await schema('kpr-news')), events: ajv.compile(await schema('kpr-events')) };

export async function assertValidFeed(feed, kind) {
  assert.ok(jsonFeed(feed), `not a JSON Feed 1.1: ${ajv.errorsText(jsonFeed.errors)}`);
  for (const item of feed.items) {
    if (item._kpr === undefined) continue;
    const check = extensions[kind];
    assert.ok(check(item._kpr), `item ${item.id}: ${ajv.errorsText(check.errors, { dataVar: '_kpr' })}`);
  }
  assert.equal(new Set(feed.items.map((item) => item.id)).size, feed.items.length, 'ids are unique');
}
