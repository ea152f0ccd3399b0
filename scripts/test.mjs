// `npm test`: finds (or installs) Chromium, then runs every browser test with web-test-runner.
import { spawnSync } from 'node:child_process';
import { chromiumVersion, ensureChromium } from './browser.mjs';

let chrome;
try {
  chrome = ensureChromium();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
console.log(`Testing in ${chromiumVersion(chrome)} (${chrome})`);
const result = spawnSync('npx', ['--no-install', 'web-test-runner', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROME_PATH: chrome },
});
process.exit(result.status ?? 1);
