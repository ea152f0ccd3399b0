// The message store's contract (MessageStore, server/store.mjs), once, for every store: store-sqlite.test.mjs and
// store-postgres.test.mjs run it against their own. What the endpoint relies on: a message is stored once per
// (town, Idempotency-Key) however often and however concurrently it comes; towns never see each other's
// messages; retention takes one town's old messages and nothing else; an ALTCHA solution sends one message.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

/** @typedef {import('../../server/store.mjs').MessageStore} MessageStore */

/**
 * Where a store keeps its messages (a file, a database): `open` may be called more than once, and each store it
 * opens sees what the others stored. Each test gets a new, empty place.
 * @typedef {{ open: (options: { now: () => Date }) => MessageStore }} StorePlace
 */

const TODAY = new Date('2026-11-24T09:00:00Z');
const DAY = 86_400_000;

/** A body as the endpoint passes it on, validated. @param {string} [text] */
const body = (text = 'Graffiti an der Bushaltestelle Hauptstraße.') => ({ topic: 'graffiti', message: text, place: 'Hauptstraße 1', consent: true, wantsAnswer: true, language: 'de', fillMs: 12_000, email: 'anna@example.org' });

/**
 * Runs every contract test against the stores `place(t)` opens.
 * @param {string} name
 * @param {(t: import('node:test').TestContext) => Promise<StorePlace>} place a new, empty place, cleaned up after the test
 * @param {{ skip?: string }} [options] `skip`: why these tests cannot run here
 */
