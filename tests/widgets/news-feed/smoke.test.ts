import { expect, html } from '@open-wc/testing';
import { headings, mount, settled } from '../../support/helpers.js';

describe('smoke', () => {
  it('renders a JSON feed', async () => {
    const el = await mount(html`<kpr-news-feed src="/tests/fixtures/news.json" eager></kpr-news-feed>`);
    await settled(el);
    expect(headings(el)).to.have.length(3);
  });
});
