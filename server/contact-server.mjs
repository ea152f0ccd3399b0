// The reference endpoint for <kpr-contact>: stores every message (in SQLite, or PostgreSQL for many towns) before
// it answers. The contract is src/schemas/kpr-contact.schema.json; the HTTP side is described in docs/contact-api.md.
//
//   POST /messages       a resident's message → 201 { reference } (200 with the same reference for a repeated key)
//   GET  /messages       the coordinator's export, JSON, newest first (Authorization: Bearer <token>)
//   GET  /messages.csv   the same as CSV for Excel
//   GET  /challenge      an ALTCHA challenge (only with an ALTCHA key)
//   GET  /health         200 while a message can be stored (it writes), 503 when not
//
// With a towns file (KPR_CONTACT_TOWNS, server/towns.mjs) one endpoint serves many towns: each town's routes are
// the same under /towns/<id>/ (POST /towns/bannewitz/messages, …), with the town's origins, token, retention and
// forwarding address; /health stays host-wide. Without one, the routes above serve the one town `default`.
import Fastify, { LogController } from 'fastify';
import { bearerMatchesHash, tokenHash } from './auth.mjs';
import { createAltcha } from './altcha.mjs';
import { berlinDate, now as clockNow } from './clock.mjs';
import { DEFAULTS, trustedProxies } from './config.mjs';
import { toCsv } from './csv.mjs';
import { createForwarder } from './forward.mjs';
import { createRateLimiter } from './rate-limit.mjs';
import { DEFAULT_TOWN, openStore } from './store.mjs';
import { loadTowns } from './towns.mjs';
import { compileValidator } from './validate.mjs';

/** @typedef {import('./config.mjs').ContactServerOptions} ContactServerOptions */

/**
 * A town as the server serves it: one of the towns file, or the one town of an install without a file.
 * @typedef {object} ServedTown
 * @property {string} id its messages' town in the store
 * @property {Set<string>} origins whose pages get CORS headers
 * @property {string | undefined} tokenHash SHA-256 (hex) of its coordinator's export token; none: export off
 * @property {number} retentionDays 0 keeps everything
 * @property {string | undefined} mailTo where its messages are forwarded
 */

/**
 * The towns the options name: those of `towns` (a file or a list), or, without it, the one town `default` with
 * the host's origins, token, retention and address. The settings of a single town are refused beside a towns
 * file, since the file has each town's own and one of them would silently win.
 * @param {ContactServerOptions & { retentionDays: number }} config
 * @returns {{ many: boolean, towns: ServedTown[] }}
 */
export function servedTowns(config) {
  if (config.towns === undefined) {
    return {
      many: false,
      towns: [{ id: DEFAULT_TOWN, origins: new Set(config.origins ?? []), tokenHash: config.token ? tokenHash(config.token) : undefined, retentionDays: config.retentionDays, mailTo: config.mailTo }],
    };
  }
  const single = /** @type {const} */ ([['token', 'tokenHash'], ['origins', 'origins'], ['mailTo', 'mailTo']]).filter(([option]) => {
    const value = config[option];
    return Array.isArray(value) ? value.length > 0 : value !== undefined;
  });
  if (single.length) {
    const [option, field] = single[0];
    throw new Error(`the option ${option} is for a single town; with towns, each town's "${field}" is in its entry of the towns file`);
  }
  const towns = loadTowns(config.towns).map((town) => ({
    id: town.id,
    origins: new Set(town.origins),
    tokenHash: town.tokenHash,
    retentionDays: town.retentionDays ?? config.retentionDays,
    mailTo: town.mailTo,
  }));
  return { many: true, towns };
}

/**
 * Deletes what is past each town's retention; resolves with how many messages went. Messages of a town that is
 * no longer served (taken out of the towns file) go once they are older than the longest retention of all: by
 * then no town would still keep them. Nothing goes while any town keeps everything (0 days).
 * @param {import('./store.mjs').MessageStore} store
 * @param {ServedTown[]} towns
 */
async function deletePastRetention(store, towns) {
  let removed = 0;
  for (const town of towns) if (town.retentionDays > 0) removed += await store.deleteOlderThan(town.retentionDays, { town: town.id });
  if (towns.every((town) => town.retentionDays > 0)) removed += await store.deleteOlderThan(Math.max(...towns.map((town) => town.retentionDays)));
  return removed;
}

