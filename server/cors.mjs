// CORS per town: only the pages of a town's own origins may call its paths from the browser. The Idempotency-Key
// header is allowed, Retry-After readable; every other origin gets no CORS headers, and its preflight a 403.

/** @typedef {import('./served-towns.mjs').ServedTown} ServedTown */

/**
 * The CORS headers of an answer to `town` (none for another origin, or a request without one).
 * @param {import('fastify').FastifyRequest} request @param {import('fastify').FastifyReply} reply
 * @param {ServedTown | undefined} town none on the host's own paths (/health of a host of many towns)
 */
export function allowOrigin(request, reply, town) {
  const origin = request.headers.origin;
  if (!origin) return;
  reply.header('Vary', 'Origin');
  if (town?.origins.has(origin)) {
    reply.header('Access-Control-Allow-Origin', origin);
    reply.header('Access-Control-Expose-Headers', 'Retry-After');
  }
}

/**
 * Answers the preflights of the paths a browser posts to or fetches from (`messages`, `challenge`).
 * @param {import('fastify').FastifyInstance} app
 * @param {{ base: string, townOf: (request: import('fastify').FastifyRequest) => ServedTown }} routing
 */
export function answerPreflights(app, { base, townOf }) {
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
  app.options(`${base}/messages`, preflight);
  app.options(`${base}/challenge`, preflight);
}
