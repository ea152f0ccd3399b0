// Koa middleware for web-test-runner: real HTTP answers the browser tests need and static files cannot give.
// Everything lives under /test-api/ on the test server itself (loopback only).
import { readFileSync } from 'node:fs';

const flaky = new Map();
/** Slow feeds by key: how many bytes went out, and whether the browser hung up. */
const drips = new Map();
/** Every request the test server has had, by path and query: tests count a widget's requests here (fresh URLs). */
const seen = new Map();
/** Contact mailboxes, one per test: every request as it arrived, and the messages stored by idempotency key. */
const mailboxes = new Map();
const mailbox = (name) => {
  if (!mailboxes.has(name)) mailboxes.set(name, { requests: [], stored: new Map() });
  return mailboxes.get(name);
};
const readBody = (req) => new Promise((resolve) => {
  let text = '';
  req.on('data', (chunk) => (text += chunk));
  req.on('end', () => resolve(text));
});
const fixture = (name) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));

export async function testApi(ctx, next) {
  seen.set(ctx.url, (seen.get(ctx.url) ?? 0) + 1);
  const url = new URL(ctx.url, 'http://localhost');
  const [, root, route, arg] = url.pathname.split('/');
  if (root !== 'test-api') return next();
  ctx.set('Cache-Control', 'no-store');

  switch (route) {
    // /test-api/count?url=<path and query>: how many requests for that URL have arrived so far.
    case 'count':
      ctx.type = 'application/json';
      ctx.body = { count: seen.get(url.searchParams.get('url')) ?? 0 };
      return;
    // /test-api/status/404
    case 'status':
      ctx.status = Number(arg);
      ctx.type = 'text/html';
      ctx.body = `<!doctype html><title>${arg}</title><h1>Error ${arg}</h1>`;
      return;
    // /test-api/hang: headers never come; the request ends when the browser gives up.
    case 'hang':
      await new Promise((resolve) => {
        ctx.req.on('close', resolve);
        setTimeout(resolve, 30_000);
      });
      ctx.status = 504;
      return;
    // /test-api/slow/<ms>?feed=news.json: a fixture after a delay.
    case 'slow':
      await new Promise((resolve) => setTimeout(resolve, Number(arg)));
      ctx.type = 'application/feed+json';
      ctx.body = fixture(url.searchParams.get('feed') ?? 'news.json');
      return;
    // /test-api/flaky/<key>?fails=N&feed=news.json: 503 for the first N requests of a URL, then the fixture.
    case 'flaky': {
      const count = (flaky.get(ctx.url) ?? 0) + 1;
      flaky.set(ctx.url, count);
      if (count <= Number(url.searchParams.get('fails') ?? 1)) {
        ctx.status = 503;
        ctx.body = 'Service Unavailable';
        return;
      }
      ctx.type = 'application/feed+json';
      ctx.body = fixture(url.searchParams.get('feed') ?? 'news.json');
      return;
    }
    // /test-api/big/<MB>?length=1: a JSON Feed of that size, with or without a Content-Length header.
    case 'big': {
      const bytes = Number(arg) * 1_000_000;
      const head = '{"version":"https://jsonfeed.org/version/1.1","title":"Big","items":[],"_padding":"';
      const body = Buffer.alloc(bytes, 'x');
      body.write(head, 0);
      body.write('"}', bytes - 2);
      ctx.type = 'application/feed+json';
      if (url.searchParams.has('length')) {
        ctx.body = body;
      } else {
        const { Readable } = await import('node:stream');
        ctx.body = Readable.from((function* () {
          for (let offset = 0; offset < bytes; offset += 65536) yield body.subarray(offset, offset + 65536);
        })());
      }
      return;
    }
    // /test-api/drip/<key>?every=1000&feed=news.json: a fixture one byte per `every` ms (default: a byte a second),
    // headers at once. /test-api/drip-log/<key> tells how many bytes were sent and whether the browser hung up.
    case 'drip': {
      const body = fixture(url.searchParams.get('feed') ?? 'news.json');
      const every = Number(url.searchParams.get('every') ?? 1000);
      const log = { sent: 0, closed: false, complete: false, requests: (drips.get(arg)?.requests ?? 0) + 1 };
      drips.set(arg, log);
      const { PassThrough } = await import('node:stream');
      const stream = new PassThrough();
      const drip = () => {
        if (log.sent >= body.length) {
          log.complete = true;
          clearInterval(timer);
          stream.end();
          return;
        }
        stream.write(body.subarray(log.sent, log.sent + 1));
        log.sent += 1;
      };
      // The first byte goes out with the headers, so the browser is reading the body (not still waiting for an
      // answer) when a widget's timeout of a whole number of seconds ends, and not just as the next byte comes.
      drip();
      const timer = setInterval(drip, every);
      // The response's 'close' comes when the browser hangs up (or the body is done, then `complete` says so).
      ctx.res.on('close', () => {
        log.closed = true;
        clearInterval(timer);
        stream.destroy();
      });
      ctx.type = 'application/feed+json';
      ctx.body = stream;
      return;
    }
    case 'drip-log':
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(drips.get(arg) ?? null);
      return;
    // /test-api/pixel.svg (and any path ending in it): a tiny image on the test server's own host.
    case 'pixel.svg':
      ctx.type = 'image/svg+xml';
      ctx.body = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"><rect width="16" height="9" fill="#0a6"/></svg>';
      return;
    // /test-api/bytes/<fixture>?type=...: a fixture's bytes exactly as stored, with the given content type.
    case 'bytes':
      ctx.type = url.searchParams.get('type') ?? 'application/octet-stream';
      ctx.body = fixture(arg);
      return;
    // /test-api/echo?type=...&body=...: any body with any content type.
    case 'echo':
      ctx.type = url.searchParams.get('type') ?? 'text/plain';
      ctx.body = url.searchParams.get('body') ?? '';
      return;
    // POST /test-api/contact/<scenario>?box=<name>: an endpoint of docs/contact-api.md. Scenarios: ok; lost (the
    // message is stored but the first answer comes after 2.5 s, too late for a widget with timeout="1"); down (503); busy (429);
    // bad (400); open311 (answers as a GeoReport v2 server). GET /test-api/contact/log?box=<name>: what arrived.
    case 'contact': {
      const box = mailbox(url.searchParams.get('box') ?? 'default');
      if (arg === 'log') {
        ctx.type = 'application/json';
        ctx.body = { requests: box.requests, messages: [...box.stored.values()] };
        return;
      }
      const body = await readBody(ctx.req);
      const key = ctx.get('idempotency-key');
      box.requests.push({ key, type: ctx.get('content-type'), body });
      if (arg === 'down') return void ((ctx.status = 503), (ctx.body = { error: 'storage unavailable' }));
      if (arg === 'busy') return void (ctx.set('Retry-After', '120'), (ctx.status = 429), (ctx.body = { error: 'too many messages' }));
      if (arg === 'bad') return void ((ctx.status = 400), (ctx.body = { error: 'invalid', problems: [{ path: 'message', message: 'must not be empty' }] }));
      if (arg === 'open311') return void ((ctx.status = 201), (ctx.body = [{ service_request_id: '4711' }]));
      const known = box.stored.get(key);
      const reference = known?.reference ?? `KPR-2026-${String(box.stored.size + 1).padStart(4, '0')}`;
      if (!known) box.stored.set(key, { reference, body: JSON.parse(body) });
      if (arg === 'lost' && !known) {
        // Stored, but the answer comes too late: the widget has given up (its timeout is shorter) and says so.
        await new Promise((resolve) => setTimeout(resolve, 2500));
      }
      ctx.status = known ? 200 : 201;
      ctx.body = { reference };
      return;
    }
    // /test-api/oparl/<page>?t=…: a page of the OParl meeting list in fixtures/oparl/, its links (https://oparl.test/pages/N)
    // pointing back here with the same query, so that a test's fresh URL stays fresh from page to page.
    case 'oparl':
      ctx.type = 'application/json';
      ctx.body = fixture(`oparl/meetings-${Number(arg)}.json`).toString().replace(/https:\/\/oparl\.test\/pages\/(\d+)/g, `${ctx.origin}/test-api/oparl/$1${url.search}`);
      return;
    case 'log':
      process.stderr.write(`[browser] ${decodeURIComponent(url.search.slice(1))}\n`);
      ctx.body = '';
      return;
    default:
      ctx.status = 404;
  }
}
