// WebKit for web-test-runner: Debian's WebKitGTK MiniBrowser, driven by Debian's WebKitWebDriver
// (`webkit2gtk-driver`) through @web/test-runner-webdriver. MiniBrowser has no headless mode, so the driver runs
// under `xvfb-run` when there is no display. Nothing is downloaded: webdriverio only talks to the driver we start.
//
// @web/test-runner-commands supports only `sendKeys({ press })` and `({ type })` for WebDriver, and types a text as
// one chord (keys pressed together, so a repeated letter or a second space is lost); setViewport and emulateMedia
// it does not support at all. So this launcher presents itself to the commands as a puppeteer-type launcher whose
// "page" does those things with plain WebDriver actions. Media emulation stays impossible: WebDriver classic has no
// command for it and WebKitWebDriver no extension, so that command fails with a message saying so (the tests that
// need it skip themselves in WebKit).
//
// CI tests in WebKit too (.ci/run sets KPR_BROWSERS=chromium,firefox,webkit); `npm test` elsewhere only when asked
// for, since MiniBrowser would open its windows on the desktop of a machine with a display. scripts/test.mjs runs it
// after the other engines, not beside them (see there). What stood in the way before, and how the tests avoid it:
//  - MiniBrowser's window does not get narrower than 447 px (its toolbar), so setViewport({ width: 320 }) cannot
//    give a 320 px page; setViewport still says so when asked. The 320 px tests put the widget into a 320 px wide
//    iframe instead (tests/support/frame.ts), a real 320 px viewport in every engine.
//  - WebKit's Resource Timing now and then records one entry where the server answered twice; the tests count
//    requests on the test server instead (tests/support/test-api.mjs, /test-api/count).
//  - Media emulation is impossible (above): those tests skip themselves in WebKit (canEmulateMedia).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { WebdriverLauncher } from '@web/test-runner-webdriver';

/** WebDriver's codes for the named keys the tests press. */
const KEYS = {
  Enter: '\uE007', Tab: '\uE004', Escape: '\uE00C', Backspace: '\uE003', Delete: '\uE017', Space: ' ',
  ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015', Home: '\uE011', End: '\uE010',
  PageUp: '\uE00E', PageDown: '\uE00F', Shift: '\uE008', Control: '\uE009', Alt: '\uE00A', Meta: '\uE03D',
};
const key = (name) => KEYS[name] ?? name;

const freePort = () => new Promise((resolve, reject) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  }).on('error', reject);
});

class WebKitLauncher extends WebdriverLauncher {
  constructor({ driver, binary, xvfbRun, env }) {
    super({ hostname: '127.0.0.1', path: '/', logLevel: 'error', capabilities: {} });
    Object.assign(this, { driverPath: driver, binary, xvfbRun, env });
    this.type = 'puppeteer'; // see above: the commands then call the page below
  }

  async initialize(config, testFiles) {
    this.options.port = await freePort();
    this.options.capabilities = {
      // webdriverio 9 asks for WebDriver BiDi by default; WebKitWebDriver then matches no capabilities.
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary: this.binary, args: ['--automation'] },
    };
    const args = [this.driverPath, `--port=${this.options.port}`];
    this.process = this.xvfbRun
      ? spawn(this.xvfbRun, ['-a', '-s', '-screen 0 1280x1024x24', ...args], { env: this.env, stdio: 'ignore', detached: true })
      : spawn(args[0], args.slice(1), { env: this.env, stdio: 'ignore', detached: true });
    await this.waitForDriver();
    await super.initialize(config, testFiles);
    this.name = 'WebKit';
    // Open MiniBrowser now, not for the first test file: web-test-runner gives a file 30 s (browserStartTimeout) to
    // get its page, and the first start of WebKitGTK on a fresh machine (its libraries read from disk, GStreamer's
    // plugin registry and Mesa's shader cache built) can take longer; the first file then failed with no test run.
    await this.ensureManagerInitialized();
  }

  async waitForDriver() {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`http://127.0.0.1:${this.options.port}/status`)).ok) return;
      } catch {}
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`WebKitWebDriver did not answer on port ${this.options.port}`);
  }

  async createDriverManager() {
    const manager = await super.createDriverManager();
    await this.setViewport({ width: 800, height: 600 }); // as in Chromium and Firefox
    return manager;
  }

  async stop() {
    await super.stop();
    if (this.process?.pid) {
      try {
        process.kill(-this.process.pid); // xvfb-run, Xvfb and the driver: the group we started
      } catch {}
    }
  }

  async keyActions(actions) {
    await this.driver.performActions([{ type: 'key', id: 'kpr-keyboard', actions }]);
  }

  /**
   * The window is bigger than the page in it; size it so that the page gets the size asked for. MiniBrowser answers
   * setWindowRect before the page has taken the new size (on a busy start, hundreds of milliseconds before), so each
   * attempt waits until the page's size has changed; a size read too early would make the next attempt overshoot.
   */
  async setViewport({ width, height }) {
    const pageSize = () => this.driver.execute(() => [window.innerWidth, window.innerHeight]);
    let inner = await pageSize();
    for (let attempt = 0; attempt < 5 && !(inner[0] === width && inner[1] === height); attempt++) {
      const before = inner;
      const rect = await this.driver.getWindowRect();
      await this.driver.setWindowRect(null, null, rect.width + width - inner[0], rect.height + height - inner[1]);
      const deadline = Date.now() + 3_000;
      do {
        await new Promise((resolve) => setTimeout(resolve, 50));
        inner = await pageSize();
      } while (inner[0] === before[0] && inner[1] === before[1] && Date.now() < deadline);
    }
    if (inner[0] === width && inner[1] === height) return;
    const rect = await this.driver.getWindowRect();
    throw new Error(`WebKit: asked for a ${width}×${height} page, MiniBrowser's window (${rect.width}×${rect.height}) gives it ${inner[0]}×${inner[1]}`);
  }

  getPage() {
    const unsupported = () => {
      throw new Error('WebKit: WebKitWebDriver cannot emulate media (print, colour scheme, reduced motion, forced colours): WebDriver classic has no such command');
    };
    return {
      keyboard: {
        press: (name) => this.keyActions([{ type: 'keyDown', value: key(name) }, { type: 'keyUp', value: key(name) }]),
        down: (name) => this.keyActions([{ type: 'keyDown', value: key(name) }]),
        up: (name) => this.keyActions([{ type: 'keyUp', value: key(name) }]),
        type: (text) => this.keyActions([...text].flatMap((char) => [{ type: 'keyDown', value: char }, { type: 'keyUp', value: char }])),
      },
      setViewport: (viewport) => this.setViewport(viewport),
      emulateMedia: unsupported, // tests/support/media.ts
      emulateMediaFeatures: unsupported, // @web/test-runner-commands' emulateMedia
      emulateMediaType: unsupported,
    };
  }
}

export function webkitLauncher(options) {
  return new WebKitLauncher(options);
}
