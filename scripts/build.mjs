// `npm run build`: the three Vite builds, type declarations, the JSON schemas, the command-line tools (dist/cli/)
// and custom-elements.json.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import { buildCli } from './build-cli.mjs';

const run = (command, args, env = {}) =>
  execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });

rmSync('dist', { recursive: true, force: true });
for (const kind of ['bundle', 'iife', 'module']) {
  console.log(`\n▸ vite build (${kind})`);
  run('npx', ['--no-install', 'vite', 'build', '--logLevel', 'warn'], { KPR_BUILD: kind });
}
console.log('\n▸ type declarations');
run('npx', ['--no-install', 'tsc', '-p', 'tsconfig.build.json']);
console.log('▸ schemas');
mkdirSync('dist/schemas', { recursive: true });
cpSync('src/schemas', 'dist/schemas', { recursive: true });
console.log('▸ dist/cli/ (asskomm-widgets validate, init)');
const cliPackages = await buildCli();
console.log('▸ THIRD-PARTY-LICENSES.txt');
// The self-contained bundles include these libraries; their licences travel with them. dist/cli/ bundles more
// (the DOM for Node: linkedom and @xmldom/xmldom, and what they use), found by esbuild's metafile.
// ical.js (MPL-2.0) is bundled unmodified; its source is named with it, as the MPL asks.
const widgetPackages = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', 'i18next', 'dompurify', 'ical.js'].map((name) => `node_modules/${name}`);
const bundled = [...new Set([...widgetPackages, ...cliPackages])];
writeFileSync(
  'dist/THIRD-PARTY-LICENSES.txt',
  bundled
    .map((folder) => {
      const { name, version, license, repository } = JSON.parse(readFileSync(`${folder}/package.json`, 'utf8'));
      const file = readdirSync(folder).find((f) => /^licen[sc]e/i.test(f));
      const source = `Source: the npm package ${name}@${version}${repository ? `, ${repository.url ?? repository}` : ''}`;
      return `${name} ${version} (${license})\n${source}\n\n${file ? readFileSync(`${folder}/${file}`, 'utf8').trim() : ''}\n`;
    })
    .join(`\n${'-'.repeat(78)}\n\n`),
);
console.log('▸ custom-elements.json');
run('npx', ['--no-install', 'cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet']);

console.log('\nBuilt:');
for (const file of readdirSync('dist').filter((f) => f.endsWith('.js'))) {
  const bytes = readFileSync(`dist/${file}`);
  console.log(`  dist/${file.padEnd(26)} ${(statSync(`dist/${file}`).size / 1024).toFixed(1).padStart(7)} KB, gzip ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} KB`);
}
