// The feed routes (server/feed-routes.mjs, docs/contact-api.md "Published feeds") on a host of two towns: publish
// with the town's token only, validated by the validator of `asskomm-widgets validate` (422 with its codes and
// paths), If-Match (412, 428), the public feed with its ETag (304), Cache-Control and CORS for the town's origins,
// versions and restore; the token never in the log; and no feed routes without a towns file.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { test } from 'node:test';
import { tokenHash } from '../../server/auth.mjs';
import { setClock } from '../../server/clock.mjs';
import { optionsFromEnv } from '../../server/config.mjs';
import { FEED_CACHE_CONTROL } from '../../server/feed-routes.mjs';
import { openFeedStore } from '../../server/feed-store.mjs';
import { server, tempDir, TODAY } from './support.mjs';

// The server's clock, which the validator is given too.
setClock(TODAY);

const BANNEWITZ_TOKEN = 'a'.repeat(64);
const FREITAL_TOKEN = 'f'.repeat(64);
const towns = () => [
  { id: 'bannewitz', name: 'Gemeinde Bannewitz', origins: ['https://www.bannewitz.de'], tokenHash: tokenHash(BANNEWITZ_TOKEN) },
  { id: 'freital', name: 'Große Kreisstadt Freital', origins: ['https://www.freital.de'], tokenHash: tokenHash(FREITAL_TOKEN) },
  { id: 'rabenau', name: 'Stadt Rabenau', origins: [] },
];
const goals = readFileSync(join(import.meta.dirname, '../../demo/feeds/goals.json'), 'utf8');
const changed = goals.replace('Weniger Straftaten, und weniger schwere', 'Weniger Straftaten');

/** @param {import('node:test').TestContext} t @param {Record<string, unknown>} [options] */
const host = (t, options = {}) => server(t, { towns: towns(), ...options });

/**
 * @param {import('fastify').FastifyInstance} app @param {string} text
 * @param {{ town?: string, token?: string, ifMatch?: string, type?: string, feed?: string }} [options]
 */
function publish(app, text, { town = 'bannewitz', token = BANNEWITZ_TOKEN, ifMatch, type = 'application/feed+json; charset=utf-8', feed = 'goals' } = {}) {
  return app.inject({
    method: 'PUT',
    url: `/towns/${town}/feeds/${feed}`,
    headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}), ...(ifMatch ? { 'if-match': ifMatch } : {}) },
    payload: text,
  });
}

test('a coordinator publishes with their town’s token; the feed is served exactly as sent, with its ETag', async (t) => {
  const app = await host(t);
  const first = await publish(app, goals);
  assert.equal(first.statusCode, 201, first.body);
  const answer = first.json();
  assert.deepEqual({ ...answer, warnings: undefined }, { version: 1, etag: answer.etag, publishedAt: '2026-11-24T09:00:00.000Z', bytes: Buffer.byteLength(goals), restoredFrom: null, warnings: undefined });
  assert.equal(first.headers.etag, answer.etag);
  assert.equal(first.headers['cache-control'], 'no-store');

  const served = await app.inject({ url: '/towns/bannewitz/feeds/goals' });
  assert.equal(served.statusCode, 200);
  assert.equal(served.headers['content-type'], 'application/feed+json; charset=utf-8');
  assert.equal(served.body, goals, 'byte for byte');
  assert.equal(served.headers.etag, answer.etag);
  assert.equal(served.headers['cache-control'], FEED_CACHE_CONTROL);
  assert.equal(served.headers['last-modified'], 'Tue, 24 Nov 2026 09:00:00 GMT');
  assert.match(String(served.headers.vary), /Origin/);

  const again = await app.inject({ url: '/towns/bannewitz/feeds/goals', headers: { 'if-none-match': answer.etag } });
  assert.equal(again.statusCode, 304);
  assert.equal(again.body, '');
  assert.equal(again.headers.etag, answer.etag);
  const other = await app.inject({ url: '/towns/bannewitz/feeds/goals', headers: { 'if-none-match': '"1-0000000000000000"' } });
  assert.equal(other.statusCode, 200);
});

