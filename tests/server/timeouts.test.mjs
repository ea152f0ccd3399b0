// Slow and idle clients: a connection that trickles its request, sends nothing, or idles after its answer is
// closed after the configured timeouts, so such clients cannot hold the endpoint's connections (and its open
// files) while residents' messages still go through. Only loopback; every loop is bounded.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import { test } from 'node:test';
import { setClock } from '../../server/clock.mjs';
import { optionsFromEnv } from '../../server/config.mjs';
import { server, TODAY, valid } from './support.mjs';

setClock(TODAY);

/** How long after `since` (performance.now()) the socket closes; 'open' when it is still open after `waitMs`. */
function closedAfter(/** @type {import('node:net').Socket} */ socket, /** @type {number} */ since, /** @type {number} */ waitMs) {
  return new Promise((resolve) => {
    const giveUp = setTimeout(() => resolve('open'), waitMs);
    socket.on('error', () => {});
    socket.resume(); // read the answers, so that the server's end of the connection is seen
    socket.once('close', () => {
      clearTimeout(giveUp);
      resolve(Math.round(performance.now() - since));
    });
  });
}

test('clients that trickle their body, send nothing or idle are cut off; a normal POST still works meanwhile', { timeout: 20_000 }, async (t) => {
  const timeouts = optionsFromEnv({ KPR_CONTACT_HEADERS_TIMEOUT_MS: '1000', KPR_CONTACT_REQUEST_TIMEOUT_MS: '1000', KPR_CONTACT_KEEP_ALIVE_TIMEOUT_MS: '1000' });
  const app = await server(t, { headersTimeoutMs: timeouts.headersTimeoutMs, requestTimeoutMs: timeouts.requestTimeoutMs, keepAliveTimeoutMs: timeouts.keepAliveTimeoutMs });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = /** @type {import('node:net').AddressInfo} */ (app.server.address());
  const waitMs = 5000; // five times the timeout: the endpoint must have closed every slow connection by then
  /** @type {import('node:net').Socket[]} */
  const sockets = [];
  /** @type {NodeJS.Timeout[]} */
  const drips = [];
  try {
    const open = () => {
      const socket = connect(port, '127.0.0.1');
      sockets.push(socket);
      return socket;
    };

    const start = performance.now();
    // Ten clients send their headers, then one byte of the announced 1,000 every 100 ms.
    const tricklers = Array.from({ length: 10 }, () => {
      const socket = open();
      socket.write(`POST /messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nIdempotency-Key: ${crypto.randomUUID()}\r\nContent-Length: 1000\r\n\r\n`);
      let sent = 0;
      const drip = setInterval(() => {
        if (socket.destroyed || ++sent > waitMs / 100) clearInterval(drip);
        else socket.write(' ');
      }, 100);
      drips.push(drip);
      return closedAfter(socket, start, waitMs);
    });
    // One opens a connection and says nothing at all.
    const silent = closedAfter(open(), start, waitMs);
    // One sends a complete request, keeps the connection and idles.
    const idler = open();
    idler.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    const idle = closedAfter(idler, start, waitMs);

    // Meanwhile a resident's message is stored as usual.
    const response = await fetch(`http://127.0.0.1:${port}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify(valid()),
    });
    assert.equal(response.status, 201);

    const closed = [...(await Promise.all(tricklers)).map((after) => ['trickling', after]), ['silent', await silent], ['idle', await idle]];
    // Closed after the timeout (1 s), when the server next checks its connections (every second), with room for
    // a busy machine.
    for (const [who, after] of closed) assert.ok(typeof after === 'number' && after >= 900 && after <= 4000, `${who}: closed after ${after} ms`);
  } finally {
    // Before the server closes (after the test), which waits for connections still open.
    drips.forEach(clearInterval);
    sockets.forEach((socket) => socket.destroy());
  }
});

test('the timeouts are settings: defaults, and refused when not a positive number', () => {
  const defaults = optionsFromEnv({});
  assert.deepEqual([defaults.headersTimeoutMs, defaults.requestTimeoutMs, defaults.keepAliveTimeoutMs], [10_000, 30_000, 5_000]);
  for (const name of ['KPR_CONTACT_HEADERS_TIMEOUT_MS', 'KPR_CONTACT_REQUEST_TIMEOUT_MS', 'KPR_CONTACT_KEEP_ALIVE_TIMEOUT_MS']) {
    assert.throws(() => optionsFromEnv({ [name]: '0' }), new RegExp(name));
    assert.throws(() => optionsFromEnv({ [name]: 'soon' }), new RegExp(name));
  }
});
