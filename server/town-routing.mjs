// Which town a request is for: the one of its path (/towns/<id>/messages, with a towns file), or the only one
// (/messages). Every request is given its town (or a 404 for one the host does not serve) and that town's CORS
// headers before any route runs; the routes then read `townOf(request)`.
import { allowOrigin } from './cors.mjs';

/** @typedef {import('./served-towns.mjs').ServedTown} ServedTown */

/**
 * @typedef {object} TownRouting
 * @property {string} base what a town's routes start with: `/towns/:town`, or nothing for the only town
 * @property {(request: import('fastify').FastifyRequest) => ServedTown} townOf the town of a request to a town's
 *   route (set by the onRequest hook)
 */

/**
 * Routes requests to their towns.
 * @param {import('fastify').FastifyInstance} app
 * @param {{ many: boolean, towns: ServedTown[] }} served
 * @returns {TownRouting}
 */
export function routeTowns(app, { many, towns }) {
  const townById = new Map(towns.map((town) => [town.id, town]));
  const onlyTown = many ? undefined : towns[0];
  app.decorateRequest('town', null);
  app.addHook('onRequest', async (request, reply) => {
    const id = /** @type {{ town?: string }} */ (request.params ?? {}).town;
    const town = id === undefined ? onlyTown : townById.get(id);
    // An unknown town is answered like any unknown path: the answer names no town this host serves.
    if (id !== undefined && !town) return reply.code(404).send({ error: 'not found' });
    /** @type {any} */ (request).town = town;
    allowOrigin(request, reply, town);
  });
  return {
    base: many ? '/towns/:town' : '',
    townOf: (request) => /** @type {any} */ (request).town,
  };
}
