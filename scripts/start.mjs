// `npm start`: builds the self-contained bundle and serves the demo page the way a municipal site would
// embed the widgets: one script tag, static JSON feeds, and a strict Content-Security-Policy.
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';

console.log('Building dist/asskomm-widgets.js and dist/asskomm-widgets.iife.js …');
for (const kind of ['bundle', 'iife']) {
  execFileSync('npx', ['--no-install', 'vite', 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, KPR_BUILD: kind },
  });
}

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

/** What a careful municipal site sends; the widgets need nothing beyond 'self'. */
const SECURITY_HEADERS = {
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
  ].join('; '),
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Content-Type-Options': 'nosniff',
};

/** URL path → file: `/dist/…` from the build, everything else from `demo/`. */
function fileFor(pathname) {
  const [base, rest] = pathname.startsWith('/dist/') ? ['dist', pathname.slice(6)] : ['demo', pathname.slice(1)];
  const file = normalize(join(root, base, decodeURIComponent(rest) || 'index.html'));
  if (!file.startsWith(join(root, base))) return undefined;
  if (existsSync(file) && statSync(file).isDirectory()) return join(file, 'index.html');
  return file;
}

const server = createServer((request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  const file = fileFor(pathname);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  if (!file || !existsSync(file)) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end('Not found');
    return;
  }
  response.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-cache',
    ...SECURITY_HEADERS,
  });
  if (request.method === 'HEAD') response.end();
  else createReadStream(file).pipe(response);
});

server.listen(port, host, () => {
  const { port: actual } = server.address();
  console.log(`\nDemo: http://${host === '0.0.0.0' ? 'localhost' : host}:${actual}/  (Ctrl+C to stop)`);
});
