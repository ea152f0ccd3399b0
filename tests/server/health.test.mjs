// GET /health says whether a message can be stored now, for a monitor or a load balancer: it writes, as a message
// does. The real condition: the server runs as its own process with a file-size limit (`ulimit -f`), so its
// SQLite journal cannot grow past it, just as on a full disk.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { setClock } from '../../server/clock.mjs';
import { post, server, tempDir, TODAY, valid } from './support.mjs';

setClock(TODAY);

const root = join(import.meta.dirname, '../..');

/**
 * `asskomm-widgets contact-server` on a free loopback port, its files limited to `kilobytes` each (bash's
 * `ulimit -f`); resolves with its base address. @param {import('node:test').TestContext} t @param {number} kilobytes
 */
async function limitedServer(t, kilobytes) {
  const env = { ...process.env, KPR_CONTACT_PORT: '0', KPR_CONTACT_HOST: '127.0.0.1', KPR_CONTACT_DB: join(tempDir(t), 'contact.sqlite'), KPR_CONTACT_RATE_LIMIT: 'off', KPR_CONTACT_LOG_LEVEL: 'fatal', KPR_NOW: TODAY };
  const child = spawn('bash', ['-c', `ulimit -f ${kilobytes} && exec "$0" "$@"`, process.execPath, 'bin/asskomm-widgets.mjs', 'contact-server'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  t.after(() => child.kill('SIGKILL'));
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /Contact endpoint: (http:\/\/[\d.:]+)\/messages/.exec(output);
      if (match) resolve(match[1]);
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${output}`)));
  });
}

/** @param {string} base */
const message = (base) =>
  fetch(`${base}/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }, body: JSON.stringify(valid()) });

test('/health answers 200 while messages can be stored, 503 once they cannot (the file may not grow)', { timeout: 30_000 }, async (t) => {
  const base = await limitedServer(t, 256);
  assert.deepEqual(await (await fetch(`${base}/health`)).json(), { ok: true });
  let stored = 0;
  let status = 201;
  for (let n = 0; n < 500 && status === 201; n++) {
    status = (await message(base)).status;
    if (status === 201) stored++;
  }
  assert.equal(status, 500, `${stored} messages stored and no failure: the limit did not bite`);
  assert.ok(stored > 0, 'the first messages fit');
  const health = await fetch(`${base}/health`);
  assert.equal(health.status, 503);
  const answer = await health.json();
  assert.equal(answer.ok, false);
  assert.equal(typeof answer.error, 'string');
  assert.equal((await message(base)).status, 500, 'and indeed no message can be stored');
});

test('/health writes nothing a message or the export would see', async (t) => {
  const app = await server(t, { token: 't' });
  for (let i = 0; i < 3; i++) assert.equal((await app.inject({ url: '/health' })).statusCode, 200);
  assert.equal((await post(app, valid())).statusCode, 201);
  assert.equal((await app.inject({ url: '/messages', headers: { authorization: 'Bearer t' } })).json().messages.length, 1);
});
