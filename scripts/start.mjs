// `npm start`: builds the self-contained bundle and serves the demo page the way a municipal site would
// embed the widgets: one script tag, static JSON feeds, and a strict Content-Security-Policy. The reference
// contact endpoint (server/) runs beside it on a second, internal port; `/api/contact/*` is proxied to it, so
// the form posts to its own origin and `connect-src 'self'` holds.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { createGzip, gzipSync } from 'node:zlib';
import { instantMs, setClock } from '../server/clock.mjs';
import { optionsFromEnv } from '../server/config.mjs';
import { buildContactServer } from '../server/contact-server.mjs';
import { SECURITY_HEADERS } from './security-headers.mjs';
import { BUILDER_HEADERS, EDITOR_HEADERS } from './security-headers.mjs';
import { loadSampleDates } from './sample-dates.mjs';

const root = resolve(import.meta.dirname, '..');
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';

console.log('Building dist/asskomm-widgets.js, dist/asskomm-widgets.iife.js, the embed builder and the feed editor …');
// The editor after the builder: the builder empties demo/build/, the editor writes into demo/build/editor/.
for (const kind of ['bundle', 'iife', 'builder', 'editor']) {
  execFileSync('npx', ['--no-install', 'vite', 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, KPR_BUILD: kind },
  });
}

const sampleDates = await loadSampleDates();

/**
 * KPR_DEMO_INSTANT (say `2026-11-24T10:00:00+01:00`) runs the whole demo at that instant instead of the machine's
 * date, for the benchmarks (bench/lighthouse.mjs): the sample feeds are moved to its week, the contact endpoint's
 * clock stands there, and every page gets `/demo-clock.js`, which sets the library's clock singleton (what
 * `setClock` sets, src/core/clock.ts) before the widgets load. A deferred classic script runs before the module
 * scripts after it and blocks nothing, and it comes from 'self', so the strict CSP holds. Unset, nothing changes.
 */
const pinnedMs = process.env.KPR_DEMO_INSTANT ? instantMs(process.env.KPR_DEMO_INSTANT, 'KPR_DEMO_INSTANT') : undefined;
if (pinnedMs !== undefined) setClock(new Date(pinnedMs));
const sampleShiftNow = () => sampleDates.sampleShift(pinnedMs === undefined ? undefined : new Date(pinnedMs));
const CLOCK_PATH = '/demo-clock.js';
const clockScript = `globalThis[Symbol.for('asskomm-widgets.v1.clock')] = { source: () => ${pinnedMs} };\n`;
/** The page with the clock script before its first script (or at the end of its head). */
const withClock = (html) => {
  const tag = `<script defer src="${CLOCK_PATH}"></script>\n    `;
  const at = html.search(/<script\b/i);
  return at >= 0 ? html.slice(0, at) + tag + html.slice(at) : html.replace(/<\/head>/i, `${tag}</head>`);
};

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/feed+json; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

/** Text is sent gzipped when the browser asks for it, as any web server does (the bench's sizes are gzip). */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.rss', '.atom', '.xml', '.svg', '.map', '.ics']);

const headersFor = (pathname) => (pathname === '/builder.html' ? BUILDER_HEADERS : pathname === '/editor.html' ? EDITOR_HEADERS : SECURITY_HEADERS);

/**
 * The sample feeds (demo/feeds/) were written for one week in November 2026; they are served with every date moved
 * by whole weeks to the current one, computed per request so that a server left running moves on with the days.
 * `?as-written` gives the file as it is in the repository: the embed builder asks for that and moves the dates
 * itself, as it must where it is served as static files (dist/builder/).
 */
const SAMPLE_FEEDS = join(root, 'demo/feeds');
function movedSampleFeed(file, url) {
  if (dirname(file) !== SAMPLE_FEEDS || url.searchParams.has('as-written')) return undefined; // images/ stay as they are
  return sampleDates.shiftFeedText(file, readFileSync(file, 'utf8'), sampleShiftNow());
}

/** What is served instead of the file itself: a sample feed moved to this week, a page with the pinned clock. */
function rewritten(file, url) {
  if (pinnedMs !== undefined && extname(file) === '.html') return withClock(readFileSync(file, 'utf8'));
  return movedSampleFeed(file, url);
}

