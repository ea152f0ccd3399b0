// `npm run build`: the three Vite builds, the embed builder (dist/builder/), the feed editor (dist/editor/), type declarations, the JSON schemas,
// the command-line tools (dist/cli/) and custom-elements.json.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { staticClosure } from './module-closure.mjs';
import { readFileSync, writeFileSync } from 'node:fs';
import { buildCli } from './build-cli.mjs';
import { buildBuilderPage } from './build-builder.mjs';
import { buildEditorPage } from './build-editor.mjs';
import { WIDGET_PACKAGES, licenceNotices } from './licences.mjs';

const run = (command, args, env = {}) =>
  execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });

rmSync('dist', { recursive: true, force: true });
for (const kind of ['bundle', 'iife', 'module']) {
  console.log(`\n▸ vite build (${kind})`);
  run('npx', ['--no-install', 'vite', 'build', '--logLevel', 'warn'], { KPR_BUILD: kind });
}
console.log('\n▸ dist/builder/ (the embed builder as static files)');
await buildBuilderPage();
console.log('▸ dist/editor/ (the feed editor as static files)');
await buildEditorPage();
console.log('▸ type declarations');
run('npx', ['--no-install', 'tsc', '-p', 'tsconfig.build.json']);
console.log('▸ schemas');
mkdirSync('dist/schemas', { recursive: true });
cpSync('src/schemas', 'dist/schemas', { recursive: true });
console.log('▸ dist/cli/ (asskomm-widgets validate, init)');
const cliPackages = await buildCli();
console.log('▸ THIRD-PARTY-LICENSES.txt');
// The self-contained bundles include the widgets' libraries; their licences travel with them. dist/cli/ bundles
// more (the DOM for Node: linkedom and @xmldom/xmldom, and what they use), found by esbuild's metafile.
writeFileSync('dist/THIRD-PARTY-LICENSES.txt', licenceNotices([...WIDGET_PACKAGES, ...cliPackages]));
console.log('▸ custom-elements.json');
run('npx', ['--no-install', 'cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet']);

// Each published entry with what it loads before it runs. The two bundles are what a CMS page loads, whole; the
// ES module entries (for a site's own bundler) import shared chunks here and their npm dependencies (lit,
// i18next) from node_modules, which are not counted. Lazy parts load only when a feed needs them: not counted.
console.log('\nBuilt (each entry with what it imports before it runs; lazy parts and, for the module entries, lit and i18next not counted):');
for (const file of readdirSync('dist').filter((f) => f.endsWith('.js'))) {
  const files = [...staticClosure(`dist/${file}`)];
  const raw = files.reduce((sum, f) => sum + statSync(f).size, 0);
  const gzip = files.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
  console.log(`  dist/${file.padEnd(26)} ${(raw / 1024).toFixed(1).padStart(7)} KB, gzip ${(gzip / 1024).toFixed(1).padStart(5)} KB${files.length > 1 ? ` (${files.length} files)` : ''}`);
}
