// The PostgreSQL message store (KPR_CONTACT_DATABASE_URL=postgres://…): for one endpoint serving many towns from
// two or more server processes behind a load balancer, which one SQLite file cannot. Same contract as the SQLite
// store (MessageStore in store.mjs, tested by tests/server/store-contract.mjs):
//   - a message is acknowledged only after its COMMIT has returned, with synchronous_commit on (set for every
//     connection, whatever the server's default), so the commit is in the WAL on disk before the 201;
//   - the idempotency key is unique per town by a constraint, not by a look-up: two processes that get the same
//     message at once store it once, and the second answers with the first reference;
//   - references are unique over all towns (a constraint; a collision draws again);
//   - the schema migrates at start-up, in one transaction under an advisory lock, so two processes starting
//     together do not both run a migration (store-postgres-schema.mjs);
//   - messages that arrive together share one INSERT, one COMMIT (store-postgres-batch.mjs).
import { createRequire } from 'node:module';
import { now as clockNow } from './clock.mjs';
import { batchedSaves } from './store-postgres-batch.mjs';
import { migrate } from './store-postgres-schema.mjs';
import { column, cutoffFor, FIELDS, newReference, PROBE_BYTES, violates } from './store-shared.mjs';

export { POSTGRES_MIGRATIONS } from './store-postgres-schema.mjs';

/** @typedef {import('./store.mjs').MessageStore} MessageStore */
/** @typedef {import('./store.mjs').StoredMessage} StoredMessage */
/** @typedef {import('./store.mjs').SaveResult} SaveResult */
/** @typedef {Parameters<MessageStore['saveMessage']>[0]} SaveRequest */

const INSERT = `INSERT INTO messages (town, reference, idempotency_key, received_at, ${FIELDS.map(column).join(', ')}, spam, spam_reason)
  VALUES ($1, $2, $3, $4, ${FIELDS.map((_, i) => `$${i + 5}`).join(', ')}, $${FIELDS.length + 5}, $${FIELDS.length + 6})
  ON CONFLICT (town, idempotency_key) DO NOTHING
  RETURNING reference`;

/** @param {Date | null} date */
const iso = (date) => (date ? date.toISOString() : null);

/** @param {any} row @returns {StoredMessage} */
function fromRow(row) {
  return {
    reference: row.reference,
    town: row.town,
    receivedAt: /** @type {string} */ (iso(row.received_at)),
    topic: row.topic,
    message: row.message,
    place: row.place,
    name: row.name,
    email: row.email,
    phone: row.phone,
    wantsAnswer: row.wants_answer,
    language: row.language,
    page: row.page,
    fillMs: row.fill_ms,
    spam: row.spam,
    spamReason: row.spam_reason,
    forwardedAt: iso(row.forwarded_at),
    forwardAttempts: row.forward_attempts,
    forwardError: row.forward_error,
  };
}

/**
 * Connects to the database and migrates it in the background; every method waits for that (await `ready()` to
 * know it worked).
 * @param {string} databaseUrl `postgres://user:password@host:5432/database` (`?host=/run/postgresql` for a socket)
 * @param {{ now?: () => Date, poolSize?: number }} [options] `now`: the clock (default: the server's);
 *   `poolSize`: connections per process (default 10)
 * @returns {MessageStore & { kind: 'postgres', pool: import('pg').Pool }}
 */
