// SMTP forwarding: store first, forward after. A failed forward keeps the message (and records the failure);
// a working SMTP server gets one e-mail per message, none for spam.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { setClock } from '../../server/clock.mjs';
import { at, fakeSmtp, post, rowCount, server, TODAY, valid } from './support.mjs';

setClock(TODAY);

/** A closed port: listen, note the port, close. */
async function closedPort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

test('a failed forward never drops the message: 201, stored, in the export, failure recorded', async (t) => {
  const app = await server(t, { token: 't', smtpUrl: `smtp://127.0.0.1:${await closedPort()}`, mailTo: 'kpr@bannewitz.example' });
  const response = await post(app, valid());
  assert.equal(response.statusCode, 201);
  const { reference } = response.json();
  await /** @type {any} */ (app).contact.forwardsIdle();
  const stored = await /** @type {any} */ (app).contact.store.get(reference);
  assert.equal(stored.forwardedAt, null);
  assert.equal(stored.forwardAttempts, 1);
  assert.match(stored.forwardError, /ECONNREFUSED|connect/i);
  const { messages } = (await app.inject({ url: '/messages', headers: { authorization: 'Bearer t' } })).json();
  assert.deepEqual(messages.map((/** @type {any} */ m) => m.reference), [reference]);
  assert.equal(rowCount(app), 1);
});

test('a working SMTP server gets one e-mail per message, with the reference; spam is not forwarded', async (t) => {
  const smtp = await fakeSmtp(t);
  const app = await server(t, { smtpUrl: smtp.url, mailTo: 'kpr@bannewitz.example', mailFrom: 'kontakt@bannewitz.example' });
  const person = await post(app, { ...valid(), email: 'anwohnerin@example.org', name: 'Anna Beispiel' });
  await post(app, { ...valid(), website: 'spam' });
  await /** @type {any} */ (app).contact.forwardsIdle();
  assert.equal(smtp.mails.length, 1);
  const mail = smtp.mails[0];
  assert.ok(mail.includes(person.json().reference));
  assert.match(mail, /^To: kpr@bannewitz\.example/m);
  assert.match(mail, /^Reply-To: anwohnerin@example\.org/m);
  assert.match(mail, /^Eingang: 2026-11-24T09:00:00\.000Z$/m);
  assert.equal((await /** @type {any} */ (app).contact.store.get(person.json().reference)).forwardedAt, '2026-11-24T09:00:00.000Z');
});

test('a forward that failed is retried, and goes out once the SMTP server is back', async (t) => {
  const port = await closedPort();
  const app = await server(t, { smtpUrl: `smtp://127.0.0.1:${port}`, mailTo: 'kpr@bannewitz.example' });
  const { reference } = (await post(app, valid())).json();
  await /** @type {any} */ (app).contact.forwardsIdle();
  at(t, '2026-11-24T10:05:00+01:00'); // the mail server is back five minutes later
  const smtp = await fakeSmtp(t);
  // The retry reads the stored messages; point a second server (same file, working SMTP) at them.
  const { buildContactServer } = await import('../../server/contact-server.mjs');
  const dbPath = /** @type {any} */ (app).contact.store.db.name;
  const second = buildContactServer({ dbPath, smtpUrl: smtp.url, mailTo: 'kpr@bannewitz.example', rateLimit: false });
  t.after(() => second.close());
  await second.ready(); // retries pending forwards on start
  await /** @type {any} */ (second).contact.forwardsIdle();
  assert.equal(smtp.mails.length, 1);
  assert.ok(smtp.mails[0].includes(reference));
  const stored = await /** @type {any} */ (second).contact.store.get(reference);
  assert.deepEqual([stored.receivedAt, stored.forwardedAt], ['2026-11-24T09:00:00.000Z', '2026-11-24T09:05:00.000Z']);
});
