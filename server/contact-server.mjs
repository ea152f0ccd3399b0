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
// With a towns file only, each town's coordinator also publishes the town's feeds under /towns/<id>/feeds/<name>,
// where its widgets read them (feed-routes.mjs).
//
// This module builds the server from its parts and runs what happens beside the requests (retention, forwarding,
// ALTCHA's start); each part is its own module: strict-json (the body), town-routing and cors (which town, whose
// pages), message-route, export-routes, service-routes (challenge, health), errors (the error answers).
import Fastify, { LogController } from 'fastify';
import { createAltcha } from './altcha.mjs';
import { now as clockNow } from './clock.mjs';
import { DEFAULTS, trustedProxies } from './config.mjs';
import { answerPreflights } from './cors.mjs';
import { answerErrors } from './errors.mjs';
import { exportMessages } from './export-routes.mjs';
import { serveFeeds } from './feed-routes.mjs';
import { createForwarder } from './forward.mjs';
import { acceptMessages } from './message-route.mjs';
import { createRateLimiter } from './rate-limit.mjs';
import { deletePastRetention, servedTowns } from './served-towns.mjs';
import { serveChallengeAndHealth } from './service-routes.mjs';
import { openStore } from './store.mjs';
import { acceptStrictJson } from './strict-json.mjs';
import { routeTowns } from './town-routing.mjs';

export { runRetention, servedTowns } from './served-towns.mjs';

/** @typedef {import('./config.mjs').ContactServerOptions} ContactServerOptions */

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
  // Everything this server does by the date or the hour asks this clock: the server's, unless options name another.
  const now = config.now ?? clockNow;
  const limiter = config.rateLimit ? createRateLimiter({ ...config.rateLimit, now: () => now().getTime() }) : undefined;

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

  /** @type {import('./message-route.mjs').MessageRouteOptions['services']} made by ready(), read by the routes */
  const services = {};
  /** @type {NodeJS.Timeout[]} */
  const timers = [];
  app.addHook('onReady', async () => {
    if (config.altchaKey) services.altcha = await createAltcha({ hmacKey: config.altchaKey, maxNumber: config.altchaMaxNumber, expiresSeconds: config.altchaExpiresSeconds, now });
    const unforwarded = towns.filter((town) => !town.mailTo).map((town) => town.id);
    if (config.smtpUrl && many && unforwarded.length) {
      app.log.warn({ towns: unforwarded }, 'these towns have no "mailTo" in the towns file: their messages are not forwarded by e-mail, only exported');
    }
    if (config.smtpUrl && unforwarded.length < towns.length) {
      // Each message goes to its own town's address; a town without one is not forwarded.
      const mailToOf = new Map(towns.map((town) => [town.id, town.mailTo]));
      const mailTo = (/** @type {string} */ id) => mailToOf.get(id);
      const forwarder = await createForwarder({ smtpUrl: config.smtpUrl, mailTo, mailFrom: config.mailFrom, store, log: app.log });
      services.forwarder = forwarder;
      void forwarder.retryPending();
      timers.push(setInterval(() => void forwarder.retryPending(), config.forwardRetryMs).unref());
    }
    timers.push(setInterval(() => applyRetention().catch((error) => app.log.error({ err: error }, 'retention failed; it runs again tomorrow')), DAY_MS).unref());
  });
  app.addHook('onClose', async () => {
    for (const timer of timers) clearInterval(timer);
    await services.forwarder?.idle();
    services.forwarder?.close();
  });

  app.decorate('contact', {
    store,
    /** The towns served, by id (`default` without a towns file). */
    towns: towns.map((town) => town.id),
    applyRetention,
    /** Resolves when no e-mail is being forwarded. */
    forwardsIdle: async () => services.forwarder?.idle(),
    retryForwards: async () => services.forwarder?.retryPending(),
  });

  acceptStrictJson(app);
  const routing = routeTowns(app, { many, towns });
  answerPreflights(app, routing);
  answerErrors(app, { bodyLimit });
  acceptMessages(app, { store, routing, limiter, services, bodyLimit, minFillMs });
  exportMessages(app, { store, routing, many, now });
  serveFeeds(app, { many, routing, config, now }); // published feeds, with a towns file only (feed-routes.mjs)
  serveChallengeAndHealth(app, { store, routing, services });
  return app;
}
