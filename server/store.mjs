// The message store: one SQLite file (better-sqlite3, synchronous). Every write is one transaction that is on
// disk before the request is answered: WAL journal with `synchronous = FULL` fsyncs the WAL at each commit, so
// neither a killed process nor a power cut after the answer loses an acknowledged message (NORMAL would survive
// a killed process, but a power cut could roll back the last commits). See docs/contact-api.md.
import { randomInt } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { berlinDate, now as clockNow } from './clock.mjs';

/**
 * @typedef {object} StoredMessage
 * @property {string} reference
 * @property {string} receivedAt ISO 8601, UTC
 * @property {string | null} topic
 * @property {string} message
 * @property {string | null} place
 * @property {string | null} name
 * @property {string | null} email
 * @property {string | null} phone
 * @property {boolean} wantsAnswer
 * @property {string | null} language
 * @property {string | null} page
 * @property {number | null} fillMs
 * @property {boolean} spam
 * @property {string | null} spamReason `honeypot` or `too-fast`
 * @property {string | null} forwardedAt when the e-mail to the coordinator was accepted by the SMTP server
 * @property {number} forwardAttempts
 * @property {string | null} forwardError the last forwarding error
 */

/** The fields of the contract that are stored, in column order (snake_case in SQL). */
const FIELDS = ['topic', 'message', 'place', 'name', 'email', 'phone', 'wantsAnswer', 'language', 'page', 'fillMs'];
const column = (/** @type {string} */ field) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const MIGRATIONS = [
  `CREATE TABLE messages (
     id INTEGER PRIMARY KEY,
     reference TEXT NOT NULL UNIQUE,
     idempotency_key TEXT NOT NULL UNIQUE,
     received_at TEXT NOT NULL,
     topic TEXT, message TEXT NOT NULL, place TEXT, name TEXT, email TEXT, phone TEXT,
     wants_answer INTEGER NOT NULL DEFAULT 0, language TEXT, page TEXT, fill_ms INTEGER,
     spam INTEGER NOT NULL DEFAULT 0, spam_reason TEXT,
     forwarded_at TEXT, forward_attempts INTEGER NOT NULL DEFAULT 0, forward_error TEXT
   );
   CREATE INDEX messages_received_at ON messages (received_at);
   CREATE TABLE altcha_used (signature TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);`,
  // GET /health writes its one row here (see canStore).
  `CREATE TABLE health_probe (id INTEGER PRIMARY KEY CHECK (id = 1), checked_at TEXT NOT NULL, room BLOB NOT NULL);`,
];

/**
 * How much the health probe writes: more than a message usually does (its row and three index entries, four
 * pages of 4 KB), so that when a message would no longer fit in the file or its journal, the probe does not either.
 */
const PROBE_BYTES = 16 * 1024;

/** Reference alphabet: no 0/O, 1/I/L, so a resident can read it out on the phone. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * `KPR-2026-7KQ4MX`: the year in Germany, then 6 random characters (31⁶ ≈ 887 million), so a reference reveals
 * no count. A message sent at 00:30 on New Year's Day in Bannewitz gets the new year, though UTC is still in the old.
 */
