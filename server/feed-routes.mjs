// A town's published feeds (docs/contact-api.md, "Published feeds"), only on a host with a towns file:
//
//   GET  /towns/<id>/feeds/<name>                         the current version, public: application/feed+json,
//                                                         strong ETag, 304 for If-None-Match, CORS for the town
//   PUT  /towns/<id>/feeds/<name>                         publish (token; If-Match: the version seen) → 201
//   GET  /towns/<id>/feeds/<name>/versions                the versions kept (token)
//   GET  /towns/<id>/feeds/<name>/versions/<n>            one of them with its text (token)
//   POST /towns/<id>/feeds/<name>/versions/<n>/restore    publish version n again, as the next one (token; If-Match)
//
// <name> is goals, tips, events or news; each is checked, before it is stored, for its widget by the validator of
// `asskomm-widgets validate` (feed-check.mjs), and again when an earlier version is restored: an error is a 422 with
// the validator's codes, paths and fixes.
import { checkFeedText, ValidatorMissing } from './feed-check.mjs';
import { acceptFeedText, answerFeedErrors, coordinatorOnly, DEFAULT_FEED_BODY_LIMIT, expectedVersion, feedPreflight, noneMatch, noTokenInAddress } from './feed-http.mjs';
import { FEED_WIDGETS, isExpected, openFeedStore } from './feed-store.mjs';

/**
 * How long a browser (or a proxy) may show the feed without asking again: a minute, then it must ask
 * (must-revalidate), and the answer to that is a 304 of a few bytes while nothing changed. Short, because a
 * coordinator who publishes a correction expects residents to see it at once, not tomorrow; not zero, because a
 * page with three widgets of the same feed, or a resident paging back and forth, should not ask each time.
 */
export const FEED_CACHE_CONTROL = 'public, max-age=60, must-revalidate';

/** @typedef {import('./feed-store.mjs').FeedVersion} FeedVersion */

/** A version as the routes answer with it. @param {FeedVersion} version @param {number | undefined} [current] */
const describe = (version, current) => ({
  version: version.version,
  etag: version.etag,
  publishedAt: version.publishedAt,
  bytes: version.bytes,
  restoredFrom: version.restoredFrom,
  ...(current === undefined ? {} : { current: version.version === current }),
});

/**
 * Registers the feed routes when the host has a towns file; without one they do not exist (404), since a feed
 * belongs to a town and its coordinator's token. Opens the feed store beside the message store and closes it
 * with the server.
 * @param {import('fastify').FastifyInstance} app
 * @param {{ many: boolean, routing: import('./town-routing.mjs').TownRouting, config: { dbPath?: string, databaseUrl?: string, feedVersions?: number, feedBodyLimit?: number }, now: () => Date }} options
 *   `config.feedVersions`: versions kept per feed (default 50); `config.feedBodyLimit`: bytes (default 1 MiB)
 */
