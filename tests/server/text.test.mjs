// What text a message may carry. A 2xx means "stored as sent", so text the endpoint could only store altered
// (bytes that are not UTF-8, another charset, half a surrogate pair) is refused, never stored with U+FFFD.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setClock } from '../../server/clock.mjs';
import { post, rowCount, server, TODAY, valid } from './support.mjs';

setClock(TODAY);

/** POSTs raw bytes. @param {import('fastify').FastifyInstance} app @param {Buffer} bytes @param {string} [type] */
const postBytes = (app, bytes, type = 'application/json') =>
  app.inject({ method: 'POST', url: '/messages', headers: { 'content-type': type, 'idempotency-key': crypto.randomUUID() }, payload: bytes });

describe('the body is UTF-8', () => {
  test('bytes that are not UTF-8 (Latin-1 umlauts): 400 naming UTF-8, nothing stored', async (t) => {
    const app = await server(t);
    const latin1 = Buffer.from(JSON.stringify({ ...valid(), message: 'Straße äöü' }), 'latin1');
    const response = await postBytes(app, latin1);
    assert.equal(response.statusCode, 400);
    assert.match(response.json().error, /UTF-8/);
    assert.deepEqual(response.json().problems.map((/** @type {any} */ p) => p.path), ['']);
    assert.equal(rowCount(app), 0);
  });

  test('a declared charset other than UTF-8: 415 naming it, nothing stored', async (t) => {
    const app = await server(t);
    const latin1 = Buffer.from(JSON.stringify({ ...valid(), message: 'Straße äöü' }), 'latin1');
    for (const type of ['application/json; charset=iso-8859-1', 'application/json;charset="windows-1252"']) {
      const response = await postBytes(app, latin1, type);
      assert.equal(response.statusCode, 415, type);
      assert.match(response.json().error, /iso-8859-1|windows-1252/);
      assert.match(response.json().error, /UTF-8/);
    }
    assert.equal(rowCount(app), 0);
  });

  test('UTF-8, declared or not, is stored exactly as sent', async (t) => {
    const app = await server(t);
    for (const type of ['application/json', 'application/json; charset=utf-8', 'application/json; charset="UTF-8"']) {
      const response = await postBytes(app, Buffer.from(JSON.stringify({ ...valid(), message: 'Straße äöü – 😀' }), 'utf8'), type);
      assert.equal(response.statusCode, 201, type);
      assert.equal(/** @type {any} */ (app).contact.store.get(response.json().reference).message, 'Straße äöü – 😀');
    }
  });

  test('half a surrogate pair (\\ud800 in the JSON) is no text: 400 on its field', async (t) => {
    const app = await server(t);
    const response = await post(app, JSON.stringify({ ...valid(), name: 'Anna' }).replace('Anna', 'An\\ud800na'));
    assert.equal(response.statusCode, 400);
    assert.deepEqual(response.json().problems.map((/** @type {any} */ p) => p.path), ['/name']);
    assert.equal(rowCount(app), 0);
  });
});
