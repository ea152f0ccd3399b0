import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/news-feed.js';
import { forgetFeed, offerFeed } from '../../../src/core/feed/feed-requests.js';
import { jsonFeed, mount, requestsFor, served, settled, shadow } from '../../support/helpers.js';

const titles = (el: HTMLElement) => [...shadow(el).querySelectorAll('[part="title"]')].map((title) => title.textContent!.trim());

describe('feed requests: a feed the page offers (the editor\'s draft)', () => {
  it('is read by a widget asking for its URL, without a request, and after forgetFeed the server is asked again', async () => {
    const url = new URL(served(jsonFeed([{ title: 'Vom Server' }])), location.href).href;
    offerFeed(url, JSON.stringify(jsonFeed([{ title: 'Aus dem Entwurf' }])));
    const offered = await mount(html`<kpr-news-feed eager src=${url}></kpr-news-feed>`);
    await settled(offered);
    expect(titles(offered)).to.deep.equal(['Aus dem Entwurf']);
    expect(await requestsFor(url)).to.equal(0);

    forgetFeed(url);
    const asked = await mount(html`<kpr-news-feed eager src=${url}></kpr-news-feed>`);
    await settled(asked);
    expect(titles(asked)).to.deep.equal(['Vom Server']);
    expect(await requestsFor(url)).to.equal(1);
  });

  it('says what is wrong with an offered text as with a response: a broken draft shows the error state', async () => {
    const url = new URL(served(jsonFeed([{ title: 'Vom Server' }])), location.href).href;
    offerFeed(url, '{"version": "https://jsonfeed.org/version/1.1", "items": [');
    const el = document.createElement('kpr-news-feed');
    el.setAttribute('eager', '');
    el.setAttribute('src', url);
    const error = new Promise<CustomEvent>((resolve) => el.addEventListener('kpr-error', (event) => resolve(event as CustomEvent), { once: true }));
    (await fixture(html`<div></div>`)).append(el);
    expect((await error).detail.code).to.equal('json-not-well-formed');
    await settled(el);
    expect(titles(el)).to.deep.equal([]);
    expect(await requestsFor(url)).to.equal(0);
  });
});
