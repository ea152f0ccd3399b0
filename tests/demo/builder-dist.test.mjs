// dist/builder/ (written by `npm run build`, scripts/build-builder.mjs) is the embed builder as static files: it
// must work from any web server and from node_modules/asskomm-widgets/dist/builder/, so every address in the page
// is relative and reaches a file inside the folder, and so does every module the scripts load.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { staticClosure } from '../../scripts/module-closure.mjs';

const folder = resolve(import.meta.dirname, '../../dist/builder');
// After the build (.ci/run sets KPR_AFTER_BUILD=1) a missing folder is a failure, not a skip.
const built = existsSync(join(folder, 'builder.html')) || Boolean(process.env.KPR_AFTER_BUILD);
const inside = (file) => !relative(folder, file).startsWith('..');

test('dist/builder/builder.html names only relative addresses of files beside it', { skip: !built && 'no dist/builder/ (run npm run build)' }, () => {
  const page = readFileSync(join(folder, 'builder.html'), 'utf8');
  const addresses = [...page.matchAll(/\b(?:href|src)="([^"]*)"/g)].map((match) => match[1]);
  for (const name of ['asskomm-widgets.js', 'builder.js', 'builder.css']) assert.ok(addresses.includes(name), `the page loads ${name}`);
  for (const address of addresses) {
    assert.doesNotMatch(address, /^(\/|[a-z][a-z0-9+.-]*:)/i, `${address} is not relative`);
    const file = join(folder, decodeURI(address.split(/[?#]/)[0]));
    assert.ok(inside(file), `${address} leaves dist/builder/`);
    assert.ok(existsSync(file), `${address}: no such file in dist/builder/`);
  }
});

test('the scripts of dist/builder/ load only files inside it, and the lazy parts are there', { skip: !built && 'no dist/builder/ (run npm run build)' }, () => {
  for (const entry of ['builder.js', 'asskomm-widgets.js']) {
    for (const file of staticClosure(join(folder, entry))) assert.ok(inside(file) && existsSync(file), `${entry} imports ${relative(folder, file)}`);
  }
  // The bundle's lazy parts: each `./bundle/…` it may import later.
  const bundle = readFileSync(join(folder, 'asskomm-widgets.js'), 'utf8');
  const lazy = [...bundle.matchAll(/["'`]\.\/(bundle\/[\w.-]+\.js)["'`]/g)].map((match) => match[1]);
  assert.ok(lazy.length > 5, 'the bundle names its lazy parts');
  for (const part of lazy) assert.ok(existsSync(join(folder, part)), `${part} is missing`);
  assert.deepEqual(readdirSync(join(folder, 'bundle')).sort(), readdirSync(resolve(folder, '../bundle')).filter((name) => name.endsWith('.js')).sort());
  // The sample feeds the builder starts with, and the images they name relative to themselves.
  for (const feed of ['news', 'tips', 'goals', 'events']) {
    const text = readFileSync(join(folder, 'feeds', `${feed}.json`), 'utf8');
    assert.doesNotMatch(text, /"\/feeds\//, `feeds/${feed}.json still names /feeds/…`);
    for (const [, image] of text.matchAll(/"(images\/[^"]+)"/g)) assert.ok(existsSync(join(folder, 'feeds', image)), `feeds/${feed}.json: ${image}`);
  }
});

test('dist/builder/ carries the licences of the libraries in its scripts', { skip: !built && 'no dist/builder/ (run npm run build)' }, () => {
  const notices = readFileSync(join(folder, 'THIRD-PARTY-LICENSES.txt'), 'utf8');
  for (const name of ['lit-html', 'i18next', 'dompurify', 'ical.js']) assert.match(notices, new RegExp(`^${name.replace('.', '\\.')} \\d+\\.\\d+\\.\\d+ \\(`, 'm'), name);
});
