// The PostgreSQL feed store (server/feed-store-postgres.mjs) keeps the feed store contract, on a PostgreSQL of the
// test's own (tests/support/postgres.mjs), started with asynchronous commits as the server's default: the store
// must turn them on for itself. Skipped, saying what to install, where PostgreSQL is missing (CI=true: fails).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { openFeedStore } from '../../server/feed-store.mjs';
import { POSTGRES_FEED_MIGRATIONS } from '../../server/feed-store-postgres.mjs';
import { openStore } from '../../server/store.mjs';
import { postgresMissing, startPostgres } from '../support/postgres.mjs';
import { feedStoreContract } from './feed-store-contract.mjs';

const missing = postgresMissing();
if (missing) console.log(`# ${missing}`);
const cluster = missing ? undefined : startPostgres({ settings: { synchronous_commit: 'off' } });
after(() => cluster?.stop());
const database = async () => /** @type {NonNullable<typeof cluster>} */ (cluster).createDatabase();

feedStoreContract('PostgreSQL', async () => {
  const databaseUrl = await database();
  return { open: ({ now, keepVersions }) => openFeedStore({ databaseUrl, now, ...(keepVersions ? { keepVersions } : {}) }) };
}, missing ? { skip: missing } : {});

test('PostgreSQL: feeds beside messages, three processes starting at once migrate once, commits are synchronous', missing ? { skip: missing } : {}, async (t) => {
  const databaseUrl = await database();
  const now = () => new Date('2026-11-24T09:00:00Z');
  const messages = openStore({ databaseUrl, now });
  const feeds = Array.from({ length: 3 }, () => openFeedStore({ databaseUrl, now }));
  t.after(() => Promise.all([messages.close(), ...feeds.map((store) => store.close())]));
  await Promise.all([messages.ready(), ...feeds.map((store) => store.ready())]);
  const pool = /** @type {any} */ (feeds[0]).pool;
  const { rows } = await pool.query('SELECT version FROM feed_migrations ORDER BY version');
  assert.deepEqual(rows.map((/** @type {any} */ r) => r.version), POSTGRES_FEED_MIGRATIONS.map((_, i) => i + 1));
  assert.equal((await pool.query('SHOW synchronous_commit')).rows[0].synchronous_commit, 'on');
  const saved = await messages.saveMessage({ town: 'bannewitz', key: 'k-1', body: { message: 'Laterne aus' } });
  assert.ok('reference' in saved && saved.created);
  const published = await feeds[1].publish({ town: 'bannewitz', feed: 'goals', text: '{"title":"Straße"}', expected: null });
  assert.ok('published' in published && published.published.bytes === 19);
});
