// The only body the endpoint reads: JSON in UTF-8 (Fastify's text/plain parser would accept a form's simple
// request, which needs no CORS preflight). Fastify decodes any body as UTF-8 and turns what is not into U+FFFD:
// "Straße" sent in Latin-1 would be stored as "Stra�e" and acknowledged. So the charset is checked and the bytes
// decoded strictly first: another charset is 415, bytes that are not UTF-8 are 400.
import { Refusal } from './errors.mjs';

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)/i;

/** Replaces every content-type parser of `app` by the strict JSON one. @param {import('fastify').FastifyInstance} app */
export function acceptStrictJson(app) {
  app.removeAllContentTypeParsers();
  const parseJson = app.getDefaultJsonParser('error', 'error');
  const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const charset = CHARSET.exec(request.headers['content-type'] ?? '')?.[1].toLowerCase();
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
}
