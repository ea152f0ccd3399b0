// The reference contact endpoint under load: `asskomm-widgets contact-server` as its own process on loopback
// (rate limit off, a fresh store as in production), 50 keep-alive clients (autocannon) posting valid messages,
// each with its own Idempotency-Key, for ~10 s; then the store is read: every acknowledged message (201 +
// reference) must be stored exactly once. In one run, one after the other:
//   - the floor: Fastify + better-sqlite3 doing the same WAL + synchronous = FULL insert and nothing else (no
//     validation, no idempotency, no CORS): what this machine can do at most, so that ours/floor says what the
//     endpoint's own work costs (issue 17: goal ≥ 0.7);
//   - SQLite, the embedded default (the figure `npm run bench` has always reported);
//   - PostgreSQL, one server process, on a throwaway cluster (tests/support/postgres.mjs; fsync and
//     synchronous_commit on, as the store demands);
//   - PostgreSQL, two server processes on the one database, the clients split between them, as behind a load
//     balancer (two autocannon instances whose latency histograms are merged, so the p99 is the p99 of all).
// Goal (issue 15): ≥ 1,000 msg/s with p99 ≤ 50 ms on SQLite on a 2-core machine, PostgreSQL within 2× of it.
// `node bench/contact.mjs [--seconds 10] [--connections 50]` runs it alone.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { startContactServer, startNode } from '../scripts/processes.mjs';
import { postgresMissing, startPostgres } from '../tests/support/postgres.mjs';

/** @typedef {import('node:child_process').ChildProcess} ChildProcess */
/** @typedef {{ idempotency_key: string, reference: string }} Row */

const message = (/** @type {number} */ n) =>
  JSON.stringify({ topic: 'lighting', message: `Die Straßenlaterne vor Hausnummer ${n} ist seit einer Woche aus.`, place: 'Hauptstraße', consent: true, wantsAnswer: false, language: 'de', page: 'https://www.bannewitz.de/kontakt', fillMs: 25_000 });

/** Stops a server process and waits for it. @param {ChildProcess} child */
const stop = (child) =>
  new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(undefined);
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });

/**
 * Posts messages to the servers for `seconds`, the connections split between them; resolves with autocannon's
 * merged result and the acknowledged keys.
 * @param {string[]} bases @param {{ connections: number, seconds: number }} options
 */
async function load(bases, { connections, seconds }) {
  /** @type {Map<string, string>} Idempotency-Key → reference, for each 201 */
  const acknowledged = new Map();
  let sent = 0;
  const share = (/** @type {number} */ i) => Math.floor(connections / bases.length) + (i < connections % bases.length ? 1 : 0);
  const runs = await Promise.all(
    bases.map((base, i) =>
      autocannon({
        url: `${base}/messages`,
        connections: share(i),
        duration: seconds,
        skipAggregateResult: true,
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
      }),
    ),
  );
  const result = autocannon.aggregateResult(runs, { url: `${bases[0]}/messages`, connections });
  return { result, acknowledged };
}

/**
 * One variant: its servers under load, then the store read back.
 * @param {string} name
 * @param {{ servers: () => Promise<{ child: ChildProcess, base: string }[]>, rows: () => Promise<Row[]>, cleanUp?: () => Promise<void> | void }} variant
 * @param {{ connections: number, seconds: number }} options
 */
