// Crash safety: every message answered with 201 is stored, exactly once. The server runs as a child process
// (`asskomm-widgets contact-server`), gets messages from 16 parallel clients, and is killed with SIGKILL while
// requests are in flight; restarted on the same store, it has every acknowledged message exactly once. The same
// test for both stores; for PostgreSQL also with two server processes on one database, one of them killed
// mid-load while the clients fail over to the other, as behind a load balancer.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { startContactServer } from '../../scripts/processes.mjs';
import { postgresMissing, startPostgres } from '../support/postgres.mjs';
import { postgresKeys, sqliteKeys, tempDir, TODAY, valid } from './support.mjs';

/** @typedef {import('node:child_process').ChildProcess} ChildProcess */
/** @typedef {{ env: Record<string, string>, rows: () => Promise<{ idempotency_key: string, reference: string }[]> }} Place a store the servers share */

/** Starts the CLI server on the store, at TODAY; resolves with its base URL and the child. @param {Place} place */
const start = async (place) => {
  const { child, url } = await startContactServer({ ...place.env, KPR_CONTACT_RATE_LIMIT: 'off', KPR_CONTACT_TOKEN: 'crash-test', KPR_CONTACT_LOG_LEVEL: 'warn', KPR_NOW: TODAY }, 'pipe');
  return { child, base: url };
};

