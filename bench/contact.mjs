// The reference contact endpoint under load: `asskomm-widgets contact-server` as its own process on loopback
// (rate limit off, a fresh store as in production), 50 keep-alive clients (autocannon) posting valid messages,
// each with its own Idempotency-Key; then the store is read: every acknowledged message (201 + reference) must
// be stored exactly once. The variants:
//   - the floor: Fastify + better-sqlite3 doing a WAL + synchronous = FULL insert per message and nothing else
//     (no validation, no idempotency, no CORS): what this machine can do at most with one fsync per message, so
//     that ours/floor says what the endpoint's own work costs (issue 17: goal ≥ 0.7);
//   - SQLite, the embedded default (the figure `npm run bench` has always reported);
//   - PostgreSQL, one server process, on a throwaway cluster (tests/support/postgres.mjs; fsync and
//     synchronous_commit on, as the store demands);
//   - PostgreSQL, two server processes on the one database, the clients split between them, as behind a load
//     balancer (two autocannon instances whose latency histograms are merged, so the p99 is the p99 of all);
//   - with `--before <folder>`: SQLite served by the code of another checkout (`git worktree add <folder> <rev>`),
//     for a before/after ratio in one run.
// The machine is shared, and what else runs changes by the second: so every server starts first, and the load
// then takes turns between them in slices (`--slice`, 2 s) in the order A B C … C B A, A B C …, until each has
// had its `--seconds`; each sees the same load, and a ratio compares like with like.
// Goal (issue 15): ≥ 1,000 msg/s with p99 ≤ 50 ms on SQLite on a 2-core machine, PostgreSQL within 2× of it.
// `node bench/contact.mjs [--seconds 10] [--connections 50] [--slice 2] [--before <folder>]` runs it alone;
// `--profile` runs the floor and SQLite under `node --cpu-prof` and prints where each spends its time.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { startNode } from '../scripts/processes.mjs';
import { postgresMissing, startPostgres } from '../tests/support/postgres.mjs';
import { postgresKeys, sqliteKeys } from '../tests/server/support.mjs';

/** @typedef {import('node:child_process').ChildProcess} ChildProcess */
/** @typedef {import('../tests/server/support.mjs').StoredKey} Row */

const message = (/** @type {number} */ n) =>
  JSON.stringify({ topic: 'lighting', message: `Die Straßenlaterne vor Hausnummer ${n} ist seit einer Woche aus.`, place: 'Hauptstraße', consent: true, wantsAnswer: false, language: 'de', page: 'https://www.bannewitz.de/kontakt', fillMs: 25_000 });

/** Stops a server process and waits for it. @param {ChildProcess} child */
const stop = (child) =>
  new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(undefined);
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });

let sent = 0;

/**
 * Posts messages to the servers for `seconds`, the connections split between them; resolves with autocannon's
 * results (one per server) and how long it took, and notes each acknowledged key.
 * @param {string[]} bases @param {{ connections: number, seconds: number }} options
 * @param {Map<string, string>} acknowledged Idempotency-Key → reference, for each 201
 */
async function load(bases, { connections, seconds }, acknowledged) {
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
  // Encoded as autocannon.aggregateResult wants them; the servers were loaded at once, so the slice took the longest.
  return { runs, duration: Math.max(...runs.map((run) => run.duration)) };
}

/**
 * @typedef {object} Variant
 * @property {string} name
 * @property {() => Promise<{ child: ChildProcess, base: string }[]>} servers started before any load
 * @property {() => Promise<Row[]>} rows every stored message, read after the servers stopped
 */

/**
 * Runs the variants in turns: each server starts first, then the load goes to one variant at a time for a slice
 * of `slice` seconds, in the order A B C … then … C B A, until each has had `seconds`; then each store is read.
 * @param {Variant[]} variants @param {{ connections: number, seconds: number, slice: number }} options
 */
