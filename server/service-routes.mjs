// The routes around the messages: GET /challenge (an ALTCHA challenge for a town's form; 404 while ALTCHA is off)
// and GET /health (host-wide, for a monitor or a load balancer: 200 only while a message can be stored, which
// only a write can tell). Neither is ever cached.

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{ store: import('./store.mjs').MessageStore, routing: import('./town-routing.mjs').TownRouting, services: import('./message-route.mjs').MessageRouteOptions['services'] }} options
 */
export function serveChallengeAndHealth(app, { store, routing, services }) {
  app.get(`${routing.base}/challenge`, async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    if (!services.altcha) return reply.code(404).send({ error: 'ALTCHA is off' });
    return services.altcha.challenge();
  });

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
}
