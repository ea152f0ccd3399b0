import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import { fresh, recordedRequests, settled, shadow } from '../support/helpers.js';

describe('a busy page', () => {
  it('twenty widgets on one feed send one request, survive the page removing some while loading, and follow a change of lang', async () => {
    const feed = fresh('/test-api/slow/300?feed=news.json');
    const wrapper = await fixture(html`<div lang="de"></div>`);
    for (let i = 0; i < 20; i++) {
      const el = document.createElement('kpr-news-feed');
      el.setAttribute('eager', '');
      el.setAttribute('limit', '1');
      el.setAttribute('src', feed);
      wrapper.append(el);
    }
    const widgets = [...wrapper.children] as HTMLElement[];
    // The page's own script takes half of them out again while the feed is on its way.
    widgets.filter((_, i) => i % 2).forEach((el) => el.remove());
    const staying = widgets.filter((_, i) => i % 2 === 0);
    for (const el of staying) await settled(el);
    expect(staying.every((el) => shadow(el).querySelectorAll('[part="item"]').length === 1)).to.equal(true);
    expect(await recordedRequests(feed, 1)).to.equal(1);
    // Added again later, a removed widget shows the feed at once, from the shared answer.
    wrapper.append(widgets[1]!);
    await settled(widgets[1]!);
    expect(await recordedRequests(feed, 1)).to.equal(1);
    wrapper.setAttribute('lang', 'en');
    await waitUntil(() => staying.every((el) => shadow(el).querySelector('[part="more-button"]')?.textContent?.includes('more')), 'English on every widget');
  });
});
