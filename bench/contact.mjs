// The reference contact endpoint under load: `asskomm-widgets contact-server` as its own process on loopback
// (rate limit off, a fresh SQLite file with WAL + synchronous=FULL as in production), 50 keep-alive clients
// (autocannon) posting valid messages, each with its own Idempotency-Key, for ~10 s. Then the file is read:
// every acknowledged message (201 + reference) must be stored exactly once.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { startContactServer } from '../scripts/processes.mjs';

/** @param {string} dbPath */
const startServer = async (dbPath) => {
  const { child, url } = await startContactServer({ KPR_CONTACT_DB: dbPath, KPR_CONTACT_HOST: '127.0.0.1', KPR_CONTACT_RATE_LIMIT: 'off', KPR_CONTACT_LOG_LEVEL: 'warn' });
  return { child, base: url };
};

/**
 * @param {{ connections?: number, seconds?: number }} [options]
 */
export async function benchContact({ connections = 50, seconds = 10 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'kpr-bench-contact-'));
  const dbPath = join(dir, 'contact.sqlite');
  const { child, base } = await startServer(dbPath);
  /** @type {Map<string, string>} Idempotency-Key → reference, for each 201 */
  const acknowledged = new Map();
  const message = (/** @type {number} */ n) =>
    JSON.stringify({ topic: 'lighting', message: `Die Straßenlaterne vor Hausnummer ${n} ist seit einer Woche aus.`, place: 'Hauptstraße', consent: true, wantsAnswer: false, language: 'de', page: 'https://www.bannewitz.de/kontakt', fillMs: 25_000 });
  let sent = 0;
  try {
    const result = await autocannon({
      url: `${base}/messages`,
      connections,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          // One request in flight per connection (no pipelining): the connection's context holds its key.
          setupRequest: (request, context) => {
            const key = randomUUID();
            /** @type {any} */ (context).key = key;
            return { ...request, headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: message(sent++) };
          },
          onResponse: (status, body, context) => {
            if (status !== 201) return;
            acknowledged.set(/** @type {any} */ (context).key, JSON.parse(body).reference);
          },
        },
      ],
    });
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
    const db = new Database(dbPath, { readonly: true });
    const rows = /** @type {{ idempotency_key: string, reference: string }[]} */ (db.prepare('SELECT idempotency_key, reference FROM messages').all());
    db.close();
    const byKey = new Map();
    for (const row of rows) byKey.set(row.idempotency_key, (byKey.get(row.idempotency_key) ?? []).concat(row.reference));
    const missing = [...acknowledged].filter(([key, reference]) => byKey.get(key)?.length !== 1 || byKey.get(key)[0] !== reference).length;
    const created = result['2xx'];
    return {
      connections,
      seconds: result.duration,
      created,
      perSecond: created / result.duration,
      latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      acknowledged: acknowledged.size,
      storedRows: rows.length,
      missingOrDuplicated: missing,
      pass: missing === 0 && acknowledged.size === created && rows.length >= acknowledged.size,
    };
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchContact());
