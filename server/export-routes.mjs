// The coordinator's export: GET /messages (JSON, newest first) and GET /messages.csv (for Excel), each only with
// the town's own token (Authorization: Bearer <token>, compared with the town's hash); never cached.
import { bearerMatchesHash } from './auth.mjs';
import { berlinDate } from './clock.mjs';
import { toCsv } from './csv.mjs';

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{ store: import('./store.mjs').MessageStore, routing: import('./town-routing.mjs').TownRouting, many: boolean, now: () => Date }} options
 *   `many`: a host of many towns (its CSV file names the town)
 */
export function exportMessages(app, { store, routing, many, now }) {
  const { base, townOf } = routing;
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
}
