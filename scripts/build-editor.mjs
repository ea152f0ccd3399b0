// `dist/editor/`: the coordinator's feed editor as static files that work from any web server and from the published
// package (node_modules/asskomm-widgets/dist/editor/editor.html), with nothing but relative addresses, as the embed
// builder's dist/builder/ (see build-tool-page.mjs). Written by scripts/build.mjs after the bundle; checked by
// tests/editor/editor-dist.test.mjs.
import { buildToolPage } from './build-tool-page.mjs';

export async function buildEditorPage() {
  await buildToolPage({
    kind: 'editor',
    out: 'dist/editor',
    html: 'demo/editor.html',
    relative: {
      '/favicon.svg': 'favicon.svg',
      '/demo.css': 'demo.css',
      '/editor.css': 'editor.css',
      '/dist/asskomm-widgets.js': 'asskomm-widgets.js',
      '/build/editor/editor.js': 'editor.js',
    },
    files: ['favicon.svg', 'demo.css', 'editor.css'],
    texts: [['(src/editor/*, built by npm start)', '(src/editor/*, built by npm run build)']],
  });
}
