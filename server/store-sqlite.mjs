// The embedded message store: one SQLite file (better-sqlite3). Every write is committed, on disk, before its
// promise resolves and the request is answered: WAL journal with `synchronous = FULL` fsyncs the WAL at each
// commit, so neither a killed process nor a power cut after the answer loses an acknowledged message (NORMAL
// would survive a killed process, but a power cut could roll back the last commits). See docs/contact-api.md.
// Messages that arrive together share a commit (group commit, see saveMessage). better-sqlite3 works
// synchronously; the other methods are async only to keep the contract (MessageStore, store.mjs) that the
// PostgreSQL store shares. One file belongs to one host: several processes behind a load balancer need
// PostgreSQL (store-postgres.mjs).
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { now as clockNow } from './clock.mjs';
import { column, cutoffFor, FIELDS, newReference, PROBE_BYTES } from './store-shared.mjs';

/** @typedef {import('./store.mjs').MessageStore} MessageStore */
/** @typedef {import('./store.mjs').StoredMessage} StoredMessage */
/** @typedef {Parameters<MessageStore['saveMessage']>[0]} SaveRequest */


/** Each entry moves the file one `user_version` on; an old file runs the ones it has not had, in one transaction. */
export const SQLITE_MIGRATIONS = [
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
  // Every message belongs to a town; the messages of a single-town install are town 'default'. The idempotency
  // key is unique per town, so the column's own UNIQUE has to go: SQLite drops a constraint only by copying the
  // table (the id, and so the order of the export, is kept).
  `CREATE TABLE messages_by_town (
     id INTEGER PRIMARY KEY,
     town TEXT NOT NULL DEFAULT 'default',
     reference TEXT NOT NULL UNIQUE,
     idempotency_key TEXT NOT NULL,
     received_at TEXT NOT NULL,
     topic TEXT, message TEXT NOT NULL, place TEXT, name TEXT, email TEXT, phone TEXT,
     wants_answer INTEGER NOT NULL DEFAULT 0, language TEXT, page TEXT, fill_ms INTEGER,
     spam INTEGER NOT NULL DEFAULT 0, spam_reason TEXT,
     forwarded_at TEXT, forward_attempts INTEGER NOT NULL DEFAULT 0, forward_error TEXT,
     UNIQUE (town, idempotency_key)
   );
   INSERT INTO messages_by_town (id, reference, idempotency_key, received_at, topic, message, place, name, email, phone,
       wants_answer, language, page, fill_ms, spam, spam_reason, forwarded_at, forward_attempts, forward_error)
     SELECT id, reference, idempotency_key, received_at, topic, message, place, name, email, phone,
       wants_answer, language, page, fill_ms, spam, spam_reason, forwarded_at, forward_attempts, forward_error FROM messages;
   DROP TABLE messages;
   ALTER TABLE messages_by_town RENAME TO messages;
   CREATE INDEX messages_town_received_at ON messages (town, received_at);
   CREATE INDEX messages_received_at ON messages (received_at);`,
  // Which process is forwarding a message, until when (see claimForward): several processes must not each send it.
  `ALTER TABLE messages ADD COLUMN forward_claimed_until TEXT;`,
];

