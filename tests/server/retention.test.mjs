// Retention: messages older than KPR_CONTACT_RETENTION_DAYS are deleted when the server starts, once a day while
// it runs, and by `asskomm-widgets contact-retention`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { setClock } from '../../server/clock.mjs';
import { buildContactServer } from '../../server/contact-server.mjs';
import { at, DAY, post, rowCount, tempDir, TODAY, valid } from './support.mjs';

setClock(TODAY);
const bin = join(import.meta.dirname, '../../bin/asskomm-widgets.mjs');

/** Stores one message at each of the given instants (through the `now` option). @param {string} dbPath @param {Date[]} days */
async function seed(dbPath, days) {
  for (const day of days) {
    const app = buildContactServer({ dbPath, rateLimit: false, retentionDays: 0, now: () => day });
    await app.ready();
    assert.equal((await post(app, { ...valid(), message: `vom ${day.toISOString()}` })).statusCode, 201);
    await app.close();
  }
}

test('on start, messages older than the retention are deleted; younger ones stay', async (t) => {
  const dbPath = join(tempDir(t), 'contact.sqlite');
  const today = new Date('2026-06-30T12:00:00Z');
  at(t, today);
  await seed(dbPath, [new Date(today.getTime() - 200 * DAY), new Date(today.getTime() - 181 * DAY), new Date(today.getTime() - 179 * DAY), new Date(today.getTime() - 1 * DAY)]);
  const app = buildContactServer({ dbPath, token: 't', retentionDays: 180 });
  t.after(() => app.close());
  await app.ready();
  const received = async () => (await app.inject({ url: '/messages', headers: { authorization: 'Bearer t' } })).json().messages.map((/** @type {any} */ m) => m.receivedAt);
  assert.deepEqual(await received(), ['2026-06-29T12:00:00.000Z', '2026-01-02T12:00:00.000Z']);
  // Run again later the same day: nothing more to delete; 100 days on, the older one goes.
  at(t, '2026-06-30T18:00:00Z');
  assert.equal(await /** @type {any} */ (app).contact.applyRetention(), 0);
  at(t, new Date(today.getTime() + 100 * DAY));
  assert.equal(await /** @type {any} */ (app).contact.applyRetention(), 1);
  assert.deepEqual(await received(), ['2026-06-29T12:00:00.000Z']);
});

test('retention 0 keeps everything', async (t) => {
  const dbPath = join(tempDir(t), 'contact.sqlite');
  await seed(dbPath, [new Date('2020-01-01T00:00:00Z')]);
  const app = buildContactServer({ dbPath, retentionDays: 0 });
  t.after(() => app.close());
  assert.equal(rowCount(app), 1);
});

test('the contact-retention command deletes old messages and exits, at the instant KPR_NOW states', async (t) => {
  const dbPath = join(tempDir(t), 'contact.sqlite');
  const now = Date.parse(TODAY);
  await seed(dbPath, [new Date(now - 40 * DAY), new Date(now - 10 * DAY), new Date(now - 1000)]);
  const retention = (/** @type {string} */ instant) =>
    execFileSync(process.execPath, [bin, 'contact-retention'], { env: { ...process.env, KPR_CONTACT_DB: dbPath, KPR_CONTACT_RETENTION_DAYS: '30', KPR_NOW: instant }, encoding: 'utf8' });
  assert.match(retention(TODAY), /Deleted 1 message/);
  // Trying a later date: 25 days on, the 10-day-old message is past 30 days; the newest is not yet.
  assert.match(retention(new Date(now + 25 * DAY).toISOString()), /Deleted 1 message/);
  const app = buildContactServer({ dbPath, retentionDays: 0 });
  t.after(() => app.close());
  assert.equal(rowCount(app), 1);
});

test('an unknown command prints the usage and exits non-zero', () => {
  assert.throws(() => execFileSync(process.execPath, [bin, 'contact-serve'], { encoding: 'utf8', stdio: 'pipe' }), (/** @type {any} */ error) => {
    assert.equal(error.status, 2);
    assert.match(error.stdout, /Usage: asskomm-widgets <command>/);
    assert.match(error.stdout, /contact-server/);
    return true;
  });
});

test('deleted messages do not linger in the file or its journal', async (t) => {
  const dir = tempDir(t);
  const dbPath = join(dir, 'contact.sqlite');
  const today = new Date('2026-06-30T12:00:00Z');
  const old = new Date(today.getTime() - 365 * DAY);
  await seed(dbPath, [old, today]);
  const app = buildContactServer({ dbPath, now: () => today, retentionDays: 180 });
  await app.close();
  const bytes = readdirSync(dir).map((file) => readFileSync(join(dir, file)).toString('utf8')).join('\n');
  assert.ok(bytes.includes(`vom ${today.toISOString()}`), 'the kept message is in the file');
  assert.ok(!bytes.includes(`vom ${old.toISOString()}`), 'the deleted message is gone from the file and the WAL');
});

test('the night Berlin leaves summer time: a message is kept 30 days of 24 hours, one goes each hour', async (t) => {
  // 31 October 2027: at 03:00 summer time (01:00 UTC) the clocks go back to 02:00, so 02:30 comes twice.
  const dbPath = join(tempDir(t), 'contact.sqlite');
  const received = ['2027-10-01T02:00:00+02:00', '2027-10-01T03:00:00+02:00', '2027-10-01T04:00:00+02:00'];
  await seed(dbPath, received.map((instant) => new Date(instant)));
  /** @type {[string, string[]][]} when retention runs, and the messages left after it */
  const night = [
    ['2027-10-31T01:30:00+02:00', received],
    ['2027-10-31T02:30:00+02:00', received.slice(1)], // the first 02:30 (summer time): 30 × 24 h after 02:00 summer time
    ['2027-10-31T02:30:00+01:00', received.slice(2)], // the second 02:30 (winter time): the one from 03:00 summer time goes
    ['2027-10-31T03:30:00+01:00', []],
  ];
  at(t, night[0][0]);
  const app = buildContactServer({ dbPath, token: 't', retentionDays: 30 });
  t.after(() => app.close());
  const left = async () => (await app.inject({ url: '/messages', headers: { authorization: 'Bearer t' } })).json().messages.map((/** @type {any} */ m) => m.message).reverse();
  const from = (/** @type {string} */ instant) => `vom ${new Date(instant).toISOString()}`;
  for (const [instant, expected] of night) {
    at(t, instant);
    await /** @type {any} */ (app).contact.applyRetention();
    assert.deepEqual(await left(), expected.map(from), instant);
  }
});
