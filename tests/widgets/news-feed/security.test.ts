import { expect, html, waitUntil } from '@open-wc/testing';
import { fresh, headings, mount, settled, shadow } from '../../support/helpers.js';

declare global {
  interface Window {
    __kprExecuted: string[];
  }
}

describe('<kpr-news-feed> with a hostile feed', () => {
  it('never runs feed text and keeps only http(s), mailto and tel links', async () => {
    window.__kprExecuted = [];
    const el = await mount(html`<kpr-news-feed eager src=${fresh('/tests/fixtures/hostile.json')}></kpr-news-feed>`);
    await settled(el);
    const root = shadow(el);
    // The sanitiser is loaded on demand for the HTML body; wait until that body is in the page.
    await waitUntil(() => root.querySelector('.body p'), 'the sanitised HTML body');

    // Titles and tags are shown as the text they are, not as markup.
    expect(headings(el)[0]).to.equal(`<script>window.__kprExecuted.push('title script')</script><img src=x onerror="window.__kprExecuted.push('title img')">`);
    expect(root.querySelector('[part="tag"]')!.textContent).to.include('<b onmouseover');

    expect(root.querySelectorAll('script, iframe, form, input, svg, [style], [onerror], [onclick], [onload], [target]')).to.have.length(0);
    const hrefs = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs.filter(Boolean)).to.deep.equal(['https://www.bannewitz.de/', 'mailto:kpr@bannewitz.de', 'tel:+493512345']);
    expect(root.querySelector('a[href="https://www.bannewitz.de/"]')!.getAttribute('rel')).to.equal('noopener noreferrer');
    // No image from a host the webmaster did not allow, and none from a javascript: URL.
    expect([...root.querySelectorAll('img')].map((img) => img.getAttribute('src'))).to.deep.equal([
      new URL('/nope.png', location.href).href,
    ]);

    // Activate every link without an address, the way a resident would; and give errors a moment to fire.
    root.querySelectorAll<HTMLAnchorElement>('a:not([href])').forEach((a) => a.click());
    await waitUntil(() => performance.getEntriesByName(new URL('/nope.png', location.href).href).length > 0, 'the broken image to fail');
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(window.__kprExecuted).to.deep.equal([]);
  });
});