export function storeContract(name, place, { skip } = {}) {
  describe(`${name}: the message store contract`, { skip }, () => {
    /**
     * A store at its clock, closed after the test. @param {import('node:test').TestContext} t
     * @returns {Promise<{ store: MessageStore, clock: { now: Date }, reopen: () => Promise<MessageStore>, where: StorePlace }>}
     */
    async function opened(t) {
      const where = await place(t);
      const clock = { now: TODAY };
      const open = async () => {
        const store = where.open({ now: () => clock.now });
        t.after(() => store.close());
        await store.ready();
        return store;
      };
      return { store: await open(), clock, reopen: open, where };
    }

    test('a message is stored with its town, the fields sent and the clock’s time, under a fresh reference', async (t) => {
      const { store } = await opened(t);
      const saved = await store.saveMessage({ town: 'bannewitz', key: 'k-1', body: body() });
      assert.ok('reference' in saved && saved.created);
      assert.match(saved.reference, /^KPR-2026-[A-HJ-NP-Z2-9]{6}$/);
      const stored = await store.get(saved.reference);
      assert.deepEqual(stored, {
        reference: saved.reference,
        town: 'bannewitz',
        receivedAt: '2026-11-24T09:00:00.000Z',
        topic: 'graffiti',
        message: 'Graffiti an der Bushaltestelle Hauptstraße.',
        place: 'Hauptstraße 1',
        name: null,
        email: 'anna@example.org',
        phone: null,
        wantsAnswer: true,
        language: 'de',
        page: null,
        fillMs: 12_000,
        spam: false,
        spamReason: null,
        forwardedAt: null,
        forwardAttempts: 0,
        forwardError: null,
      });
      assert.equal(await store.get('KPR-2026-AAAAAA'), undefined);
    });

    test('the same key again: the first reference, not created, one message', async (t) => {
      const { store } = await opened(t);
      assert.equal(await store.referenceFor('bannewitz', 'k-1'), undefined);
      const first = await store.saveMessage({ town: 'bannewitz', key: 'k-1', body: body() });
      const again = await store.saveMessage({ town: 'bannewitz', key: 'k-1', body: body('anders') });
      assert.ok('reference' in first && 'reference' in again);
      assert.deepEqual(again, { reference: first.reference, created: false });
      assert.equal(await store.referenceFor('bannewitz', 'k-1'), first.reference);
      assert.deepEqual((await store.list('bannewitz')).map((m) => m.message), [body().message]);
    });

    test('the same key from 20 requests at once, through two stores on the same place: one message, one reference', async (t) => {
      const { store, reopen } = await opened(t);
      const other = await reopen();
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? other : store).saveMessage({ town: 'bannewitz', key: 'k-same', body: body(`Versuch ${i}`) })));
      const references = new Set(results.map((r) => ('reference' in r ? r.reference : 'challenge')));
      assert.equal(references.size, 1, [...references].join(', '));
      assert.equal(results.filter((r) => 'created' in r && r.created).length, 1, 'exactly one request created it');
      assert.equal((await store.list('bannewitz', { includeSpam: true })).length, 1);
    });

    test('two towns with the same key: two messages, each town lists only its own', async (t) => {
      const { store } = await opened(t);
      const a = await store.saveMessage({ town: 'bannewitz', key: 'k-1', body: body('in Bannewitz') });
      const b = await store.saveMessage({ town: 'freital', key: 'k-1', body: body('in Freital') });
      assert.ok('reference' in a && 'reference' in b && a.created && b.created);
      assert.notEqual(a.reference, b.reference);
      assert.deepEqual((await store.list('bannewitz')).map((m) => [m.town, m.message]), [['bannewitz', 'in Bannewitz']]);
      assert.deepEqual((await store.list('freital')).map((m) => [m.town, m.message]), [['freital', 'in Freital']]);
      assert.deepEqual(await store.list('dresden'), []);
      assert.equal(await store.referenceFor('freital', 'k-1'), b.reference);
      assert.equal((await store.get(b.reference))?.town, 'freital');
    });

    test('a town’s list: newest first, spam only when asked for', async (t) => {
      const { store, clock } = await opened(t);
      for (const [i, spamReason] of /** @type {const} */ ([[0, undefined], [1, 'honeypot'], [2, undefined], [3, 'too-fast']])) {
        clock.now = new Date(TODAY.getTime() + i * 60_000);
        await store.saveMessage({ town: 'bannewitz', key: `k-${i}`, body: body(`Nachricht ${i}`), ...(spamReason ? { spamReason } : {}) });
      }
      assert.deepEqual((await store.list('bannewitz')).map((m) => m.message), ['Nachricht 2', 'Nachricht 0']);
      const all = await store.list('bannewitz', { includeSpam: true });
      assert.deepEqual(all.map((m) => [m.message, m.spam, m.spamReason]), [['Nachricht 3', true, 'too-fast'], ['Nachricht 2', false, null], ['Nachricht 1', true, 'honeypot'], ['Nachricht 0', false, null]]);
    });

    test('retention per town takes that town’s old messages and leaves the other town’s', async (t) => {
      const { store, clock } = await opened(t);
      for (const [town, daysAgo] of /** @type {const} */ ([['bannewitz', 200], ['bannewitz', 10], ['freital', 200], ['freital', 10]])) {
        clock.now = new Date(TODAY.getTime() - daysAgo * DAY);
        await store.saveMessage({ town, key: `${town}-${daysAgo}`, body: body(`${town}, vor ${daysAgo} Tagen`) });
      }
      clock.now = TODAY;
      assert.equal(await store.deleteOlderThan(180, { town: 'bannewitz' }), 1);
      assert.deepEqual((await store.list('bannewitz')).map((m) => m.message), ['bannewitz, vor 10 Tagen']);
      assert.deepEqual((await store.list('freital')).map((m) => m.message), ['freital, vor 10 Tagen', 'freital, vor 200 Tagen']);
      assert.equal(await store.deleteOlderThan(180, { town: 'bannewitz' }), 0, 'nothing more to take');
      // The deleted message is gone for every way of reading, and its key may be used anew.
      assert.equal(await store.referenceFor('bannewitz', 'bannewitz-200'), undefined);
      // Without a town: every town's.
      assert.equal(await store.deleteOlderThan(5), 3);
      assert.deepEqual([...(await store.list('bannewitz')), ...(await store.list('freital'))], []);
    });

    test('a message is kept for whole days of 24 hours: one second short of the retention it stays', async (t) => {
      const { store, clock } = await opened(t);
      clock.now = new Date(TODAY.getTime() - 30 * DAY + 1000);
      await store.saveMessage({ town: 'bannewitz', key: 'k-1', body: body() });
      clock.now = TODAY;
      assert.equal(await store.deleteOlderThan(30, { town: 'bannewitz' }), 0);
      clock.now = new Date(TODAY.getTime() + 2000);
      assert.equal(await store.deleteOlderThan(30, { town: 'bannewitz' }), 1);
    });

    test('forwarding: pending over every town (not spam), failures counted, a forwarded message is done', async (t) => {
      const { store, clock } = await opened(t);
      /** @param {string} town @param {string} key @param {string} [spamReason] */
      const save = async (town, key, spamReason) => {
        const saved = await store.saveMessage({ town, key, body: body(key), ...(spamReason ? { spamReason } : {}) });
        return 'reference' in saved ? saved.reference : assert.fail('not stored');
      };
      const a = await save('bannewitz', 'a');
      const b = await save('freital', 'b');
      await save('freital', 'spam', 'honeypot');
      assert.deepEqual((await store.pendingForwards(5)).map((m) => [m.reference, m.town]), [[a, 'bannewitz'], [b, 'freital']]);

      await store.markForwardFailed(a, 'connect ECONNREFUSED 127.0.0.1:25');
      const failed = await store.get(a);
      assert.deepEqual([failed?.forwardAttempts, failed?.forwardError, failed?.forwardedAt], [1, 'connect ECONNREFUSED 127.0.0.1:25', null]);
      assert.deepEqual((await store.pendingForwards(1)).map((m) => m.reference), [b], 'a message out of attempts is no longer pending');

      clock.now = new Date('2026-11-24T09:05:00Z');
      await store.markForwarded(a);
      const forwarded = await store.get(a);
      assert.deepEqual([forwarded?.forwardAttempts, forwarded?.forwardError, forwarded?.forwardedAt], [2, null, '2026-11-24T09:05:00.000Z']);
      assert.deepEqual((await store.pendingForwards(5)).map((m) => m.reference), [b]);
    });

    test('forwarding claims: of ten claims at once through two stores one wins; a claim ends with its mark or runs out', async (t) => {
      const { store, reopen, clock } = await opened(t);
      const other = await reopen();
      const saved = await store.saveMessage({ town: 'bannewitz', key: 'k-1', body: body() });
      const spam = await store.saveMessage({ town: 'bannewitz', key: 'k-2', body: body(), spamReason: 'honeypot' });
      assert.ok('reference' in saved && 'reference' in spam);
      const lease = { maxAttempts: 2, leaseMs: 120_000 };
      const claims = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? other : store).claimForward(saved.reference, lease)));
      const won = claims.filter(Boolean);
      assert.equal(won.length, 1, 'one claim wins');
      assert.equal(won[0]?.message, body().message, 'the winner gets the message to send');
      assert.equal(await store.claimForward(spam.reference, lease), undefined, 'spam is never forwarded');

      await store.markForwardFailed(saved.reference, 'timeout');
      assert.ok(await other.claimForward(saved.reference, lease), 'a failed try ends the claim: the next retry may claim it');
      clock.now = new Date(TODAY.getTime() + 119_000);
      assert.equal(await store.claimForward(saved.reference, lease), undefined, 'the claim is alive for its lease');
      clock.now = new Date(TODAY.getTime() + 120_000);
      assert.ok(await store.claimForward(saved.reference, lease), 'a claim whose holder died runs out');
      await store.markForwardFailed(saved.reference, 'timeout');
      assert.equal(await store.claimForward(saved.reference, lease), undefined, 'out of attempts (2)');
      assert.ok(await store.claimForward(saved.reference, { ...lease, maxAttempts: 3 }));
      await store.markForwarded(saved.reference);
      assert.equal(await store.claimForward(saved.reference, { ...lease, maxAttempts: 9 }), undefined, 'forwarded: done');
    });

    test('an ALTCHA solution sends one message, also when five requests bring it at once', async (t) => {
      const { store } = await opened(t);
      const challenge = { signature: 'sig-1', expiresAt: Math.floor(TODAY.getTime() / 1000) + 600 };
      const results = await Promise.all(Array.from({ length: 5 }, (_, i) => store.saveMessage({ town: 'bannewitz', key: `k-${i}`, body: body(`Versuch ${i}`), challenge })));
      assert.equal(results.filter((r) => 'created' in r && r.created).length, 1);
      assert.equal(results.filter((r) => 'challengeUsed' in r).length, 4);
      assert.equal((await store.list('bannewitz', { includeSpam: true })).length, 1);
      // Refused in another town too, and after the other requests: a solution is spent, wherever it was used.
      assert.deepEqual(await store.saveMessage({ town: 'freital', key: 'k-9', body: body(), challenge }), { challengeUsed: true });
      assert.deepEqual(await store.list('freital'), []);
    });

    test('a used ALTCHA solution is forgotten only once its challenge has expired', async (t) => {
      const { store, clock } = await opened(t);
      const challenge = { signature: 'sig-1', expiresAt: Math.floor(TODAY.getTime() / 1000) + 600 };
      await store.saveMessage({ town: 'bannewitz', key: 'k-1', body: body(), challenge });
      await store.deleteOlderThan(180);
      assert.deepEqual(await store.saveMessage({ town: 'bannewitz', key: 'k-2', body: body(), challenge }), { challengeUsed: true }, 'still valid, still remembered');
      clock.now = new Date(TODAY.getTime() + 601_000);
      await store.deleteOlderThan(180);
      const saved = await store.saveMessage({ town: 'bannewitz', key: 'k-3', body: body(), challenge });
      assert.ok('created' in saved && saved.created, 'expired: forgotten (the endpoint refuses an expired solution before the store)');
    });

    test('canStore resolves while a message can be stored and rejects once the store cannot write', async (t) => {
      const { store } = await opened(t);
      await store.canStore();
      await store.canStore();
      assert.deepEqual(await store.list('default', { includeSpam: true }), [], 'the probe is no message');
      await store.close();
      await assert.rejects(store.canStore());
    });

    test('what was stored is there for a store opened again on the same place', async (t) => {
      const { store, reopen } = await opened(t);
      const saved = await store.saveMessage({ town: 'bannewitz', key: 'k-1', body: body() });
      await store.close();
      const again = await reopen();
      assert.ok('reference' in saved);
      assert.equal(await again.referenceFor('bannewitz', 'k-1'), saved.reference);
      assert.deepEqual(await again.saveMessage({ town: 'bannewitz', key: 'k-1', body: body() }), { reference: saved.reference, created: false });
    });
  });
}
