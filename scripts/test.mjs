// `npm test`: finds (or installs) Chromium, then runs every browser test with web-test-runner.
import { spawn } from 'node:child_process';
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
  if (last) console.log(`\nTests: ${last}`);
  process.exit(code ?? 1);
});
