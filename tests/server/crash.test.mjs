// Crash safety: every message answered with 201 is on disk. The server runs as a child process
// (`asskomm-widgets contact-server`), gets messages from 16 parallel clients, and is killed with SIGKILL while
// requests are in flight; restarted on the same file, it has every acknowledged message exactly once.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { startContactServer } from '../../scripts/processes.mjs';
import { tempDir, TODAY, valid } from './support.mjs';

/** Starts the CLI server on the file, at TODAY; resolves with its base URL and the child. @param {string} dbPath */
const start = async (dbPath) => {
  const { child, url } = await startContactServer({ KPR_CONTACT_DB: dbPath, KPR_CONTACT_RATE_LIMIT: 'off', KPR_CONTACT_TOKEN: 'crash-test', KPR_CONTACT_LOG_LEVEL: 'warn', KPR_NOW: TODAY }, 'pipe');
  return { child, base: url };
};

test('kill -9 while messages arrive: every acknowledged message is stored exactly once', { timeout: 60_000 }, async (t) => {
  const dbPath = join(tempDir(t), 'contact.sqlite');
  const { child, base } = /** @type {{ child: import('node:child_process').ChildProcess, base: string }} */ (await start(dbPath));
  t.after(() => child.kill('SIGKILL'));

  /** @type {Map<string, string>} Idempotency-Key → reference, for every 201 */
  const acknowledged = new Map();
  let killed = false;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  async function client(/** @type {number} */ id) {
    for (let n = 0; n < 200 && !killed; n++) {
      const key = crypto.randomUUID();
      try {
        const response = await fetch(`${base}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify({ ...valid(), message: `Client ${id}, Nachricht ${n}` }),
        });
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

  // Straight from the file (as the restarted server sees it after WAL recovery).
  const db = new Database(dbPath);
  const rows = /** @type {{ idempotency_key: string, reference: string }[]} */ (db.prepare('SELECT idempotency_key, reference FROM messages').all());
  db.close();
  const byKey = new Map(rows.map((row) => [row.idempotency_key, row.reference]));
  assert.equal(byKey.size, rows.length, 'one row per idempotency key');
  for (const [key, reference] of acknowledged) assert.equal(byKey.get(key), reference, `acknowledged ${reference} is missing`);

  // Restarted on the same file: the export lists each acknowledged reference once, and a retry of an
  // acknowledged message gets its first reference rather than a second message.
  const again = /** @type {{ child: import('node:child_process').ChildProcess, base: string }} */ (await start(dbPath));
  t.after(() => again.child.kill('SIGKILL'));
  const { messages } = await (await fetch(`${again.base}/messages`, { headers: { authorization: 'Bearer crash-test' } })).json();
  const listed = messages.map((/** @type {any} */ m) => m.reference);
  assert.equal(new Set(listed).size, listed.length);
  for (const reference of acknowledged.values()) assert.ok(listed.includes(reference), reference);
  const [key, reference] = [...acknowledged][0];
  const retry = await fetch(`${again.base}/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify(valid()) });
  assert.equal(retry.status, 200);
  assert.equal((await retry.json()).reference, reference);
  assert.equal((await (await fetch(`${again.base}/messages`, { headers: { authorization: 'Bearer crash-test' } })).json()).messages.length, messages.length);
});