async function measureInTurns(variants, { connections, seconds, slice }) {
  /** @type {{ child: ChildProcess, base: string }[][]} */
  const servers = [];
  try {
    for (const variant of variants) servers.push(await variant.servers());
    const slices = Math.max(1, Math.round(seconds / slice));
    /** @type {any[][]} each variant's autocannon results, every slice's */
    const results = variants.map(() => []);
    const durations = variants.map(() => 0);
    const acknowledged = variants.map(() => /** @type {Map<string, string>} */ (new Map()));
    for (let round = 0; round < slices; round++) {
      const order = variants.map((_, i) => i);
      if (round % 2) order.reverse();
      for (const i of order) {
        const { runs, duration } = await load(servers[i].map((s) => s.base), { connections, seconds: seconds / slices }, acknowledged[i]);
        results[i].push(...runs);
        durations[i] += duration;
      }
    }
    await Promise.all(servers.flat().map((s) => stop(s.child)));
    return await Promise.all(
      variants.map(async (variant, i) => {
        const rows = await variant.rows();
        /** @type {Map<string, string[]>} */
        const byKey = new Map();
        for (const row of rows) byKey.set(row.idempotency_key, (byKey.get(row.idempotency_key) ?? []).concat(row.reference));
        const missing = [...acknowledged[i]].filter(([key, reference]) => byKey.get(key)?.length !== 1 || byKey.get(key)?.[0] !== reference).length;
        const result = autocannon.aggregateResult(results[i], { url: servers[i][0].base, connections });
        const duration = durations[i];
        const created = result['2xx'];
        return {
          name: variant.name,
          processes: servers[i].length,
          connections,
          seconds: duration,
          created,
          perSecond: created / duration,
          latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
          non2xx: result.non2xx,
          errors: result.errors + result.timeouts,
          acknowledged: acknowledged[i].size,
          storedRows: rows.length,
          missingOrDuplicated: missing,
          pass: missing === 0 && acknowledged[i].size === created && rows.length >= acknowledged[i].size,
        };
      }),
    );
  } finally {
    for (const { child } of servers.flat()) if (child.exitCode === null) child.kill('SIGKILL');
  }
}

/**
 * `asskomm-widgets contact-server` with the store env, from this checkout or another (`--before`).
 * @param {Record<string, string>} env @param {{ checkout?: string, nodeArgs?: string[] }} [options]
 */
const contactServer = async (env, { checkout = resolve(import.meta.dirname, '..'), nodeArgs = [] } = {}) => {
  const { child, url } = await startNode([...nodeArgs, join(checkout, 'bin/asskomm-widgets.mjs'), 'contact-server'], {
    env: { ...env, KPR_CONTACT_PORT: '0', KPR_CONTACT_HOST: '127.0.0.1', KPR_CONTACT_RATE_LIMIT: 'off', KPR_CONTACT_LOG_LEVEL: 'warn' },
    listening: /Contact endpoint: (http:\/\/[\d.:]+)\/messages/,
  });
  return { child, base: url };
};

