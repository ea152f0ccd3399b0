// The PostgreSQL store's schema (store-postgres.mjs): its migrations, and how a database gets them. They run at
// every start-up, in one transaction under an advisory lock, so that two processes starting together do not both
// run one; each is recorded in schema_migrations.

/** Any number, the same in every process of this program: the advisory lock the migrations hold. */
const MIGRATION_LOCK = 0x4b50_5201;

/** Each entry is one schema version (its index + 1 in schema_migrations); never change one that has shipped. */
export const POSTGRES_MIGRATIONS = [
  `CREATE TABLE messages (
     id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     town text NOT NULL,
     reference text NOT NULL CONSTRAINT messages_reference_unique UNIQUE,
     idempotency_key text NOT NULL,
     received_at timestamptz NOT NULL,
     topic text, message text NOT NULL, place text, name text, email text, phone text,
     wants_answer boolean NOT NULL DEFAULT false, language text, page text, fill_ms integer,
     spam boolean NOT NULL DEFAULT false, spam_reason text,
     forwarded_at timestamptz, forward_attempts integer NOT NULL DEFAULT 0, forward_error text,
     CONSTRAINT messages_town_key_unique UNIQUE (town, idempotency_key)
   );
   CREATE INDEX messages_town_received_at ON messages (town, received_at);
   CREATE INDEX messages_pending_forward ON messages (id) WHERE forwarded_at IS NULL AND NOT spam;
   CREATE TABLE altcha_used (signature text PRIMARY KEY, expires_at bigint NOT NULL);
   CREATE TABLE health_probe (id integer PRIMARY KEY CHECK (id = 1), checked_at timestamptz NOT NULL, room bytea NOT NULL);`,
  // Which process is forwarding a message, until when (see claimForward): several processes must not each send it.
  `ALTER TABLE messages ADD COLUMN forward_claimed_until timestamptz;`,
];

/**
 * Runs the migrations the database has not had, in one transaction under an advisory lock: a second process
 * starting at the same moment waits, then finds them done. The message store's and the feed store's
 * (feed-store-postgres.mjs) each keep their versions in a table of their own.
 * @param {import('pg').Pool} pool
 * @param {{ table: string, lock: number, migrations: string[], what: string }} set
 *   `what`: the tables' name in an error, "the database's schema"
 */
export async function runMigrations(pool, { table, lock, migrations, what }) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [lock]);
    await client.query(`CREATE TABLE IF NOT EXISTS ${table} (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query(`SELECT coalesce(max(version), 0) AS version FROM ${table}`);
    const from = Number(rows[0].version);
    if (from > migrations.length) throw new Error(`${what} is version ${from}, newer than this server knows (${migrations.length}): update the server`);
    for (let version = from + 1; version <= migrations.length; version++) {
      await client.query(migrations[version - 1]);
      await client.query(`INSERT INTO ${table} (version) VALUES ($1)`, [version]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** The message store's migrations. @param {import('pg').Pool} pool */
export function migrate(pool) {
  return runMigrations(pool, { table: 'schema_migrations', lock: MIGRATION_LOCK, migrations: POSTGRES_MIGRATIONS, what: "the database's schema" });
}
