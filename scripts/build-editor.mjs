// `dist/editor/`: the coordinator's feed editor as static files that work from any web server and from the published
// package (node_modules/asskomm-widgets/dist/editor/editor.html), with nothing but relative addresses, as the embed
// builder's dist/builder/ (scripts/build-builder.mjs). `npm start` serves the same page from demo/ with absolute
// ones. Written by scripts/build.mjs after the bundle; checked by tests/editor/editor-dist.test.mjs.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = 'dist/editor';

/** The page's absolute addresses (as `npm start` serves them) → the files beside it in dist/editor/. */
const RELATIVE = {
  '/favicon.svg': 'favicon.svg',
  '/demo.css': 'demo.css',
  '/editor.css': 'editor.css',
  '/dist/asskomm-widgets.js': 'asskomm-widgets.js',
  '/build/editor/editor.js': 'editor.js',
};

export function buildEditorPage() {
  // The editor's script and its chunks; Vite empties the folder first.
  execFileSync('npx', ['--no-install', 'vite', 'build', '--logLevel', 'warn'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, KPR_BUILD: 'editor', KPR_OUT_DIR: out },
  });
  // The widgets its preview shows the draft with: the ES bundle and its lazy parts, as a town uploads them.
  cpSync('dist/asskomm-widgets.js', join(out, 'asskomm-widgets.js'));
  mkdirSync(join(out, 'bundle'), { recursive: true });
  for (const file of readdirSync('dist/bundle').filter((name) => name.endsWith('.js'))) cpSync(join('dist/bundle', file), join(out, 'bundle', file));
  for (const file of ['favicon.svg', 'demo.css', 'editor.css']) cpSync(join('demo', file), join(out, file));

  let page = readFileSync('demo/editor.html', 'utf8')
    // The link back to the demo page: there is no demo page beside the package's editor.
    .replace(/\s*<nav[\s\S]*?<\/nav>/, '')
    .replace('(src/editor/*, built by npm start)', '(src/editor/*, built by npm run build)');
  page = page.replace(/\b(href|src)="(\/[^"]*)"/g, (_, attribute, address) => {
    const relative = RELATIVE[address];
    if (!relative) throw new Error(`demo/editor.html: ${address} has no file in ${out}/ (add it to RELATIVE in scripts/build-editor.mjs)`);
    return `${attribute}="${relative}"`;
  });
  writeFileSync(join(out, 'editor.html'), page);
}
