import { cli } from '@custom-elements-manifest/analyzer/cli.js';

const MODULE_ID = 'virtual:kpr-custom-elements';
const RESOLVED_ID = `\0${MODULE_ID}`;

/**
 * The Custom Elements Manifest of the widgets as a module, made by the same analyzer and config as
 * `npm run analyze` (custom-elements-manifest.config.mjs) at the moment Storybook needs it. So Storybook builds
 * from a clean clone without `npm run build` first, and never shows a stale dist/custom-elements.json.
 * Nothing is written to disk. In `npm run storybook`, editing a widget makes a fresh manifest.
 */
export function customElementsManifest() {
  let server;
  return {
    name: 'kpr-custom-elements-manifest',
    resolveId(id) {
      return id === MODULE_ID ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const manifest = await cli({ argv: ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'], cwd: process.cwd(), noWrite: true });
      return `export default ${JSON.stringify(manifest)};`;
    },
    configureServer(devServer) {
      server = devServer;
    },
    handleHotUpdate({ file }) {
      if (!server || !/\/src\/widgets\/.*\.ts$/.test(file)) return;
      const module = server.moduleGraph.getModuleById(RESOLVED_ID);
      if (module) server.moduleGraph.invalidateModule(module);
    },
  };
}