export function serveFeeds(app, { many, routing, config, now }) {
  if (!many) return;
  const store = openFeedStore({ dbPath: config.dbPath, databaseUrl: config.databaseUrl, now, ...(config.feedVersions !== undefined ? { keepVersions: config.feedVersions } : {}) });
  const started = store.ready();
  started.catch(() => {}); // reported by ready()
  app.addHook('onReady', async () => started);
  app.addHook('onClose', async () => store.close());
  const bodyLimit = config.feedBodyLimit ?? DEFAULT_FEED_BODY_LIMIT;
  const { base, townOf } = routing;
  const path = `${base}/feeds/:name`;

  app.register(async (scope) => {
    acceptFeedText(scope);
    answerFeedErrors(scope, bodyLimit);
    /** @param {import('fastify').FastifyRequest} request */
    const feedOf = (request) => /** @type {{ name: string }} */ (request.params).name;
    /** Only the four feeds; and the editor may read the ETag of an answer it is allowed to read. @type {import('fastify').onRequestAsyncHookHandler} */
    const knownFeed = async (request, reply) => {
      if (reply.hasHeader('Access-Control-Allow-Origin')) reply.header('Access-Control-Expose-Headers', 'ETag, Retry-After');
      if (!Object.hasOwn(FEED_WIDGETS, feedOf(request))) return reply.code(404).send({ error: `no such feed: a town publishes ${Object.keys(FEED_WIDGETS).join(', ')}` });
    };
    const coordinator = [noTokenInAddress, knownFeed, coordinatorOnly(townOf)];

    for (const route of [path, `${path}/versions`, `${path}/versions/:version`, `${path}/versions/:version/restore`]) scope.options(route, feedPreflight(townOf));

    scope.get(path, { onRequest: [noTokenInAddress, knownFeed] }, async (request, reply) => {
      // The same address answers every origin, with CORS headers for the town's own: caches keep them apart.
      reply.header('Vary', 'Origin');
      const current = await store.current(townOf(request).id, feedOf(request));
      if (!current) return reply.code(404).header('Cache-Control', 'no-cache').send({ error: 'nothing has been published as this feed yet' });
      reply.header('ETag', current.etag).header('Cache-Control', FEED_CACHE_CONTROL).header('Last-Modified', new Date(current.publishedAt).toUTCString());
      if (noneMatch(request.headers['if-none-match'], current.etag)) return reply.code(304).send();
      return reply.type('application/feed+json; charset=utf-8').send(current.text);
    });

    scope.put(path, { bodyLimit, onRequest: coordinator }, async (request, reply) => {
      const town = townOf(request).id;
      const feed = feedOf(request);
      const text = request.body;
      if (typeof text !== 'string') return reply.code(415).send({ error: 'send the feed as application/feed+json; charset=utf-8' });
      const ifMatch = request.headers['if-match'];
      const expected = expectedVersion(ifMatch);
      // Asked first, so that a coordinator who has not seen the current version hears that before the feed's
      // problems; the store asks again in the transaction that writes.
      const refusal = precondition(await store.current(town, feed), expected, ifMatch);
      if (refusal) return reply.code(refusal.status).send(refusal.body);
      const warnings = await publishable(text, feed, request, reply);
      if (!warnings) return reply;
      const result = await store.publish({ town, feed, text, expected });
      if ('conflict' in result) {
        const late = precondition(result.conflict, expected, ifMatch);
        return reply.code(late?.status ?? 412).send(late?.body);
      }
      const { published, created } = result;
      if (created) request.log.info({ town, feed, version: published.version, bytes: published.bytes }, 'feed published');
      return reply.code(created ? 201 : 200).header('ETag', published.etag).send({ ...describe(published), warnings });
    });

    scope.get(`${path}/versions`, { onRequest: coordinator }, async (request) => {
      const versions = await store.list(townOf(request).id, feedOf(request));
      return { feed: feedOf(request), versions: versions.map((version) => describe(version, versions[0]?.version)) };
    });

    scope.get(`${path}/versions/:version`, { onRequest: coordinator }, async (request, reply) => {
      const found = await store.get(townOf(request).id, feedOf(request), versionOf(request));
      if (!found) return reply.code(404).send({ error: 'this version is not kept (or was never published)' });
      return { ...describe(found), text: found.text };
    });

    scope.post(`${path}/versions/:version/restore`, { onRequest: coordinator }, async (request, reply) => {
      const town = townOf(request).id;
      const feed = feedOf(request);
      const ifMatch = request.headers['if-match'];
      if (ifMatch === undefined) return reply.code(428).send({ error: 'send If-Match with the ETag of the current version, so that a restore never replaces a version you have not seen' });
      const refusal = precondition(await store.current(town, feed), expectedVersion(ifMatch), ifMatch);
      if (refusal) return reply.code(refusal.status).send(refusal.body);
      const kept = await store.get(town, feed, versionOf(request));
      if (!kept) return reply.code(404).send({ error: 'this version is not kept (or was never published)' });
      // Checked again as a new publication: the version was published under an older server's schema, or at a time
      // when what it says was still ahead, and residents get only what the widget can show today.
      const warnings = await publishable(kept.text, feed, request, reply);
      if (!warnings) return reply;
      const result = await store.restore({ town, feed, version: versionOf(request), expected: expectedVersion(ifMatch) });
      if ('missing' in result) return reply.code(404).send({ error: 'this version is not kept (or was never published)' });
      if ('conflict' in result) return reply.code(412).send(precondition(result.conflict, expectedVersion(ifMatch), ifMatch)?.body);
      request.log.info({ town, feed, version: result.published.version, restoredFrom: result.published.restoredFrom }, 'feed version restored');
      return reply.code(201).header('ETag', result.published.etag).send({ ...describe(result.published), warnings });
    });

    /**
     * Checks a feed text as its widget reads it, at the server's clock. Resolves with its warnings when it may be
     * published; otherwise it has answered 422 (with the validator's codes and paths) or 503, and resolves undefined.
     * @param {string} text @param {string} feed @param {import('fastify').FastifyRequest} request @param {import('fastify').FastifyReply} reply
     */
    async function publishable(text, feed, request, reply) {
      const widget = FEED_WIDGETS[/** @type {keyof typeof FEED_WIDGETS} */ (feed)];
      let check;
      try {
        check = await checkFeedText(text, widget, now());
      } catch (error) {
        if (!(error instanceof ValidatorMissing)) throw error;
        request.log.error(error.message);
        reply.code(503).send({ error: 'the server cannot check feeds now; nothing was published' });
        return undefined;
      }
      const warnings = check.problems.filter((problem) => problem.severity === 'warning');
      if (check.ok) return warnings;
      const problems = check.problems.filter((problem) => problem.severity === 'error');
      reply.code(422).send({ error: `the feed has ${problems.length} error(s) the ${widget} widget cannot show; nothing was published`, problems, warnings });
      return undefined;
    }
  });
}

/** @param {import('fastify').FastifyRequest} request */
function versionOf(request) {
  const text = /** @type {{ version: string }} */ (request.params).version;
  return /^[1-9]\d{0,8}$/.test(text) ? Number(text) : 0;
}

/**
 * Why a publish over `current` is refused, or undefined when it is not: 428 without If-Match where a version is
 * published (the coordinator must say which one they have seen), 412 when it is not that one.
 * @param {FeedVersion | undefined} current @param {string | null} expected @param {string | undefined} ifMatch
 */
function precondition(current, expected, ifMatch) {
  const currentOne = current ? { version: current.version, etag: current.etag, publishedAt: current.publishedAt } : null;
  if (ifMatch === undefined && current) {
    return { status: 428, body: { error: `version ${current.version} is published: send If-Match with its ETag, so that nothing you have not seen is replaced`, current: currentOne } };
  }
  if (isExpected(current, expected)) return undefined;
  return { status: 412, body: { error: current ? `the published version is ${current.version}, not the one you have seen: load it, check the changes, and publish again` : 'nothing is published yet: publish without If-Match', current: currentOne } };
}