/** The floor server on a SQLite file. @param {string} dbPath @param {string[]} [nodeArgs] */
const floor = async (dbPath, nodeArgs = []) => {
  const { child, url } = await startNode([...nodeArgs, 'bench/contact.mjs', '--floor-server', dbPath], { listening: /Floor endpoint: (http:\/\/[\d.:]+)\/messages/ });
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
 * Runs every variant in turns; resolves with the SQLite figure (the shape `npm run bench` has always read) plus
 * `variants` (each figure) and `floorRatio` (SQLite's msg/s over the floor's), and prints a table of them.
 * @param {{ connections?: number, seconds?: number, slice?: number, before?: string }} [options]
 *   `before`: another checkout whose SQLite endpoint runs in the same turns
 */
export async function benchContact({ connections = 50, seconds = 10, slice = 2, before } = {}) {
  const options = { connections, seconds, slice };
  const loadBefore = loadavg();
  const dir = mkdtempSync(join(tmpdir(), 'kpr-bench-contact-'));
  const missing = postgresMissing();
  const cluster = missing ? undefined : startPostgres();
  /** @type {Record<string, any>} */
  const variants = {};
  try {
    /** @type {Record<string, Variant>} */
    const inTurns = {
      floor: { name: 'floor: Fastify + better-sqlite3 insert, nothing else', servers: async () => [await floor(join(dir, 'floor.sqlite'))], rows: async () => sqliteKeys(join(dir, 'floor.sqlite')) },
      sqlite: { name: 'SQLite, 1 process', servers: async () => [await contactServer({ KPR_CONTACT_DB: join(dir, 'contact.sqlite') })], rows: async () => sqliteKeys(join(dir, 'contact.sqlite')) },
    };
    if (before) {
      inTurns.before = {
        name: `SQLite, 1 process, before (${before})`,
        servers: async () => [await contactServer({ KPR_CONTACT_DB: join(dir, 'before.sqlite') }, { checkout: resolve(before) })],
        rows: async () => sqliteKeys(join(dir, 'before.sqlite')),
      };
    }
    if (cluster) {
      for (const processes of [1, 2]) {
        const databaseUrl = await cluster.createDatabase(`bench_${processes}`);
        inTurns[`postgres${processes}`] = {
          name: `PostgreSQL, ${processes} process${processes > 1 ? 'es' : ''}`,
          // One after the other: the first migrates the database, so the second does not measure its start.
          servers: async () => {
            const first = await contactServer({ KPR_CONTACT_DATABASE_URL: databaseUrl });
            return [first, ...(await Promise.all(Array.from({ length: processes - 1 }, () => contactServer({ KPR_CONTACT_DATABASE_URL: databaseUrl }))))];
          },
          rows: () => postgresKeys(databaseUrl),
        };
      }
    } else {
      variants.postgres1 = { name: 'PostgreSQL, 1 process', skipped: missing };
      variants.postgres2 = { name: 'PostgreSQL, 2 processes', skipped: missing };
    }
    const measured = await measureInTurns(Object.values(inTurns), options);
    Object.keys(inTurns).forEach((key, i) => (variants[key] = measured[i]));
  } finally {
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const sqlite = variants.sqlite;
  const floorRatio = sqlite.perSecond / variants.floor.perSecond;
  printTable(variants, floorRatio, options, loadBefore);
  const failing = Object.values(variants).filter((v) => 'pass' in v && !v.pass);
  return { ...sqlite, pass: failing.length === 0, missingOrDuplicated: failing.reduce((n, v) => n + v.missingOrDuplicated, 0), variants, floorRatio };
}

/**
 * @param {Record<string, any>} variants @param {number} floorRatio
 * @param {{ connections: number, seconds: number, slice: number }} options @param {number[]} loadBefore
 */
function printTable(variants, floorRatio, { connections, seconds, slice }, loadBefore) {
  // Two cores shared with other work give other figures: the load average says how shared they were.
  const load = (/** @type {number[]} */ averages) => averages.map((n) => n.toFixed(2)).join(', ');
  console.log(`\nContact endpoint by store, ${connections} clients on loopback, ${seconds} s each in turns of ${slice} s (load average 1/5/15 min: ${load(loadBefore)} before, ${load(loadavg())} after)`);
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
  if (variants.before) console.log(`  SQLite now / before: ${(sqlite.perSecond / variants.before.perSecond).toFixed(2)} (p99 ${sqlite.latency.p99} ms / ${variants.before.latency.p99} ms)`);
  for (const key of ['postgres1', 'postgres2']) {
    const v = variants[key];
    if (v && !v.skipped) console.log(`  ${v.name} / SQLite: ${(v.perSecond / sqlite.perSecond).toFixed(2)} (goal: within 2×, ≥ 0.50)`);
  }
}

/**
 * `--profile`: the floor and SQLite (and `before`) under `node --cpu-prof`, in turns as above; prints, for each,
 * the CPU time per accepted message by where it goes (the endpoint's own modules, Fastify, better-sqlite3, …)
 * and the functions with the most self time. The insert's fsync counts as the self time of the function that
 * commits (better-sqlite3 waits for it on the event loop).
 * @param {{ connections: number, seconds: number, slice: number, before?: string }} options
 */
async function profileContact({ before, ...options }) {
  const dir = mkdtempSync(join(tmpdir(), 'kpr-bench-profile-'));
  try {
    const profileDir = (/** @type {string} */ name) => join(dir, `${name}-profile`);
    const cpuProf = (/** @type {string} */ name) => ['--cpu-prof', `--cpu-prof-dir=${profileDir(name)}`];
    /** @type {Record<string, Variant>} */
    const inTurns = {
      floor: { name: 'floor', servers: async () => [await floor(join(dir, 'floor.sqlite'), cpuProf('floor'))], rows: async () => sqliteKeys(join(dir, 'floor.sqlite')) },
      sqlite: { name: 'SQLite', servers: async () => [await contactServer({ KPR_CONTACT_DB: join(dir, 'contact.sqlite') }, { nodeArgs: cpuProf('sqlite') })], rows: async () => sqliteKeys(join(dir, 'contact.sqlite')) },
    };
    if (before) {
      inTurns.before = { name: 'SQLite before', servers: async () => [await contactServer({ KPR_CONTACT_DB: join(dir, 'before.sqlite') }, { checkout: resolve(before), nodeArgs: cpuProf('before') })], rows: async () => sqliteKeys(join(dir, 'before.sqlite')) };
    }
    const measured = await measureInTurns(Object.values(inTurns), options);
    console.log(`load average 1/5/15 min after: ${loadavg().map((n) => n.toFixed(2)).join(', ')}`);
    Object.keys(inTurns).forEach((key, i) => {
      const { created, perSecond, latency } = measured[i];
      const folder = profileDir(key);
      const profile = JSON.parse(readFileSync(join(folder, readdirSync(folder)[0]), 'utf8'));
      console.log(`\n${measured[i].name}: ${perSecond.toFixed(0)} msg/s, p99 ${latency.p99} ms; CPU profile in µs per accepted message (${created})`);
      const { byPart, byFunction } = selfTimes(profile);
      const perMessage = (/** @type {number} */ us) => (us / created).toFixed(1).padStart(8);
      for (const [part, us] of byPart) console.log(`  ${perMessage(us)}  ${part}`);
      console.log('  functions with the most self time:');
      for (const [name, us] of byFunction.slice(0, 15)) console.log(`  ${perMessage(us)}  ${name}`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The part of the program a profile's call frame belongs to. @param {{ functionName: string, url: string }} frame */
function partOf({ functionName, url }) {
  if (functionName === '(idle)') return 'idle (waiting; includes the other variants\' turns)';
  if (functionName === '(garbage collector)') return 'garbage collector';
  if (/better-sqlite3/.test(url)) return 'better-sqlite3 (the statements, their commits and fsyncs)';
  if (/\/server\/store/.test(url)) return 'server/store*.mjs (with the statements they run)';
  if (/\/server\//.test(url)) return 'server/ (the endpoint\'s own checks and routes)';
  if (/\/bench\/contact\.mjs/.test(url)) return 'the floor\'s route (with its insert and fsync)';
  if (/ajv|\/schemas?\//.test(url) || functionName.startsWith('validate')) return 'Ajv (the compiled schema)';
  if (/pino/.test(url)) return 'pino (logging)';
  if (/fastify|find-my-way|avvio|light-my-request|secure-json-parse|fast-json-stringify|proxy-addr/.test(url)) return 'Fastify (routing, hooks, JSON)';
  if (/^node:|^$/.test(url)) return 'Node (HTTP, sockets, streams)';
  return 'other';
}

/** Self time (µs) by part and by function, most first. @param {{ nodes: any[], samples: number[], timeDeltas: number[] }} profile */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  /** @type {Map<string, number>} */
  const byPart = new Map();
  /** @type {Map<string, number>} */
  const byFunction = new Map();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id);
    const us = profile.timeDeltas[i] ?? 0;
    byPart.set(partOf(frame), (byPart.get(partOf(frame)) ?? 0) + us);
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(server|bench)\//, '$1/')}:${frame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  });
  const sorted = (/** @type {Map<string, number>} */ map) => [...map].sort((a, b) => b[1] - a[1]);
  return { byPart: sorted(byPart), byFunction: sorted(byFunction) };
}

if (process.argv[2] === '--floor-server') {
  await floorServer(/** @type {string} */ (process.argv[3]));
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const argument = (/** @type {string} */ name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const options = { connections: Number(argument('--connections') ?? 50), seconds: Number(argument('--seconds') ?? 10), slice: Number(argument('--slice') ?? 2), before: argument('--before') };
  if (process.argv.includes('--profile')) {
    await profileContact(options);
  } else {
    const result = await benchContact(options);
    if (!result.pass) process.exitCode = 1;
  }
}