async function measure(name, variant, options) {
  const servers = await variant.servers();
  try {
    const { result, acknowledged } = await load(servers.map((s) => s.base), options);
    await Promise.all(servers.map((s) => stop(s.child)));
    const rows = await variant.rows();
    /** @type {Map<string, string[]>} */
    const byKey = new Map();
    for (const row of rows) byKey.set(row.idempotency_key, (byKey.get(row.idempotency_key) ?? []).concat(row.reference));
    const missing = [...acknowledged].filter(([key, reference]) => byKey.get(key)?.length !== 1 || byKey.get(key)?.[0] !== reference).length;
    const created = result['2xx'];
    return {
      name,
      processes: servers.length,
      connections: options.connections,
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
    for (const { child } of servers) if (child.exitCode === null) child.kill('SIGKILL');
    await variant.cleanUp?.();
  }
}

/** Every row of a SQLite file's messages. @param {string} dbPath @returns {Row[]} */
function sqliteRows(dbPath) {
  const db = new Database(dbPath, { readonly: true });
  try {
    return /** @type {Row[]} */ (db.prepare('SELECT idempotency_key, reference FROM messages').all());
  } finally {
    db.close();
  }
}

/** `asskomm-widgets contact-server` with the store env. @param {Record<string, string>} env */
const contactServer = async (env) => {
  const { child, url } = await startContactServer({ ...env, KPR_CONTACT_HOST: '127.0.0.1', KPR_CONTACT_RATE_LIMIT: 'off', KPR_CONTACT_LOG_LEVEL: 'warn' });
  return { child, base: url };
};

/**
 * The floor, run as `node bench/contact.mjs --floor-server <file>`: Fastify's JSON parser and one insert with
 * the endpoint's pragmas, answering 201 with a reference. What the endpoint adds (strict UTF-8, the contract's
 * validation, the idempotency look-up, the rate limiter's bookkeeping, CORS) is what the ratio measures.
 * @param {string} dbPath
 */
async function floorServer(dbPath) {
  const { default: Fastify } = await import('fastify');
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE messages (id INTEGER PRIMARY KEY, reference TEXT NOT NULL, idempotency_key TEXT NOT NULL, received_at TEXT NOT NULL,
    topic TEXT, message TEXT NOT NULL, place TEXT, wants_answer INTEGER, language TEXT, page TEXT, fill_ms INTEGER)`);
  const insert = db.prepare(`INSERT INTO messages (reference, idempotency_key, received_at, topic, message, place, wants_answer, language, page, fill_ms)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const app = Fastify();
  app.post('/messages', async (request, reply) => {
    const body = /** @type {any} */ (request.body);
    const reference = `KPR-${randomUUID().slice(0, 6)}`;
    insert.run(reference, request.headers['idempotency-key'], new Date().toISOString(), body.topic, body.message, body.place, body.wantsAnswer ? 1 : 0, body.language, body.page, body.fillMs);
    return reply.code(201).send({ reference });
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = /** @type {import('node:net').AddressInfo} */ (app.server.address());
  console.log(`Floor endpoint: http://127.0.0.1:${address.port}/messages`);
  process.once('SIGTERM', () => app.close().then(() => db.close()).finally(() => process.exit(0)));
}

/**
 * Runs every variant; resolves with the SQLite figure (the shape `npm run bench` has always read) plus `variants`
 * (each figure) and `floorRatio` (SQLite's msg/s over the floor's), and prints a table of them.
 * @param {{ connections?: number, seconds?: number }} [options]
 */
export async function benchContact({ connections = 50, seconds = 10 } = {}) {
  const options = { connections, seconds };
  const loadBefore = loadavg();
  const dir = mkdtempSync(join(tmpdir(), 'kpr-bench-contact-'));
  /** @type {Record<string, Awaited<ReturnType<typeof measure>> | { name: string, skipped: string }>} */
  const variants = {};
  try {
    const floorPath = join(dir, 'floor.sqlite');
    variants.floor = await measure('floor: Fastify + better-sqlite3 insert, nothing else', {
      servers: async () => {
        const { child, url } = await startNode(['bench/contact.mjs', '--floor-server', floorPath], { listening: /Floor endpoint: (http:\/\/[\d.:]+)\/messages/ });
        return [{ child, base: url }];
      },
      rows: async () => sqliteRows(floorPath),
    }, options);

    const dbPath = join(dir, 'contact.sqlite');
    variants.sqlite = await measure('SQLite, 1 process', { servers: async () => [await contactServer({ KPR_CONTACT_DB: dbPath })], rows: async () => sqliteRows(dbPath) }, options);

    const missing = postgresMissing();
    if (missing) {
      variants.postgres1 = { name: 'PostgreSQL, 1 process', skipped: missing };
      variants.postgres2 = { name: 'PostgreSQL, 2 processes', skipped: missing };
    } else {
      const cluster = startPostgres();
      try {
        /** @param {string} databaseUrl @returns {Promise<Row[]>} */
        const postgresRows = async (databaseUrl) => {
          const { default: pg } = await import('pg');
          const client = new pg.Client({ connectionString: databaseUrl });
          await client.connect();
          try {
            return (await client.query('SELECT idempotency_key, reference FROM messages')).rows;
          } finally {
            await client.end();
          }
        };
        for (const processes of [1, 2]) {
          const databaseUrl = await cluster.createDatabase(`bench_${processes}`);
          // Migrated before the load, so that the two processes do not measure their start.
          const first = await contactServer({ KPR_CONTACT_DATABASE_URL: databaseUrl });
          variants[`postgres${processes}`] = await measure(`PostgreSQL, ${processes} process${processes > 1 ? 'es' : ''}`, {
            servers: async () => [first, ...(await Promise.all(Array.from({ length: processes - 1 }, () => contactServer({ KPR_CONTACT_DATABASE_URL: databaseUrl }))))],
            rows: () => postgresRows(databaseUrl),
          }, options);
        }
      } finally {
        cluster.stop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const sqlite = /** @type {Awaited<ReturnType<typeof measure>>} */ (variants.sqlite);
  const floor = /** @type {Awaited<ReturnType<typeof measure>>} */ (variants.floor);
  const floorRatio = sqlite.perSecond / floor.perSecond;
  printTable(variants, floorRatio, connections, loadBefore);
  const failing = Object.values(variants).filter((v) => 'pass' in v && !v.pass);
  return { ...sqlite, pass: failing.length === 0, missingOrDuplicated: failing.reduce((n, v) => n + ('missingOrDuplicated' in v ? v.missingOrDuplicated : 0), 0), variants, floorRatio };
}

/** @param {Record<string, any>} variants @param {number} floorRatio @param {number} connections @param {number[]} loadBefore */
function printTable(variants, floorRatio, connections, loadBefore) {
  // Two cores shared with other work give other figures: the load average says how shared they were.
  const load = (/** @type {number[]} */ averages) => averages.map((n) => n.toFixed(2)).join(', ');
  console.log(`\nContact endpoint by store, ${connections} clients on loopback (load average 1/5/15 min: ${load(loadBefore)} before, ${load(loadavg())} after)`);
  console.log(`  ${'variant'.padEnd(52)} ${'msg/s'.padStart(7)} ${'p50'.padStart(7)} ${'p99'.padStart(7)} ${'max'.padStart(7)}   each acknowledged message stored exactly once`);
  for (const v of Object.values(variants)) {
    if (v.skipped) {
      console.log(`  ${v.name.padEnd(52)} skipped: ${v.skipped}`);
      continue;
    }
    const ms = (/** @type {number} */ n) => `${n} ms`.padStart(7);
    console.log(`  ${v.name.padEnd(52)} ${v.perSecond.toFixed(0).padStart(7)} ${ms(v.latency.p50)} ${ms(v.latency.p99)} ${ms(v.latency.max)}   ${v.pass ? `yes (${v.acknowledged})` : `NO (${v.missingOrDuplicated} missing or duplicated, ${v.non2xx} non-2xx)`}`);
  }
  const sqlite = variants.sqlite;
  console.log(`  ours/floor (SQLite): ${floorRatio.toFixed(2)} (goal ≥ 0.7); SQLite goal ≥ 1,000 msg/s with p99 ≤ 50 ms: ${sqlite.perSecond >= 1000 && sqlite.latency.p99 <= 50 ? 'met' : 'not met'}`);
  for (const key of ['postgres1', 'postgres2']) {
    const v = variants[key];
    if (v && !v.skipped) console.log(`  ${v.name} / SQLite: ${(v.perSecond / sqlite.perSecond).toFixed(2)} (goal: within 2×, ≥ 0.50)`);
  }
}

if (process.argv[2] === '--floor-server') {
  await floorServer(/** @type {string} */ (process.argv[3]));
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const argument = (/** @type {string} */ name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const result = await benchContact({ connections: argument('--connections') ?? 50, seconds: argument('--seconds') ?? 10 });
  if (!result.pass) process.exitCode = 1;
}
