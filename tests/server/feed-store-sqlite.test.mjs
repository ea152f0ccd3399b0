// The SQLite feed store (server/feed-store-sqlite.mjs) keeps the feed store contract, in the message store's file
// beside its messages, without touching the message store's schema version.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { openFeedStore } from '../../server/feed-store.mjs';
import { openStore } from '../../server/store.mjs';
import { SQLITE_MIGRATIONS } from '../../server/store-sqlite.mjs';
import { feedStoreContract } from './feed-store-contract.mjs';
import { tempDir } from './support.mjs';

feedStoreContract('SQLite', async (t) => {
  const dbPath = join(tempDir(t), 'contact.sqlite');
  return { open: ({ now, keepVersions }) => openFeedStore({ dbPath, now, ...(keepVersions ? { keepVersions } : {}) }) };
});

test('feeds and messages share one file: each store migrates its own tables, messages are kept', async (t) => {
  const dbPath = join(tempDir(t), 'contact.sqlite');
  const now = () => new Date('2026-11-24T09:00:00Z');
  const messages = openStore({ dbPath, now });
  t.after(() => messages.close());
  const saved = await messages.saveMessage({ town: 'bannewitz', key: 'k-1', body: { message: 'Laterne aus' } });
  const feeds = openFeedStore({ dbPath, now });
  t.after(() => feeds.close());
  await feeds.publish({ town: 'bannewitz', feed: 'goals', text: '{}', expected: null });
  const db = /** @type {any} */ (messages).db;
  assert.equal(db.pragma('user_version', { simple: true }), SQLITE_MIGRATIONS.length);
  assert.ok('reference' in saved);
  assert.equal((await messages.get(saved.reference))?.message, 'Laterne aus');
  assert.equal(db.prepare('SELECT count(*) FROM feed_versions').pluck().get(), 1);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(/** @type {any} */ (feeds).db.pragma('synchronous', { simple: true }), 2, 'FULL: each version is fsynced at its commit');
});

test('a number of versions to keep below one is refused at the start', () => {
  assert.throws(() => openFeedStore({ dbPath: ':memory:', now: () => new Date(), keepVersions: 0 }), /feedVersions must be a whole number of versions ≥ 1/);
});