/** @param {any} row @returns {StoredMessage} */
function fromRow(row) {
  return {
    reference: row.reference,
    town: row.town,
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
 * Opens (and creates or migrates) the SQLite store. The file is open, and migrated, when this returns.
 * @param {string} path the SQLite file; its folder is created
 * @param {{ now?: () => Date }} [options] `now`: the clock (default: the server's, server/clock.mjs)
 * @returns {MessageStore & { kind: 'sqlite', db: import('better-sqlite3').Database }}
 */
export function openSqliteStore(path, { now = clockNow } = {}) {
  // Loaded here rather than imported: a host on PostgreSQL need not install better-sqlite3.
  const Database = /** @type {typeof import('better-sqlite3')} */ (createRequire(import.meta.url)('better-sqlite3'));
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON'); // deleted messages are overwritten, not left in free pages
  const version = /** @type {number} */ (db.pragma('user_version', { simple: true }));
  db.transaction(() => {
    for (let v = version; v < SQLITE_MIGRATIONS.length; v++) db.exec(SQLITE_MIGRATIONS[v]);
    db.pragma(`user_version = ${SQLITE_MIGRATIONS.length}`);
  })();

  const insert = db.prepare(
    `INSERT INTO messages (town, reference, idempotency_key, received_at, ${FIELDS.map(column).join(', ')}, spam, spam_reason)
     VALUES (@town, @reference, @key, @receivedAt, ${FIELDS.map((f) => `@${f}`).join(', ')}, @spam, @spamReason)`,
  );
  const byKey = db.prepare('SELECT reference FROM messages WHERE town = ? AND idempotency_key = ?').pluck();
  const byReference = db.prepare('SELECT * FROM messages WHERE reference = ?');
  const listAll = db.prepare('SELECT * FROM messages WHERE town = ? ORDER BY received_at DESC, id DESC');
  const listHam = db.prepare('SELECT * FROM messages WHERE town = ? AND spam = 0 ORDER BY received_at DESC, id DESC');
  const useChallenge = db.prepare('INSERT OR IGNORE INTO altcha_used (signature, expires_at) VALUES (?, ?)');
  const pending = db.prepare('SELECT * FROM messages WHERE spam = 0 AND forwarded_at IS NULL AND forward_attempts < ? ORDER BY id');
  const claim = db.prepare(
    `UPDATE messages SET forward_claimed_until = @until
     WHERE reference = @reference AND spam = 0 AND forwarded_at IS NULL AND forward_attempts < @maxAttempts
       AND (forward_claimed_until IS NULL OR forward_claimed_until <= @now)
     RETURNING *`,
  );
  const forwarded = db.prepare('UPDATE messages SET forwarded_at = ?, forward_attempts = forward_attempts + 1, forward_error = NULL, forward_claimed_until = NULL WHERE reference = ?');
  const forwardFailed = db.prepare('UPDATE messages SET forward_attempts = forward_attempts + 1, forward_error = ?, forward_claimed_until = NULL WHERE reference = ?');
  const deleteOldOfTown = db.prepare('DELETE FROM messages WHERE town = ? AND received_at < ?');
  const deleteOld = db.prepare('DELETE FROM messages WHERE received_at < ?');
  const deleteExpired = db.prepare('DELETE FROM altcha_used WHERE expires_at < ?');
  const probe = db.prepare('INSERT OR REPLACE INTO health_probe (id, checked_at, room) VALUES (1, ?, zeroblob(?))');

  /**
   * Stores one message inside the open transaction, in a savepoint of its own (a nested better-sqlite3
   * transaction), so that one message that fails leaves the others of its commit untouched. A key stored before
   * answers with its first reference; a reference collision (1 in 887 million per pair) draws again.
   * @type {(message: SaveRequest) => import('./store.mjs').SaveResult}
   */
  const saveOne = db.transaction(({ town, key, body, spamReason, challenge }) => {
    const existing = byKey.get(town, key);
    if (existing) return { reference: /** @type {string} */ (existing), created: false };
    if (challenge && useChallenge.run(challenge.signature, challenge.expiresAt).changes === 0) return { challengeUsed: true };
    /** @type {Record<string, unknown>} */
    const values = { town, key, receivedAt: now().toISOString(), spam: spamReason ? 1 : 0, spamReason: spamReason ?? null };
    for (const field of FIELDS) values[field] = body[field] ?? null;
    values.wantsAnswer = body.wantsAnswer ? 1 : 0;
    for (let attempt = 0; ; attempt++) {
      const reference = newReference(now());
      try {
        insert.run({ ...values, reference });
        return { reference, created: true };
      } catch (error) {
        if (attempt < 5 && String(/** @type {Error} */ (error).message).includes('messages.reference')) continue;
        throw error;
      }
    }
  });

  // Group commit. The commit's fsync is what a message costs; better-sqlite3 waits for it on the event loop, and
  // the requests that arrive meanwhile wait in the sockets. So saveMessage queues the message, and once the
  // requests at hand have been read (setImmediate runs after the event loop's I/O), all that are queued are
  // written in one transaction: one fsync for them all, and each promise settles only after that COMMIT has
  // returned, so a 201 still means on disk. The busier the endpoint, the more messages share a commit; a
  // lone message is committed at the next turn of the event loop, as before.
  /** @type {{ message: SaveRequest, resolve: (result: import('./store.mjs').SaveResult) => void, reject: (error: unknown) => void }[]} */
  let queued = [];
  /** Each message's result or error; throws (so that none is stored) when the transaction as a whole fails. */
  const commitTogether = db.transaction((/** @type {SaveRequest[]} */ messages) =>
    messages.map((message) => {
      try {
        return { result: saveOne(message) };
      } catch (error) {
        // SQLite ends the whole transaction on some errors (a full disk, I/O): then none of them is stored.
        if (!db.inTransaction) throw error;
        return { error };
      }
    }),
  );
  const commitQueued = () => {
    const entries = queued;
    queued = [];
    if (!entries.length) return;
    /** @type {({ result: import('./store.mjs').SaveResult } | { error: unknown })[]} */
    let outcomes;
    try {
      // IMMEDIATE: the write lock is taken first, so another process writing to the file makes this wait
      // (busy_timeout) rather than fail between the look-up of a key and the insert.
      outcomes = commitTogether.immediate(entries.map((entry) => entry.message));
    } catch (error) {
      for (const entry of entries) entry.reject(error);
      return;
    }
    outcomes.forEach((outcome, i) => ('result' in outcome ? entries[i].resolve(outcome.result) : entries[i].reject(outcome.error)));
  };

  return {
    kind: 'sqlite',
    db,
    async ready() {},
    async referenceFor(town, key) {
      return /** @type {string | undefined} */ (byKey.get(town, key));
    },
    saveMessage(message) {
      return new Promise((resolve, reject) => {
        if (queued.push({ message, resolve, reject }) === 1) setImmediate(commitQueued);
      });
    },
    async get(reference) {
      const row = byReference.get(reference);
      return row ? fromRow(row) : undefined;
    },
    async list(town, { includeSpam = false } = {}) {
      return (includeSpam ? listAll : listHam).all(town).map(fromRow);
    },
    async pendingForwards(maxAttempts) {
      return pending.all(maxAttempts).map(fromRow);
    },
    async claimForward(reference, { maxAttempts, leaseMs }) {
      const time = now().getTime();
      const row = claim.get({ reference, maxAttempts, now: new Date(time).toISOString(), until: new Date(time + leaseMs).toISOString() });
      return row ? fromRow(row) : undefined;
    },
    async markForwarded(reference) {
      forwarded.run(now().toISOString(), reference);
    },
    async markForwardFailed(reference, error) {
      forwardFailed.run(error.slice(0, 500), reference);
    },
    async canStore() {
      probe.run(now().toISOString(), PROBE_BYTES);
    },
    async deleteOlderThan(days, { town } = {}) {
      const time = now().getTime();
      deleteExpired.run(Math.floor(time / 1000));
      const cutoff = cutoffFor(time, days);
      const removed = (town === undefined ? deleteOld.run(cutoff) : deleteOldOfTown.run(town, cutoff)).changes;
      // Copy the WAL back into the file and empty it, so deleted messages do not linger in the journal
      // (secure_delete has overwritten them in the file itself).
      if (removed) db.pragma('wal_checkpoint(TRUNCATE)');
      return removed;
    },
    async close() {
      if (!db.open) return;
      commitQueued(); // what was queued is stored (and answered) before the file closes
      db.close();
    },
  };
}
