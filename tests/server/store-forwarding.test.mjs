// Several server processes on one store forward each message once: their forwarders retry the same pending
// messages at the same moment, and the store's claim (claimForward) lets one of them send each. Two forwarders
// on one SQLite file (two processes on one host), and on one PostgreSQL database where it is installed.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createForwarder } from '../../server/forward.mjs';
import { openStore } from '../../server/store.mjs';
import { postgresMissing, startPostgres } from '../support/postgres.mjs';
import { fakeSmtp, tempDir } from './support.mjs';

const now = () => new Date('2026-11-24T09:00:00Z');
const log = { info() {}, error() {} };

/**
 * Stores 10 messages through one store, then lets two forwarders on two stores of the same place retry at once.
 * @param {import('node:test').TestContext} t @param {() => import('../../server/store.mjs').MessageStore} open
 */
async function twoForwarders(t, open) {
  const smtp = await fakeSmtp(t);
  const stores = [open(), open()];
  for (const store of stores) t.after(() => store.close());
  await Promise.all(stores.map((store) => store.ready()));
  /** @type {string[]} */
  const references = [];
  for (let i = 0; i < 10; i++) {
    const saved = await stores[0].saveMessage({ town: i % 2 ? 'freital' : 'bannewitz', key: `k-${i}`, body: { message: `Nachricht ${i}` } });
    if ('reference' in saved) references.push(saved.reference);
  }
  const forwarders = await Promise.all(stores.map((store) => createForwarder({ smtpUrl: smtp.url, mailTo: (town) => `kpr@${town}.example`, store, log })));
  t.after(() => forwarders.forEach((forwarder) => forwarder.close()));
  await Promise.all(forwarders.map((forwarder) => forwarder.retryPending()));
  await Promise.all(forwarders.map((forwarder) => forwarder.idle()));
  const subjects = smtp.mails.map((mail) => /^Subject: (.*)$/m.exec(mail)?.[1] ?? '');
  assert.deepEqual(subjects.map((subject) => subject.replace('[KPR] ', '')).sort(), [...references].sort(), 'one e-mail per message');
  assert.deepEqual(await stores[1].pendingForwards(5), [], 'each marked forwarded');
}

test('SQLite: two forwarders on one file send each message once', async (t) => {
  const dbPath = join(tempDir(t), 'contact.sqlite');
  await twoForwarders(t, () => openStore({ dbPath, now }));
});

const missing = postgresMissing();
const cluster = missing ? undefined : startPostgres();
after(() => cluster?.stop());

test('PostgreSQL: two forwarders on one database send each message once', missing ? { skip: missing } : {}, async (t) => {
  const databaseUrl = await /** @type {NonNullable<typeof cluster>} */ (cluster).createDatabase();
  await twoForwarders(t, () => openStore({ databaseUrl, now }));
});
