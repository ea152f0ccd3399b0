// The feed store: the feeds a town's coordinator publishes from the editor (goals, tips, events, news), every
// version kept, one of them current. Two implementations, as for messages (store.mjs), in the same database:
//   - SQLite (feed-store-sqlite.mjs), in the message store's file, on a connection of its own;
//   - PostgreSQL (feed-store-postgres.mjs), in the message store's database, for several server processes.
// Both pass the same contract tests (tests/server/feed-store-contract.mjs). A version is acknowledged only once it
// is committed to disk (SQLite: WAL with synchronous = FULL; PostgreSQL: synchronous_commit on): `publish` and
// `restore` resolve after the COMMIT, and the server answers 201 only then.
//
// The store checks the version the coordinator has seen in the same transaction as it writes the next one, so two
// coordinators publishing at once cannot both publish over the same version: one of them gets a conflict (412).
import { openPostgresFeedStore } from './feed-store-postgres.mjs';
import { openSqliteFeedStore } from './feed-store-sqlite.mjs';

export { etagOf, isExpected } from './feed-store-shared.mjs';

/** The feeds a town publishes, and the widget that reads each (its schema and checks are the validator's). */
export const FEED_WIDGETS = /** @type {const} */ ({ goals: 'goal-overview', tips: 'prevention-tips', events: 'event-calendar', news: 'news-feed' });

/**
 * How many versions of a feed are kept, the current one among them: enough to go back a year of weekly changes.
 * The oldest beyond that go when a new version is published (KPR_CONTACT_FEED_VERSIONS, option `feedVersions`).
 */
export const DEFAULT_KEPT_VERSIONS = 50;

/**
 * A published version of a feed.
 * @typedef {object} FeedVersion
 * @property {string} town
 * @property {string} feed `goals`, `tips`, `events` or `news`
 * @property {number} version 1, 2, …: each publish and each restore makes the next one
 * @property {string} etag its strong ETag, quoted: `"<version>-<first 16 hex digits of the text's SHA-256>"`
 * @property {string} publishedAt ISO 8601, UTC
 * @property {number} bytes the text's length in UTF-8
 * @property {number | null} restoredFrom the version this one restored, if it is a restore
 */

/** @typedef {FeedVersion & { text: string }} FeedVersionWithText the version and its text, exactly as published */

/**
 * `expected`: the ETag of the version the coordinator has seen, `*` for any, or null for "none yet".
 * @typedef {{ published: FeedVersion, created: boolean } | { conflict: FeedVersion | undefined }} PublishResult
 *   `created: false`: the text is the current version's already, and nothing new was stored; `conflict`: the
 *   current version (none: nothing is published) is not the one expected, nothing stored
 */

/**
 * What the feed routes need of a store. Every method returns a promise.
 * @typedef {object} FeedStore
 * @property {'sqlite' | 'postgres'} kind
 * @property {() => Promise<void>} ready resolves once the store is open and migrated
 * @property {(request: { town: string, feed: string, text: string, expected: string | null }) => Promise<PublishResult>} publish
 *   stores `text` as the next version, if the current one is `expected`; resolves after the commit
 * @property {(town: string, feed: string) => Promise<FeedVersionWithText | undefined>} current
 * @property {(town: string, feed: string) => Promise<FeedVersion[]>} list the versions kept, newest first
 * @property {(town: string, feed: string, version: number) => Promise<FeedVersionWithText | undefined>} get
 * @property {(request: { town: string, feed: string, version: number, expected: string | null }) => Promise<PublishResult | { missing: true }>} restore
 *   publishes version `version`'s text again, as the next version (which names it in `restoredFrom`)
 * @property {() => Promise<void>} close
 */

/**
 * Opens the feed store beside the message store: in its PostgreSQL database with `databaseUrl`, else in its
 * SQLite file `dbPath`.
 * @param {{ dbPath?: string, databaseUrl?: string, now: () => Date, keepVersions?: number }} options
 * @returns {FeedStore}
 */
export function openFeedStore({ dbPath, databaseUrl, now, keepVersions = DEFAULT_KEPT_VERSIONS }) {
  if (!Number.isInteger(keepVersions) || keepVersions < 1) throw new Error(`feedVersions must be a whole number of versions ≥ 1 (the current one is always kept), not ${keepVersions}`);
  if (databaseUrl) return openPostgresFeedStore(databaseUrl, { now, keepVersions });
  if (!dbPath) throw new Error('the feed store needs a SQLite file (dbPath, KPR_CONTACT_DB) or a PostgreSQL URL (databaseUrl)');
  return openSqliteFeedStore(dbPath, { now, keepVersions });
}
