// Every `--kpr-*` custom property a widget's styles read must be in that widget's JSDoc (`@cssprop`), and so in
// custom-elements.json: the Theming page in Storybook and editors' completions are made from the manifest, and a
// property missing there is one no designer finds. The manifest is made fresh, as `npm run analyze` makes it.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';

const manifest = await cli({ argv: ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'], cwd: process.cwd(), noWrite: true });
const declarations = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.tagName);

/** The source files a module pulls in through relative imports, itself included. */
function sourcesOf(entry, seen = new Set()) {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const text = readFileSync(entry, 'utf8');
  for (const [, specifier] of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
    const file = resolve(dirname(entry), specifier.replace(/\.js$/, '.ts'));
    if (file.endsWith('.ts') && existsSync(file)) sourcesOf(file, seen);
  }
  return seen;
}

/** The `--kpr-*` properties read with `var()` in those files. */
function propertiesReadBy(files) {
  const names = new Set();
  for (const file of files) for (const [, name] of readFileSync(file, 'utf8').matchAll(/var\(\s*(--kpr-[a-z0-9-]+)/g)) names.add(name);
  return names;
}

const widgetNames = readdirSync('src/widgets', { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

test('the manifest describes every widget', () => {
  assert.deepEqual(declarations.map((declaration) => declaration.tagName).sort(), widgetNames.map((name) => `kpr-${name}`).sort());
});

for (const name of widgetNames) {
  const declaration = declarations.find((candidate) => candidate.tagName === `kpr-${name}`);
  const documented = new Set((declaration?.cssProperties ?? []).map((property) => property.name));
  const read = propertiesReadBy(sourcesOf(resolve(join('src/widgets', name, `${name}.ts`))));

  test(`<kpr-${name}> documents every --kpr-* property its styles read`, () => {
    assert.ok(read.size > 0, `found no var(--kpr-…) in the sources of <kpr-${name}>`);
    const missing = [...read].filter((property) => !documented.has(property)).sort();
    assert.deepEqual(missing, [], `add @cssprop lines for these to the JSDoc of src/widgets/${name}/${name}.ts`);
  });

  test(`<kpr-${name}> documents no --kpr-* property it does not read`, () => {
    const unused = [...documented].filter((property) => !read.has(property)).sort();
    assert.deepEqual(unused, [], `src/widgets/${name}/${name}.ts documents properties its styles never read`);
  });

  test(`<kpr-${name}> describes each documented property`, () => {
    const bare = (declaration?.cssProperties ?? []).filter((property) => !property.description?.trim()).map((property) => property.name);
    assert.deepEqual(bare, []);
  });
}
