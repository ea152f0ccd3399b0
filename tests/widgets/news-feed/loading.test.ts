import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { defineOnce } from '../../../src/core/define.js';
import { KprNewsFeed } from '../../../src/news-feed.js';
import { captureConsole, fresh, headings, mount, recordedRequests, requestsFor, settled, shadow } from '../../support/helpers.js';

describe('<kpr-news-feed> loading', () => {
  it('sends one request per URL however many widgets show it', async () => {
    const src = fresh('/test-api/slow/200?feed=news.json');
    const page = await fixture(html`<div>
      ${Array.from({ length: 5 }, () => html`<kpr-news-feed eager src=${src}></kpr-news-feed>`)}
    </div>`);
    const widgets = [...page.querySelectorAll('kpr-news-feed')];
    await Promise.all(widgets.map((w) => settled(w)));
    expect(widgets.map((w) => headings(w).length)).to.deep.equal([3, 3, 3, 3, 3]);
    expect(await recordedRequests(src, 1)).to.equal(1);
  });

  it('does not abort a shared request when one of the widgets leaves the page', async () => {
    const src = fresh('/test-api/slow/300?feed=news.json');
    const page = await fixture(html`<div>
      <kpr-news-feed eager src=${src}></kpr-news-feed><kpr-news-feed eager src=${src}></kpr-news-feed>
    </div>`);
    const [leaving, staying] = [...page.querySelectorAll('kpr-news-feed')] as [KprNewsFeed, KprNewsFeed];
    // The request has reached the server, which answers 300 ms later: the widget leaves while it is on its way.
    await waitUntil(async () => (await requestsFor(src)) === 1 && shadow(staying).querySelector('.skeleton'), 'the request to be under way');
    leaving.remove();
    await settled(staying);
    expect(headings(staying)).to.have.length(3);
  });

  it('shows the new feed when src changes while the old one is still loading', async () => {
    const slow = fresh('/test-api/slow/400?feed=news.json');
    const el = await mount(html`<kpr-news-feed eager src=${slow}></kpr-news-feed>`);
    const witness = await mount(html`<kpr-news-feed eager src=${fresh('/test-api/slow/400?feed=news.json')}></kpr-news-feed>`);
    el.src = fresh('/tests/fixtures/town.json');
    await settled(el);
    // By the time a request started together with the old one has answered, the old one is long done.
    await settled(witness);
    await el.updateComplete;
    expect(headings(el)).to.deep.equal(['Sprechstunde der Bürgerpolizistin', 'Was die Umfrage zeigt']);
  });

  it('renders and loads only when it comes near the viewport, showing the fallback content until then', async () => {
    window.scrollTo(0, 0);
    const src = fresh('/tests/fixtures/news.json');
    const page = await fixture(html`<div><div style="height: 4000px"></div><kpr-news-feed src=${src}><a href="/aktuelles">Alle Neuigkeiten</a></kpr-news-feed></div>`);
    const el = page.querySelector('kpr-news-feed')!;
    const fallback = page.querySelector('a')!;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(fallback.getClientRects().length, 'the fallback link shown').to.be.greaterThan(0);
    expect(!!shadow(el).querySelector('[part="base"]'), 'anything of the widget rendered').to.equal(false);
    expect(await requestsFor(src)).to.equal(0);
    el.scrollIntoView();
    await settled(el);
    expect(headings(el)).to.have.length(3);
    expect(fallback.getClientRects().length, 'the fallback link gone').to.equal(0);
    expect(await recordedRequests(src, 1)).to.equal(1);
  });

  it('keeps the keyboard focus on its fallback link, and renders once the focus has moved on', async () => {
    window.scrollTo(0, 0);
    const page = await fixture(html`<div><button>Davor</button><div style="height: 4000px"></div>
      <kpr-news-feed src=${fresh('/tests/fixtures/news.json')}><a href="/aktuelles">Alle Neuigkeiten</a></kpr-news-feed><button>Danach</button>
    </div>`);
    const el = page.querySelector('kpr-news-feed')!;
    const link = page.querySelector('a')!;
    link.focus(); // as Tab does: the link scrolls into view
    for (let frame = 0; frame < 4; frame++) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    expect(document.activeElement === link, 'the link keeps the focus').to.equal(true);
    expect(!!shadow(el).querySelector('[part="base"]'), 'the widget rendered under the focus').to.equal(false);
    page.querySelectorAll('button')[1]!.focus();
    await settled(el);
    expect(headings(el)).to.have.length(3);
  });

  it('renders at once with eager, however far down the page', async () => {
    window.scrollTo(0, 0); // an earlier test may have scrolled down
    const page = await fixture(html`<div><div style="height: 4000px"></div>
      <kpr-news-feed eager src=${fresh('/tests/fixtures/news.json')}></kpr-news-feed>
      <kpr-news-feed src=${fresh('/tests/fixtures/news.json')}><a href="/aktuelles">Alle Neuigkeiten</a></kpr-news-feed>
    </div>`);
    const [eager, waiting] = [...page.querySelectorAll('kpr-news-feed')] as [KprNewsFeed, KprNewsFeed];
    await settled(eager);
    expect(headings(eager)).to.have.length(3);
    expect(!!shadow(waiting).querySelector('[part="base"]'), 'the one without eager rendered').to.equal(false);
  });

  it('says kpr-load once its articles are on the page', async () => {
    let shown: string[] = [];
    const el = await mount(html`<kpr-news-feed src=${fresh('/tests/fixtures/news.json')} @kpr-load=${(event: Event) => (shown = headings(event.target as HTMLElement))}></kpr-news-feed>`);
    await settled(el);
    expect(shown).to.have.length(3);
  });

  it('shows the webmaster\'s fallback content until the element is defined', async () => {
    const page = await fixture(html`<div><kpr-news-feed-later><a href="/aktuelles">Alle Neuigkeiten</a></kpr-news-feed-later></div>`);
    // An element nobody has defined yet is exactly what a page without JavaScript shows.
    expect(page.querySelector('a')!.getClientRects().length).to.be.greaterThan(0);
  });

  it('survives being registered twice, by a second copy of the library', async () => {
    const info = captureConsole('info');
    // A second evaluation of the element's module gives a different class, as a second copy of the library would.
    const second = (await import(`../../../src/widgets/news-feed/news-feed.ts?copy=${Math.random()}`)) as { KprNewsFeed: typeof KprNewsFeed };
    expect(second.KprNewsFeed).to.not.equal(KprNewsFeed);
    expect(() => defineOnce('kpr-news-feed', second.KprNewsFeed)).to.not.throw();
    info.restore();
    expect(customElements.get('kpr-news-feed')).to.equal(KprNewsFeed);
    expect(info.messages.join()).to.include('already defined');
    const el = await mount(html`<kpr-news-feed eager src=${fresh('/tests/fixtures/news.json')}></kpr-news-feed>`);
    await settled(el);
    expect(headings(el)).to.have.length(3);
  });
});