export function openPostgresStore(databaseUrl, { now = clockNow, poolSize = 10 } = {}) {
  // Loaded here rather than imported: a host on SQLite need not install pg.
  const pg = /** @type {typeof import('pg')} */ (createRequire(import.meta.url)('pg'));
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize,
    application_name: 'kpr-contact',
    // A commit returns only once it is on disk, whatever postgresql.conf says: the 201 promises that.
    options: '-c synchronous_commit=on',
    connectionTimeoutMillis: 10_000,
  });
  // A connection that breaks while idle (the database restarts) is dropped from the pool and the next query
  // opens another; a query on a broken connection rejects, and the request answers 500. Without a listener the
  // pool's 'error' event would end the process.
  pool.on('error', () => {});
  const migrated = migrate(pool);
  migrated.catch(() => {}); // reported by ready() and by every method
  /** @param {string} text @param {unknown[]} [values] */
  const query = async (text, values) => {
    await migrated;
    return pool.query(text, values);
  };
  let closed = false;

  /** Stores one message in a transaction of its own. @param {SaveRequest} message @returns {Promise<SaveResult>} */
  async function saveOne({ town, key, body, spamReason, challenge }) {
    await migrated;
    const values = FIELDS.map((field) => (field === 'wantsAnswer' ? !!body.wantsAnswer : (body[field] ?? null)));
    const receivedAt = now().toISOString();
    // Without ALTCHA one statement is the whole transaction (autocommit): its answer comes after the COMMIT.
    // With ALTCHA, the solution is marked used in the same transaction as the message is stored.
    const client = challenge ? await pool.connect() : pool;
    try {
      if (challenge) await client.query('BEGIN');
      /** @type {string | undefined} */
      let reference;
      for (let attempt = 0; ; attempt++) {
        try {
          // A concurrent insert of the same key waits here for the other to commit, then inserts nothing.
          const { rows } = await client.query(INSERT, [town, newReference(now()), key, receivedAt, ...values, !!spamReason, spamReason ?? null]);
          reference = rows[0]?.reference;
          break;
        } catch (error) {
          // A reference collision (1 in 887 million per pair) draws again. Inside the ALTCHA transaction the
          // failed statement has aborted it: that rare request answers 500, and the widget retries with its key.
          if (attempt < 5 && violates(error, 'messages_reference_unique') && !challenge) continue;
          throw error;
        }
      }
      if (reference === undefined) {
        if (challenge) await client.query('ROLLBACK');
        const first = await client.query('SELECT reference FROM messages WHERE town = $1 AND idempotency_key = $2', [town, key]);
        return { reference: first.rows[0].reference, created: false };
      }
      if (challenge) {
        const used = await client.query('INSERT INTO altcha_used (signature, expires_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING signature', [challenge.signature, challenge.expiresAt]);
        if (used.rowCount === 0) {
          await client.query('ROLLBACK');
          return { challengeUsed: true };
        }
        await client.query('COMMIT');
      }
      return { reference, created: true };
    } catch (error) {
      if (challenge) await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      if (challenge) /** @type {import('pg').PoolClient} */ (client).release();
    }
  }

  const saveTogether = batchedSaves({ pool, migrated, now, saveOne, maxBatches: Math.max(1, Math.min(4, poolSize - 2)) });

  return {
    kind: 'postgres',
    pool,
    ready: () => migrated,
    async referenceFor(town, key) {
      const { rows } = await query('SELECT reference FROM messages WHERE town = $1 AND idempotency_key = $2', [town, key]);
      return rows[0]?.reference;
    },
    saveMessage(message) {
      // With ALTCHA the solution is marked used in the message's own transaction; the others share statements.
      return message.challenge ? saveOne(message) : saveTogether(message);
    },
    async get(reference) {
      const { rows } = await query('SELECT * FROM messages WHERE reference = $1', [reference]);
      return rows[0] ? fromRow(rows[0]) : undefined;
    },
    async list(town, { includeSpam = false } = {}) {
      const { rows } = await query(`SELECT * FROM messages WHERE town = $1${includeSpam ? '' : ' AND NOT spam'} ORDER BY received_at DESC, id DESC`, [town]);
      return rows.map(fromRow);
    },
    async pendingForwards(maxAttempts) {
      const { rows } = await query('SELECT * FROM messages WHERE NOT spam AND forwarded_at IS NULL AND forward_attempts < $1 ORDER BY id', [maxAttempts]);
      return rows.map(fromRow);
    },
    async claimForward(reference, { maxAttempts, leaseMs }) {
      // One statement: of two processes claiming at once, the second waits for the first's row lock, then finds
      // the claim alive and updates nothing.
      const time = now().getTime();
      const { rows } = await query(
        `UPDATE messages SET forward_claimed_until = $4
         WHERE reference = $1 AND NOT spam AND forwarded_at IS NULL AND forward_attempts < $2
           AND (forward_claimed_until IS NULL OR forward_claimed_until <= $3)
         RETURNING *`,
        [reference, maxAttempts, new Date(time).toISOString(), new Date(time + leaseMs).toISOString()],
      );
      return rows[0] ? fromRow(rows[0]) : undefined;
    },
    async markForwarded(reference) {
      await query('UPDATE messages SET forwarded_at = $1, forward_attempts = forward_attempts + 1, forward_error = NULL, forward_claimed_until = NULL WHERE reference = $2', [now().toISOString(), reference]);
    },
    async markForwardFailed(reference, error) {
      await query('UPDATE messages SET forward_attempts = forward_attempts + 1, forward_error = $1, forward_claimed_until = NULL WHERE reference = $2', [error.slice(0, 500), reference]);
    },
    async canStore() {
      // A committed write, as a message makes: it fails when the database refuses writes (disk full, read-only,
      // a standby, gone).
      await query(
        'INSERT INTO health_probe (id, checked_at, room) VALUES (1, $1, $2) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at, room = excluded.room',
        [now().toISOString(), Buffer.alloc(PROBE_BYTES)],
      );
    },
    async deleteOlderThan(days, { town } = {}) {
      const time = now().getTime();
      const cutoff = cutoffFor(time, days);
      await query('DELETE FROM altcha_used WHERE expires_at < $1', [Math.floor(time / 1000)]);
      const { rowCount } = town === undefined
        ? await query('DELETE FROM messages WHERE received_at < $1', [cutoff])
        : await query('DELETE FROM messages WHERE town = $1 AND received_at < $2', [town, cutoff]);
      // What "leaves nothing behind" means here: once the DELETE commits, no query, export or backup taken after
      // it sees the messages. Their bytes are still in the table's pages as dead row versions until VACUUM
      // (autovacuum, or this one) frees that space, which new rows then overwrite; and in the WAL until its
      // segments are recycled after the next checkpoints (longer where WAL is archived). VACUUM FULL would
      // rewrite the table at once but locks out every insert meanwhile, so the daily run uses plain VACUUM; keep
      // the database on an encrypted disk, and rotate pg_dump backups within the retention.
      if (rowCount) await query('VACUUM messages');
      return rowCount ?? 0;
    },
    async close() {
      if (closed) return;
      closed = true;
      await migrated.catch(() => {});
      await pool.end();
    },
  };
}
