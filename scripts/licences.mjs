// The licences of the npm packages a built file contains. The self-contained bundles (dist/asskomm-widgets.js,
// dist/cli/) and the two static tool folders (dist/builder/, dist/editor/) each carry a THIRD-PARTY-LICENSES.txt,
// so a town that uploads one folder uploads the notices with it.
import { readdirSync, readFileSync } from 'node:fs';

/** The package folder (node_modules/a, node_modules/@s/b, nested ones too) a bundled module's path lies in. */
export function packageFolder(path) {
  return /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(path.replaceAll('\\', '/'))?.[1];
}

/**
 * A Vite (Rolldown) plugin that adds the package folder of every module the build bundles to `folders`: what is
 * bundled, not what package.json lists, so a library that is tree-shaken away is not named and a new one is.
 */
export function bundledPackages(folders) {
  return {
    name: 'kpr-bundled-packages',
    moduleParsed(info) {
      const folder = packageFolder(info.id);
      if (folder) folders.add(folder.slice(folder.lastIndexOf('node_modules/')));
    },
  };
}

/** Each package's name, version, licence, source and licence text, as THIRD-PARTY-LICENSES.txt holds them. */
export function licenceNotices(folders) {
  return [...new Set(folders)]
    .sort()
    .map((folder) => {
      const { name, version, license, repository } = JSON.parse(readFileSync(`${folder}/package.json`, 'utf8'));
      const file = readdirSync(folder).find((f) => /^licen[sc]e/i.test(f));
      const source = `Source: the npm package ${name}@${version}${repository ? `, ${repository.url ?? repository}` : ''}`;
      return `${name} ${version} (${license})\n${source}\n\n${file ? readFileSync(`${folder}/${file}`, 'utf8').trim() : ''}\n`;
    })
    .join(`\n${'-'.repeat(78)}\n\n`);
}

/**
 * The libraries in the widgets' self-contained bundle (dist/asskomm-widgets.js and its lazy parts in dist/bundle/),
 * which the builder and the editor preview with. ical.js (MPL-2.0) is bundled unmodified; its source is named
 * with it, as the MPL asks.
 */
export const WIDGET_PACKAGES = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', 'i18next', 'dompurify', 'ical.js'].map(
  (name) => `node_modules/${name}`,
);
