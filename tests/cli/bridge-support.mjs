// Helpers for the feed bridge's tests: a temporary folder with a configuration, a local HTTP server whose answers
// a test can change between runs, the bridge itself as the command line runs it (dist/cli/bridge.js), and the
// shared feed validator to check what it wrote.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { root, tempDir } from '../support/node.mjs';

export { root };
export const fixture = (path) => join(root, 'tests/fixtures', path);

export async function loadBridge() {
  return import(join(root, 'dist/cli/bridge.js'));
}

/** A temporary folder for one test, removed afterwards. */
export async function workspace(t) {
  return tempDir(t, 'kpr-bridge-');
}

/** Runs the bridge on `config` (written into `dir`), with the lines it prints. */
export async function bridge(dir, config, now) {
  const { runBridgeConfig } = await loadBridge();
  const configPath = join(dir, 'bridge.config.json');
  await writeFile(configPath, typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  const lines = [];
  const code = await runBridgeConfig({ configPath, now: new Date(now), version: 'test', log: (line) => lines.push(line) });
  return { code, lines, output: lines.join('\n') };
}

export async function readFeed(dir, out) {
  return JSON.parse(await readFile(join(dir, out), 'utf8'));
}

/**
 * A local server: `routes` maps a path to a file (its text is served), a function (request → [status, body]) or a
 * status number. `requests` lists every request with its headers.
 */
export async function serve(t, routes) {
  const requests = [];
  const server = createServer(async (request, response) => {
    requests.push({ url: request.url, headers: request.headers });
    let route = routes[request.url];
    if (typeof route === 'function') route = route(request);
    if (typeof route === 'number') {
      response.writeHead(route).end('Fehler');
    } else if (Array.isArray(route)) {
      response.writeHead(route[0]).end(route[1]);
    } else if (typeof route === 'string') {
      response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(await readFile(route));
    } else {
      response.writeHead(404).end('nicht gefunden');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => server.close(resolve)));
  return { base: `http://127.0.0.1:${server.address().port}`, requests };
}

const WIDGETS = { news: 'news-feed', events: 'event-calendar' };

/** Checks a written feed with the shared validator (`asskomm-widgets validate`): everything in it must show in its widget. */
export async function assertValidFeed(path, kind) {
  const { runValidate } = await import(join(root, 'dist/cli/validate.js'));
  const out = [];
  const code = await runValidate(['--json', '--widget', WIDGETS[kind], path], { out: (text) => out.push(text), err: (text) => out.push(text), color: false });
  const result = JSON.parse(out.join('\n'));
  const [report] = result.reports;
  const errors = report.problems.filter((problem) => problem.severity === 'error');
  assert.deepEqual(errors, [], `${path} would not show completely`);
  assert.equal(code, 0);
  assert.equal(report.shown, report.items);
  return report;
}
