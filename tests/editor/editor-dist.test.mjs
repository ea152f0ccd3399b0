// dist/editor/ (written by `npm run build`, scripts/build-editor.mjs) is the feed editor as static files: every
// address in the page is relative and reaches a file inside the folder, and so does every module its scripts load.
// It is not part of any widget: no published widget entry loads a file of it.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { staticClosure } from '../../scripts/module-closure.mjs';

const folder = resolve(import.meta.dirname, '../../dist/editor');
const built = existsSync(join(folder, 'editor.html'));
const inside = (file) => !relative(folder, file).startsWith('..');
// After the build (.ci/run sets KPR_AFTER_BUILD=1) a missing folder is a failure, not a skip.
const skip = !built && !process.env.KPR_AFTER_BUILD && 'no dist/editor/ (run npm run build)';

test('dist/editor/editor.html names only relative addresses of files beside it, and no inline script or style', { skip }, () => {
  const page = readFileSync(join(folder, 'editor.html'), 'utf8');
  const addresses = [...page.matchAll(/\b(?:href|src)="([^"]*)"/g)].map((match) => match[1]);
  for (const name of ['asskomm-widgets.js', 'editor.js', 'editor.css']) assert.ok(addresses.includes(name), `the page loads ${name}`);
  for (const address of addresses) {
    assert.doesNotMatch(address, /^(\/|[a-z][a-z0-9+.-]*:)/i, `${address} is not relative`);
    const file = join(folder, decodeURI(address.split(/[?#]/)[0]));
    assert.ok(inside(file) && existsSync(file), `${address}: no such file in dist/editor/`);
  }
  // The strict CSP (script-src and style-src 'self') allows neither.
  assert.doesNotMatch(page, /<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=/i);
});

test('the editor loads only files inside dist/editor/ and its first load stays within 60 KB gzipped', { skip }, () => {
  const files = [...staticClosure(join(folder, 'editor.js'))];
  for (const file of files) assert.ok(inside(file) && existsSync(file), `editor.js imports ${relative(folder, file)}`);
  const gzip = files.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
  assert.ok(gzip <= 60 * 1024, `the editor's first load is ${(gzip / 1024).toFixed(1)} KB gzipped`);
});

test('no widget entry of the package loads the editor', { skip }, () => {
  const dist = resolve(folder, '..');
  for (const entry of ['asskomm-widgets.js', 'index.js', 'goal-overview.js', 'prevention-tips.js']) {
    if (!existsSync(join(dist, entry))) continue;
    for (const file of staticClosure(join(dist, entry))) assert.ok(!inside(file), `${entry} loads ${relative(dist, file)}`);
  }
});

test('dist/editor/ carries the licences of the libraries in its scripts: papaparse and the widgets\' own', { skip }, () => {
  const notices = readFileSync(join(folder, 'THIRD-PARTY-LICENSES.txt'), 'utf8');
  for (const name of ['papaparse', 'lit-html', 'i18next', 'dompurify', 'ical.js']) assert.match(notices, new RegExp(`^${name.replace('.', '\\.')} \\d+\\.\\d+\\.\\d+ \\(`, 'm'), name);
  // ical.js is MPL-2.0: its source has to be named with it.
  assert.match(notices, /Source: the npm package ical\.js@/);
});
