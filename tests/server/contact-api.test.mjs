// The contact endpoint's HTTP contract (docs/contact-api.md): for one town on /messages and for a host of many towns
// on /towns/bannewitz/messages, each on a real SQLite file in a temp folder and on a PostgreSQL database of the
// tests' own; then what only a host of many towns has (its towns kept apart), on both stores.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, describe, mock, test } from 'node:test';
import { bearerMatches, tokenHash } from '../../server/auth.mjs';
import { setClock } from '../../server/clock.mjs';
import { buildContactServer } from '../../server/contact-server.mjs';
import { toCsv } from '../../server/csv.mjs';
import { postgresMissing, startPostgres } from '../support/postgres.mjs';
import { at, rowCount, server, TODAY, valid } from './support.mjs';

setClock(TODAY);

// PostgreSQL: a throwaway cluster (tests/support/postgres.mjs), one new database per test; where PostgreSQL is
// not installed its tests are skipped, saying what to install (under CI=true that fails instead).
const postgresIsMissing = postgresMissing();
if (postgresIsMissing) console.log(`# ${postgresIsMissing}`);
// No fsync: these tests are about the HTTP contract, not about surviving a power cut (the crash and store tests
// are), and each test's new database is then quick to make.
const cluster = postgresIsMissing ? undefined : startPostgres({ settings: { fsync: 'off' } });
after(() => cluster?.stop());

/** The two stores, and the options that put a test's server on a fresh one of them. */
const STORES = [
  { store: 'SQLite', storeOptions: async () => ({}), skip: undefined },
  { store: 'PostgreSQL', storeOptions: async () => ({ databaseUrl: await /** @type {NonNullable<typeof cluster>} */ (cluster).createDatabase() }), skip: postgresIsMissing },
];

/** Messages in the store, counted directly. @param {import('fastify').FastifyInstance} app */
async function countRows(app) {
  const { store } = /** @type {any} */ (app).contact;
  return store.kind === 'postgres' ? (await store.pool.query('SELECT count(*)::int AS n FROM messages')).rows[0].n : rowCount(app);
}

/** Replaces the messages table by one no message fits. @param {import('fastify').FastifyInstance} app */
async function breakStore(app) {
  const { store } = /** @type {any} */ (app).contact;
  const sql = 'DROP TABLE messages; CREATE TABLE messages (id INTEGER PRIMARY KEY, idempotency_key TEXT)';
  if (store.kind === 'postgres') await store.pool.query(sql);
  else store.db.exec(sql);
}

/**
 * A host for many towns serving Bannewitz (with the options a test gives for the one town) and Freital beside it,
 * so that everything the contract says of Bannewitz holds with another town on the same host.
 * @param {import('node:test').TestContext} t
 * @param {import('../../server/config.mjs').ContactServerOptions} [options]
 */
function townsServer(t, { token, origins, mailTo, retentionDays, ...host } = {}) {
  return server(t, {
    ...host,
    ...(retentionDays !== undefined ? { retentionDays } : {}),
    towns: [
      { id: 'bannewitz', name: 'Gemeinde Bannewitz', origins: origins ?? [], ...(token ? { tokenHash: tokenHash(token) } : {}), ...(mailTo ? { mailTo } : {}) },
      { id: 'freital', name: 'Große Kreisstadt Freital', origins: ['https://www.freital.de'], tokenHash: tokenHash('token-of-freital') },
    ],
  });
}

/**
 * The two ways to run the endpoint; `path` turns a route of the contract into Bannewitz's on that setup.
 */
const WAYS = [
  { name: 'one town', server, path: (/** @type {string} */ route) => route, csvName: (/** @type {string} */ day) => `kpr-messages-${day}.csv` },
  { name: 'a host for many towns', server: townsServer, path: (/** @type {string} */ route) => `/towns/bannewitz${route}`, csvName: (/** @type {string} */ day) => `kpr-messages-bannewitz-${day}.csv` },
];

