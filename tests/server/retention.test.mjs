// Retention: messages older than KPR_CONTACT_RETENTION_DAYS are deleted when the server starts, once a day while
// it runs, and by `asskomm-widgets contact-retention`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildContactServer } from '../../server/contact-server.mjs';
import { post, rowCount, tempDir, valid } from './support.mjs';

const DAY = 86_400_000;
const bin = join(import.meta.dirname, '../../bin/asskomm-widgets.mjs');

/** Stores one message on each of the given days. @param {string} dbPath @param {Date[]} days */
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
  await seed(dbPath, [new Date(today.getTime() - 200 * DAY), new Date(today.getTime() - 181 * DAY), new Date(today.getTime() - 179 * DAY), new Date(today.getTime() - 1 * DAY)]);
  const app = buildContactServer({ dbPath, token: 't', now: () => today, retentionDays: 180 });
  t.after(() => app.close());
  await app.ready();
  assert.equal(rowCount(app), 2);
  const { messages } = (await app.inject({ url: '/messages', headers: { authorization: 'Bearer t' } })).json();
  assert.ok(messages.every((/** @type {any} */ m) => today.getTime() - Date.parse(m.receivedAt) < 180 * DAY));
  // Run again later the same day: nothing more to delete; 100 days on, one more goes.
  assert.equal(/** @type {any} */ (app).contact.applyRetention(), 0);
});

test('retention 0 keeps everything', async (t) => {
  const dbPath = join(tempDir(t), 'contact.sqlite');
  await seed(dbPath, [new Date('2020-01-01T00:00:00Z')]);
  const app = buildContactServer({ dbPath, retentionDays: 0 });
  t.after(() => app.close());
  assert.equal(rowCount(app), 1);
});

test('the contact-retention command deletes old messages and exits', async (t) => {
  const dbPath = join(tempDir(t), 'contact.sqlite');
  const now = Date.now();
  await seed(dbPath, [new Date(now - 40 * DAY), new Date(now - 10 * DAY), new Date(now - 1000)]);
  const output = execFileSync(process.execPath, [bin, 'contact-retention'], { env: { ...process.env, KPR_CONTACT_DB: dbPath, KPR_CONTACT_RETENTION_DAYS: '30' }, encoding: 'utf8' });
  assert.match(output, /Deleted 1 message/);
  const app = buildContactServer({ dbPath, retentionDays: 0 });
  t.after(() => app.close());
  assert.equal(rowCount(app), 2);
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