/** URL path → file: `/dist/…` from the build, everything else from `demo/`. */
function fileFor(pathname) {
  const [base, rest] = pathname.startsWith('/dist/') ? ['dist', pathname.slice(6)] : ['demo', pathname.slice(1)];
  const file = normalize(join(root, base, decodeURIComponent(rest) || 'index.html'));
  if (!file.startsWith(join(root, base))) return undefined;
  if (existsSync(file) && statSync(file).isDirectory()) return join(file, 'index.html');
  return file;
}

// The contact endpoint: configured by the same KPR_CONTACT_* variables as `asskomm-widgets contact-server`,
// with its file in the git-ignored .data/ and ALTCHA on (a fresh key per start unless KPR_CONTACT_ALTCHA_KEY
// is set; KPR_CONTACT_ALTCHA_KEY=off turns it off, e.g. for trying the endpoint with curl).
const { port: _port, host: _host, ...contactOptions } = optionsFromEnv(process.env);
const altchaKey = process.env.KPR_CONTACT_ALTCHA_KEY ?? randomBytes(32).toString('hex');
const contactDb = process.env.KPR_CONTACT_DB ?? join(root, '.data/contact.sqlite');
const contact = buildContactServer({
  ...contactOptions,
  dbPath: contactDb,
  altchaKey: altchaKey === 'off' ? undefined : altchaKey,
  trustProxy: '127.0.0.1', // the proxy below says who the resident is, for the rate limit
  logger: { level: process.env.KPR_CONTACT_LOG_LEVEL ?? 'warn' },
});
await contact.listen({ port: 0, host: '127.0.0.1' });
const contactPort = /** @type {import('node:net').AddressInfo} */ (contact.server.address()).port;
const CONTACT_PREFIX = '/api/contact/';

/** `/api/contact/messages?x` → the contact server's `/messages?x`, with the resident's address. */
function proxyToContact(request, response, url) {
  const upstream = httpRequest(
    {
      host: '127.0.0.1',
      port: contactPort,
      method: request.method,
      path: `/${url.pathname.slice(CONTACT_PREFIX.length)}${url.search}`,
      headers: { ...request.headers, 'x-forwarded-for': request.socket.remoteAddress ?? '' },
    },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'X-Content-Type-Options': 'nosniff' });
      answer.pipe(response);
    },
  );
  upstream.on('error', () => {
    if (!response.headersSent) response.writeHead(502, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ error: 'the contact endpoint is not reachable' }));
  });
  request.pipe(upstream);
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const { pathname } = url;
  if (pathname.startsWith(CONTACT_PREFIX)) return proxyToContact(request, response, url);
  if (pinnedMs !== undefined && pathname === CLOCK_PATH) {
    response.writeHead(200, { 'Content-Type': TYPES['.js'], 'Cache-Control': 'no-cache', ...SECURITY_HEADERS }).end(request.method === 'HEAD' ? undefined : clockScript);
    return;
  }
  const file = fileFor(pathname);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  if (!file || !existsSync(file)) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end('Not found');
    return;
  }
  const moved = request.method === 'GET' ? rewritten(file, url) : undefined;
  const gzip = COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
  response.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-cache',
    Vary: 'Accept-Encoding',
    ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    ...headersFor(pathname),
  });
  if (request.method === 'HEAD') response.end();
  else if (moved !== undefined) response.end(gzip ? gzipSync(moved) : moved);
  else if (gzip) createReadStream(file).pipe(createGzip()).pipe(response);
  else createReadStream(file).pipe(response);
});

server.listen(port, host, () => {
  const { port: actual } = server.address();
  const base = `http://${host === '0.0.0.0' ? 'localhost' : host}:${actual}`;
  console.log(`\nContact endpoint: ${base}/api/contact/messages (stored in ${contactDb}; ALTCHA ${altchaKey === 'off' ? 'off' : 'on'}; export ${contactOptions.token ? 'on' : 'off: set KPR_CONTACT_TOKEN'})`);
  if (pinnedMs !== undefined) console.log(`\nEvery page, feed and the contact endpoint run at ${new Date(pinnedMs).toISOString()} (KPR_DEMO_INSTANT).`);
  console.log(`\nDemo: ${base}/  (Ctrl+C to stop)`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    setTimeout(() => process.exit(0), 2000).unref();
    contact.close().finally(() => process.exit(0));
  });
}
