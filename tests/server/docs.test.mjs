// docs/contact-api.md promises only what was measured: every throughput figure says when it was measured and
// points to the bench that measured it (bench/README.md), rather than standing as a timeless claim.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const docs = readFileSync(join(import.meta.dirname, '../../docs/contact-api.md'), 'utf8');

test('every messages-per-second figure in the contact docs is dated and points to bench/README.md', () => {
  // Paragraphs, joined to one line each, so a sentence that wraps is one piece of text.
  const paragraphs = docs.split(/\n\s*\n/).map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' '));
  const withFigures = paragraphs.filter((paragraph) => /\d[\d,.]*\s*(?:–\s*[\d,.]+\s*)?(?:accepted\s+)?messages?(?:\/s| per second)/.test(paragraph));
  assert.ok(withFigures.length > 0, 'the docs say what throughput to expect');
  for (const paragraph of withFigures) {
    assert.match(paragraph, /\b20\d\d-\d\d-\d\d\b/, `a figure without its date: ${paragraph.slice(0, 160)}…`);
    assert.match(paragraph, /bench\/README\.md/, `a figure without its bench: ${paragraph.slice(0, 160)}…`);
  }
});