/** A request the contract refuses, raised where Fastify expects an error: its message is the answer. */
class Refusal extends Error {
  /** @param {number} statusCode @param {string} message @param {import('./validate.mjs').Problem[]} [problems] */
  constructor(statusCode, message, problems) {
    super(message);
    this.statusCode = statusCode;
    this.problems = problems;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY_MS = 86_400_000;

/**
 * Builds the contact endpoint. Opens (or creates) the store and starts deleting messages past the retention at
 * once (`ready()` / `listen()` wait for both, and fail when the store cannot be opened); SMTP forwarding and
 * ALTCHA are loaded by `ready()` / `listen()`. Closing the server closes the store.
 * @param {ContactServerOptions} [options]
 */
export function buildContactServer(options = {}) {
  /** @type {ContactServerOptions & typeof DEFAULTS} */
  const config = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  const { bodyLimit, minFillMs } = config;
  const { many, towns } = servedTowns(config);
  const townById = new Map(towns.map((town) => [town.id, town]));
  // Everything this server does by the date or the hour asks this clock: the server's, unless options name another.
  const now = config.now ?? clockNow;
  const limiter = config.rateLimit ? createRateLimiter({ ...config.rateLimit, now: () => now().getTime() }) : undefined;
  const validate = compileValidator();

  const { requestTimeoutMs, keepAliveTimeoutMs } = config;
  // Node requires the headers' timeout not to exceed the whole request's: the headers are part of it.
  const headersTimeoutMs = Math.min(config.headersTimeoutMs, requestTimeoutMs);
  const app = Fastify({
    logger: config.logger ?? false,
    logController: new LogController({ disableRequestLogging: true }), // no residents' addresses in the log
    bodyLimit,
    // Slow clients: Fastify turns Node's request timeout off and keeps idle connections 72 s by default, so
    // clients that trickle a body or sit idle could hold every connection the process may open.
    requestTimeout: requestTimeoutMs,
    keepAliveTimeout: keepAliveTimeoutMs,
    connectionTimeout: requestTimeoutMs, // nothing moves on the connection, also while an answer is being read
    // Node checks the headers' and the request's timeouts at this interval (30 s by default, which would
    // double a 30 s timeout).
    http: { headersTimeout: headersTimeoutMs, connectionsCheckingInterval: Math.min(1000, headersTimeoutMs) },
    trustProxy: trustedProxies(config.trustProxy),
  });
  const store = openStore({ dbPath: config.dbPath, databaseUrl: config.databaseUrl, now });

  /** Deletes messages past each town's retention; resolves with how many. */
  const applyRetention = async () => deletePastRetention(store, towns);
  // Started at once (SQLite does it before this returns), awaited by ready() so that a store that cannot be
  // opened stops the start.
  const started = store.ready().then(applyRetention);
  started.catch(() => {}); // reported by ready(); a server that is never started must not crash the process
  app.addHook('onReady', async () => {
    const removed = await started;
    if (removed) app.log.info({ removed, retentionDays: Object.fromEntries(towns.map((town) => [town.id, town.retentionDays])) }, 'deleted messages past the retention');
  });
  app.addHook('onClose', async () => {
    await started.catch(() => {});
    await store.close();
  });

  /** @type {Awaited<ReturnType<typeof createForwarder>> | undefined} */
  let forwarder;
  /** @type {Awaited<ReturnType<typeof createAltcha>> | undefined} */
  let altcha;
  /** @type {NodeJS.Timeout[]} */
  const timers = [];
  app.addHook('onReady', async () => {
    if (config.altchaKey) altcha = await createAltcha({ hmacKey: config.altchaKey, maxNumber: config.altchaMaxNumber, expiresSeconds: config.altchaExpiresSeconds, now });
    const unforwarded = towns.filter((town) => !town.mailTo).map((town) => town.id);
    if (config.smtpUrl && many && unforwarded.length) {
      app.log.warn({ towns: unforwarded }, 'these towns have no "mailTo" in the towns file: their messages are not forwarded by e-mail, only exported');
    }
    if (config.smtpUrl && unforwarded.length < towns.length) {
      // Each message goes to its own town's address; a town without one is not forwarded.
      const mailTo = (/** @type {string} */ id) => townById.get(id)?.mailTo;
      forwarder = await createForwarder({ smtpUrl: config.smtpUrl, mailTo, mailFrom: config.mailFrom, store, log: app.log });
      void forwarder.retryPending();
      timers.push(setInterval(() => void forwarder?.retryPending(), config.forwardRetryMs).unref());
    }
    timers.push(setInterval(() => applyRetention().catch((error) => app.log.error({ err: error }, 'retention failed; it runs again tomorrow')), DAY_MS).unref());
  });
  app.addHook('onClose', async () => {
    for (const timer of timers) clearInterval(timer);
    await forwarder?.idle();
    forwarder?.close();
  });

  app.decorate('contact', {
    store,
    /** The towns served, by id (`default` without a towns file). */
    towns: [...townById.keys()],
    applyRetention,
    /** Resolves when no e-mail is being forwarded. */
    forwardsIdle: async () => forwarder?.idle(),
    retryForwards: async () => forwarder?.retryPending(),
  });

  // ── Content types: JSON in UTF-8 only (Fastify's text/plain parser would accept a form's simple request). ──
  // Fastify decodes any body as UTF-8 and turns what is not into U+FFFD: "Straße" sent in Latin-1 would be
  // stored as "Stra�e" and acknowledged. So the charset is checked and the bytes decoded strictly first.
  app.removeAllContentTypeParsers();
  const parseJson = app.getDefaultJsonParser('error', 'error');
  const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(request.headers['content-type'] ?? '')?.[1].toLowerCase();
    if (charset && charset !== 'utf-8' && charset !== 'utf8') {
      return done(new Refusal(415, `the body must be UTF-8, not ${charset}: send application/json; charset=utf-8`));
    }
    let text;
    try {
      text = strictUtf8.decode(/** @type {Buffer} */ (body));
    } catch {
      return done(new Refusal(400, 'the body is not valid UTF-8', [{ path: '', message: 'is not valid UTF-8: send the text as UTF-8' }]));
    }
    parseJson(request, text, done);
  });

