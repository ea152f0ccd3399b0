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

  test('messages saved at once share one statement; one the database refuses fails alone, the others are stored', async (t) => {
    const store = openStore({ databaseUrl: await database() });
    t.after(() => store.close());
    await store.ready();
    const pool = /** @type {any} */ (store).pool;
    /** @type {string[]} */
    const inserts = [];
    const query = pool.query.bind(pool);
    pool.query = (/** @type {any} */ text, /** @type {any} */ values) => {
      if (typeof text === 'string' && text.startsWith('INSERT INTO messages')) inserts.push(text);
      return query(text, values);
    };
    // Ten at once: the fourth without the message the table requires, the sixth a key of the same batch again.
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => store.saveMessage({ town: 'default', key: i === 5 ? 'k-0' : `k-${i}`, body: i === 3 ? { topic: 'lighting' } : { message: `Nachricht ${i}` } })),
    );
    assert.equal(outcomes[3].status, 'rejected');
    assert.match(String(/** @type {PromiseRejectedResult} */ (outcomes[3]).reason), /null value in column "message"/);
    const results = outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : undefined));
    assert.equal(results.filter((result) => result && 'created' in result && result.created).length, 8, 'the other new keys are stored');
    assert.deepEqual(results[5], { reference: /** @type {any} */ (results[0]).reference, created: false }, 'the repeated key answers with the first reference');
    assert.equal((await query('SELECT count(*)::int AS n FROM messages')).rows[0].n, 8);
    // One statement for the batch; refused, it was tried message by message (9 keys).
    assert.equal(inserts.length, 1 + 9, inserts.join('\n'));
  });
});
