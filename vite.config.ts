import { defineConfig, type Plugin, type UserConfig } from 'vite';

/**
 * Three builds, chosen by KPR_BUILD (scripts/build.mjs runs them in turn):
 * - `module`: ES modules for bundlers, one entry per widget plus `index`; Lit, i18next and DOMPurify stay
 *   imports so an app that uses them too loads them once.
 * - `bundle`: `dist/asskomm-widgets.js`, one ES module with everything, for a CMS without a build step;
 *   DOMPurify, the RSS/Atom reader and other languages stay separate files loaded on demand.
 * - `iife`: `dist/asskomm-widgets.iife.js`, the same as a classic script for `<script src>`, in one file.
 */
const kind = (process.env.KPR_BUILD ?? 'module') as 'module' | 'bundle' | 'iife';

/** Schema descriptions are documentation for webmasters; the widgets only need the rules. */
function stripSchemaDocs(): Plugin {
  const docs = new Set(['description', 'title', '$comment', 'examples', '$schema']);
  const strip = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(strip)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).filter(([key]) => !docs.has(key)).map(([key, v]) => [key, strip(v)]))
        : value;
  return {
    name: 'kpr-strip-schema-docs',
    enforce: 'pre',
    transform(code, id) {
      if (id.endsWith('.schema.json')) return { code: JSON.stringify(strip(JSON.parse(code))), map: null };
    },
  };
}

/**
 * Lit's css`` templates are strings the minifier does not touch: drop comments and layout whitespace.
 * Only whitespace next to braces, semicolons, commas and declaration colons goes, so selectors keep meaning.
 */
function minifyCssTemplates(): Plugin {
  const minify = (text: string) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')
      .trim();
  return {
    name: 'kpr-minify-css-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return;
      return { code: code.replace(/css`([^`]*)`/g, (_, body: string) => `css\`${minify(body)}\``), map: null };
    },
  };
}

const shared: UserConfig = {
  plugins: [stripSchemaDocs(), minifyCssTemplates()],
};

export default defineConfig((): UserConfig => {
  if (kind === 'module') {
    return {
      ...shared,
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        target: 'es2022',
        minify: false,
        sourcemap: true,
        lib: { entry: { index: 'src/index.ts', 'news-feed': 'src/news-feed.ts' }, formats: ['es'] },
        rolldownOptions: {
          external: (id) => /^(lit|@lit|i18next|dompurify)(\/|$)/.test(id),
          output: { chunkFileNames: 'chunks/[name]-[hash].js' },
        },
      },
    };
  }
  return {
    ...shared,
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: true,
      lib: {
        entry: 'src/index.ts',
        formats: [kind === 'iife' ? 'iife' : 'es'],
        name: 'AsskommWidgets',
        fileName: () => (kind === 'iife' ? 'asskomm-widgets.iife.js' : 'asskomm-widgets.js'),
      },
      rolldownOptions: {
        // Modules shared with a lazy chunk stay in the main file instead of becoming one more request.
        preserveEntrySignatures: 'allow-extension',
        // Vite keeps whitespace in lib-mode ES output so that bundlers can tree-shake it; these two files go
        // straight into CMS pages, so they are minified fully.
        output: kind === 'iife' ? { codeSplitting: false, minify: true } : { chunkFileNames: 'bundle/[name]-[hash].js', minify: true },
      },
    },
  };
});