test('tokens open their own town only, both ways; no token, a wrong one, or a town without a token hash: nothing published', async (t) => {
  const app = await host(t);
  assert.equal((await publish(app, goals, { token: FREITAL_TOKEN })).statusCode, 401, 'Freital’s token on Bannewitz');
  assert.equal((await publish(app, goals, { town: 'freital', token: BANNEWITZ_TOKEN })).statusCode, 401, 'Bannewitz’s token on Freital');
  const none = await publish(app, goals, { token: '' });
  assert.equal(none.statusCode, 401);
  assert.equal(none.headers['www-authenticate'], 'Bearer realm="kpr-feeds"');
  assert.equal((await publish(app, goals, { town: 'rabenau', token: BANNEWITZ_TOKEN })).statusCode, 404, 'publishing is off without a tokenHash');
  assert.equal((await app.inject({ url: '/towns/bannewitz/feeds/goals/versions', headers: { authorization: `Bearer ${FREITAL_TOKEN}` } })).statusCode, 401);
  assert.equal((await app.inject({ method: 'POST', url: '/towns/bannewitz/feeds/goals/versions/1/restore', headers: { authorization: `Bearer ${FREITAL_TOKEN}`, 'if-match': '*' } })).statusCode, 401);
  assert.equal((await app.inject({ url: '/towns/bannewitz/feeds/goals' })).statusCode, 404, 'nothing published');

  assert.equal((await publish(app, goals, { town: 'freital', token: FREITAL_TOKEN })).statusCode, 201);
  assert.equal((await app.inject({ url: '/towns/freital/feeds/goals' })).body, goals);
  assert.equal((await app.inject({ url: '/towns/bannewitz/feeds/goals' })).statusCode, 404, 'Freital’s feed is not Bannewitz’s');
});

test('the token is checked before the body is read: a large body without a token is 401, not 413', async (t) => {
  const app = await host(t, { feedBodyLimit: 1000 });
  const answer = await publish(app, 'x'.repeat(5000), { token: '' });
  assert.equal(answer.statusCode, 401);
});

test('a token in the address is refused, whatever it is', async (t) => {
  const app = await host(t);
  const answer = await app.inject({ method: 'PUT', url: `/towns/bannewitz/feeds/goals?token=${BANNEWITZ_TOKEN}`, headers: { 'content-type': 'application/json' }, payload: goals });
  assert.equal(answer.statusCode, 400);
  assert.match(answer.json().error, /never put the token into the address/);
  assert.equal((await app.inject({ url: `/towns/bannewitz/feeds/goals?access_token=x` })).statusCode, 400);
});

test('a feed with errors is refused with 422 and the validator’s codes and paths; nothing is published', async (t) => {
  const app = await host(t);
  const broken = JSON.parse(goals);
  broken.items[0]._kpr.measures[0].url = 'javascript:alert(1)';
  delete broken.items[1].content_text;
  const answer = await publish(app, JSON.stringify(broken));
  assert.equal(answer.statusCode, 422, answer.body);
  const { problems } = answer.json();
  assert.deepEqual(problems.map((/** @type {any} */ p) => [p.code, p.path, p.severity]), [
    ['schema-any-of', 'items[1]', 'error'],
    ['link-not-allowed', 'items[0]._kpr.measures[0].url', 'error'],
  ]);
  assert.ok(problems.every((/** @type {any} */ p) => p.message && p.fix));
  const notJson = await publish(app, '{"version": "https://jsonfeed.org/version/1.1", "items": [');
  assert.equal(notJson.statusCode, 422);
  assert.match(notJson.json().problems[0].path, /^line 1, column \d+/);
  const tipsAsGoals = await publish(app, readFileSync(join(import.meta.dirname, '../../demo/feeds/tips.json'), 'utf8'));
  assert.equal(tipsAsGoals.statusCode, 422, 'tips published as the goals feed are checked as goals');
  assert.equal((await app.inject({ url: '/towns/bannewitz/feeds/goals' })).statusCode, 404);
  assert.equal((await publish(app, goals, { feed: 'agenda' })).statusCode, 404, 'only goals, tips, events and news');
});

test('only UTF-8 JSON, within the size limit: Latin-1, another charset, another type and a large body are refused', async (t) => {
  const { feedBodyLimit } = optionsFromEnv({ KPR_CONTACT_FEED_BODY_LIMIT: '20000' });
  const app = await host(t, { feedBodyLimit });
  const latin1 = await app.inject({ method: 'PUT', url: '/towns/bannewitz/feeds/goals', headers: { 'content-type': 'application/json', authorization: `Bearer ${BANNEWITZ_TOKEN}` }, payload: Buffer.from(goals, 'latin1') });
  assert.equal(latin1.statusCode, 400);
  assert.match(latin1.json().error, /not valid UTF-8/);
  assert.equal((await publish(app, goals, { type: 'application/json; charset=iso-8859-1' })).statusCode, 415);
  assert.equal((await publish(app, goals, { type: 'text/plain' })).statusCode, 415);
  const large = await publish(app, goals.replace('"items"', `"x": "${'a'.repeat(20_000)}", "items"`));
  assert.equal(large.statusCode, 413);
  assert.equal(large.json().error, 'the feed is larger than 20000 bytes');
  assert.equal((await app.inject({ url: '/towns/bannewitz/feeds/goals' })).statusCode, 404);
});

