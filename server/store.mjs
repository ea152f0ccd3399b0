// The message store behind the contact endpoint, and its contract. Two implementations keep it:
//   - SQLite (store-sqlite.mjs), the embedded default: one file, one host; nothing to run beside the server.
//   - PostgreSQL (store-postgres.mjs), for one endpoint serving many towns from two or more server processes
//     behind a load balancer (KPR_CONTACT_DATABASE_URL=postgres://…).
// Both pass the same contract tests (tests/server/store-contract.mjs). Every method returns a promise that
// settles only once the store has done it: a saved message is committed (on disk, fsynced) when saveMessage
// resolves, so the server answers 201 only for a message that survives a crash.
import { openPostgresStore } from './store-postgres.mjs';
import { openSqliteStore } from './store-sqlite.mjs';

export { newReference } from './store-shared.mjs';

/** The town of a single-town install: its messages, and those of a file from before towns, carry this id. */
export const DEFAULT_TOWN = 'default';

/**
 * @typedef {object} StoredMessage
 * @property {string} reference unique over all towns
 * @property {string} town the town the message was sent to
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

/**
 * @typedef {{ signature: string, expiresAt: number }} UsedChallenge an ALTCHA solution's signature and when its
 *   challenge expires (seconds since 1970): stored with the message, so one solution sends one message only
 */

/**
 * @typedef {{ reference: string, created: boolean } | { challengeUsed: true }} SaveResult `created: false`: the
 *   key was stored before, and this is its first reference; `challengeUsed`: the ALTCHA solution was used before,
 *   nothing stored
 */

/**
 * What the contact endpoint needs of a store. Every method returns a promise.
 * @typedef {object} MessageStore
 * @property {'sqlite' | 'postgres'} kind
 * @property {() => Promise<void>} ready resolves once the store is open and migrated (rejects when it cannot be)
 * @property {(message: { town: string, key: string, body: Record<string, any>, spamReason?: string, challenge?: UsedChallenge }) => Promise<SaveResult>} saveMessage
 *   stores a message once per (town, Idempotency-Key), resolving only after the commit; a concurrent save of the
 *   same key resolves to the first reference
 * @property {(town: string, key: string) => Promise<string | undefined>} referenceFor the reference already given
 *   for this key in this town, if any
 * @property {(reference: string) => Promise<StoredMessage | undefined>} get one message, of any town
 * @property {(town: string, options?: { includeSpam?: boolean }) => Promise<StoredMessage[]>} list a town's
 *   messages, newest first
 * @property {(maxAttempts: number) => Promise<StoredMessage[]>} pendingForwards messages of every town still to be
 *   forwarded by e-mail (not spam, fewer than maxAttempts tries)
 * @property {(reference: string, options: { maxAttempts: number, leaseMs: number }) => Promise<StoredMessage | undefined>} claimForward
 *   the message, if this caller may forward it now: not spam, not forwarded, fewer than maxAttempts tries, and
 *   no other claim alive; it is then claimed for leaseMs (of the store's clock), so that of several processes only
 *   one sends it, and a process that dies while sending leaves it to the others once the claim runs out
 * @property {(reference: string) => Promise<void>} markForwarded ends the claim
 * @property {(reference: string, error: string) => Promise<void>} markForwardFailed counts a try, ends the claim
 * @property {(days: number, options?: { town?: string }) => Promise<number>} deleteOlderThan deletes the town's
 *   messages (every town's without one) received more than `days` days of 24 hours ago, and expired ALTCHA
 *   records, leaving nothing of them behind; resolves with how many messages went
 * @property {() => Promise<void>} canStore whether a message can be stored now, found by writing as a message does
 *   (one transaction, committed); rejects with what the store says when it cannot
 * @property {() => Promise<void>} close
 */

/**
 * Opens the store the options name: PostgreSQL with `databaseUrl`, else the SQLite file `dbPath`. The SQLite
 * file is open when this returns; PostgreSQL connects and migrates in the background: await `ready()`.
 * @param {{ dbPath?: string, databaseUrl?: string, now?: () => Date }} options
 * @returns {MessageStore}
 */
export function openStore({ dbPath, databaseUrl, now }) {
  if (databaseUrl) return openPostgresStore(databaseUrl, { now });
  if (!dbPath) throw new Error('the store needs a SQLite file (dbPath, KPR_CONTACT_DB) or a PostgreSQL URL (databaseUrl, KPR_CONTACT_DATABASE_URL)');
  return openSqliteStore(dbPath, { now });
}

/**
 * Where the store is, for the start-up line and the log: the file, or the database without its password.
 * @param {{ dbPath?: string, databaseUrl?: string }} options
 */
export function describeStore({ dbPath, databaseUrl }) {
  if (!databaseUrl) return `SQLite ${dbPath}`;
  try {
    const url = new URL(databaseUrl);
    const host = url.hostname || url.searchParams.get('host') || 'localhost';
    return `PostgreSQL ${host}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}
