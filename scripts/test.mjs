// `npm test`: finds (or installs) Chromium, finds Firefox, runs every browser test with web-test-runner in each,
// then the node tests (the demo end to end, the contact server).
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { browserVersion, ensureChromium, findFirefox, findWebKit, testEngines } from './browser.mjs';

let chrome;
let engines;
try {
  chrome = ensureChromium();
  engines = testEngines();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
console.log(`Testing in ${browserVersion(chrome)} (${chrome})`);
if (engines.includes('firefox')) console.log(`Testing in ${browserVersion(findFirefox())} (${findFirefox()})`);
else if (!process.env.KPR_BROWSERS) console.log('Firefox not found: testing in Chromium only (apt-get install firefox-esr, or set FIREFOX_PATH).');
if (engines.includes('webkit')) {
  const webkit = findWebKit();
  console.log(`Testing in WebKitGTK's MiniBrowser (${webkit.binary} via ${webkit.driver}${webkit.xvfbRun ? ' under xvfb-run' : ''})`);
}

// WebKit runs after the other engines rather than beside them: on a two-core machine three browsers side by side
// starve each other, and WebKit, the slowest, then misses the time budgets some tests have (3 s to expand 10,000
// dates, say). Run after them it adds its own time (about 45 s here) and passes.
const groups = engines.includes('webkit') && engines.length > 1 ? [engines.filter((e) => e !== 'webkit'), ['webkit']] : [engines];

/** One web-test-runner run in the given engines; resolves with its exit code. */
function runBrowsers(group) {
  const runner = spawn('npx', ['--no-install', 'web-test-runner', ...process.argv.slice(2)], {
    stdio: ['inherit', 'pipe', 'inherit'],
    env: { ...process.env, CHROME_PATH: chrome, KPR_BROWSERS: group.join(',') },
  });
  let pending = '';
  runner.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const lines = (pending + String(chunk)).split('\n');
    pending = lines.pop();
    lines.forEach(readProgress);
  });
  return new Promise((resolve) => runner.on('close', (code) => {
    readProgress(pending);
    resolve(code);
  }));
}
// web-test-runner reports its counts on a progress line per browser ("Firefox: |███| 20/20 test files | 183 passed,
// 0 failed"), again and again; keep each browser's last one and add them up at the end.
const perBrowser = new Map();
// A test file can fail without a failing test (its page did not start, it timed out, it threw outside a test): then
// web-test-runner says only "Error while running tests" at the end, its reason far above in a long log. Keep each
// such reason with its file and say them again in the summary, where a cut log still shows them.
const fileErrors = [];
let currentFile = '';
function readProgress(line) {
  const plain = line.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  const file = /^(tests\/\S+\.test\.ts):$/.exec(plain.trim());
  if (file) currentFile = file[1];
  if (plain.includes('❌') || /did not (start|finish)|unable to create and start|Could not import/.test(plain)) fileErrors.push(`${currentFile}: ${plain.trim()}`);
  const progress = /([A-Za-z]+): +\|.*\| (\d+) passed, (\d+) failed(?:, (\d+) skipped)?/.exec(plain);
  if (progress) perBrowser.set(progress[1], { passed: Number(progress[2]), failed: Number(progress[3]), skipped: Number(progress[4] ?? 0) });
}
const browserTotals = () => {
  const sum = { passed: 0, failed: 0 };
  for (const counts of perBrowser.values()) {
    sum.passed += counts.passed;
    sum.failed += counts.failed;
  }
  return sum;
};

let browsersCode = 0;
for (const group of groups) browsersCode = (await runBrowsers(group)) || browsersCode;
afterBrowsers(browsersCode);

function afterBrowsers(code) {
  if (fileErrors.length) console.log(`\nWhat failed, by test file:\n${[...new Set(fileErrors)].map((error) => `  ${error}`).join('\n')}`);
  if (perBrowser.size) console.log(`\nIn the browsers: ${[...perBrowser].map(([name, c]) => `${name} ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`).join('; ')}`);
  const { passed: browserPassed, failed: browserFailed } = browserTotals();
  const last = perBrowser.size ? `${browserPassed} passed, ${browserFailed} failed` : '';
  if (code !== 0 || process.argv.length > 2) return finish(code, last);
  // Then, with node's own test runner, the demo page end to end (tests/e2e) and every node test (*.test.mjs: the
  // contact server, the command line, the feed bridge, the docs against the code). One file at a time (as on a
  // two-core machine anyway): each command-line test file builds dist/cli/ afresh, which must not happen while
  // another file runs from it.
  const files = [
    ...readdirSync('tests/e2e').filter((f) => f.endsWith('.e2e.mjs')).map((f) => `tests/e2e/${f}`),
    ...readdirSync('tests', { recursive: true }).filter((f) => f.endsWith('.test.mjs')).map((f) => `tests/${f}`).sort(),
  ];
  const e2e = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files], { stdio: ['inherit', 'pipe', 'inherit'], env: { ...process.env, CHROME_PATH: chrome } });
  let e2eCounts = [0, 0];
  e2e.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const text = String(chunk);
    const pass = /ℹ pass (\d+)/.exec(text);
    const fail = /ℹ fail (\d+)/.exec(text);
    if (pass) e2eCounts[0] = Number(pass[1]);
    if (fail) e2eCounts[1] = Number(fail[1]);
  });
  e2e.on('close', (e2eCode) => {
    finish(e2eCode === 0 ? 0 : 1, `${browserPassed + e2eCounts[0]} passed, ${browserFailed + e2eCounts[1]} failed`);
  });
}

function finish(code, counts) {
  if (counts) console.log(`\nTests: ${counts}`);
  process.exit(code ?? 1);
}
