// POST /messages: a resident's message → 201 { reference } once it is stored, 200 with the same reference for a
// key sent before. Checked in this order: the Idempotency-Key, the contract (schema and the rule for text), the
// rate limit, ALTCHA, then stored; a key stored before is answered 200 at any of these steps but the first.
// Automated messages are stored flagged and answered like any other.
import { compileValidator } from './validate.mjs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * @typedef {object} MessageRouteOptions
 * @property {import('./store.mjs').MessageStore} store
 * @property {import('./town-routing.mjs').TownRouting} routing
 * @property {ReturnType<typeof import('./rate-limit.mjs').createRateLimiter> | undefined} limiter none: no limit
 * @property {{ altcha?: Awaited<ReturnType<typeof import('./altcha.mjs').createAltcha>>, forwarder?: Awaited<ReturnType<typeof import('./forward.mjs').createForwarder>> }} services
 *   ALTCHA and the forwarder, once `ready()` has made them (each only where it is configured)
 * @property {number} bodyLimit bytes
 * @property {number} minFillMs a message sent faster than this after the form showed is spam
 */

/** @param {import('fastify').FastifyInstance} app @param {MessageRouteOptions} options */
export function acceptMessages(app, { store, routing, limiter, services, bodyLimit, minFillMs }) {
  const validate = compileValidator();
  app.post(`${routing.base}/messages`, { bodyLimit }, async (request, reply) => {
    const town = routing.townOf(request).id;
    const header = request.headers['idempotency-key'];
    const key = typeof header === 'string' && UUID.test(header.trim()) ? header.trim().toLowerCase() : undefined;
    if (!key) return reply.code(400).send({ error: 'the Idempotency-Key header must be a UUID, made once per message', problems: [] });

    // A key stored before is answered with its reference whatever else this request would be refused for (its
    // first answer was lost, and the limit or the challenge's expiry has come since). The store looks the key up
    // as it saves; the refusals below look it up first, so an accepted message costs no query of its own.
    /** @param {() => import('fastify').FastifyReply} refuse */
    const unlessStoredBefore = async (refuse) => {
      const earlier = await store.referenceFor(town, key);
      return earlier ? reply.code(200).send({ reference: earlier }) : refuse();
    };

    const body = /** @type {Record<string, any>} */ (request.body);
    const problems = validate(body);
    if (problems.length) return unlessStoredBefore(() => reply.code(400).send({ error: 'the message does not fit the contract', problems }));

    // The limit counts accepted messages: the place taken here is given back unless a new message is stored.
    // Per town and address: residents of one town behind one address (a school, a town hall) do not use up
    // another town's form.
    const address = `${town} ${request.ip}`;
    if (limiter) {
      const verdict = limiter.take(address);
      if (!verdict.allowed) {
        return unlessStoredBefore(() => reply.code(429).header('Retry-After', String(verdict.retryAfterSeconds)).send({ error: 'too many messages from this address; please try again later' }));
      }
    }
    let created = false;
    try {
      /** @type {{ signature: string, expiresAt: number } | undefined} */
      let challenge;
      const { altcha } = services;
      if (altcha) {
        const check = await altcha.verify(body.altcha);
        if (!check.ok) return await unlessStoredBefore(() => reply.code(400).send({ error: 'the ALTCHA proof of work is missing or invalid', problems: [{ path: '/altcha', message: check.message }] }));
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
      if (created && !spamReason) void services.forwarder?.forward(saved.reference);
      return reply;
    } finally {
      if (!created) limiter?.giveBack(address);
    }
  });
}
