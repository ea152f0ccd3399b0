// Finds the browsers the tests and benchmarks drive. No tool here downloads a browser of its own: we use the
// system's (Debian's `chromium` and `firefox-esr`), and install Chromium with apt-get only where that is possible
// and allowed (`.ci/run` installs Firefox too).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, but there is no file there.`);
  }
  return CANDIDATES.find((path) => existsSync(path));
}

const canInstall = () =>
  process.platform === 'linux' &&
  process.getuid?.() === 0 &&
  spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0 &&
  process.env.KPR_NO_BROWSER_INSTALL !== '1';

/** Returns a Chromium path, installing Debian's `chromium` when none is there and we are root on Debian. */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  if (canInstall()) {
    console.log('No Chromium found: installing Debian\'s "chromium" package (apt-get install -y chromium) …');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(
    [
      'The tests need Chromium, and none was found.',
      '  Debian/Ubuntu: sudo apt-get install chromium',
      '  Fedora:        sudo dnf install chromium',
      '  macOS:         install Google Chrome',
      '  or point CHROME_PATH at a Chrome or Chromium binary.',
      'No test tool here downloads a browser of its own.',
    ].join('\n'),
  );
}

/** Flags for headless Chromium on a closed network: no background traffic, and no sandbox when we are root. */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--no-first-run',
  '--no-default-browser-check',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];

export function chromiumVersion(path) {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

const FIREFOX_CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/snap/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

/** Debian's `firefox-esr` (or another Firefox: `FIREFOX_PATH`), driven by puppeteer-core over WebDriver BiDi. */
export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`FIREFOX_PATH is set to ${fromEnv}, but there is no file there.`);
  }
  return FIREFOX_CANDIDATES.find((path) => existsSync(path));
}

const WEBKIT_BROWSERS = [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
];
const onPath = (name) => spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim() || undefined;

/**
 * WebKit: Debian's WebKitWebDriver (`webkit2gtk-driver`) with WebKitGTK's MiniBrowser, which needs a display: the
 * machine's, else `xvfb-run` (`xvfb`). Returns undefined, with `why` set, when a piece is missing.
 */
export function findWebKit() {
  const driver = onPath('WebKitWebDriver');
  const binary = WEBKIT_BROWSERS.find((path) => existsSync(path));
  const display = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const xvfbRun = display ? undefined : onPath('xvfb-run');
  if (!driver) return { why: 'no WebKitWebDriver (apt-get install webkit2gtk-driver)' };
  if (!binary) return { why: 'no WebKitGTK MiniBrowser (apt-get install webkit2gtk-driver)' };
  if (!display && !xvfbRun) return { why: 'no display for MiniBrowser, which has no headless mode, and no xvfb-run (apt-get install xvfb xauth)' };
  return { driver, binary, xvfbRun };
}

export const ENGINES = ['chromium', 'firefox', 'webkit'];

/**
 * The engines to test in: `KPR_BROWSERS=chromium,firefox,webkit` picks them (and fails when one is missing);
 * without it, Chromium, and Firefox when there is one. WebKit only when asked for (CI does): its MiniBrowser has no
 * headless mode and would open windows on a machine with a display (see scripts/webkit-launcher.mjs).
 */
export function testEngines() {
  const asked = process.env.KPR_BROWSERS?.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  if (!asked?.length) return findFirefox() ? ['chromium', 'firefox'] : ['chromium'];
  const unknown = asked.filter((name) => !ENGINES.includes(name));
  if (unknown.length) throw new Error(`KPR_BROWSERS names ${unknown.join(', ')}; known are ${ENGINES.join(', ')}.`);
  if (asked.includes('firefox') && !findFirefox()) {
    throw new Error('KPR_BROWSERS asks for Firefox, and none was found: apt-get install firefox-esr, or set FIREFOX_PATH.');
  }
  if (asked.includes('webkit') && !findWebKit().driver) throw new Error(`KPR_BROWSERS asks for WebKit: ${findWebKit().why}.`);
  return [...new Set(asked)];
}

export const browserVersion = chromiumVersion;