export function newReference(date = clockNow()) {
  let code = '';
  for (let i = 0; i < 6; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `KPR-${berlinDate(date).slice(0, 4)}-${code}`;
}

/** @param {any} row @returns {StoredMessage} */
function fromRow(row) {
  return {
    reference: row.reference,
    receivedAt: row.received_at,
    topic: row.topic,
    message: row.message,
    place: row.place,
    name: row.name,
    email: row.email,
    phone: row.phone,
    wantsAnswer: row.wants_answer === 1,
    language: row.language,
    page: row.page,
    fillMs: row.fill_ms,
    spam: row.spam === 1,
    spamReason: row.spam_reason,
    forwardedAt: row.forwarded_at,
    forwardAttempts: row.forward_attempts,
    forwardError: row.forward_error,
  };
}

/**
 * Opens (and creates or migrates) the store.
 * @param {string} path the SQLite file; its folder is created
 * @param {{ now?: () => Date }} [options] `now`: the clock (default: the server's, server/clock.mjs)
 */
export function openStore(path, { now = clockNow } = {}) {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON'); // deleted messages are overwritten, not left in free pages
  const version = /** @type {number} */ (db.pragma('user_version', { simple: true }));
  db.transaction(() => {
    for (let v = version; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  })();

  const insert = db.prepare(
    `INSERT INTO messages (reference, idempotency_key, received_at, ${FIELDS.map(column).join(', ')}, spam, spam_reason)
     VALUES (@reference, @key, @receivedAt, ${FIELDS.map((f) => `@${f}`).join(', ')}, @spam, @spamReason)`,
  );
  const byKey = db.prepare('SELECT reference FROM messages WHERE idempotency_key = ?').pluck();
  const byReference = db.prepare('SELECT * FROM messages WHERE reference = ?');
  const listAll = db.prepare('SELECT * FROM messages ORDER BY received_at DESC, id DESC');
  const listHam = db.prepare('SELECT * FROM messages WHERE spam = 0 ORDER BY received_at DESC, id DESC');
  const useChallenge = db.prepare('INSERT OR IGNORE INTO altcha_used (signature, expires_at) VALUES (?, ?)');
  const pending = db.prepare('SELECT * FROM messages WHERE spam = 0 AND forwarded_at IS NULL AND forward_attempts < ? ORDER BY id');
  const forwarded = db.prepare('UPDATE messages SET forwarded_at = ?, forward_attempts = forward_attempts + 1, forward_error = NULL WHERE reference = ?');
  const forwardFailed = db.prepare('UPDATE messages SET forward_attempts = forward_attempts + 1, forward_error = ? WHERE reference = ?');
  const deleteOld = db.prepare('DELETE FROM messages WHERE received_at < ?');
  const deleteExpired = db.prepare('DELETE FROM altcha_used WHERE expires_at < ?');
  const probe = db.prepare('INSERT OR REPLACE INTO health_probe (id, checked_at, room) VALUES (1, ?, zeroblob(?))');

  /** Inserts with a fresh reference; a reference collision (1 in 887 million per pair) draws again. */
  const insertMessage = db.transaction((/** @type {Record<string, unknown>} */ values, /** @type {{ signature: string, expiresAt: number } | undefined} */ challenge) => {
    if (challenge && useChallenge.run(challenge.signature, challenge.expiresAt).changes === 0) return { challengeUsed: true };
    for (let attempt = 0; ; attempt++) {
      const reference = newReference(now());
      try {
        insert.run({ ...values, reference });
        return { reference };
      } catch (error) {
        const message = String(/** @type {Error} */ (error).message);
        if (attempt < 5 && message.includes('messages.reference')) continue;
        throw error;
      }
    }
  });

  return {
    db,
    /** The reference already given for this idempotency key, if any. @param {string} key */
    referenceFor(key) {
      return /** @type {string | undefined} */ (byKey.get(key));
    },
    /**
     * Stores a message; resolves a concurrent insert with the same key to the first reference.
     * @param {string} key the Idempotency-Key
     * @param {Record<string, any>} body the validated body
     * @param {{ spamReason?: string, challenge?: { signature: string, expiresAt: number } }} [extra]
     * @returns {{ reference: string, created: boolean } | { challengeUsed: true }}
     */
    saveMessage(key, body, { spamReason, challenge } = {}) {
      const existing = byKey.get(key);
      if (existing) return { reference: /** @type {string} */ (existing), created: false };
      /** @type {Record<string, unknown>} */
      const values = { key, receivedAt: now().toISOString(), spam: spamReason ? 1 : 0, spamReason: spamReason ?? null };
      for (const field of FIELDS) values[field] = body[field] ?? null;
      values.wantsAnswer = body.wantsAnswer ? 1 : 0;
      try {
        const result = insertMessage(values, challenge);
        return 'reference' in result ? { reference: /** @type {string} */ (result.reference), created: true } : { challengeUsed: true };
      } catch (error) {
        const existing = byKey.get(key);
        if (existing && String(/** @type {Error} */ (error).message).includes('messages.idempotency_key')) return { reference: /** @type {string} */ (existing), created: false };
        throw error;
      }
    },
    /** @param {string} reference @returns {StoredMessage | undefined} */
    get(reference) {
      const row = byReference.get(reference);
      return row ? fromRow(row) : undefined;
    },
    /** Newest first. @param {{ includeSpam?: boolean }} [options] @returns {StoredMessage[]} */
    list({ includeSpam = false } = {}) {
      return (includeSpam ? listAll : listHam).all().map(fromRow);
    },
    /** Messages still to be forwarded by e-mail. @param {number} maxAttempts @returns {StoredMessage[]} */
    pendingForwards(maxAttempts) {
      return pending.all(maxAttempts).map(fromRow);
    },
    /** @param {string} reference */
    markForwarded(reference) {
      forwarded.run(now().toISOString(), reference);
    },
    /** @param {string} reference @param {string} error */
    markForwardFailed(reference, error) {
      forwardFailed.run(error.slice(0, 500), reference);
    },
    /**
     * Whether a message can be stored now, found by writing as a message does: one transaction, on disk (fsync)
     * before it returns. Throws what the store says when it cannot (a read-only or full disk, a locked file).
     */
    canStore() {
      probe.run(now().toISOString(), PROBE_BYTES);
    },
    /** Deletes messages older than `days` days and expired ALTCHA records; returns how many messages went. @param {number} days */
    deleteOlderThan(days) {
      // Days of 24 hours: a message is kept just as long across the nights the clocks change.
      const time = now().getTime();
      const cutoff = new Date(time - days * 86_400_000).toISOString();
      deleteExpired.run(Math.floor(time / 1000));
      const removed = deleteOld.run(cutoff).changes;
      // Copy the WAL back into the file and empty it, so deleted messages do not linger in the journal.
      if (removed) db.pragma('wal_checkpoint(TRUNCATE)');
      return removed;
    },
    close() {
      if (db.open) db.close();
    },
  };
}

/** @typedef {ReturnType<typeof openStore>} Store */
