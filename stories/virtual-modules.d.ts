/** The widgets' Custom Elements Manifest, made when Storybook builds (.storybook/custom-elements-plugin.mjs). */
declare module 'virtual:kpr-custom-elements' {
  import type { Manifest } from './support/manifest.js';
  const manifest: Manifest;
  export default manifest;
}

/** Vite's `?raw` imports: a file's text. */
declare module '*?raw' {
  const text: string;
  export default text;
}
