// Shared by the contact server's tests: the day they run at, a server on a temporary SQLite file, and a message
// that fits the contract.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { setClock } from '../../server/clock.mjs';
import { buildContactServer } from '../../server/contact-server.mjs';

/**
 * The instant every server test runs at unless it states another (each test file pins it first), so the suite
 * passes on any real date: a Tuesday morning in November, Berlin on winter time.
 */
export const TODAY = '2026-11-24T10:00:00+01:00';

/** Milliseconds per day of 24 hours. */
export const DAY = 86_400_000;

/**
 * Runs the rest of test `t` at `instant`: the server's clock stands still there, and is back at TODAY after the test.
 * @param {import('node:test').TestContext} t
 * @param {string | Date} instant
 */
export function at(t, instant) {
  setClock(instant);
  t.after(() => setClock(TODAY));
}

/** A fresh folder, removed after the test. @param {import('node:test').TestContext} t */
export function tempDir(t) {
  const dir = mkdtempSync(join(tmpdir(), 'kpr-contact-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * A server on its own file, closed after the test.
 * @param {import('node:test').TestContext} t
 * @param {import('../../server/config.mjs').ContactServerOptions} [options]
 */
export async function server(t, options = {}) {
  const app = buildContactServer({ dbPath: join(tempDir(t), 'contact.sqlite'), rateLimit: false, ...options });
  t.after(() => app.close());
  await app.ready();
  return app;
}

export const valid = () => ({ topic: 'graffiti', message: 'Graffiti an der Bushaltestelle Hauptstraße.', place: 'Hauptstraße 1', consent: true, wantsAnswer: false, language: 'de', fillMs: 12_000 });

/**
 * POSTs a message with inject.
 * @param {import('fastify').FastifyInstance} app
 * @param {unknown} body an object (sent as JSON) or a string (sent as it is)
 * @param {Record<string, string>} [headers]
 */
export function post(app, body, headers = {}) {
  return app.inject({
    method: 'POST',
    url: '/messages',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), ...headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Rows in the file, counted directly. @param {import('fastify').FastifyInstance} app */
export function rowCount(app) {
  return /** @type {any} */ (app).contact.store.db.prepare('SELECT count(*) FROM messages').pluck().get();
}

/**
 * Just enough SMTP for nodemailer on a free port, closed after the test: no TLS, no auth; collects each
 * message's DATA (headers and text) in `mails`.
 * @param {import('node:test').TestContext} t
 */
export async function fakeSmtp(t) {
  const { createServer } = await import('node:net');
  /** @type {string[]} */
  const mails = [];
  const smtp = createServer((socket) => {
    let buffer = '';
    let inData = false;
    socket.write('220 fake ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      while (true) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          mails.push(buffer.slice(0, end));
          buffer = buffer.slice(end + 5);
          inData = false;
          socket.write('250 queued\r\n');
          continue;
        }
        const newline = buffer.indexOf('\r\n');
        if (newline < 0) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250-fake\r\n250 8BITMIME\r\n');
        else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  await new Promise((resolve) => smtp.listen(0, '127.0.0.1', () => resolve(undefined)));
  t.after(() => new Promise((resolve) => smtp.close(resolve)));
  return { url: `smtp://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (smtp.address()).port}`, mails };
}

/** @typedef {{ idempotency_key: string, reference: string }} StoredKey a stored message's key and reference */

/** Every message's key and reference in a SQLite file, read directly. @param {string} dbPath @returns {StoredKey[]} */
export function sqliteKeys(dbPath) {
  const db = new Database(dbPath, { readonly: true });
  try {
    return /** @type {StoredKey[]} */ (db.prepare('SELECT idempotency_key, reference FROM messages').all());
  } finally {
    db.close();
  }
}

/** Every message's key and reference in a PostgreSQL database. @param {string} databaseUrl @returns {Promise<StoredKey[]>} */
export async function postgresKeys(databaseUrl) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query('SELECT idempotency_key, reference FROM messages')).rows;
  } finally {
    await client.end();
  }
}
