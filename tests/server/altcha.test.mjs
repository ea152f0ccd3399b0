// ALTCHA (optional): GET /challenge issues a signed challenge; a message must carry its solution, and each
// solved challenge is accepted once (remembered in SQLite until it expires, so a restart does not forget).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { solveChallenge } from 'altcha-lib/v1';
import { setClock } from '../../server/clock.mjs';
import { buildContactServer } from '../../server/contact-server.mjs';
import { at, post, rowCount, server, TODAY, valid } from './support.mjs';

setClock(TODAY);

const hmacKey = 'a-long-random-key-for-the-tests';

/**
 * Fetches a challenge and solves it as the widget would: the `altcha` field.
 * @param {import('fastify').FastifyInstance} app
 * @param {(challenge: any) => void} [inspect] sees the challenge as the widget gets it
 */
async function solved(app, inspect) {
  const response = await app.inject({ url: '/challenge' });
  assert.equal(response.statusCode, 200);
  assert.equal(response.headers['cache-control'], 'no-store');
  const challenge = response.json();
  inspect?.(challenge);
  assert.equal(challenge.algorithm, 'SHA-256');
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
  assert.ok(solution);
  const { algorithm, salt, signature } = challenge;
  return Buffer.from(JSON.stringify({ algorithm, challenge: challenge.challenge, number: solution.number, salt, signature })).toString('base64');
}

test('a solved challenge is accepted once; a second message with it is refused', async (t) => {
  const app = await server(t, { altchaKey: hmacKey, altchaMaxNumber: 2000 });
  const altcha = await solved(app);
  const first = await post(app, { ...valid(), altcha });
  assert.equal(first.statusCode, 201);
  const reuse = await post(app, { ...valid(), altcha });
  assert.equal(reuse.statusCode, 400);
  assert.deepEqual(reuse.json().problems.map((/** @type {any} */ p) => p.path), ['/altcha']);
  assert.equal(rowCount(app), 1);
  // A new challenge works.
  assert.equal((await post(app, { ...valid(), altcha: await solved(app) })).statusCode, 201);
});

test('the retry of a message (same Idempotency-Key, same solution) gets the first reference', async (t) => {
  const app = await server(t, { altchaKey: hmacKey, altchaMaxNumber: 2000 });
  const altcha = await solved(app);
  const key = crypto.randomUUID();
  const first = await post(app, { ...valid(), altcha }, { 'idempotency-key': key });
  const retry = await post(app, { ...valid(), altcha }, { 'idempotency-key': key });
  assert.equal(retry.statusCode, 200);
  assert.equal(retry.json().reference, first.json().reference);
});

test('without a solution, with a wrong one, or one signed with another key: 400 on /altcha', async (t) => {
  const app = await server(t, { altchaKey: hmacKey, altchaMaxNumber: 2000 });
  const other = await server(t, { altchaKey: 'another-key', altchaMaxNumber: 2000 });
  const good = JSON.parse(Buffer.from(await solved(app), 'base64').toString());
  const wrongNumber = Buffer.from(JSON.stringify({ ...good, number: good.number + 1 })).toString('base64');
  for (const altcha of [undefined, 'not base64 json', wrongNumber, await solved(other)]) {
    const response = await post(app, altcha === undefined ? valid() : { ...valid(), altcha });
    assert.equal(response.statusCode, 400, String(altcha));
    assert.deepEqual(response.json().problems.map((/** @type {any} */ p) => p.path), ['/altcha']);
  }
  assert.equal(rowCount(app), 0);
});

test('used challenges are remembered across a restart', async (t) => {
  const app = await server(t, { altchaKey: hmacKey, altchaMaxNumber: 2000 });
  const altcha = await solved(app);
  assert.equal((await post(app, { ...valid(), altcha })).statusCode, 201);
  const dbPath = /** @type {any} */ (app).contact.store.db.name;
  await app.close();
  const again = buildContactServer({ dbPath, altchaKey: hmacKey, rateLimit: false });
  t.after(() => again.close());
  await again.ready();
  assert.equal((await post(again, { ...valid(), altcha })).statusCode, 400);
});

test('a solution is accepted until its challenge expires (10 minutes), and refused after, whatever the real date', async (t) => {
  const app = await server(t, { altchaKey: hmacKey, altchaMaxNumber: 2000 });
  at(t, '2026-11-24T10:00:00+01:00');
  const expires = (/** @type {any} */ challenge) => new URLSearchParams(challenge.salt.split('?')[1]).get('expires');
  const inTime = await solved(app, (challenge) => assert.equal(expires(challenge), String(Date.parse('2026-11-24T10:10:00+01:00') / 1000)));
  const late = await solved(app);
  at(t, '2026-11-24T10:10:00+01:00');
  assert.equal((await post(app, { ...valid(), altcha: inTime })).statusCode, 201);
  at(t, '2026-11-24T10:10:01+01:00');
  const refused = await post(app, { ...valid(), altcha: late });
  assert.equal(refused.statusCode, 400);
  assert.deepEqual(refused.json().problems, [{ path: '/altcha', message: 'has expired: fetch a new challenge' }]);
  assert.equal(rowCount(app), 1);
});

test('a message without a valid solution does not use up the rate limit', async (t) => {
  const app = await server(t, { altchaKey: hmacKey, altchaMaxNumber: 2000, rateLimit: { max: 1, windowMs: 600_000 } });
  const from = (/** @type {Record<string, unknown>} */ body) =>
    app.inject({ method: 'POST', url: '/messages', remoteAddress: '192.0.2.1', headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }, payload: JSON.stringify(body) });
  assert.equal((await from(valid())).statusCode, 400, 'no solution');
  assert.equal((await from({ ...valid(), altcha: 'bm90IGEgc29sdXRpb24=' })).statusCode, 400, 'a wrong one');
  const altcha = await solved(app);
  assert.equal((await from({ ...valid(), altcha })).statusCode, 201);
  assert.equal((await from({ ...valid(), altcha })).statusCode, 429, 'the limit, not the reused solution, answers');
  assert.equal(rowCount(app), 1);
});
