import { createServer } from 'node:net';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, findChromium, findFirefox, findWebKit, testEngines } from './scripts/browser.mjs';
import { firefoxLauncher } from './scripts/firefox-launcher.mjs';
import { mediaEmulationPlugin, withChromiumMedia } from './scripts/media-emulation.mjs';
import { timeZoneEmulationPlugin } from './scripts/time-zone-emulation.mjs';
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

// The machine's own zone must not matter: tests run every browser far from Berlin.
const env = { ...process.env, TZ: process.env.KPR_TEST_TIME_ZONE ?? 'America/New_York' };

const launchers = {
  chromium: () => chromeLauncher({
    launchOptions: { executablePath: process.env.CHROME_PATH ?? findChromium(), args: CHROMIUM_ARGS, env },
    createPage: async ({ context }) => withChromiumMedia(await context.newPage()),
  }),
  firefox: () => firefoxLauncher({ executablePath: findFirefox(), env }),
  // Loaded only when asked for: it brings webdriverio.
  webkit: async () => (await import('./scripts/webkit-launcher.mjs')).webkitLauncher({ ...findWebKit(), env }),
};

/**
 * A port nobody is listening on: web-test-runner's own default, 8000, makes a second run on the machine (another
 * engineer's, or a second engine group while the first still holds it) fail with EADDRINUSE.
 */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

export default {
  port: await freePort(),
  files: ['tests/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 8000 } },
  // Every test file starts with the widgets' clock pinned (tests/support/clock.ts), before any test module runs:
  // no test sees the real date, so the suite passes on any day.
  testRunnerHtml: (testFramework) => `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
    <script type="module" src="/tests/support/clock.ts"></script>
    <script type="module" src="${testFramework}"></script>
  </body></html>`,
  // Media emulation with forced colours (tests/support/media.ts): the built-in emulateMedia drops them.
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }), jsonModules, mediaEmulationPlugin(), timeZoneEmulationPlugin()],
  middleware: [testApi],
  // Chromium, and Firefox when there is one (`KPR_BROWSERS=chromium,firefox,webkit` to choose). Each engine runs
  // its files one at a time, the engines side by side.
  browsers: await Promise.all(testEngines().map((engine) => launchers[engine]())),
};
