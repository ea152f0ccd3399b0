import { expect, html } from '@open-wc/testing';
import { expectVisibleBorder, expectVisibleFocusRing, inForcedColours, tabInto } from '../../support/forced-colors.js';
import { fresh, jsonFeed, mount, served, settled, shadow } from '../../support/helpers.js';
import { canEmulateMedia, emulateMedia } from '../../support/media.js';

const longWords = () => served(jsonFeed([
  {
    title: 'Kriminalpräventionsratssitzungsprotokollveröffentlichungsankündigung',
    url: 'https://www.bannewitz.de/praevention/protokoll',
    summary: 'Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung und Rechtsschutzversicherungsgesellschaften.',
    image: '/tests/fixtures/pixel.svg',
    tags: ['Straßenbeleuchtungsmodernisierungsprogramm'],
    date: '2025-05-01T10:00:00+02:00',
  },
]));

async function inWidth(width: number, layout: string) {
  const page = await mount(html`<div style=${`width: ${width}px`}><kpr-news-feed eager layout=${layout} src=${longWords()}></kpr-news-feed></div>`);
  const el = page.querySelector('kpr-news-feed')!;
  await settled(el);
  return el;
}

describe('<kpr-news-feed> layout', () => {
  for (const layout of ['list', 'cards', 'compact']) {
    it(`fits 320 px with long German words (${layout})`, async () => {
      const el = await inWidth(320, layout);
      const base = shadow(el).querySelector<HTMLElement>('[part="base"]')!;
      expect(base.scrollWidth, 'no horizontal scrolling').to.be.at.most(320);
      for (const part of shadow(el).querySelectorAll<HTMLElement>('[part="title"], [part="summary"], [part="tag"]')) {
        expect(part.getBoundingClientRect().right, `${part.getAttribute('part')} stays inside`).to.be.at.most(el.getBoundingClientRect().right + 0.5);
      }
    });
  }

  it('puts the image beside the text only when the widget itself is wide', async () => {
    const narrow = await inWidth(400, 'list');
    const wide = await inWidth(900, 'list');
    const offset = (el: HTMLElement) => {
      const image = shadow(el).querySelector('[part="image"]')!.getBoundingClientRect();
      const title = shadow(el).querySelector('[part="title"]')!.getBoundingClientRect();
      return { beside: image.left >= title.right - 1, below: image.top >= title.bottom - 1 };
    };
    expect(offset(narrow)).to.deep.equal({ beside: false, below: true });
    expect(offset(wide).beside).to.equal(true);
  });

  it('inherits the page\'s font and takes theme colours from custom properties', async () => {
    const page = await mount(html`<div style="font-family: Georgia, serif; --kpr-color-primary: rgb(46, 107, 48)">
      <kpr-news-feed eager limit="0" src=${longWords()}></kpr-news-feed></div>`);
    const el = page.querySelector('kpr-news-feed')!;
    await settled(el);
    const title = shadow(el).querySelector('[part="link"]')!;
    expect(getComputedStyle(title).fontFamily).to.equal('Georgia, serif');
    expect(getComputedStyle(title).color).to.equal('rgb(46, 107, 48)');
  });

  describe('user preferences', () => {
    before(function () {
      if (!canEmulateMedia) this.skip(); // WebKit: WebKitWebDriver cannot emulate media
    });
    afterEach(() => emulateMedia({ reducedMotion: null, colorScheme: null }));

    it('turns dark with a dark system preference only on pages that offer a dark scheme', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const feed = served(jsonFeed([{ title: 'A', url: '/a' }, { title: 'B', url: '/b' }]));
      const page = await mount(html`<div>
        <div style="color-scheme: light dark"><kpr-news-feed eager limit="1" src=${feed}></kpr-news-feed></div>
        <div><kpr-news-feed eager limit="1" src=${feed}></kpr-news-feed></div>
      </div>`);
      const [darkPage, lightPage] = [...page.querySelectorAll('kpr-news-feed')];
      await Promise.all([settled(darkPage!), settled(lightPage!)]);
      const button = (el: Element) => getComputedStyle(shadow(el as HTMLElement).querySelector('[part="more-button"]')!).backgroundColor;
      expect(button(darkPage!)).to.equal('rgb(156, 201, 245)');
      expect(button(lightPage!)).to.equal('rgb(0, 80, 140)');
    });

    it('keeps the loading skeleton still with reduced motion', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const el = await mount(html`<kpr-news-feed eager src="/test-api/hang"></kpr-news-feed>`);
      const bar = shadow(el).querySelector('.skeleton span')!;
      expect(getComputedStyle(bar).animationName).to.equal('none');
      el.remove();
    });
  });

  describe('in forced colours', () => {
    inForcedColours();

    it('keeps the cards, the "show more" button and the keyboard focus visible, and stays axe-clean', async () => {
      const feed = served(jsonFeed([{ title: 'Erste Meldung', url: '/a' }, { title: 'Zweite Meldung', url: '/b' }]));
      const page = await mount(html`<div style="width: 600px"><kpr-news-feed eager layout="cards" limit="1" src=${feed}></kpr-news-feed></div>`);
      const el = page.querySelector('kpr-news-feed')!;
      await settled(el);
      const card = shadow(el).querySelector('article')!;
      for (const side of ['top', 'right', 'bottom', 'left'] as const) expectVisibleBorder(card, side, 'the card');
      // The button's filled background is gone in forced colours; its border still shows it is one.
      expectVisibleBorder(shadow(el).querySelector('[part="more-button"]')!, 'top', 'the "show more" button');
      const link = await tabInto(el);
      expect(link.getAttribute('part')).to.equal('link');
      expectVisibleFocusRing(link, 'the first headline\'s link');
      await expect(el).to.be.accessible();
    });

    it('draws the loading skeleton\'s bars with a border, since their tinted background is gone', async () => {
      const el = await mount(html`<kpr-news-feed eager src=${fresh('/test-api/hang')}></kpr-news-feed>`);
      const bar = shadow(el).querySelector('.skeleton span')!;
      expectVisibleBorder(bar, 'top', 'a skeleton bar');
      el.remove();
    });
  });
});

describe('<kpr-news-feed> cards', () => {
  it('keeps the image above the text inside a card, however wide the widget', async () => {
    const page = await mount(html`<div style="width: 1200px"><kpr-news-feed eager layout="cards" src=${served(jsonFeed([
      { title: 'Karte mit Bild', url: '/k', image: '/tests/fixtures/pixel.svg', summary: 'Text der Karte.', date: '2025-05-01T10:00:00+02:00' },
    ]))}></kpr-news-feed></div>`);
    const el = page.querySelector('kpr-news-feed')!;
    await settled(el);
    const image = shadow(el).querySelector('[part="image"]')!.getBoundingClientRect();
    const title = shadow(el).querySelector('[part="title"]')!.getBoundingClientRect();
    expect(image.bottom, 'image above the title').to.be.at.most(title.top + 1);
    expect(title.width, 'the title uses the card\'s width').to.be.at.least(image.width - 1);
  });
});
