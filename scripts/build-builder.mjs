// `dist/builder/`: the embed builder as static files that work from any web server, and from the published package
// (node_modules/asskomm-widgets/dist/builder/builder.html), with nothing but relative addresses (see
// build-tool-page.mjs). Written by scripts/build.mjs after the bundle; checked by tests/demo/builder-dist.test.mjs.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildToolPage } from './build-tool-page.mjs';

const out = 'dist/builder';

/** The demo feeds the builder starts with (model.ts resolves them against the page's address). */
const SAMPLE_FEEDS = ['news.json', 'tips.json', 'goals.json', 'events.json'];

export async function buildBuilderPage() {
  await buildToolPage({
    kind: 'builder',
    out,
    html: 'demo/builder.html',
    relative: {
      '/favicon.svg': 'favicon.svg',
      '/demo.css': 'demo.css',
      '/builder.css': 'builder.css',
      '/dist/asskomm-widgets.js': 'asskomm-widgets.js',
      '/build/builder.js': 'builder.js',
    },
    files: ['favicon.svg', 'demo.css', 'builder.css'],
    texts: [['(demo/builder/*.ts, built by npm start)', '(demo/builder/*.ts, built by npm run build)']],
  });
  // The sample feeds, with their images next to them: the demo's absolute image paths become relative to the feed.
  mkdirSync(join(out, 'feeds'), { recursive: true });
  for (const file of SAMPLE_FEEDS) {
    writeFileSync(join(out, 'feeds', file), readFileSync(join('demo/feeds', file), 'utf8').replaceAll('"/feeds/images/', '"images/'));
  }
  cpSync('demo/feeds/images', join(out, 'feeds/images'), { recursive: true });
}
