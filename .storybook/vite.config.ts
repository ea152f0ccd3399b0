import { defineConfig } from 'vite';
import { customElementsManifest } from './custom-elements-plugin.mjs';

/**
 * Storybook's own Vite settings. Lit is pre-bundled once and deduplicated, so that the dev server does not
 * serve two copies of it (one for the stories, one for the widgets), which Lit warns about.
 */
export default defineConfig({
  plugins: [customElementsManifest()],
  resolve: { dedupe: ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'] },
  optimizeDeps: { include: ['lit', 'lit/directives/style-map.js', 'i18next'] },
});
