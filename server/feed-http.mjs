// The HTTP details of the feed routes (feed-routes.mjs): the body a coordinator publishes, read as the exact text
// it is; the coordinator's token; the preflights of the editor's requests; the conditional headers.
import { bearerMatchesHash } from './auth.mjs';
import { Refusal } from './errors.mjs';

/** A feed's body: at most 1 MiB by default (option `feedBodyLimit`); the largest sample feed is 12 KB. */
export const DEFAULT_FEED_BODY_LIMIT = 1024 * 1024;

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)/i;

/**
 * The scope's only body: a feed as JSON text (`application/json` or `application/feed+json`) in UTF-8, kept as
 * the text it is, so that the version stored and served is byte for byte what the coordinator published (a parse
 * and a new JSON.stringify would change the key order, the spacing and the escapes, and so the ETag). Another
 * charset is refused (415), bytes that are not UTF-8 too (400): decoded leniently, they would be stored as U+FFFD.
 * @param {import('fastify').FastifyInstance} scope an encapsulated scope: the message routes keep their parser
 */
export function acceptFeedText(scope) {
  scope.removeAllContentTypeParsers();
  const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** @type {import('fastify').FastifyBodyParser<Buffer>} */
  const parse = (request, body, done) => {
    const charset = CHARSET.exec(request.headers['content-type'] ?? '')?.[1].toLowerCase();
    if (charset && charset !== 'utf-8' && charset !== 'utf8') return done(new Refusal(415, `the feed must be UTF-8, not ${charset}: send application/feed+json; charset=utf-8`));
    try {
      done(null, strictUtf8.decode(body));
    } catch {
      done(new Refusal(400, 'the feed is not valid UTF-8: save it as UTF-8 and publish it again'));
    }
  };
  scope.addContentTypeParser(['application/json', 'application/feed+json'], { parseAs: 'buffer' }, parse);
}

/**
 * The error answers of the scope: the feed's words for a body too large or of another type; the rest as on the
 * other routes (Refusals with their status, a 500 logged without the request's headers).
 * @param {import('fastify').FastifyInstance} scope @param {number} bodyLimit
 */
export function answerFeedErrors(scope, bodyLimit) {
  scope.setErrorHandler((error, request, reply) => {
    if (error instanceof Refusal) return reply.code(error.statusCode).send({ error: error.message });
    const status = /** @type {import('fastify').FastifyError} */ (error).statusCode ?? 500;
    if (status === 413) return reply.code(413).send({ error: `the feed is larger than ${bodyLimit} bytes` });
    if (status === 415) return reply.code(415).send({ error: 'send the feed as application/feed+json; charset=utf-8' });
    if (status < 500) return reply.code(status).send({ error: /** @type {Error} */ (error).message });
    request.log.error({ err: error }, 'feed request failed');
    return reply.code(500).send({ error: 'the feed could not be stored; nothing was published, please try again later' });
  });
}

/**
 * Only the town's coordinator: `Authorization: Bearer <token>` matching the town's tokenHash, checked before the
 * body is read. The token is taken from that header only: one in the address (?token=) would be written into the
 * access logs of every proxy on the way, so such a request is refused without being looked at further.
 * @param {import('./town-routing.mjs').TownRouting['townOf']} townOf
 * @returns {import('fastify').onRequestAsyncHookHandler}
 */
export function coordinatorOnly(townOf) {
  return async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    const { tokenHash } = townOf(request);
    if (!tokenHash) return reply.code(404).send({ error: 'publishing is off for this town: its entry in the towns file has no tokenHash' });
    if (!bearerMatchesHash(request.headers.authorization, tokenHash)) {
      return reply.code(401).header('WWW-Authenticate', 'Bearer realm="kpr-feeds"').send({ error: 'a valid coordinator token is required (Authorization: Bearer <token>)' });
    }
  };
}

/** Refuses a token in the address, on every feed route. @type {import('fastify').onRequestAsyncHookHandler} */
export async function noTokenInAddress(request, reply) {
  const query = /** @type {Record<string, unknown>} */ (request.query ?? {});
  if (Object.keys(query).some((key) => /token|auth|key/i.test(key))) {
    return reply.code(400).header('Cache-Control', 'no-store').send({ error: 'never put the token into the address: send it only as the Authorization header (Bearer)' });
  }
}

/**
 * The preflight of the editor's requests (PUT with Authorization and If-Match): only from the town's origins.
 * @param {import('./town-routing.mjs').TownRouting['townOf']} townOf
 * @returns {import('fastify').RouteHandlerMethod}
 */
export function feedPreflight(townOf) {
  return async (request, reply) => {
    const origin = request.headers.origin;
    if (!origin || !townOf(request).origins.has(origin)) return reply.code(403).send({ error: 'this origin may not call the feed routes: add it to the town\'s origins' });
    return reply
      .code(204)
      .header('Access-Control-Allow-Methods', 'GET, PUT, POST')
      .header('Access-Control-Allow-Headers', 'Authorization, Content-Type, If-Match')
      .header('Access-Control-Max-Age', '600')
      .send();
  };
}

/**
 * Whether `If-None-Match` names the ETag (weak comparison, as RFC 9110 asks for it there; `*` matches any).
 * @param {string | undefined} header @param {string} etag
 */
export function noneMatch(header, etag) {
  if (!header) return false;
  const bare = (/** @type {string} */ tag) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/**
 * The version the coordinator has seen, from `If-Match`: one strong ETag or `*`; none (the header is missing):
 * `null`, which the store takes as "nothing is published yet". A weak or listed ETag never matches (If-Match
 * compares strongly, and the editor sends the one it has).
 * @param {string | undefined} header
 */
export function expectedVersion(header) {
  if (header === undefined) return null;
  return header.trim();
}
