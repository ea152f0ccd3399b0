// `npm start` runs the contact endpoint beside the demo and proxies /api/contact/* to it, so the form posts to
// its own origin (CSP `connect-src 'self'`). Here: a challenge, a solved message, and the coordinator's export,
// all through the demo's origin.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { solveChallenge } from 'altcha-lib/v1';
import { startDemo } from '../../scripts/processes.mjs';

const dir = mkdtempSync(join(tmpdir(), 'kpr-start-'));
let server;
let origin;

before(async () => {
  ({ child: server, url: origin } = await startDemo({ KPR_CONTACT_DB: join(dir, 'contact.sqlite'), KPR_CONTACT_TOKEN: 'e2e-token', KPR_CONTACT_ALTCHA_KEY: 'e2e-altcha-key', KPR_CONTACT_ALTCHA_MAX_NUMBER: '5000' }));
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
