// The feed store in PostgreSQL (FeedStore, feed-store.mjs): in the message store's database, with its own pool
// and its own migrations (recorded in feed_migrations, under an advisory lock of their own, as the message store's
// are: store-postgres-schema.mjs). Each publish is one transaction that first takes an advisory lock on the town
// and feed: of two processes publishing the same feed at once, the second reads the current version only after
// the first has committed, so the check of the version the coordinator has seen holds. synchronous_commit is on
// for every connection: a version is on disk when its promise resolves.
import { createRequire } from 'node:module';
import { etagOf, isExpected } from './feed-store-shared.mjs';
import { runMigrations } from './store-postgres-schema.mjs';

/** @typedef {import('./feed-store.mjs').FeedStore} FeedStore */
/** @typedef {import('./feed-store.mjs').FeedVersion} FeedVersion */

/** Any number, the same in every process, other than the message store's: the lock the feed migrations hold. */
const MIGRATION_LOCK = 0x4b50_5202;

/** Each entry is one schema version of the feed tables; never change one that has shipped. */
export const POSTGRES_FEED_MIGRATIONS = [
  `CREATE TABLE feed_versions (
     town text NOT NULL,
     feed text NOT NULL,
     version integer NOT NULL,
     etag text NOT NULL,
     published_at timestamptz NOT NULL,
     restored_from integer,
     text text NOT NULL,
     PRIMARY KEY (town, feed, version)
   );`,
];

const COLUMNS = 'town, feed, version, etag, published_at, restored_from, octet_length(text) AS bytes';

/** @param {any} row @returns {FeedVersion} */
const fromRow = (row) => ({
  town: row.town,
  feed: row.feed,
  version: row.version,
  etag: row.etag,
  publishedAt: row.published_at.toISOString(),
  bytes: row.bytes,
  restoredFrom: row.restored_from,
});
/** @param {any} row */
const withText = (row) => (row ? { ...fromRow(row), text: /** @type {string} */ (row.text) } : undefined);

/** The feed store's migrations, beside the message store's in the same database. @param {import('pg').Pool} pool */
const migrate = (pool) => runMigrations(pool, { table: 'feed_migrations', lock: MIGRATION_LOCK, migrations: POSTGRES_FEED_MIGRATIONS, what: "the database's feed tables" });

/**
 * @param {string} databaseUrl
 * @param {{ now: () => Date, keepVersions: number, poolSize?: number }} options
 * @returns {FeedStore & { kind: 'postgres', pool: import('pg').Pool }}
 */
export function openPostgresFeedStore(databaseUrl, { now, keepVersions, poolSize = 4 }) {
  const pg = /** @type {typeof import('pg')} */ (createRequire(import.meta.url)('pg'));
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, application_name: 'kpr-feeds', options: '-c synchronous_commit=on', connectionTimeoutMillis: 10_000 });
  pool.on('error', () => {}); // a broken idle connection is dropped; the next query opens another
  const migrated = migrate(pool);
  migrated.catch(() => {}); // reported by ready() and by every query
  let closed = false;

  /** @param {string} sql @param {unknown[]} params */
  const query = async (sql, params) => {
    await migrated;
    return pool.query(sql, params);
  };

  /**
   * One transaction: the feed's lock, the current version, the check, the next version, the pruning.
   * @param {{ town: string, feed: string, expected: string | null }} request
   * @param {(client: import('pg').PoolClient) => Promise<{ text: string, restoredFrom: number | null } | undefined>} source
   *   the text to publish (none: the version to restore does not exist)
   */
  const publishIn = async ({ town, feed, expected }, source) => {
    await migrated;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`kpr-feed ${town} ${feed}`]);
      const found = await source(client);
      if (!found) {
        await client.query('ROLLBACK');
        return { missing: /** @type {const} */ (true) };
      }
      const { rows } = await client.query(`SELECT ${COLUMNS}, text FROM feed_versions WHERE town = $1 AND feed = $2 ORDER BY version DESC LIMIT 1`, [town, feed]);
      const current = withText(rows[0]);
      if (!isExpected(current, expected) || (current && current.text === found.text && found.restoredFrom === null)) {
        await client.query('ROLLBACK');
        if (!isExpected(current, expected)) return { conflict: current && fromRow(rows[0]) };
        return { published: fromRow(rows[0]), created: false };
      }
      const version = (current?.version ?? 0) + 1;
      const inserted = await client.query(
        `INSERT INTO feed_versions (town, feed, version, etag, published_at, restored_from, text) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
        [town, feed, version, etagOf(version, found.text), now().toISOString(), found.restoredFrom, found.text],
      );
      await client.query('DELETE FROM feed_versions WHERE town = $1 AND feed = $2 AND version <= $3', [town, feed, version - keepVersions]);
      await client.query('COMMIT');
      return { published: fromRow(inserted.rows[0]), created: true };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };

  return {
    kind: 'postgres',
    pool,
    async ready() {
      await migrated;
    },
    async publish(request) {
      return /** @type {any} */ (await publishIn(request, async () => ({ text: request.text, restoredFrom: null })));
    },
    async restore(request) {
      return publishIn(request, async (client) => {
        const { rows } = await client.query('SELECT text FROM feed_versions WHERE town = $1 AND feed = $2 AND version = $3', [request.town, request.feed, request.version]);
        return rows[0] ? { text: rows[0].text, restoredFrom: request.version } : undefined;
      });
    },
    async current(town, feed) {
      const { rows } = await query(`SELECT ${COLUMNS}, text FROM feed_versions WHERE town = $1 AND feed = $2 ORDER BY version DESC LIMIT 1`, [town, feed]);
      return withText(rows[0]);
    },
    async get(town, feed, version) {
      const { rows } = await query(`SELECT ${COLUMNS}, text FROM feed_versions WHERE town = $1 AND feed = $2 AND version = $3`, [town, feed, version]);
      return withText(rows[0]);
    },
    async list(town, feed) {
      const { rows } = await query(`SELECT ${COLUMNS} FROM feed_versions WHERE town = $1 AND feed = $2 ORDER BY version DESC`, [town, feed]);
      return rows.map(fromRow);
    },
    async close() {
      if (closed) return;
      closed = true;
      await migrated.catch(() => {});
      await pool.end();
    },
  };
}
