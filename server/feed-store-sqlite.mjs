// The feed store in SQLite (FeedStore, feed-store.mjs): in the message store's file, on a connection of its own,
// with its own migrations (recorded in feed_migrations, so that the message store's user_version stays its own).
// Each publish is one IMMEDIATE transaction: the write lock is taken before the current version is read, so the
// check of the version the coordinator has seen and the write of the next one cannot be split by another writer,
// in this process or another. WAL with synchronous = FULL: a version is on disk when its promise resolves.
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { etagOf, isExpected } from './feed-store-shared.mjs';

/** @typedef {import('./feed-store.mjs').FeedStore} FeedStore */
/** @typedef {import('./feed-store.mjs').FeedVersion} FeedVersion */

/** Each entry is one schema version of the feed tables; never change one that has shipped. */
export const SQLITE_FEED_MIGRATIONS = [
  `CREATE TABLE feed_versions (
     town TEXT NOT NULL,
     feed TEXT NOT NULL,
     version INTEGER NOT NULL,
     etag TEXT NOT NULL,
     published_at TEXT NOT NULL,
     restored_from INTEGER,
     text TEXT NOT NULL,
     PRIMARY KEY (town, feed, version)
   );`,
];

/** @param {any} row @returns {FeedVersion} */
const fromRow = (row) => ({
  town: row.town,
  feed: row.feed,
  version: row.version,
  etag: row.etag,
  publishedAt: row.published_at,
  bytes: row.bytes,
  restoredFrom: row.restored_from,
});
/** @param {any} row */
const withText = (row) => (row ? { ...fromRow(row), text: /** @type {string} */ (row.text) } : undefined);

const COLUMNS = 'town, feed, version, etag, published_at, restored_from, length(CAST(text AS BLOB)) AS bytes';

/**
 * @param {string} path the SQLite file (the message store's)
 * @param {{ now: () => Date, keepVersions: number }} options
 * @returns {FeedStore & { kind: 'sqlite', db: import('better-sqlite3').Database }}
 */
export function openSqliteFeedStore(path, { now, keepVersions }) {
  const Database = /** @type {typeof import('better-sqlite3')} */ (createRequire(import.meta.url)('better-sqlite3'));
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL'); // per connection: this one's commits are fsynced too
  db.pragma('busy_timeout = 5000');
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS feed_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const from = /** @type {number} */ (db.prepare('SELECT coalesce(max(version), 0) FROM feed_migrations').pluck().get());
    if (from > SQLITE_FEED_MIGRATIONS.length) throw new Error(`the file's feed tables are version ${from}, newer than this server knows (${SQLITE_FEED_MIGRATIONS.length}): update the server`);
    for (let version = from + 1; version <= SQLITE_FEED_MIGRATIONS.length; version++) {
      db.exec(SQLITE_FEED_MIGRATIONS[version - 1]);
      db.prepare('INSERT INTO feed_migrations (version, applied_at) VALUES (?, ?)').run(version, now().toISOString());
    }
  }).immediate();

  const newest = db.prepare(`SELECT ${COLUMNS}, text FROM feed_versions WHERE town = ? AND feed = ? ORDER BY version DESC LIMIT 1`);
  const one = db.prepare(`SELECT ${COLUMNS}, text FROM feed_versions WHERE town = ? AND feed = ? AND version = ?`);
  const all = db.prepare(`SELECT ${COLUMNS} FROM feed_versions WHERE town = ? AND feed = ? ORDER BY version DESC`);
  const insert = db.prepare('INSERT INTO feed_versions (town, feed, version, etag, published_at, restored_from, text) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const prune = db.prepare('DELETE FROM feed_versions WHERE town = ? AND feed = ? AND version <= ?');

  /**
   * The next version, if the current one is the expected one (inside the caller's transaction).
   * @param {{ town: string, feed: string, expected: string | null }} request @param {string} text @param {number | null} restoredFrom
   */
  const publishIn = ({ town, feed, expected }, text, restoredFrom) => {
    const current = withText(newest.get(town, feed));
    if (!isExpected(current, expected)) return { conflict: stripText(current) };
    if (current && current.text === text && restoredFrom === null) return { published: stripText(current), created: false };
    const version = (current?.version ?? 0) + 1;
    insert.run(town, feed, version, etagOf(version, text), now().toISOString(), restoredFrom, text);
    prune.run(town, feed, version - keepVersions);
    return { published: /** @type {FeedVersion} */ (stripText(withText(one.get(town, feed, version)))), created: true };
  };
  const publish = db.transaction((/** @type {{ town: string, feed: string, text: string, expected: string | null }} */ request) => publishIn(request, request.text, null));
  const restore = db.transaction((/** @type {{ town: string, feed: string, version: number, expected: string | null }} */ request) => {
    const old = one.get(request.town, request.feed, request.version);
    if (!old) return { missing: /** @type {const} */ (true) };
    return publishIn(request, /** @type {any} */ (old).text, request.version);
  });

  return {
    kind: 'sqlite',
    db,
    async ready() {},
    async publish(request) {
      return /** @type {any} */ (publish.immediate(request));
    },
    async restore(request) {
      return /** @type {any} */ (restore.immediate(request));
    },
    async current(town, feed) {
      return withText(newest.get(town, feed));
    },
    async get(town, feed, version) {
      return withText(one.get(town, feed, version));
    },
    async list(town, feed) {
      return all.all(town, feed).map(fromRow);
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

/** @param {(FeedVersion & { text?: string }) | undefined} version */
function stripText(version) {
  if (!version) return undefined;
  const { text, ...rest } = version;
  return rest;
}
