import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { resolve } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

/**
 * Three builds, chosen by KPR_BUILD (scripts/build.mjs runs them in turn):
 * - `module`: ES modules for bundlers, one entry per widget plus `index`; Lit, i18next and DOMPurify stay
 *   imports so an app that uses them too loads them once.
 * - `bundle`: `dist/asskomm-widgets.js`, one ES module with everything, for a CMS without a build step;
 *   DOMPurify, the RSS/Atom reader and other languages stay separate files loaded on demand, and the code that
 *   reads a feed's items (parser, validator, entries) loads while the feed is in flight.
 * - `iife`: `dist/asskomm-widgets.iife.js`, the same as a classic script for `<script src>`, in one file.
 * - `builder`: the embed builder's page script, `demo/build/builder.js` for `npm start`; `npm run build` writes
 *   it into `dist/builder/` (KPR_OUT_DIR) with the page around it (scripts/build-builder.mjs).
 * - `editor`: the coordinator's feed editor (src/editor/), `demo/build/editor/editor.js` for `npm start`; `npm run
 *   build` writes it into `dist/editor/` with its page (scripts/build-editor.mjs). No widget imports it.
 */
const kind = (process.env.KPR_BUILD ?? 'module') as 'module' | 'bundle' | 'iife' | 'builder' | 'editor';
/** The benchmark builds each widget's entry on its own, as shipped, to measure it. */
const bundleEntry = process.env.KPR_ENTRY ?? 'src/index.ts';
const bundleOutDir = process.env.KPR_OUT_DIR ?? 'dist';

/**
 * Schema descriptions are documentation for webmasters; the widgets only need the rules. Only keywords are
 * stripped: inside `properties` and `$defs` the keys are names (an item's `title`, a feed's `description`),
 * and those schemas stay.
 */
function stripSchemaDocs(): Plugin {
  const docs = new Set(['description', 'title', '$comment', 'examples', '$schema']);
  const maps = new Set(['properties', '$defs']);
  const strip = (value: unknown, names = false): unknown =>
    Array.isArray(value)
      ? value.map((v) => strip(v))
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([key]) => names || !docs.has(key))
              .map(([key, v]) => [key, strip(v, !names && maps.has(key))]),
          )
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
 * Puts i18next at the start of the self-contained bundles. The bundler lays modules out in the order they run, which
 * put i18next's 50 KB between Lit with the first shared modules and the widgets; gzip finds repeats only within the
 * last 32 KB, so Lit and our code compress better side by side. Nothing else changes: i18next runs before anything
 * that uses it either way. Measured (gzip -9 before the first render, 2026-12-05): news 51 B less, tips 130,
 * goals 65, calendar 217, all widgets 191; the contact form 36 B more.
 */
function i18nextFirst(entry: string): Plugin {
  const path = resolve(entry);
  return {
    name: 'kpr-i18next-first',
    transform(code, id) {
      // On the entry's first line, a comment in every entry: the source map stays right.
      if (id === path) return { code: `import 'i18next';${code}`, map: null };
    },
  };
}

const shared: UserConfig = {
  // Lit's html`` and css`` templates are strings the JS minifier leaves alone; this minifies their markup.
  plugins: [
    stripSchemaDocs(),
    {
      ...minifyHtmlLiterals({ include: ['src/**/*.ts'], options: { minifyOptions: { removeAttributeQuotes: true } } }),
      enforce: 'pre',
    } as unknown as Plugin,
  ],
};

export default defineConfig((): UserConfig => {
  if (kind === 'builder') {
    const outDir = process.env.KPR_OUT_DIR ?? 'demo/build';
    // A tool page for webmasters: the schemas keep their descriptions, which the feed check may quote. Source
    // maps only for the demo (`npm start`); the package's copy stays small.
    return {
      build: {
        outDir,
        emptyOutDir: true,
        target: 'es2022',
        sourcemap: outDir === 'demo/build',
        lib: { entry: 'demo/builder/main.ts', formats: ['es'], fileName: () => 'builder.js' },
        rolldownOptions: { output: { minify: true, chunkFileNames: 'chunks/[name]-[hash].js' } },
      },
    };
  }
  if (kind === 'editor') {
    const outDir = process.env.KPR_OUT_DIR ?? 'demo/build/editor';
    // The validator reads the schemas' rules only, so their descriptions are stripped as for the widgets, and the
    // templates minified; it loads after the page (check-controller.ts). Source maps for the demo only.
    return {
      ...shared,
      build: {
        outDir,
        emptyOutDir: true,
        target: 'es2022',
        sourcemap: outDir === 'demo/build/editor',
        lib: { entry: 'src/editor/main.ts', formats: ['es'], fileName: () => 'editor.js' },
        rolldownOptions: { output: { minify: true, comments: { legal: false, annotation: false, jsdoc: false }, chunkFileNames: 'chunks/[name]-[hash].js' } },
      },
    };
  }
  if (kind === 'module') {
    return {
      ...shared,
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        target: 'es2022',
        minify: false,
        sourcemap: true,
        lib: { entry: { index: 'src/index.ts', 'news-feed': 'src/news-feed.ts', 'prevention-tips': 'src/prevention-tips.ts', 'goal-overview': 'src/goal-overview.ts', 'event-calendar': 'src/event-calendar.ts', contact: 'src/contact.ts' }, formats: ['es'] },
        rolldownOptions: {
          external: (id) => /^(lit|@lit|i18next|dompurify)(\/|$)/.test(id),
          output: { chunkFileNames: 'chunks/[name]-[hash].js' },
        },
      },
    };
  }
  return {
    ...shared,
    plugins: [...shared.plugins!, i18nextFirst(bundleEntry)],
    build: {
      outDir: bundleOutDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: true,
      lib: {
        entry: bundleEntry,
        formats: [kind === 'iife' ? 'iife' : 'es'],
        name: 'AsskommWidgets',
        fileName: () => (kind === 'iife' ? 'asskomm-widgets.iife.js' : 'asskomm-widgets.js'),
      },
      rolldownOptions: {
        // Modules shared with a lazy chunk stay in the main file instead of becoming one more request.
        preserveEntrySignatures: 'allow-extension',
        // Vite keeps whitespace in lib-mode ES output so that bundlers can tree-shake it; these two files go
        // straight into CMS pages, so they are minified fully.
        // Annotations like /* @__PURE__ */ only help further bundling; licences go to THIRD-PARTY-LICENSES.txt.
        output: {
          minify: true,
          comments: { legal: false, annotation: false, jsdoc: false },
          ...(kind === 'iife' ? { codeSplitting: false } : { chunkFileNames: 'bundle/[name]-[hash].js' }),
        },
      },
    },
  };
});
