// Behind the town's reverse proxy (KPR_CONTACT_TRUST_PROXY): the rate limit must count residents, not the proxy,
// and must never believe what a client writes into X-Forwarded-For itself.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setClock } from '../../server/clock.mjs';
import { optionsFromEnv } from '../../server/config.mjs';
import { buildContactServer } from '../../server/contact-server.mjs';
import { startContactServer } from '../../scripts/processes.mjs';
import { server, TODAY, valid } from './support.mjs';

setClock(TODAY);

/**
 * A message as it arrives through proxies that append the address they see to X-Forwarded-For (nginx's
 * `$proxy_add_x_forwarded_for`): `forwarded` is the header as it reaches the endpoint, from the proxy at `proxy`.
 * @param {import('fastify').FastifyInstance} app @param {string} forwarded @param {string} [proxy]
 */
const through = (app, forwarded, proxy = '127.0.0.1') =>
  app.inject({
    method: 'POST',
    url: '/messages',
    remoteAddress: proxy,
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), 'x-forwarded-for': forwarded },
    payload: JSON.stringify(valid()),
  });

test('KPR_CONTACT_TRUST_PROXY=1: behind one appending proxy each resident has their own bucket', async (t) => {
  const { trustProxy } = optionsFromEnv({ KPR_CONTACT_TRUST_PROXY: '1' });
  const app = await server(t, { rateLimit: { max: 1, windowMs: 60_000 }, trustProxy });
  assert.equal((await through(app, '198.51.100.1')).statusCode, 201);
  assert.equal((await through(app, '198.51.100.2')).statusCode, 201, 'a second resident is not blocked by the first');
  assert.equal((await through(app, '198.51.100.1')).statusCode, 429);
  // What the client wrote itself stands left of what the proxy appended: rotating it changes nothing.
  assert.equal((await through(app, '203.0.113.7, 198.51.100.1')).statusCode, 429);
  assert.equal((await through(app, '203.0.113.8, 198.51.100.1')).statusCode, 429);
});

test('KPR_CONTACT_TRUST_PROXY=2: a CDN and the town\'s proxy, the resident is the address the CDN saw', async (t) => {
  const { trustProxy } = optionsFromEnv({ KPR_CONTACT_TRUST_PROXY: '2' });
  const app = await server(t, { rateLimit: { max: 1, windowMs: 60_000 }, trustProxy });
  assert.equal((await through(app, '198.51.100.1, 192.0.2.50')).statusCode, 201);
  assert.equal((await through(app, '198.51.100.2, 192.0.2.50')).statusCode, 201);
  assert.equal((await through(app, '203.0.113.7, 198.51.100.1, 192.0.2.50')).statusCode, 429);
});

test('the proxy\'s address: a client\'s own X-Forwarded-For entries are not believed', async (t) => {
  const { trustProxy } = optionsFromEnv({ KPR_CONTACT_TRUST_PROXY: '127.0.0.1, ::1' });
  const app = await server(t, { rateLimit: { max: 1, windowMs: 60_000 }, trustProxy });
  assert.equal((await through(app, '198.51.100.1')).statusCode, 201);
  assert.equal((await through(app, '203.0.113.7, 198.51.100.1')).statusCode, 429);
  assert.equal((await through(app, '198.51.100.2', '::1')).statusCode, 201);
  // Not from the proxy: the header is the client's own and the socket's address counts.
  assert.equal((await through(app, '198.51.100.3', '192.0.2.1')).statusCode, 201);
  assert.equal((await through(app, '198.51.100.4', '192.0.2.1')).statusCode, 429);
});

test('KPR_CONTACT_TRUST_PROXY=true is refused at start-up, naming the safe settings', async () => {
  const refusal = /KPR_CONTACT_TRUST_PROXY.*client writes.*proxy's address.*number of proxies/s;
  assert.throws(() => buildContactServer({ ...optionsFromEnv({ KPR_CONTACT_TRUST_PROXY: 'true' }), dbPath: ':memory:' }), refusal);
  assert.throws(() => buildContactServer({ dbPath: ':memory:', trustProxy: true }), refusal);
  await assert.rejects(startContactServer({ KPR_CONTACT_TRUST_PROXY: 'true', KPR_CONTACT_DB: ':memory:' }, 'pipe'), refusal);
});

test('off, 0 and false trust no proxy', async (t) => {
  for (const value of ['', 'off', 'false', '0']) {
    const { trustProxy } = optionsFromEnv({ KPR_CONTACT_TRUST_PROXY: value });
    const app = await server(t, { rateLimit: { max: 1, windowMs: 60_000 }, trustProxy });
    assert.equal((await through(app, '198.51.100.1')).statusCode, 201, value);
    assert.equal((await through(app, '198.51.100.2')).statusCode, 429, value);
  }
});
