// What text a message may carry. A 2xx means "stored as sent", so text the endpoint could only store altered
// (bytes that are not UTF-8, another charset, half a surrogate pair) is refused, never stored with U+FFFD; and
// so is text that would act rather than read in a terminal, a spreadsheet or the forwarded e-mail: control
// characters, direction overrides, line breaks in one-line fields. The export and the e-mail show such
// characters visibly, should the file hold some from before the rule.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setClock } from '../../server/clock.mjs';
import { toCsv } from '../../server/csv.mjs';
import { mailText } from '../../server/forward.mjs';
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
      assert.equal((await /** @type {any} */ (app).contact.store.get(response.json().reference)).message, 'Straße äöü – 😀');
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

describe('control characters, direction overrides and line breaks', () => {
  /** @type {[string, string, string][]} field, text, what it is */
  const refused = [
    ['message', 'Hallo\u0000Welt', 'NUL'],
    ['message', 'Hallo \u001b[2J Welt', 'ESC[2J, which clears a terminal'],
    ['message', '\u001b]0;Fenstertitel\u0007Hallo', 'ESC]0;…BEL, which sets a terminal\'s title'],
    ['message', 'Es klingelt\u0007', 'BEL'],
    ['message', 'Rechnung \u202egpj.exe', 'U+202E, right-to-left override'],
    ['message', 'Hallo \u2066Welt\u2069', 'U+2066/U+2069, isolates'],
    ['message', 'Hallo \u009b2J', 'U+009B, CSI of C1'],
    ['topic', 'graffiti\nReferenz: KPR-2026-FAKE00', 'LF in the topic'],
    ['place', 'Lindenweg\r\nE-Mail: falsch@example.org', 'CRLF in the place'],
    ['name', 'Anna\nReferenz: KPR-2026-FAKE00', 'LF in the name'],
    ['name', 'Anna\u2028Beispiel', 'U+2028, line separator, in the name'],
    ['name', 'Anna\tBeispiel', 'a tab in the name'],
    ['name', '\u202eAnna', 'U+202E in the name'],
    ['page', 'https://www.bannewitz.de/\u0000', 'NUL in the page'],
  ];
  for (const [field, text, what] of refused) {
    test(`refused: ${what} (400 on /${field}, nothing stored)`, async (t) => {
      const app = await server(t);
      const response = await post(app, { ...valid(), [field]: text });
      assert.equal(response.statusCode, 400);
      const { problems } = response.json();
      assert.deepEqual(problems.map((/** @type {any} */ p) => p.path), [`/${field}`]);
      assert.match(problems[0].message, /U\+[0-9A-F]{4}/, 'the problem names the character');
      assert.equal(rowCount(app), 0);
    });
  }

  test('the message may carry line breaks and tabs; right-to-left text and its marks are fine', async (t) => {
    const app = await server(t);
    const text = { message: 'Zeile 1\nZeile 2\r\n\teingerückt\u2028Zeile 4', name: 'שרה כהן\u200f', place: 'شارع\u200e 12' };
    const response = await post(app, { ...valid(), ...text });
    assert.equal(response.statusCode, 201);
    const stored = await /** @type {any} */ (app).contact.store.get(response.json().reference);
    assert.deepEqual({ message: stored.message, name: stored.name, place: stored.place }, text);
  });

  /** A message as the file may hold it from before the rule: every field with something the rule refuses. */
  const old = () => ({
    reference: 'KPR-2026-ABCDEF', receivedAt: '2026-11-24T09:00:00.000Z', topic: 'graffiti\nReferenz: KPR-2026-FAKE00',
    message: 'Hallo\u001b[2J\u0007 Welt\nzweite Zeile', place: 'Lindenweg\r\nE-Mail: falsch@example.org', name: '\u202eAnna',
    email: 'anna@example.org', phone: '+1+1', wantsAnswer: true, language: 'de', page: null, fillMs: 12_000, spam: false,
    spamReason: null, forwardedAt: null, forwardAttempts: 0, forwardError: null,
  });

  test('the e-mail: a line break in a one-line field adds no line, controls are shown as U+ codes', () => {
    const mail = mailText(old());
    const lines = mail.split('\n');
    assert.deepEqual(lines.filter((line) => line.startsWith('Referenz:')), ['Referenz: KPR-2026-ABCDEF']);
    assert.ok(!lines.some((line) => line.startsWith('E-Mail: falsch')), 'no fake address line');
    assert.ok(lines.includes('Thema: graffiti<U+000A>Referenz: KPR-2026-FAKE00'));
    assert.ok(lines.includes('Ort: Lindenweg<U+000D><U+000A>E-Mail: falsch@example.org'));
    assert.ok(lines.includes('Name: <U+202E>Anna'));
    assert.ok(mail.endsWith('\nHallo<U+001B>[2J<U+0007> Welt\nzweite Zeile\n'), 'the message keeps its line breaks');
    assert.doesNotMatch(mail, /[\u0000-\u0009\u000b-\u001f\u202e]/);
  });

  test('the CSV: controls shown as U+ codes, and phone numbers that look like formulas are guarded, yet read as numbers', () => {
    const csv = toCsv([
      old(),
      { ...old(), reference: 'KPR-2026-ABCDEG', phone: '-2-3' },
      { ...old(), reference: 'KPR-2026-ABCDEH', phone: '+49 351 1234' },
      { ...old(), reference: 'KPR-2026-ABCDEJ', phone: '(0351) 1234' },
    ]);
    assert.doesNotMatch(csv, /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u202e]/);
    assert.ok(csv.includes(',graffiti<U+000A>Referenz: KPR-2026-FAKE00,'));
    assert.ok(csv.includes('"Hallo<U+001B>[2J<U+0007> Welt\nzweite Zeile"'));
    const phones = csv.trim().split('\r\n').slice(1).map((row) => row.split(',')[7]);
    // A spreadsheet shows a cell that starts with ' as the text after it, so +49 351 1234 still reads as written.
    assert.deepEqual(phones, ["'+1+1", "'-2-3", "'+49 351 1234", '(0351) 1234']);
  });
});
