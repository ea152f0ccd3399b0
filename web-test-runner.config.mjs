import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, findChromium } from './scripts/browser.mjs';
import { testApi } from './tests/support/test-api.mjs';

/**
 * Our sources import JSON (schemas, locales) as modules, while tests fetch JSON feeds as data. Only a request
 * the browser makes for a script is turned into a module, so fixtures stay byte-for-byte what a server sends.
 */
const jsonModules = {
  name: 'json-modules',
  transform(context) {
    if (context.path.endsWith('.json') && context.get('sec-fetch-dest') === 'script') {
      return { body: `export default ${context.body};`, headers: { 'content-type': 'text/javascript' } };
    }
  },
};

const timeZone = process.env.KPR_TEST_TIME_ZONE;

export default {
  files: ['tests/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 8000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }), jsonModules],
  middleware: [testApi],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? findChromium(),
        args: CHROMIUM_ARGS,
        // The machine's own zone must not matter: tests run the browser far from Berlin.
        env: { ...process.env, TZ: timeZone ?? 'America/New_York' },
      },
    }),
  ],
};