/** Each way on each store: every one passes the whole contract. */
const SETUPS = STORES.flatMap(({ store, storeOptions, skip }) =>
  WAYS.map((way) => ({
    ...way,
    name: `${way.name}, ${store}`,
    skip,
    /** @param {import('node:test').TestContext} t @param {import('../../server/config.mjs').ContactServerOptions} [options] */
    server: async (t, options = {}) => way.server(t, { ...(await storeOptions()), ...options }),
  })),
);

/** @param {typeof SETUPS[number]} setup */
function contract({ server, path, csvName }) {
  /**
   * POSTs a message to the setup's messages route.
   * @param {import('fastify').FastifyInstance} app @param {unknown} body @param {Record<string, string>} [headers]
   */
  const post = (app, body, headers = {}) =>
    app.inject({
      method: 'POST',
      url: path('/messages'),
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), ...headers },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });

  describe('POST /messages', () => {
    test('a valid message is stored and answered with 201 and a reference', async (t) => {
      const app = await server(t);
      const response = await post(app, valid());
      assert.equal(response.statusCode, 201);
      const { reference } = response.json();
      assert.match(reference, /^KPR-2026-[A-HJ-NP-Z2-9]{6}$/);
      const stored = await /** @type {any} */ (app).contact.store.get(reference);
      assert.equal(stored.receivedAt, '2026-11-24T09:00:00.000Z');
      assert.equal(stored.message, valid().message);
      assert.equal(stored.topic, 'graffiti');
      assert.equal(stored.spam, false);
      assert.equal(await countRows(app), 1);
    });

    test('a charset in the content type is fine', async (t) => {
      const app = await server(t);
      const response = await post(app, valid(), { 'content-type': 'application/json; charset=utf-8' });
      assert.equal(response.statusCode, 201);
    });

    test('a body that breaks the contract: 400 with problems, nothing stored', async (t) => {
      const app = await server(t);
      const response = await post(app, { message: '', consent: false, wantsAnswer: true, email: 'not an address', shoeSize: 44 });
      assert.equal(response.statusCode, 400);
      const body = response.json();
      assert.equal(typeof body.error, 'string');
      const paths = body.problems.map((/** @type {any} */ p) => p.path).sort();
      assert.deepEqual(paths, ['/consent', '/email', '/message', '/shoeSize']);
      for (const problem of body.problems) assert.equal(typeof problem.message, 'string');
      assert.equal(await countRows(app), 0);
    });

    test('wantsAnswer without e-mail or phone: one problem on /wantsAnswer', async (t) => {
      const app = await server(t);
      const response = await post(app, { ...valid(), wantsAnswer: true });
      assert.equal(response.statusCode, 400);
      assert.deepEqual(response.json().problems.map((/** @type {any} */ p) => p.path), ['/wantsAnswer']);
      assert.equal((await post(app, { ...valid(), wantsAnswer: true, phone: '+49 351 123456' })).statusCode, 201);
    });

    test('missing required fields and a non-object body', async (t) => {
      const app = await server(t);
      const missing = await post(app, {});
      assert.equal(missing.statusCode, 400);
      assert.deepEqual(missing.json().problems.map((/** @type {any} */ p) => p.path).sort(), ['/consent', '/message']);
      const array = await post(app, '[1, 2]');
      assert.equal(array.statusCode, 400);
      assert.deepEqual(array.json().problems, [{ path: '/', message: 'must be object' }]);
    });

    test('malformed JSON, an empty body and prototype poisoning: 400', async (t) => {
      const app = await server(t);
      for (const payload of ['{"message": "Hallo", ', '', '{"__proto__": {"admin": true}, "message": "x", "consent": true}']) {
        const response = await post(app, payload);
        assert.equal(response.statusCode, 400, payload);
        assert.ok(Array.isArray(response.json().problems));
      }
      assert.equal(await countRows(app), 0);
    });

    test('over 32 KB: 413, nothing stored', async (t) => {
      const app = await server(t);
      const response = await post(app, { ...valid(), message: 'x'.repeat(33 * 1024) });
      assert.equal(response.statusCode, 413);
      assert.equal(await countRows(app), 0);
      // Just under the limit is parsed (and then fails the schema's maxLength, not the size check).
      const under = await post(app, { ...valid(), page: 'p'.repeat(31 * 1024) });
      assert.equal(under.statusCode, 400);
    });

    test('a content type other than JSON: 415', async (t) => {
      const app = await server(t);
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const response = await post(app, 'message=Hallo&consent=true', { 'content-type': type });
        assert.equal(response.statusCode, 415, type);
      }
      const none = await app.inject({ method: 'POST', url: path('/messages'), headers: { 'idempotency-key': crypto.randomUUID() }, payload: 'x' });
      assert.equal(none.statusCode, 415);
      assert.equal(await countRows(app), 0);
    });

    test('a missing or malformed Idempotency-Key: 400', async (t) => {
      const app = await server(t);
      assert.equal((await post(app, valid(), { 'idempotency-key': '' })).statusCode, 400);
      assert.equal((await post(app, valid(), { 'idempotency-key': 'twelve' })).statusCode, 400);
      assert.equal(await countRows(app), 0);
    });
  });

  describe('idempotency', () => {
    test('the same key again answers 200 with the first reference and stores one message', async (t) => {
      const app = await server(t);
      const key = crypto.randomUUID();
      const first = await post(app, valid(), { 'idempotency-key': key });
      assert.equal(first.statusCode, 201);
      const again = await post(app, valid(), { 'idempotency-key': key.toUpperCase() });
      assert.equal(again.statusCode, 200);
      assert.equal(again.json().reference, first.json().reference);
      assert.equal(await countRows(app), 1);
    });

    test('concurrent requests with one key give one message and one reference', async (t) => {
      const app = await server(t);
      const key = crypto.randomUUID();
      const answers = await Promise.all(Array.from({ length: 10 }, () => post(app, valid(), { 'idempotency-key': key })));
      assert.equal(answers.filter((a) => a.statusCode === 201).length, 1);
      assert.equal(new Set(answers.map((a) => a.json().reference)).size, 1);
      assert.equal(await countRows(app), 1);
    });
  });

  describe('spam', () => {
    test('honeypot and fill time: stored flagged, answered like others, out of the default export', async (t) => {
      const app = await server(t, { token: 'coordinator-token' });
      const honeypot = await post(app, { ...valid(), website: 'https://cheap.example' });
      const fast = await post(app, { ...valid(), fillMs: 900 });
      const person = await post(app, valid());
      for (const response of [honeypot, fast, person]) {
        assert.equal(response.statusCode, 201);
        assert.deepEqual(Object.keys(response.json()), ['reference']);
      }
      const store = /** @type {any} */ (app).contact.store;
      assert.equal((await store.get(honeypot.json().reference)).spamReason, 'honeypot');
      assert.equal((await store.get(fast.json().reference)).spamReason, 'too-fast');
      assert.equal((await store.get(person.json().reference)).spam, false);

      const auth = { authorization: 'Bearer coordinator-token' };
      const normal = (await app.inject({ url: path('/messages'), headers: auth })).json().messages;
      assert.deepEqual(normal.map((/** @type {any} */ m) => m.reference), [person.json().reference]);
      const all = (await app.inject({ url: path('/messages?include=spam'), headers: auth })).json().messages;
      assert.equal(all.length, 3);
      const csv = (await app.inject({ url: path('/messages.csv'), headers: auth })).body;
      assert.ok(csv.includes(person.json().reference));
      assert.ok(!csv.includes(fast.json().reference));
      const csvAll = (await app.inject({ url: path('/messages.csv?include=spam'), headers: auth })).body;
      assert.ok(csvAll.includes(fast.json().reference) && csvAll.includes('too-fast'));
    });
  });

  describe('the coordinator export', () => {
    test('no token configured: the export is off (404)', async (t) => {
      const app = await server(t);
      await post(app, valid());
      for (const url of [path('/messages'), path('/messages.csv')]) {
        const response = await app.inject({ url, headers: { authorization: 'Bearer anything' } });
        assert.equal(response.statusCode, 404);
        assert.ok(!response.body.includes('Graffiti'));
      }
    });

    test('without or with a wrong token: 401 and nothing listed; with the right one: newest first', async (t) => {
      const app = await server(t, { token: 's3cret-token-of-the-coordinator' });
      const older = await post(app, { ...valid(), message: 'Erste Nachricht' });
      at(t, '2026-11-24T10:05:00+01:00');
      const newer = await post(app, { ...valid(), message: 'Zweite Nachricht' });
      for (const authorization of [undefined, 'Bearer wrong', 'Bearer s3cret-token-of-the-coordinator-and-more', 'Basic czNjcmV0', 'Bearer ']) {
        for (const url of [path('/messages'), path('/messages.csv')]) {
          const response = await app.inject({ url, headers: authorization ? { authorization } : {} });
          assert.equal(response.statusCode, 401, `${url} ${authorization}`);
          assert.ok(!response.body.includes('Nachricht'));
          assert.match(String(response.headers['www-authenticate']), /^Bearer/);
        }
      }
      const response = await app.inject({ url: path('/messages'), headers: { authorization: 'Bearer s3cret-token-of-the-coordinator' } });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['cache-control'], 'no-store');
      const { messages } = response.json();
      assert.deepEqual(messages.map((/** @type {any} */ m) => m.reference), [newer.json().reference, older.json().reference]);
      assert.equal(messages[0].message, 'Zweite Nachricht');
    });

    test('CSV: header row, BOM, RFC 4180 quoting, formulas defused, UTF-8', async (t) => {
      const app = await server(t, { token: 'tok' });
      await post(app, { ...valid(), message: 'Zeile 1, mit Komma\nZeile 2 "zitiert" – Müll', name: '=HYPERLINK("http://x")', phone: '+49 351 1234' });
      const response = await app.inject({ url: path('/messages.csv'), headers: { authorization: 'Bearer tok' } });
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /^text\/csv; charset=utf-8/);
      assert.equal(response.headers['content-disposition'], `attachment; filename="${csvName('2026-11-24')}"`);
      const raw = response.rawPayload;
      assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const text = raw.subarray(3).toString('utf8');
      const [header] = text.split('\r\n');
      assert.equal(header, 'reference,received_at,topic,message,place,name,email,phone,wants_answer,language,page,spam,forwarded_at');
      assert.ok(text.includes('"Zeile 1, mit Komma\nZeile 2 ""zitiert"" – Müll"'));
      assert.ok(text.includes(`"'=HYPERLINK(""http://x"")"`));
      assert.ok(text.includes(",'+49 351 1234,"), 'phone numbers are guarded too; a spreadsheet shows +49 351 1234');
      assert.ok(text.endsWith('\r\n'));
      const semicolon = await app.inject({ url: path('/messages.csv?separator=semicolon'), headers: { authorization: 'Bearer tok' } });
      assert.ok(semicolon.body.includes('reference;received_at;'));
    });
  });

  describe('CORS', () => {
    const allowed = 'https://www.bannewitz.de';
    const denied = 'https://evil.example';

    test('an allowed origin gets CORS headers, and its preflight allows Idempotency-Key', async (t) => {
      const app = await server(t, { origins: [allowed, 'https://praevention.example'] });
      const preflight = await app.inject({ method: 'OPTIONS', url: path('/messages'), headers: { origin: allowed, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' } });
      assert.equal(preflight.statusCode, 204);
      assert.equal(preflight.headers['access-control-allow-origin'], allowed);
      assert.match(String(preflight.headers['access-control-allow-headers']), /Idempotency-Key/);
      assert.match(String(preflight.headers['access-control-allow-methods']), /POST/);
      const response = await post(app, valid(), { origin: allowed });
      assert.equal(response.statusCode, 201);
      assert.equal(response.headers['access-control-allow-origin'], allowed);
      assert.match(String(response.headers['access-control-expose-headers']), /Retry-After/);
      assert.equal(response.headers.vary, 'Origin');
      const challenge = await app.inject({ method: 'OPTIONS', url: path('/challenge'), headers: { origin: allowed, 'access-control-request-method': 'GET' } });
      assert.equal(challenge.statusCode, 204);
    });

    test('another origin gets no CORS headers, and its preflight is refused', async (t) => {
      const app = await server(t, { origins: [allowed] });
      const preflight = await app.inject({ method: 'OPTIONS', url: path('/messages'), headers: { origin: denied, 'access-control-request-method': 'POST' } });
      assert.equal(preflight.statusCode, 403);
      assert.equal(preflight.headers['access-control-allow-origin'], undefined);
      const response = await post(app, valid(), { origin: denied });
      assert.equal(response.headers['access-control-allow-origin'], undefined);
      assert.equal(response.headers['access-control-expose-headers'], undefined);
    });

    test('without configured origins, no origin gets CORS headers', async (t) => {
      const app = await server(t);
      const preflight = await app.inject({ method: 'OPTIONS', url: path('/messages'), headers: { origin: allowed, 'access-control-request-method': 'POST' } });
      assert.equal(preflight.statusCode, 403);
      assert.equal(preflight.headers['access-control-allow-origin'], undefined);
    });
  });

  describe('rate limit', () => {
    test('per client address, with Retry-After; a repeated key is still answered', async (t) => {
      const app = await server(t, { rateLimit: { max: 3, windowMs: 60_000 } });
      const from = (/** @type {string} */ address, /** @type {string} */ key = crypto.randomUUID()) =>
        app.inject({ method: 'POST', url: path('/messages'), remoteAddress: address, headers: { 'content-type': 'application/json', 'idempotency-key': key }, payload: JSON.stringify(valid()) });
      const key = crypto.randomUUID();
      const codes = [];
      codes.push((await from('192.0.2.1', key)).statusCode);
      for (let i = 0; i < 3; i++) codes.push((await from('192.0.2.1')).statusCode);
      assert.deepEqual(codes, [201, 201, 201, 429]);
      at(t, '2026-11-24T10:00:45+01:00');
      const limited = await from('192.0.2.1');
      assert.equal(limited.statusCode, 429);
      assert.equal(limited.headers['retry-after'], '15');
      assert.equal(typeof limited.json().error, 'string');
      // The first message's retry (its answer was lost) still gets its reference.
      assert.equal((await from('192.0.2.1', key)).statusCode, 200);
      // Another address is not affected.
      assert.equal((await from('192.0.2.2')).statusCode, 201);
      // Once the window (from the first message, 10:00) is over, the address may send again.
      at(t, '2026-11-24T10:01:00+01:00');
      assert.equal((await from('192.0.2.1')).statusCode, 201);
      assert.equal(await countRows(app), 5);
    });

    test('it counts accepted messages: refused requests (400, 415) do not use it up', async (t) => {
      const app = await server(t, { rateLimit: { max: 2, windowMs: 600_000 } });
      const from = (/** @type {string} */ payload, /** @type {string} */ type = 'application/json') =>
        app.inject({ method: 'POST', url: path('/messages'), remoteAddress: '192.0.2.1', headers: { 'content-type': type, 'idempotency-key': crypto.randomUUID() }, payload });
      const refused = [
        await from(JSON.stringify({ ...valid(), consent: false })),
        await from(JSON.stringify({ ...valid(), name: 'Anna\nReferenz: KPR-2026-FAKE00' })),
        await from('{"message": '),
        await from(JSON.stringify(valid()), 'text/plain'),
      ];
      assert.deepEqual(refused.map((r) => r.statusCode), [400, 400, 400, 415]);
      const accepted = [await from(JSON.stringify(valid())), await from(JSON.stringify(valid())), await from(JSON.stringify(valid()))];
      assert.deepEqual(accepted.map((r) => r.statusCode), [201, 201, 429]);
      assert.equal(accepted[2].headers['retry-after'], '600');
      assert.equal(await countRows(app), 2);
    });

    test('behind a trusted proxy the forwarded address counts', async (t) => {
      const app = await server(t, { rateLimit: { max: 1, windowMs: 60_000 }, trustProxy: '127.0.0.1' });
      const via = (/** @type {string} */ client) => post(app, valid(), { 'x-forwarded-for': client });
      assert.equal((await via('198.51.100.1')).statusCode, 201);
      assert.equal((await via('198.51.100.2')).statusCode, 201);
      assert.equal((await via('198.51.100.1')).statusCode, 429);
    });
  });

  describe('other routes', () => {
    test('GET /challenge without an ALTCHA key: 404; /health: 200; unknown: 404 JSON', async (t) => {
      const app = await server(t);
      assert.equal((await app.inject({ url: path('/challenge') })).statusCode, 404);
      assert.deepEqual((await app.inject({ url: '/health' })).json(), { ok: true });
      const unknown = await app.inject({ url: '/nothing' });
      assert.equal(unknown.statusCode, 404);
      assert.equal(typeof unknown.json().error, 'string');
    });

    test('a store that fails: 500, the only 5xx', async (t) => {
      const app = await server(t);
      await breakStore(app);
      const response = await post(app, valid());
      assert.equal(response.statusCode, 500);
      assert.equal(typeof response.json().error, 'string');
    });
  });
}

for (const setup of SETUPS) describe(`the contract, ${setup.name}`, setup.skip ? { skip: setup.skip } : {}, () => contract(setup));

describe('the export token', () => {
  test('the token is compared with crypto.timingSafeEqual on equal-length digests', (t) => {
    const spy = mock.method(crypto, 'timingSafeEqual');
    t.after(() => spy.mock.restore());
    assert.equal(bearerMatches('Bearer right', 'right'), true);
    assert.equal(bearerMatches('Bearer wrong-and-much-longer', 'right'), false);
    assert.equal(bearerMatches(undefined, 'right'), false);
    assert.equal(spy.mock.callCount(), 3);
    for (const call of spy.mock.calls) {
      const [a, b] = /** @type {[Buffer, Buffer]} */ (call.arguments);
      assert.equal(a.length, 32);
      assert.equal(b.length, 32);
    }
  });

  test('toCsv of nothing is the header row', () => {
    assert.equal(toCsv([]).split('\r\n').filter(Boolean).length, 1);
  });
});

/** @param {typeof STORES[number]} store */
function townsKeptApart({ storeOptions }) {
  const bannewitz = { origin: 'https://www.bannewitz.de', token: 'token-of-bannewitz' };
  /** @param {import('node:test').TestContext} t @param {import('../../server/config.mjs').ContactServerOptions} [options] */
  const host = async (t, options = {}) => townsServer(t, { ...(await storeOptions()), origins: [bannewitz.origin], token: bannewitz.token, ...options });
  /** @param {import('fastify').FastifyInstance} app @param {string} town @param {Record<string, any>} body @param {Record<string, string>} [headers] */
  const postTo = (app, town, body, headers = {}) =>
    app.inject({ method: 'POST', url: `/towns/${town}/messages`, headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), ...headers }, payload: JSON.stringify(body) });
  /** @param {import('fastify').FastifyInstance} app @param {string} url @param {string} [token] */
  const exportOf = (app, url, token) => app.inject({ url, headers: token ? { authorization: `Bearer ${token}` } : {} });

  test("each town's messages are stored as that town's; one Idempotency-Key in two towns is two messages", async (t) => {
    const app = await host(t);
    const key = crypto.randomUUID();
    const inBannewitz = await postTo(app, 'bannewitz', { ...valid(), message: 'Laterne in Bannewitz aus' }, { 'idempotency-key': key });
    const inFreital = await postTo(app, 'freital', { ...valid(), message: 'Graffiti in Freital' }, { 'idempotency-key': key });
    assert.deepEqual([inBannewitz.statusCode, inFreital.statusCode], [201, 201]);
    assert.notEqual(inBannewitz.json().reference, inFreital.json().reference);
    const store = /** @type {any} */ (app).contact.store;
    assert.equal((await store.get(inBannewitz.json().reference)).town, 'bannewitz');
    assert.equal((await store.get(inFreital.json().reference)).town, 'freital');
    // The key's retry in Bannewitz gets Bannewitz's reference.
    const again = await postTo(app, 'bannewitz', { ...valid(), message: 'Laterne in Bannewitz aus' }, { 'idempotency-key': key });
    assert.deepEqual([again.statusCode, again.json().reference], [200, inBannewitz.json().reference]);
    assert.equal(await countRows(app), 2);
  });

  test("a town's token reads its own messages only: 401 on the other town's export, JSON and CSV, both ways", async (t) => {
    const app = await host(t);
    const inBannewitz = (await postTo(app, 'bannewitz', { ...valid(), message: 'Laterne in Bannewitz aus' })).json().reference;
    const spamInBannewitz = (await postTo(app, 'bannewitz', { ...valid(), message: 'Spam in Bannewitz', website: 'x' })).json().reference;
    const inFreital = (await postTo(app, 'freital', { ...valid(), message: 'Graffiti in Freital' })).json().reference;

    for (const [town, foreignToken, foreignText] of [['freital', bannewitz.token, 'Freital'], ['bannewitz', 'token-of-freital', 'Bannewitz']]) {
      for (const route of ['/messages', '/messages.csv', '/messages?include=spam', '/messages.csv?include=spam']) {
        const response = await exportOf(app, `/towns/${town}${route}`, foreignToken);
        assert.equal(response.statusCode, 401, `${town}${route} with the other town's token`);
        assert.match(String(response.headers['www-authenticate']), /^Bearer/);
        assert.ok(!response.body.includes(foreignText) && !response.body.includes('KPR-'), response.body);
      }
    }
    const references = async (/** @type {string} */ url, /** @type {string} */ token) => (await exportOf(app, url, token)).json().messages.map((/** @type {any} */ m) => m.reference).sort();
    assert.deepEqual(await references('/towns/bannewitz/messages?include=spam', bannewitz.token), [inBannewitz, spamInBannewitz].sort());
    assert.deepEqual(await references('/towns/freital/messages?include=spam', 'token-of-freital'), [inFreital]);
    const csv = (await exportOf(app, '/towns/freital/messages.csv?include=spam', 'token-of-freital')).body;
    assert.ok(csv.includes(inFreital) && !csv.includes(inBannewitz) && !csv.includes(spamInBannewitz), csv);
  });

  test('a town without a tokenHash has its export off (404); the others are unaffected', async (t) => {
    const app = await townsServer(t, { ...(await storeOptions()), token: bannewitz.token });
    const dresden = await server(t, { ...(await storeOptions()), towns: [{ id: 'dresden', name: 'Dresden', origins: [] }] });
    for (const url of ['/towns/dresden/messages', '/towns/dresden/messages.csv']) {
      const response = await exportOf(dresden, url, bannewitz.token);
      assert.equal(response.statusCode, 404);
      assert.match(response.json().error, /no tokenHash/);
    }
    assert.equal((await exportOf(app, '/towns/bannewitz/messages', bannewitz.token)).statusCode, 200);
  });

  test("CORS per town: a town's origin may call its own paths, not another town's", async (t) => {
    const app = await host(t);
    const preflight = (/** @type {string} */ town, /** @type {string} */ origin, /** @type {string} */ route = 'messages') =>
      app.inject({ method: 'OPTIONS', url: `/towns/${town}/${route}`, headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' } });
    const own = await preflight('bannewitz', bannewitz.origin);
    assert.equal(own.statusCode, 204);
    assert.equal(own.headers['access-control-allow-origin'], bannewitz.origin);
    assert.equal((await preflight('bannewitz', bannewitz.origin, 'challenge')).statusCode, 204);
    const foreign = await preflight('freital', bannewitz.origin);
    assert.equal(foreign.statusCode, 403);
    assert.equal(foreign.headers['access-control-allow-origin'], undefined);
    assert.equal((await preflight('freital', 'https://www.freital.de')).statusCode, 204);
    assert.equal((await preflight('bannewitz', 'https://www.freital.de')).statusCode, 403);

    const posted = await postTo(app, 'freital', valid(), { origin: bannewitz.origin });
    assert.equal(posted.headers['access-control-allow-origin'], undefined, "Bannewitz's page cannot read Freital's answer");
    assert.equal((await postTo(app, 'bannewitz', valid(), { origin: bannewitz.origin })).headers['access-control-allow-origin'], bannewitz.origin);
  });

  test('an unknown town: 404 for every route, naming no town of the host; nothing stored', async (t) => {
    const app = await host(t);
    const answers = [
      await postTo(app, 'dresden', valid()),
      await postTo(app, 'Bannewitz', valid()),
      await exportOf(app, '/towns/dresden/messages', bannewitz.token),
      await exportOf(app, '/towns/dresden/messages.csv', bannewitz.token),
      await app.inject({ url: '/towns/dresden/challenge' }),
      await app.inject({ method: 'OPTIONS', url: '/towns/dresden/messages', headers: { origin: bannewitz.origin, 'access-control-request-method': 'POST' } }),
      // The single town's paths are not served beside the towns'.
      await app.inject({ method: 'POST', url: '/messages', headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }, payload: JSON.stringify(valid()) }),
      await exportOf(app, '/messages', bannewitz.token),
      await app.inject({ url: '/towns' }),
      await app.inject({ url: '/towns/' }),
    ];
    for (const answer of answers) {
      assert.equal(answer.statusCode, 404, answer.body);
      assert.equal(typeof answer.json().error, 'string');
      assert.ok(!/bannewitz|freital/i.test(answer.body), answer.body);
      assert.equal(answer.headers['access-control-allow-origin'], undefined);
    }
    assert.equal(await countRows(app), 0);
    assert.deepEqual((await app.inject({ url: '/health' })).json(), { ok: true });
  });

  test('the rate limit is per town and address: a full window in one town leaves the other town open', async (t) => {
    const app = await host(t, { rateLimit: { max: 1, windowMs: 60_000 } });
    const from = (/** @type {string} */ town) =>
      app.inject({ method: 'POST', url: `/towns/${town}/messages`, remoteAddress: '192.0.2.1', headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }, payload: JSON.stringify(valid()) });
    assert.deepEqual([(await from('bannewitz')).statusCode, (await from('bannewitz')).statusCode, (await from('freital')).statusCode, (await from('freital')).statusCode], [201, 429, 201, 429]);
  });
}

for (const store of STORES) describe(`a host for many towns keeps its towns apart, ${store.store}`, store.skip ? { skip: store.skip } : {}, () => townsKeptApart(store));

describe("a host for many towns beside a single town's settings", () => {
  test("beside towns, a single town's settings are refused with the reason", () => {
    for (const [option, field] of /** @type {const} */ ([[{ token: 'x' }, 'tokenHash'], [{ origins: ['https://www.bannewitz.de'] }, 'origins'], [{ mailTo: 'kpr@bannewitz.de' }, 'mailTo']])) {
      assert.throws(() => buildContactServer({ dbPath: ':memory:', towns: [{ id: 'bannewitz', name: 'Bannewitz', origins: [] }], ...option }), {
        message: `the option ${Object.keys(option)[0]} is for a single town; with towns, each town's "${field}" is in its entry of the towns file`,
      });
    }
  });
});
