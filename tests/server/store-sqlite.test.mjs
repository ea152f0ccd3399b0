// The SQLite store (server/store-sqlite.mjs) keeps the store contract, and migrates a file from before towns.
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { openStore } from '../../server/store.mjs';
import { SQLITE_MIGRATIONS } from '../../server/store-sqlite.mjs';
import { storeContract } from './store-contract.mjs';
import { tempDir } from './support.mjs';

storeContract('SQLite', async (t) => {
  const dbPath = join(tempDir(t), 'contact.sqlite');
  return { open: ({ now }) => openStore({ dbPath, now }) };
});

test('a file from before towns migrates: its messages are town default, keys unique per town from then on', async (t) => {
  const dbPath = join(tempDir(t), 'contact.sqlite');
  // The file as the server before towns left it: schema version 2, one message and its forward failure.
  const old = new Database(dbPath);
  old.exec(SQLITE_MIGRATIONS[0]);
  old.exec(SQLITE_MIGRATIONS[1]);
  old.pragma('user_version = 2');
  old.prepare(`INSERT INTO messages (reference, idempotency_key, received_at, topic, message, wants_answer, spam, forward_attempts, forward_error)
    VALUES ('KPR-2026-ABCDEF', 'k-old', '2026-06-01T08:00:00.000Z', 'lighting', 'Laterne aus', 1, 0, 2, 'timeout')`).run();
  old.close();

  const store = openStore({ dbPath, now: () => new Date('2026-11-24T09:00:00Z') });
  t.after(() => store.close());
  await store.ready();
  const [message] = await store.list('default');
  assert.deepEqual([message.reference, message.town, message.receivedAt, message.message, message.wantsAnswer, message.forwardAttempts, message.forwardError], ['KPR-2026-ABCDEF', 'default', '2026-06-01T08:00:00.000Z', 'Laterne aus', true, 2, 'timeout']);
  assert.deepEqual(await store.saveMessage({ town: 'default', key: 'k-old', body: { message: 'noch einmal' } }), { reference: 'KPR-2026-ABCDEF', created: false }, 'a retry of the old message is still that message');
  const other = await store.saveMessage({ town: 'freital', key: 'k-old', body: { message: 'in Freital' } });
  assert.ok('created' in other && other.created, 'the same key in another town is another message');
  assert.equal(/** @type {any} */ (store).db.pragma('user_version', { simple: true }), SQLITE_MIGRATIONS.length);
});

/** Pages written to the file's WAL so far: each commit writes the pages it changed. @param {string} dbPath */
const walFrames = (dbPath) => (statSync(`${dbPath}-wal`).size - 32) / (24 + 4096);

test('messages saved at once share one commit, and one that fails leaves the others stored and answered', async (t) => {
  const dir = tempDir(t);
  const open = (/** @type {string} */ name) => {
    const store = openStore({ dbPath: join(dir, name), now: () => new Date('2026-11-24T09:00:00Z') });
    t.after(() => store.close());
    return store;
  };
  // Ten at once: the fourth without the message the table requires, the sixth a key of the same commit again.
  const together = open('together.sqlite');
  const framesBefore = walFrames(join(dir, 'together.sqlite'));
  const outcomes = await Promise.allSettled(
    Array.from({ length: 10 }, (_, i) => together.saveMessage({ town: 'default', key: i === 5 ? 'k-0' : `k-${i}`, body: i === 3 ? { topic: 'lighting' } : { message: `Nachricht ${i}` } })),
  );
  assert.equal(outcomes[3].status, 'rejected');
  assert.match(String(/** @type {PromiseRejectedResult} */ (outcomes[3]).reason), /NOT NULL/);
  const results = outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : undefined));
  assert.equal(results.filter((result) => result && 'created' in result && result.created).length, 8, 'the other new keys are stored');
  const first = /** @type {{ reference: string }} */ (results[0]);
  assert.deepEqual(results[5], { reference: first.reference, created: false }, 'the repeated key answers with the first reference');
  assert.equal(/** @type {any} */ (together).db.prepare('SELECT count(*) FROM messages').pluck().get(), 8);
  const sharedFrames = walFrames(join(dir, 'together.sqlite')) - framesBefore;

  // The same nine messages one after the other: a commit each.
  const oneByOne = open('one-by-one.sqlite');
  const framesAlone = walFrames(join(dir, 'one-by-one.sqlite'));
  for (let i = 0; i < 9; i++) await oneByOne.saveMessage({ town: 'default', key: `k-${i}`, body: { message: `Nachricht ${i}` } });
  const separateFrames = walFrames(join(dir, 'one-by-one.sqlite')) - framesAlone;
  assert.ok(sharedFrames * 4 < separateFrames, `one commit writes each changed page once (${sharedFrames} pages), nine commits each again (${separateFrames})`);
});