  // ── The town a request is for: the one of its path (/towns/<id>/…), or the only one. ──
  const onlyTown = many ? undefined : towns[0];
  /** @param {import('fastify').FastifyRequest} request @returns {ServedTown} set by the onRequest hook on every town route */
  const townOf = (request) => /** @type {any} */ (request).town;
  app.decorateRequest('town', null);
  app.addHook('onRequest', async (request, reply) => {
    const id = /** @type {{ town?: string }} */ (request.params ?? {}).town;
    const town = id === undefined ? onlyTown : townById.get(id);
    // An unknown town is answered like any unknown path: the answer names no town this host serves.
    if (id !== undefined && !town) return reply.code(404).send({ error: 'not found' });
    /** @type {any} */ (request).town = town;

    // ── CORS: only the town's origins; the Idempotency-Key header is allowed, Retry-After readable. ──
    const origin = request.headers.origin;
    if (!origin) return;
    reply.header('Vary', 'Origin');
    if (town?.origins.has(origin)) {
      reply.header('Access-Control-Allow-Origin', origin);
      reply.header('Access-Control-Expose-Headers', 'Retry-After');
    }
  });
  /** @type {import('fastify').RouteHandlerMethod} */
  const preflight = async (request, reply) => {
    const origin = request.headers.origin;
    if (!origin || !townOf(request).origins.has(origin)) return reply.code(403).send({ error: 'this origin may not call the endpoint' });
    return reply
      .code(204)
      .header('Access-Control-Allow-Methods', 'GET, POST')
      .header('Access-Control-Allow-Headers', 'Content-Type, Idempotency-Key')
      .header('Access-Control-Max-Age', '600')
      .send();
  };
  // A town's routes start with this: /towns/bannewitz/messages, or /messages for the only town.
  const base = many ? '/towns/:town' : '';
  app.options(`${base}/messages`, preflight);
  app.options(`${base}/challenge`, preflight);

