// The feed store's contract (FeedStore, server/feed-store.mjs), once, for both stores: feed-store-sqlite.test.mjs
// and feed-store-postgres.test.mjs run it against their own. What the feed routes rely on: a version is the text
// exactly as published; a publish over a version the coordinator has not seen is refused, also when two come at
// once through two stores (two server processes); towns and feeds never see each other's versions; a restore is
// a new version; only the newest `keepVersions` are kept; what resolved is there after the store is reopened.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

/** @typedef {import('../../server/feed-store.mjs').FeedStore} FeedStore */

/**
 * Where a store keeps its feeds: `open` may be called more than once, each store seeing what the others stored.
 * @typedef {{ open: (options: { now: () => Date, keepVersions?: number }) => FeedStore }} FeedStorePlace
 */

const TODAY = new Date('2026-11-24T09:00:00Z');

/** A goals feed's text, as the editor writes it (umlauts, and a character outside the BMP). @param {string} title */
const feedText = (title) => `${JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title, items: [{ id: 'g1', title: 'Sicherheit im Straßenverkehr 🚲' }] }, null, 2)}\n`;

/**
 * @param {string} name
 * @param {(t: import('node:test').TestContext) => Promise<FeedStorePlace>} place a new, empty place
 * @param {{ skip?: string }} [options]
 */
