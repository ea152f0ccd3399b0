// `npm start` runs the contact endpoint beside the demo and proxies /api/contact/* to it, so the form posts to
// its own origin (CSP `connect-src 'self'`). Here: a challenge, a solved message, and the coordinator's export,
// all through the demo's origin.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { solveChallenge } from 'altcha-lib/v1';

const dir = mkdtempSync(join(tmpdir(), 'kpr-start-'));
let server;
let origin;

before(async () => {
  server = spawn('node', ['scripts/start.mjs'], {
    env: { ...process.env, PORT: '0', KPR_CONTACT_DB: join(dir, 'contact.sqlite'), KPR_CONTACT_TOKEN: 'e2e-token', KPR_CONTACT_ALTCHA_KEY: 'e2e-altcha-key', KPR_CONTACT_ALTCHA_MAX_NUMBER: '5000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  origin = await new Promise((resolve, reject) => {
    let output = '';
    server.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /Demo: (http:\/\/[\d.:]+)\//.exec(output);
      if (match) resolve(match[1]);
    });
    server.on('exit', (code) => reject(new Error(`npm start exited with ${code}: ${output}`)));
  });
});

after(() => {
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

test('a message posted to /api/contact/messages on the demo origin is stored and exported', async () => {
  const challenge = await (await fetch(`${origin}/api/contact/challenge`)).json();
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
  assert.ok(solution);
  const altcha = Buffer.from(JSON.stringify({ algorithm: challenge.algorithm, challenge: challenge.challenge, number: solution.number, salt: challenge.salt, signature: challenge.signature })).toString('base64');
  const response = await fetch(`${origin}/api/contact/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), Origin: origin },
    body: JSON.stringify({ message: 'Die Laterne am Spielplatz ist aus.', consent: true, fillMs: 8000, altcha }),
  });
  assert.equal(response.status, 201);
  const { reference } = await response.json();
  assert.match(reference, /^KPR-\d{4}-\w{6}$/);

  const denied = await fetch(`${origin}/api/contact/messages`);
  assert.equal(denied.status, 401);
  const { messages } = await (await fetch(`${origin}/api/contact/messages`, { headers: { Authorization: 'Bearer e2e-token' } })).json();
  assert.deepEqual(messages.map((/** @type {any} */ m) => m.reference), [reference]);
});