  // ── Errors: the contract's shapes; a 5xx only when a message could not be stored. ──
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof Refusal) return reply.code(error.statusCode).send({ error: error.message, ...(error.problems ? { problems: error.problems } : {}) });
    const err = /** @type {import('fastify').FastifyError} */ (error);
    const status = err.statusCode ?? 500;
    if (status === 413) return reply.code(413).send({ error: `the body is larger than ${bodyLimit} bytes` });
    if (status === 415) return reply.code(415).send({ error: 'send the message as application/json' });
    if (status === 400) return reply.code(400).send({ error: 'the body is not JSON', problems: [{ path: '', message: err.message }] });
    if (status < 500) return reply.code(status).send({ error: err.message });
    request.log.error({ err }, 'request failed');
    return reply.code(500).send({ error: 'the message could not be stored; please try again later' });
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: 'not found' }));

  // ── POST /messages ──
  app.post(`${base}/messages`, { bodyLimit }, async (request, reply) => {
    const town = townOf(request).id;
    const header = request.headers['idempotency-key'];
    const key = typeof header === 'string' && UUID.test(header.trim()) ? header.trim().toLowerCase() : undefined;
    if (!key) return reply.code(400).send({ error: 'the Idempotency-Key header must be a UUID, made once per message', problems: [] });

    const earlier = await store.referenceFor(town, key);
    if (earlier) return reply.code(200).send({ reference: earlier });

    const body = /** @type {Record<string, any>} */ (request.body);
    const problems = validate(body);
    if (problems.length) return reply.code(400).send({ error: 'the message does not fit the contract', problems });

    // The limit counts accepted messages: the place taken here is given back unless a new message is stored.
    // Per town and address: residents of one town behind one address (a school, a town hall) do not use up
    // another town's form.
    const address = `${town} ${request.ip}`;
    if (limiter) {
      const verdict = limiter.take(address);
      if (!verdict.allowed) {
        return reply.code(429).header('Retry-After', String(verdict.retryAfterSeconds)).send({ error: 'too many messages from this address; please try again later' });
      }
    }
    let created = false;
    try {
      /** @type {{ signature: string, expiresAt: number } | undefined} */
      let challenge;
      if (altcha) {
        const check = await altcha.verify(body.altcha);
        if (!check.ok) return reply.code(400).send({ error: 'the ALTCHA proof of work is missing or invalid', problems: [{ path: '/altcha', message: check.message }] });
        challenge = { signature: check.signature, expiresAt: check.expiresAt };
      }

      // Automated messages are stored flagged and answered like any other, so a bot learns nothing.
      const spamReason = body.website ? 'honeypot' : typeof body.fillMs === 'number' && body.fillMs < minFillMs ? 'too-fast' : undefined;
      const saved = await store.saveMessage({ town, key, body, ...(spamReason ? { spamReason } : {}), ...(challenge ? { challenge } : {}) });
      if ('challengeUsed' in saved) {
        return reply.code(400).send({ error: 'the ALTCHA proof of work is missing or invalid', problems: [{ path: '/altcha', message: 'has been used already: fetch a new challenge' }] });
      }
      created = saved.created;
      reply.code(created ? 201 : 200).send({ reference: saved.reference });
      if (created && !spamReason) void forwarder?.forward(saved.reference);
      return reply;
    } finally {
      if (!created) limiter?.giveBack(address);
    }
  });

  // ── The coordinator's export ──
  /** @type {import('fastify').preHandlerAsyncHookHandler} */
  const coordinatorOnly = async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    const { tokenHash } = townOf(request);
    if (!tokenHash) return reply.code(404).send({ error: many ? 'the export of this town is off: its entry in the towns file has no tokenHash' : 'the export is off: set KPR_CONTACT_TOKEN' });
    // A town's token opens its own export only: another town's token does not match this town's hash.
    if (!bearerMatchesHash(request.headers.authorization, tokenHash)) {
      return reply.code(401).header('WWW-Authenticate', 'Bearer realm="kpr-contact"').send({ error: 'a valid coordinator token is required' });
    }
  };
  const includeSpam = (/** @type {any} */ query) => String(query?.include ?? '').split(',').includes('spam');
  app.get(`${base}/messages`, { preHandler: coordinatorOnly }, async (request) => ({ messages: await store.list(townOf(request).id, { includeSpam: includeSpam(request.query) }) }));
  app.get(`${base}/messages.csv`, { preHandler: coordinatorOnly }, async (request, reply) => {
    const town = townOf(request).id;
    const query = /** @type {any} */ (request.query);
    const separator = query?.separator === 'semicolon' ? ';' : ',';
    // Named by the coordinator's day: an export at 00:30 on 1 January is that day's, not 31 December's (UTC).
    const exported = now();
    return reply
      .type('text/csv; charset=utf-8; header=present')
      .header('Content-Disposition', `attachment; filename="kpr-messages-${many ? `${town}-` : ''}${berlinDate(exported)}.csv"`)
      .send(toCsv(await store.list(town, { includeSpam: includeSpam(query) }), { separator }));
  });

  // ── ALTCHA ──
  app.get(`${base}/challenge`, async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    if (!altcha) return reply.code(404).send({ error: 'ALTCHA is off' });
    return altcha.challenge();
  });

  // For a monitor or a load balancer: 200 only while a message can be stored, which only a write can tell.
  app.get('/health', async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    try {
      await store.canStore();
    } catch (error) {
      request.log.error({ err: error }, 'health check: no message can be stored');
      return reply.code(503).send({ ok: false, error: 'no message can be stored right now' });
    }
    return { ok: true };
  });

  return app;
}

/**
 * Deletes messages past the retention from the store and closes it (the `contact-retention` command): each
 * town's of the towns file, or `retentionDays` for the only town; resolves with how many went.
 * @param {{ dbPath?: string, databaseUrl?: string, retentionDays: number, towns?: ContactServerOptions['towns'], now?: () => Date }} options
 *   `towns`: as for the server; `now`: the clock (default: the server's)
 */
export async function runRetention({ dbPath, databaseUrl, retentionDays, towns: townsOption, now = clockNow }) {
  // Read before the store opens, so that a mistake in the towns file touches nothing.
  const { towns } = servedTowns({ retentionDays, ...(townsOption !== undefined ? { towns: townsOption } : {}) });
  const store = openStore({ dbPath, databaseUrl, now });
  try {
    await store.ready();
    return await deletePastRetention(store, towns);
  } finally {
    await store.close();
  }
}
