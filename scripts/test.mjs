// `npm test`: finds (or installs) Chromium, runs every browser test with web-test-runner, then the node tests
// (the demo end to end, the contact server).
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { chromiumVersion, ensureChromium } from './browser.mjs';

let chrome;
try {
  chrome = ensureChromium();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
console.log(`Testing in ${chromiumVersion(chrome)} (${chrome})`);

const runner = spawn('npx', ['--no-install', 'web-test-runner', ...process.argv.slice(2)], {
  stdio: ['inherit', 'pipe', 'inherit'],
  env: { ...process.env, CHROME_PATH: chrome },
});
// web-test-runner reports its count on a progress line; repeat the last one plainly at the end.
let last = '';
runner.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const counts = [...String(chunk).matchAll(/(\d+) passed, (\d+) failed/g)].pop();
  if (counts) last = `${counts[1]} passed, ${counts[2]} failed`;
});
runner.on('close', (code) => {
  if (code !== 0 || process.argv.length > 2) return finish(code, last);
  // Then the demo page end to end (tests/e2e) and the contact server (tests/server), with node's own test runner.
  const files = [
    ...readdirSync('tests/e2e').filter((f) => f.endsWith('.e2e.mjs')).map((f) => `tests/e2e/${f}`),
    ...readdirSync('tests/server').filter((f) => f.endsWith('.test.mjs')).map((f) => `tests/server/${f}`),
  ];
  const e2e = spawn(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: ['inherit', 'pipe', 'inherit'], env: { ...process.env, CHROME_PATH: chrome } });
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
    const [passed, failed] = last.split(/ passed, | failed/).map(Number);
    finish(e2eCode === 0 ? 0 : 1, `${passed + e2eCounts[0]} passed, ${failed + e2eCounts[1]} failed`);
  });
});

function finish(code, counts) {
  if (counts) console.log(`\nTests: ${counts}`);
  process.exit(code ?? 1);
}
