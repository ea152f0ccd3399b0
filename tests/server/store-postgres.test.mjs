// The PostgreSQL store (server/store-postgres.mjs) keeps the same store contract as SQLite, on a PostgreSQL of the
// test's own (tests/support/postgres.mjs): skipped, saying what to install, where PostgreSQL is missing; under
// CI=true a missing PostgreSQL fails instead.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { openStore } from '../../server/store.mjs';
import { POSTGRES_MIGRATIONS } from '../../server/store-postgres.mjs';
import { postgresMissing, startPostgres } from '../support/postgres.mjs';
import { storeContract } from './store-contract.mjs';

const missing = postgresMissing();
if (missing) console.log(`# ${missing}`);
// Started with asynchronous commits as the server's default: the store must turn them on for itself.
const cluster = missing ? undefined : startPostgres({ settings: { synchronous_commit: 'off' } });
after(() => cluster?.stop());

/** A new, empty database's URL. */
const database = async () => /** @type {NonNullable<typeof cluster>} */ (cluster).createDatabase();

storeContract('PostgreSQL', async () => {
  const databaseUrl = await database();
  return { open: ({ now }) => openStore({ databaseUrl, now }) };
}, missing ? { skip: missing } : {});

describe('PostgreSQL: start-up and commits', missing ? { skip: missing } : {}, () => {
  test('two processes starting at once on an empty database: the schema is made once, both can store', async (t) => {
    const databaseUrl = await database();
    const stores = Array.from({ length: 3 }, () => openStore({ databaseUrl }));
    t.after(() => Promise.all(stores.map((store) => store.close())));
    await Promise.all(stores.map((store) => store.ready()));
    const pool = /** @type {any} */ (stores[0]).pool;
    const { rows } = await pool.query('SELECT version FROM schema_migrations ORDER BY version');
    assert.deepEqual(rows.map((/** @type {any} */ r) => r.version), POSTGRES_MIGRATIONS.map((_, i) => i + 1));
    const saved = await Promise.all(stores.map((store, i) => store.saveMessage({ town: 'default', key: `k-${i}`, body: { message: `von ${i}` } })));
    assert.equal(saved.filter((s) => 'created' in s && s.created).length, 3);
  });

  test('every connection commits synchronously, though the server’s default is off', async (t) => {
    const store = openStore({ databaseUrl: await database() });
    t.after(() => store.close());
    await store.ready();
    const { rows } = await /** @type {any} */ (store).pool.query('SHOW synchronous_commit');
    assert.equal(rows[0].synchronous_commit, 'on');
  });

  test('a database that cannot be reached: ready() rejects, saying so, and so does a save', async (t) => {
    const store = openStore({ databaseUrl: /** @type {NonNullable<typeof cluster>} */ (cluster).urlOf('no_such_database') });
    t.after(() => store.close());
    await assert.rejects(store.ready(), /no_such_database/);
    await assert.rejects(store.saveMessage({ town: 'default', key: 'k', body: { message: 'x' } }), /no_such_database/);
  });
});