/** @param {string} base @param {string} key @param {string} text */
const send = (base, key, text) =>
  fetch(`${base}/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify({ ...valid(), message: text }) });

/** @param {string} base */
const exported = async (base) => /** @type {{ messages: { reference: string }[] }} */ (await (await fetch(`${base}/messages`, { headers: { authorization: 'Bearer crash-test' } })).json()).messages;

/** One row per acknowledged key, with the acknowledged reference. @param {Place} place @param {Map<string, string>} acknowledged */
async function assertStoredOnce(place, acknowledged) {
  const rows = await place.rows();
  const byKey = new Map(rows.map((row) => [row.idempotency_key, row.reference]));
  assert.equal(byKey.size, rows.length, 'one row per idempotency key');
  for (const [key, reference] of acknowledged) assert.equal(byKey.get(key), reference, `acknowledged ${reference} is missing`);
}

/** The single-process crash test on a store. @param {import('node:test').TestContext} t @param {Place} place */
async function killedUnderLoad(t, place) {
  const { child, base } = await start(place);
  t.after(() => child.kill('SIGKILL'));

  /** @type {Map<string, string>} Idempotency-Key → reference, for every 201 */
  const acknowledged = new Map();
  let killed = false;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  async function client(/** @type {number} */ id) {
    for (let n = 0; n < 200 && !killed; n++) {
      const key = crypto.randomUUID();
      try {
        const response = await send(base, key, `Client ${id}, Nachricht ${n}`);
        if (response.status === 201) acknowledged.set(key, (await response.json()).reference);
      } catch {
        // The connection died with the server: this message was not acknowledged.
      }
      // Kill in the middle of the traffic, with other requests in flight.
      if (acknowledged.size >= 150 && !killed) {
        killed = true;
        child.kill('SIGKILL');
      }
    }
  }
  await Promise.all(Array.from({ length: 16 }, (_, id) => client(id)));
  await exited;
  assert.ok(acknowledged.size >= 150, `only ${acknowledged.size} acknowledged`);

  // Straight from the store (as the restarted server sees it after recovery).
  await assertStoredOnce(place, acknowledged);

  // Restarted on the same store: the export lists each acknowledged reference once, and a retry of an
  // acknowledged message gets its first reference rather than a second message.
  const again = await start(place);
  t.after(() => again.child.kill('SIGKILL'));
  const listed = (await exported(again.base)).map((m) => m.reference);
  assert.equal(new Set(listed).size, listed.length);
  for (const reference of acknowledged.values()) assert.ok(listed.includes(reference), reference);
  const [key, reference] = [...acknowledged][0];
  const retry = await send(again.base, key, 'noch einmal');
  assert.equal(retry.status, 200);
  assert.equal((await retry.json()).reference, reference);
  assert.equal((await exported(again.base)).length, listed.length);
}

test('SQLite: kill -9 while messages arrive: every acknowledged message is stored exactly once', { timeout: 120_000 }, async (t) => {
  const dbPath = join(tempDir(t), 'contact.sqlite');
  await killedUnderLoad(t, {
    env: { KPR_CONTACT_DB: dbPath },
    rows: async () => sqliteKeys(dbPath),
  });
});

const missing = postgresMissing();
const cluster = missing ? undefined : startPostgres();
after(() => cluster?.stop());

/** A new database for the servers of one test. */
async function postgresPlace() {
  const databaseUrl = await /** @type {NonNullable<typeof cluster>} */ (cluster).createDatabase();
  return {
    env: { KPR_CONTACT_DATABASE_URL: databaseUrl },
    rows: () => postgresKeys(databaseUrl),
  };
}

describe('PostgreSQL', missing ? { skip: missing } : {}, () => {
  test('kill -9 while messages arrive: every acknowledged message is stored exactly once', { timeout: 120_000 }, async (t) => {
    await killedUnderLoad(t, await postgresPlace());
  });

  test('two processes on one database, one killed mid-load, the clients fail over: every message stored exactly once', { timeout: 120_000 }, async (t) => {
    const place = await postgresPlace();
    const servers = await Promise.all([start(place), start(place)]);
    for (const { child } of servers) t.after(() => child.kill('SIGKILL'));
    const [doomed, survivor] = servers;
    const exited = new Promise((resolve) => doomed.child.once('exit', resolve));

    /** @type {Map<string, string>} Idempotency-Key → the reference its answer gave */
    const acknowledged = new Map();
    /** Keys whose request died with the first server and was sent again to the other: they may have been stored. */
    const failedOver = new Set();
    let answeredBefore = 0;
    let killed = false;
    // Each client sends 30 messages, half of the clients to each server; a message whose server dies under it
    // goes, with its key, to the other one, as a load balancer's retry or the widget's own would.
    async function client(/** @type {number} */ id) {
      for (let n = 0; n < 30; n++) {
        const key = crypto.randomUUID();
        for (const [attempt, server] of [id % 2 === 0 ? doomed : survivor, survivor].entries()) {
          try {
            const response = await send(server.base, key, `Client ${id}, Nachricht ${n}`);
            // A failed-over message is new to the survivor (201), or was stored by the other before it died (200).
            assert.ok(response.status === 201 || (attempt === 1 && response.status === 200), `answered ${response.status}`);
            if (response.status === 200) answeredBefore++;
            acknowledged.set(key, (await response.json()).reference);
            break;
          } catch (error) {
            if (error instanceof assert.AssertionError || server === survivor) throw error;
            failedOver.add(key);
          }
        }
        if (acknowledged.size >= 150 && !killed) {
          killed = true;
          doomed.child.kill('SIGKILL');
        }
      }
    }
    await Promise.all(Array.from({ length: 16 }, (_, id) => client(id)));
    await exited;
    assert.ok(killed, 'the first server was killed under load');
    assert.equal(acknowledged.size, 16 * 30, 'every message was acknowledged, by one server or the other');
    assert.ok(failedOver.size > 0, 'some messages were in flight on the killed server and went to the other');
    await assertStoredOnce(place, acknowledged);
    assert.equal((await place.rows()).length, 16 * 30, 'and nothing else was stored');

    // A retry of a message that failed over answers with the reference it was stored under, once.
    for (const key of failedOver) {
      const retry = await send(survivor.base, key, 'noch einmal');
      assert.equal(retry.status, 200);
      assert.equal((await retry.json()).reference, acknowledged.get(key));
    }
    const listed = (await exported(survivor.base)).map((m) => m.reference);
    assert.equal(listed.length, 16 * 30);
    assert.equal(new Set(listed).size, listed.length);
    t.diagnostic(`${failedOver.size} message(s) failed over; ${answeredBefore} of them had been stored by the killed server before it died`);
  });
});