test('If-Match: over the version seen only (412 otherwise, 428 without); the same text again is no new version', async (t) => {
  const app = await host(t);
  const first = (await publish(app, goals)).json();
  const blind = await publish(app, changed);
  assert.equal(blind.statusCode, 428);
  assert.equal(blind.json().current.version, 1);
  const second = await publish(app, changed, { ifMatch: first.etag });
  assert.equal(second.statusCode, 201);
  assert.equal(second.json().version, 2);
  const stale = await publish(app, goals.replace('Weniger Straftaten', 'Mehr Sicherheit'), { ifMatch: first.etag });
  assert.equal(stale.statusCode, 412);
  assert.deepEqual(stale.json().current, { version: 2, etag: second.json().etag, publishedAt: '2026-11-24T09:00:00.000Z' });
  assert.equal((await publish(app, changed, { ifMatch: `W/${second.json().etag}` })).statusCode, 412, 'a weak ETag never matches');
  const same = await publish(app, changed, { ifMatch: second.json().etag });
  assert.equal(same.statusCode, 200);
  assert.equal(same.json().version, 2);
  assert.equal((await app.inject({ url: '/towns/bannewitz/feeds/goals' })).body, changed);
});

test('versions with the token, and a restore as the next version over the current one only; the oldest beyond KPR_CONTACT_FEED_VERSIONS go', async (t) => {
  const app = await host(t, { feedVersions: optionsFromEnv({ KPR_CONTACT_FEED_VERSIONS: '2' }).feedVersions });
  const auth = { authorization: `Bearer ${BANNEWITZ_TOKEN}` };
  const one = (await publish(app, goals)).json();
  const two = (await publish(app, changed, { ifMatch: one.etag })).json();
  const list = await app.inject({ url: '/towns/bannewitz/feeds/goals/versions', headers: auth });
  assert.equal(list.statusCode, 200);
  assert.equal(list.headers['cache-control'], 'no-store');
  assert.deepEqual(list.json().versions.map((/** @type {any} */ v) => [v.version, v.current]), [[2, true], [1, false]]);
  const old = await app.inject({ url: '/towns/bannewitz/feeds/goals/versions/1', headers: auth });
  assert.equal(old.json().text, goals);
  assert.equal((await app.inject({ url: '/towns/bannewitz/feeds/goals/versions/9', headers: auth })).statusCode, 404);

  const restore = (/** @type {string | undefined} */ ifMatch, version = 1) => app.inject({ method: 'POST', url: `/towns/bannewitz/feeds/goals/versions/${version}/restore`, headers: { ...auth, ...(ifMatch ? { 'if-match': ifMatch } : {}) } });
  assert.equal((await restore(undefined)).statusCode, 428);
  assert.equal((await restore(one.etag)).statusCode, 412);
  assert.equal((await restore(two.etag, 9)).statusCode, 404);
  const restored = await restore(two.etag);
  assert.equal(restored.statusCode, 201);
  assert.deepEqual([restored.json().version, restored.json().restoredFrom], [3, 1]);
  const served = await app.inject({ url: '/towns/bannewitz/feeds/goals', headers: { 'if-none-match': two.etag } });
  assert.equal(served.statusCode, 200);
  assert.equal(served.body, goals);
  assert.equal(served.headers.etag, restored.json().etag);
  const kept = await app.inject({ url: '/towns/bannewitz/feeds/goals/versions', headers: auth });
  assert.deepEqual(kept.json().versions.map((/** @type {any} */ v) => v.version), [3, 2], 'two versions kept: the restore and the one before');
});

test('a restore is checked as a new publication: a version the widget can no longer show is refused (422) and stays unpublished', async (t) => {
  // Version 1 as an older server stored it, under a schema that let a measure without its status pass.
  const dbPath = join(tempDir(t), 'contact.sqlite');
  const older = openFeedStore({ dbPath, now: () => new Date(TODAY) });
  await older.ready();
  const unfit = JSON.parse(goals);
  delete unfit.items[0]._kpr.measures[0].status;
  const one = await older.publish({ town: 'bannewitz', feed: 'goals', text: JSON.stringify(unfit), expected: null });
  await older.close();
  assert.ok('published' in one);

  const app = await host(t, { dbPath });
  const two = await publish(app, goals, { ifMatch: one.published.etag });
  assert.equal(two.statusCode, 201, two.body);
  const refused = await app.inject({ method: 'POST', url: '/towns/bannewitz/feeds/goals/versions/1/restore', headers: { authorization: `Bearer ${BANNEWITZ_TOKEN}`, 'if-match': two.json().etag } });
  assert.equal(refused.statusCode, 422, refused.body);
  assert.deepEqual(refused.json().problems.map((/** @type {any} */ problem) => [problem.code, problem.path]), [['schema-required', 'items[0]._kpr.measures[0].status']]);
  const served = await app.inject({ url: '/towns/bannewitz/feeds/goals' });
  assert.equal(served.headers.etag, two.json().etag, 'version 2 is still the one served');
});

