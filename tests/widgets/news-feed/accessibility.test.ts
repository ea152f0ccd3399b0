import { expect, html, waitUntil } from '@open-wc/testing';
import { captureConsole, fresh, jsonFeed, mount, served, settled, shadow } from '../../support/helpers.js';

const withImages = () => served(jsonFeed(Array.from({ length: 4 }, (_, i) => ({
  title: `Meldung mit einem längeren Titel Nummer ${i + 1}`,
  url: `https://www.bannewitz.de/n/${i}`,
  summary: 'Eine kurze Zusammenfassung der Meldung für die Übersicht.',
  image: '/tests/fixtures/pixel.svg',
  ...(i % 2 ? { _kpr: { image_alt: 'Ein grünes Rechteck' } } : {}),
  tags: ['Präventionsrat', 'Jugend'],
  authors: [{ name: 'Präventionsrat Bannewitz' }],
  date: `2025-0${i + 1}-01T10:00:00+01:00`,
}))));

describe('<kpr-news-feed> accessibility (axe)', () => {
  for (const layout of ['list', 'cards', 'compact']) {
    it(`layout ${layout}, with "show more"`, async () => {
      const el = await mount(html`<kpr-news-feed eager layout=${layout} limit="2" src=${withImages()}></kpr-news-feed>`);
      await settled(el);
      await expect(el).to.be.accessible();
    });
  }

  it('loading', async () => {
    const el = await mount(html`<kpr-news-feed eager src=${fresh('/test-api/hang')}></kpr-news-feed>`);
    expect(shadow(el).querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(shadow(el).querySelector('.status')!.textContent).to.include('Wird geladen');
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('empty', async () => {
    const el = await mount(html`<kpr-news-feed eager src=${served(jsonFeed([]))}></kpr-news-feed>`);
    await settled(el);
    expect(shadow(el).textContent).to.include('Zurzeit gibt es keine Neuigkeiten.');
    await expect(el).to.be.accessible();
  });

  it('error, with fallback content, in English', async () => {
    const errors = captureConsole('error');
    const page = await mount(html`<div lang="en"><kpr-news-feed eager src=${fresh('/test-api/status/404')}>
      <a href="https://www.bannewitz.de/">All news</a>
    </kpr-news-feed></div>`);
    const el = page.querySelector('kpr-news-feed')!;
    await settled(el);
    errors.restore();
    // English is loaded on first use.
    await waitUntil(() => shadow(el).textContent!.includes('Try again'), 'the English texts');
    await expect(page).to.be.accessible();
  });
});
