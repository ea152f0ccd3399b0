// The reference endpoint for <kpr-contact>: stores every message (in SQLite, or PostgreSQL for many towns) before
// it answers. The contract is src/schemas/kpr-contact.schema.json; the HTTP side is described in docs/contact-api.md.
//
//   POST /messages       a resident's message → 201 { reference } (200 with the same reference for a repeated key)
//   GET  /messages       the coordinator's export, JSON, newest first (Authorization: Bearer <token>)
//   GET  /messages.csv   the same as CSV for Excel
//   GET  /challenge      an ALTCHA challenge (only with an ALTCHA key)
//   GET  /health         200 while a message can be stored (it writes), 503 when not
import Fastify, { LogController } from 'fastify';
import { bearerMatches } from './auth.mjs';
import { createAltcha } from './altcha.mjs';
import { berlinDate, now as clockNow } from './clock.mjs';
import { DEFAULTS, trustedProxies } from './config.mjs';
import { toCsv } from './csv.mjs';
import { createForwarder } from './forward.mjs';
import { createRateLimiter } from './rate-limit.mjs';
import { DEFAULT_TOWN, openStore } from './store.mjs';
import { compileValidator } from './validate.mjs';

/** @typedef {import('./config.mjs').ContactServerOptions} ContactServerOptions */

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
  const { bodyLimit, minFillMs, retentionDays, token } = config;
  const origins = new Set(config.origins ?? []);
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
  // One town until the configuration names several: a single-town install stores every message as 'default'.
  const town = DEFAULT_TOWN;

  /** Deletes messages past the retention; resolves with how many. */
  const applyRetention = async () => (retentionDays > 0 ? store.deleteOlderThan(retentionDays, { town }) : 0);
  // Started at once (SQLite does it before this returns), awaited by ready() so that a store that cannot be
  // opened stops the start.
  const started = store.ready().then(applyRetention);
  started.catch(() => {}); // reported by ready(); a server that is never started must not crash the process
  app.addHook('onReady', async () => {
    const removed = await started;
    if (removed) app.log.info({ removed, retentionDays }, 'deleted messages past the retention');
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
    if (config.smtpUrl && config.mailTo) {
      forwarder = await createForwarder({ smtpUrl: config.smtpUrl, mailTo: config.mailTo, mailFrom: config.mailFrom, store, log: app.log });
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

  // ── CORS: only the configured origins; the Idempotency-Key header is allowed, Retry-After readable. ──
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (!origin) return;
    reply.header('Vary', 'Origin');
    if (origins.has(origin)) {
      reply.header('Access-Control-Allow-Origin', origin);
      reply.header('Access-Control-Expose-Headers', 'Retry-After');
    }
  });
  /** @type {import('fastify').RouteHandlerMethod} */
  const preflight = async (request, reply) => {
    const origin = request.headers.origin;
    if (!origin || !origins.has(origin)) return reply.code(403).send({ error: 'this origin may not call the endpoint' });
    return reply
      .code(204)
      .header('Access-Control-Allow-Methods', 'GET, POST')
      .header('Access-Control-Allow-Headers', 'Content-Type, Idempotency-Key')
      .header('Access-Control-Max-Age', '600')
      .send();
  };
  app.options('/messages', preflight);
  app.options('/challenge', preflight);

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
  app.post('/messages', { bodyLimit }, async (request, reply) => {
    const header = request.headers['idempotency-key'];
    const key = typeof header === 'string' && UUID.test(header.trim()) ? header.trim().toLowerCase() : undefined;
    if (!key) return reply.code(400).send({ error: 'the Idempotency-Key header must be a UUID, made once per message', problems: [] });

    const earlier = await store.referenceFor(town, key);
    if (earlier) return reply.code(200).send({ reference: earlier });

    const body = /** @type {Record<string, any>} */ (request.body);
    const problems = validate(body);
    if (problems.length) return reply.code(400).send({ error: 'the message does not fit the contract', problems });

    // The limit counts accepted messages: the place taken here is given back unless a new message is stored.
    const address = request.ip;
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
    if (!token) return reply.code(404).send({ error: 'the export is off: set KPR_CONTACT_TOKEN' });
    if (!bearerMatches(request.headers.authorization, token)) {
      return reply.code(401).header('WWW-Authenticate', 'Bearer realm="kpr-contact"').send({ error: 'a valid coordinator token is required' });
    }
  };
  const includeSpam = (/** @type {any} */ query) => String(query?.include ?? '').split(',').includes('spam');
  app.get('/messages', { preHandler: coordinatorOnly }, async (request) => ({ messages: await store.list(town, { includeSpam: includeSpam(request.query) }) }));
  app.get('/messages.csv', { preHandler: coordinatorOnly }, async (request, reply) => {
    const query = /** @type {any} */ (request.query);
    const separator = query?.separator === 'semicolon' ? ';' : ',';
    // Named by the coordinator's day: an export at 00:30 on 1 January is that day's, not 31 December's (UTC).
    const exported = now();
    return reply
      .type('text/csv; charset=utf-8; header=present')
      .header('Content-Disposition', `attachment; filename="kpr-messages-${berlinDate(exported)}.csv"`)
      .send(toCsv(await store.list(town, { includeSpam: includeSpam(query) }), { separator }));
  });

  // ── ALTCHA ──
  app.get('/challenge', async (request, reply) => {
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
 * Deletes messages older than `retentionDays` from the store and closes it (the `contact-retention` command);
 * resolves with how many went.
 * @param {{ dbPath?: string, databaseUrl?: string, retentionDays: number, now?: () => Date }} options `now`: the clock (default: the server's)
 */
export async function runRetention({ dbPath, databaseUrl, retentionDays, now = clockNow }) {
  const store = openStore({ dbPath, databaseUrl, now });
  try {
    await store.ready();
    return retentionDays > 0 ? await store.deleteOlderThan(retentionDays, { town: DEFAULT_TOWN }) : 0;
  } finally {
    await store.close();
  }
}