test('CORS: the town’s origins read the feed and may publish from the editor; other origins get no CORS headers', async (t) => {
  const app = await host(t);
  await publish(app, goals);
  const own = await app.inject({ url: '/towns/bannewitz/feeds/goals', headers: { origin: 'https://www.bannewitz.de' } });
  assert.equal(own.headers['access-control-allow-origin'], 'https://www.bannewitz.de');
  assert.match(String(own.headers['access-control-expose-headers']), /ETag/);
  const foreign = await app.inject({ url: '/towns/bannewitz/feeds/goals', headers: { origin: 'https://www.freital.de' } });
  assert.equal(foreign.statusCode, 200);
  assert.equal(foreign.headers['access-control-allow-origin'], undefined, 'Freital’s pages cannot read Bannewitz’s feed');
  const notModified = await app.inject({ url: '/towns/bannewitz/feeds/goals', headers: { origin: 'https://www.bannewitz.de', 'if-none-match': own.headers.etag } });
  assert.equal(notModified.statusCode, 304);
  assert.equal(notModified.headers['access-control-allow-origin'], 'https://www.bannewitz.de');

  const preflight = (/** @type {string} */ origin) => app.inject({ method: 'OPTIONS', url: '/towns/bannewitz/feeds/goals', headers: { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization, content-type, if-match' } });
  const allowed = await preflight('https://www.bannewitz.de');
  assert.equal(allowed.statusCode, 204);
  assert.match(String(allowed.headers['access-control-allow-headers']), /Authorization.*Content-Type.*If-Match/);
  assert.match(String(allowed.headers['access-control-allow-methods']), /PUT/);
  assert.equal((await preflight('https://www.freital.de')).statusCode, 403);
  assert.equal((await app.inject({ method: 'OPTIONS', url: '/towns/bannewitz/feeds/goals/versions/1/restore', headers: { origin: 'https://www.bannewitz.de', 'access-control-request-method': 'POST' } })).statusCode, 204);
});

test('the token is in no log line, at level trace: publishing, refusals, a restore, a token in the address', async (t) => {
  let log = '';
  const stream = new Writable({ write(chunk, _encoding, done) { log += chunk; done(); } });
  const app = await host(t, { logger: { level: 'trace', stream } });
  const first = (await publish(app, goals)).json();
  await publish(app, goals, { token: FREITAL_TOKEN });
  await publish(app, '{', { ifMatch: first.etag });
  await publish(app, changed, { ifMatch: '"0-x"' });
  await app.inject({ method: 'POST', url: '/towns/bannewitz/feeds/goals/versions/1/restore', headers: { authorization: `Bearer ${BANNEWITZ_TOKEN}`, 'if-match': first.etag } });
  await app.inject({ method: 'PUT', url: `/towns/bannewitz/feeds/goals?token=${BANNEWITZ_TOKEN}`, headers: { 'content-type': 'application/json' }, payload: goals });
  assert.match(log, /feed published/, 'the log is written');
  assert.match(log, /"town":"bannewitz","feed":"goals","version":2/);
  for (const token of [BANNEWITZ_TOKEN, FREITAL_TOKEN]) assert.ok(!log.includes(token.slice(0, 16)), 'no token, nor a part of one');
  assert.doesNotMatch(log, /authorization|Bearer/i);
});

test('without a towns file there are no feed routes', async (t) => {
  const app = await server(t, { token: BANNEWITZ_TOKEN, dbPath: join(tempDir(t), 'single.sqlite') });
  assert.equal((await app.inject({ method: 'PUT', url: '/feeds/goals', headers: { 'content-type': 'application/json', authorization: `Bearer ${BANNEWITZ_TOKEN}` }, payload: goals })).statusCode, 404);
  assert.equal((await app.inject({ url: '/towns/default/feeds/goals' })).statusCode, 404);
  assert.equal((await app.inject({ url: '/feeds/goals' })).statusCode, 404);
});