export function feedStoreContract(name, place, { skip } = {}) {
  describe(`${name}: the feed store contract`, { skip }, () => {
    /** @param {import('node:test').TestContext} t @param {{ keepVersions?: number }} [options] */
    async function opened(t, options = {}) {
      const where = await place(t);
      const clock = { now: TODAY };
      const open = async () => {
        const store = where.open({ now: () => clock.now, ...options });
        t.after(() => store.close());
        await store.ready();
        return store;
      };
      return { store: await open(), clock, reopen: open };
    }

    test('nothing published: no current version, no versions, a publish expecting a version is a conflict', async (t) => {
      const { store } = await opened(t);
      assert.equal(await store.current('bannewitz', 'goals'), undefined);
      assert.deepEqual(await store.list('bannewitz', 'goals'), []);
      assert.deepEqual(await store.publish({ town: 'bannewitz', feed: 'goals', text: feedText('Ziele'), expected: '"1-0000000000000000"' }), { conflict: undefined });
      assert.deepEqual(await store.publish({ town: 'bannewitz', feed: 'goals', text: feedText('Ziele'), expected: '*' }), { conflict: undefined });
    });

    test('a published version is the text exactly, with its number, ETag, time and size, and stays after reopening', async (t) => {
      const { store, reopen } = await opened(t);
      const text = feedText('Ziele des KPR Bannewitz');
      const result = await store.publish({ town: 'bannewitz', feed: 'goals', text, expected: null });
      assert.ok('published' in result && result.created);
      const { published } = result;
      assert.match(published.etag, /^"1-[0-9a-f]{16}"$/);
      assert.deepEqual(published, { town: 'bannewitz', feed: 'goals', version: 1, etag: published.etag, publishedAt: '2026-11-24T09:00:00.000Z', bytes: Buffer.byteLength(text), restoredFrom: null });
      const again = await reopen();
      assert.deepEqual(await again.current('bannewitz', 'goals'), { ...published, text });
      assert.deepEqual(await again.get('bannewitz', 'goals', 1), { ...published, text });
      assert.equal(await again.get('bannewitz', 'goals', 2), undefined);
    });

    test('the next version only over the current one: an older ETag, or none, is a conflict that names the current', async (t) => {
      const { store, clock } = await opened(t);
      const first = await store.publish({ town: 'bannewitz', feed: 'goals', text: feedText('eins'), expected: null });
      assert.ok('published' in first);
      clock.now = new Date(TODAY.getTime() + 60_000);
      const second = await store.publish({ town: 'bannewitz', feed: 'goals', text: feedText('zwei'), expected: first.published.etag });
      assert.ok('published' in second && second.created);
      assert.equal(second.published.version, 2);
      assert.equal(second.published.publishedAt, '2026-11-24T09:01:00.000Z');
      assert.deepEqual(await store.publish({ town: 'bannewitz', feed: 'goals', text: feedText('drei'), expected: first.published.etag }), { conflict: second.published });
      assert.deepEqual(await store.publish({ town: 'bannewitz', feed: 'goals', text: feedText('drei'), expected: null }), { conflict: second.published });
      assert.equal((await store.current('bannewitz', 'goals'))?.text, feedText('zwei'));
      const any = await store.publish({ town: 'bannewitz', feed: 'goals', text: feedText('drei'), expected: '*' });
      assert.ok('published' in any && any.published.version === 3);
    });

    test('the current text again: no new version', async (t) => {
      const { store } = await opened(t);
      const first = await store.publish({ town: 'bannewitz', feed: 'tips', text: feedText('Tipps'), expected: null });
      assert.ok('published' in first);
      assert.deepEqual(await store.publish({ town: 'bannewitz', feed: 'tips', text: feedText('Tipps'), expected: first.published.etag }), { published: first.published, created: false });
      assert.equal((await store.list('bannewitz', 'tips')).length, 1);
    });

    test('ten publishes over the same version at once, through two stores: one is stored, nine are conflicts', async (t) => {
      const { store, reopen } = await opened(t);
      const other = await reopen();
      const first = await store.publish({ town: 'bannewitz', feed: 'events', text: feedText('Termine'), expected: null });
      assert.ok('published' in first);
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? other : store).publish({ town: 'bannewitz', feed: 'events', text: feedText(`Termine ${i}`), expected: first.published.etag })));
      assert.equal(results.filter((r) => 'published' in r).length, 1);
      assert.equal(results.filter((r) => 'conflict' in r).length, 9);
      assert.deepEqual((await store.list('bannewitz', 'events')).map((v) => v.version), [2, 1]);
    });

    test('towns and feeds are apart: the same feed name in two towns, two feeds in one town', async (t) => {
      const { store } = await opened(t);
      await store.publish({ town: 'bannewitz', feed: 'goals', text: feedText('Bannewitz'), expected: null });
      await store.publish({ town: 'freital', feed: 'goals', text: feedText('Freital'), expected: null });
      await store.publish({ town: 'bannewitz', feed: 'news', text: feedText('Neues'), expected: null });
      assert.equal((await store.current('bannewitz', 'goals'))?.text, feedText('Bannewitz'));
      assert.equal((await store.current('freital', 'goals'))?.text, feedText('Freital'));
      assert.equal((await store.current('freital', 'news')), undefined);
      assert.deepEqual((await store.list('freital', 'goals')).map((v) => [v.town, v.feed, v.version]), [['freital', 'goals', 1]]);
    });

    test('a restore publishes an old version’s text as the next version, over the current one only', async (t) => {
      const { store } = await opened(t);
      const one = await store.publish({ town: 'bannewitz', feed: 'goals', text: feedText('eins'), expected: null });
      assert.ok('published' in one);
      const two = await store.publish({ town: 'bannewitz', feed: 'goals', text: feedText('zwei'), expected: one.published.etag });
      assert.ok('published' in two);
      assert.deepEqual(await store.restore({ town: 'bannewitz', feed: 'goals', version: 1, expected: one.published.etag }), { conflict: two.published });
      assert.deepEqual(await store.restore({ town: 'bannewitz', feed: 'goals', version: 7, expected: two.published.etag }), { missing: true });
      const restored = await store.restore({ town: 'bannewitz', feed: 'goals', version: 1, expected: two.published.etag });
      assert.ok('published' in restored && restored.created);
      assert.equal(restored.published.version, 3);
      assert.equal(restored.published.restoredFrom, 1);
      assert.notEqual(restored.published.etag, one.published.etag, 'another version, another ETag');
      assert.equal((await store.current('bannewitz', 'goals'))?.text, feedText('eins'));
      assert.deepEqual((await store.list('bannewitz', 'goals')).map((v) => [v.version, v.restoredFrom]), [[3, 1], [2, null], [1, null]]);
    });

    test('only the newest versions are kept (here 3): the oldest go when a new one is published', async (t) => {
      const { store } = await opened(t, { keepVersions: 3 });
      let expected = null;
      for (let i = 1; i <= 5; i++) {
        const result = await store.publish({ town: 'bannewitz', feed: 'goals', text: feedText(`Stand ${i}`), expected });
        assert.ok('published' in result);
        expected = result.published.etag;
      }
      assert.deepEqual((await store.list('bannewitz', 'goals')).map((v) => v.version), [5, 4, 3]);
      assert.equal(await store.get('bannewitz', 'goals', 2), undefined);
      assert.deepEqual(await store.restore({ town: 'bannewitz', feed: 'goals', version: 1, expected }), { missing: true });
    });
  });
}
