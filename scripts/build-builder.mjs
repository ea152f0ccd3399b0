// `dist/builder/`: the embed builder as static files that work from any web server, and from the published package
// (node_modules/asskomm-widgets/dist/builder/builder.html), with nothing but relative addresses. `npm start` serves
// the same page from demo/ with absolute ones (/dist/…, /build/builder.js), which only its own server maps.
// Written by scripts/build.mjs after the bundle; checked by tests/demo/builder-dist.test.mjs.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = 'dist/builder';

/** The page's absolute addresses (as `npm start` serves them) → the files beside it in dist/builder/. */
const RELATIVE = {
  '/favicon.svg': 'favicon.svg',
  '/demo.css': 'demo.css',
  '/builder.css': 'builder.css',
  '/dist/asskomm-widgets.js': 'asskomm-widgets.js',
  '/build/builder.js': 'builder.js',
};

/** The demo feeds the builder starts with (model.ts resolves them against the page's address). */
const SAMPLE_FEEDS = ['news.json', 'tips.json', 'goals.json', 'events.json'];

export function buildBuilderPage() {
  // The builder's script (and its chunks); Vite empties the folder first.
  execFileSync('npx', ['--no-install', 'vite', 'build', '--logLevel', 'warn'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, KPR_BUILD: 'builder', KPR_OUT_DIR: out },
  });
  // The widgets it previews with: the self-contained ES bundle and its lazy parts, as a town uploads them.
  cpSync('dist/asskomm-widgets.js', join(out, 'asskomm-widgets.js'));
  mkdirSync(join(out, 'bundle'), { recursive: true });
  for (const file of readdirSync('dist/bundle').filter((name) => name.endsWith('.js'))) cpSync(join('dist/bundle', file), join(out, 'bundle', file));
  for (const file of ['favicon.svg', 'demo.css', 'builder.css']) cpSync(join('demo', file), join(out, file));
  // The sample feeds, with their images next to them: the demo's absolute image paths become relative to the feed.
  mkdirSync(join(out, 'feeds'), { recursive: true });
  for (const file of SAMPLE_FEEDS) {
    writeFileSync(join(out, 'feeds', file), readFileSync(join('demo/feeds', file), 'utf8').replaceAll('"/feeds/images/', '"images/'));
  }
  cpSync('demo/feeds/images', join(out, 'feeds/images'), { recursive: true });

  let page = readFileSync('demo/builder.html', 'utf8')
    // The link back to the demo page: there is no demo page beside the package's builder.
    .replace(/\s*<nav[\s\S]*?<\/nav>/, '')
    .replace('(demo/builder/*.ts, built by npm start)', '(demo/builder/*.ts, built by npm run build)');
  page = page.replace(/\b(href|src)="(\/[^"]*)"/g, (_, attribute, address) => {
    const relative = RELATIVE[address];
    if (!relative) throw new Error(`demo/builder.html: ${address} has no file in ${out}/ (add it to RELATIVE in scripts/build-builder.mjs)`);
    return `${attribute}="${relative}"`;
  });
  writeFileSync(join(out, 'builder.html'), page);
}
