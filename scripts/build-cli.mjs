// The Node side of the package (`asskomm-widgets validate`, `init`): src/node/*-cli.ts bundled with esbuild into
// dist/cli/, together with the very feed readers the widgets use and the libraries they need (linkedom gives
// Node the DOMParser the RSS/Atom reader expects). Bundled, so that the published package needs no runtime
// dependency for them. Run by `npm run build`; alone with `node scripts/build-cli.mjs` (a second or so).
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Every `src/node/<name>-cli.ts` becomes `dist/cli/<name>.js`. */
export function cliEntries(root = '.') {
  return Object.fromEntries(
    readdirSync(`${root}/src/node`)
      .filter((file) => file.endsWith('-cli.ts'))
      .map((file) => [file.replace(/-cli\.ts$/, ''), `${root}/src/node/${file}`]),
  );
}

/** Builds dist/cli/ and returns the folders of the npm packages bundled into it (for THIRD-PARTY-LICENSES.txt). */
export async function buildCli(root = '.') {
  rmSync(`${root}/dist/cli`, { recursive: true, force: true });
  if (Object.keys(cliEntries(root)).length === 0) return [];
  const result = await build({
    entryPoints: cliEntries(root),
    outdir: `${root}/dist/cli`,
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
    // Some bundled libraries are CommonJS inside; an ES module has no `require` of its own.
    banner: { js: "import { createRequire as __kprRequire } from 'node:module'; const require = __kprRequire(import.meta.url);" },
  });
  // The folder of each package, nested ones too (node_modules/a/node_modules/b): each version's own licence.
  const packages = new Set();
  for (const input of Object.keys(result.metafile.inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) packages.add(match[1]);
  }
  return [...packages].sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const packages = await buildCli();
  console.log(`dist/cli/: ${Object.keys(cliEntries()).map((name) => `${name}.js`).join(', ')} (bundled: ${packages.join(', ')})`);
}
