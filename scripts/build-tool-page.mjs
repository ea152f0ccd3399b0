// A tool page as static files (the embed builder in dist/builder/, the feed editor in dist/editor/): its Vite
// build, the widgets' bundle it previews with, its page with every address made relative, and the licences of
// what its scripts contain. Each folder works from any web server and from node_modules/asskomm-widgets/dist/…;
// `npm start` serves the same pages from demo/ with absolute addresses (/dist/…, /build/…) only its server maps.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { WIDGET_PACKAGES, bundledPackages, licenceNotices } from './licences.mjs';

/**
 * @param {object} page
 * @param {'builder' | 'editor'} page.kind the KPR_BUILD of vite.config.ts
 * @param {string} page.out the folder, emptied by Vite first
 * @param {string} page.html the page in demo/ (`demo/editor.html`)
 * @param {Record<string, string>} page.relative each absolute address in the page → its file in `out`
 * @param {string[]} page.files files of demo/ copied beside the page
 * @param {[string, string][]} [page.texts] texts of the page to replace (the demo's wording → the package's)
 */
export async function buildToolPage({ kind, out, html, relative, files, texts = [] }) {
  const packages = await viteBuild(kind, out);
  // The widgets it previews with: the self-contained ES bundle and its lazy parts, as a town uploads them.
  cpSync('dist/asskomm-widgets.js', join(out, 'asskomm-widgets.js'));
  mkdirSync(join(out, 'bundle'), { recursive: true });
  for (const file of readdirSync('dist/bundle').filter((name) => name.endsWith('.js'))) cpSync(join('dist/bundle', file), join(out, 'bundle', file));
  for (const file of files) cpSync(join('demo', file), join(out, file));

  // The link back to the demo page goes: there is no demo page beside the package's copy.
  let page = readFileSync(html, 'utf8').replace(/\s*<nav[\s\S]*?<\/nav>/, '');
  for (const [from, to] of texts) page = page.replace(from, to);
  page = page.replace(/\b(href|src)="(\/[^"]*)"/g, (_, attribute, address) => {
    if (!relative[address]) throw new Error(`${html}: ${address} has no file in ${out}/ (add it to the relative addresses in scripts/build-${kind}.mjs)`);
    return `${attribute}="${relative[address]}"`;
  });
  writeFileSync(join(out, `${kind}.html`), page);
  // The folder is uploaded on its own, so the notices of what its scripts contain travel with it.
  writeFileSync(join(out, 'THIRD-PARTY-LICENSES.txt'), licenceNotices([...packages, ...WIDGET_PACKAGES]));
}

/** Vite's build of the page's script; returns the folders of the npm packages it bundled. */
async function viteBuild(kind, outDir) {
  const before = { KPR_BUILD: process.env.KPR_BUILD, KPR_OUT_DIR: process.env.KPR_OUT_DIR };
  // vite.config.ts chooses its build by these two, and each build() loads it anew.
  Object.assign(process.env, { KPR_BUILD: kind, KPR_OUT_DIR: outDir });
  const folders = new Set();
  try {
    await build({ configFile: 'vite.config.ts', logLevel: 'warn', plugins: [bundledPackages(folders)] });
  } finally {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  return [...folders];
}
