import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setClock } from '../../../src/core/clock.js';
import { SUITE_INSTANT } from '../../support/clock.js';
import {
  captureConsole, focused, fresh, headings, jsonFeed, mount, recordedRequests, requestsFor, served, settled, shadow, visibleText,
} from '../../support/helpers.js';

const FIXTURES = '/tests/fixtures';

function articleSummary(el: HTMLElement) {
  return [...shadow(el).querySelectorAll('article')].map((article) => ({
    heading: article.querySelector('[part="title"]')!.textContent!.trim(),
    href: article.querySelector('a[part="link"]')?.getAttribute('href'),
    date: article.querySelector('time')?.textContent,
    summary: article.querySelector('[part="summary"]')?.textContent?.trim(),
    tags: [...article.querySelectorAll('[part="tag"]:not(:empty)')].map((t) => t.textContent),
  }));
}

describe('<kpr-news-feed>', () => {
  describe('formats', () => {
    it('shows the same articles from JSON Feed, RSS 2.0 and Atom 1.0, told apart by content', async () => {
      // The RSS and Atom fixtures are served under names that say nothing about their format.
      const json = await mount(html`<kpr-news-feed eager src=${fresh(`${FIXTURES}/news.json`)}></kpr-news-feed>`);
      const rss = await mount(html`<kpr-news-feed eager src=${fresh(`${FIXTURES}/news.rss`)}></kpr-news-feed>`);
      const atom = await mount(html`<kpr-news-feed eager src=${fresh(`${FIXTURES}/news.atom`)}></kpr-news-feed>`);
      await Promise.all([settled(json), settled(rss), settled(atom)]);

      const expected = articleSummary(json);
      expect(expected.map((a) => a.heading)).to.deep.equal([
        'Präventionstag am Sportplatz',
        'Was die Umfrage zeigt',
        'Bannewitz tritt der Allianz Sichere Sächsische Kommunen bei',
      ]);
      expect(expected[2]).to.deep.equal({
        heading: 'Bannewitz tritt der Allianz Sichere Sächsische Kommunen bei',
        href: 'https://www.bannewitz.de/praevention/beitritt',
        date: '1. März 2023',
        summary: 'Die Gemeinde arbeitet jetzt mit Polizei und Landespräventionsrat zusammen.',
        tags: ['Präventionsrat'],
      });
      expect(articleSummary(rss)).to.deep.equal(expected);
      expect(articleSummary(atom)).to.deep.equal(expected);
    });

    describe('feeds from the wild (tests/fixtures/feeds)', () => {
      /** Each feed in a widget of its own: what the widget shows, and what it said in the console. */
      async function show(...names: string[]) {
        const sources = names.map((name) => fresh(`${FIXTURES}/feeds/${name}`));
        const warnings = captureConsole('warn');
        try {
          const widgets = await Promise.all(sources.map((src) => mount(html`<kpr-news-feed eager src=${src}></kpr-news-feed>`)));
          await Promise.all(widgets.map((el) => settled(el)));
          const articles = widgets.map((el) => articleSummary(el).map(({ heading, href, date }) => ({ heading, href, date })));
          return { widgets, articles, warnings: warnings.messages, url: (index: number) => new URL(sources[index]!, location.href).href };
        } finally {
          warnings.restore();
        }
      }

      it('reads a feed with a blank line before <?xml …?>, and says so in the console', async () => {
        const { articles, warnings, url } = await show('blank-line-before-xml.rss');
        expect(articles).to.deep.equal([[{ heading: 'Sprechstunde der Bürgerpolizistin', href: 'https://www.bannewitz.de/aktuelles/sprechstunde', date: '17. November 2026' }]]);
        expect(warnings).to.deep.equal([
          `[asskomm-widgets] <kpr-news-feed> [text-before-xml] in ${url(0)}: the file begins with a blank line before <?xml …?>, where XML allows nothing: the widgets read it anyway, but strict XML readers refuse it`,
        ]);
      });

      it('shows Atom entries without <id>, known by their link or their title and date, and names each in the console', async () => {
        const { articles, warnings, url } = await show('atom-entry-without-id.atom');
        expect(articles[0]!.map((article) => article.heading)).to.deep.equal(['Winterdienst beginnt', 'Gemeinderat tagt öffentlich', 'Laternenumzug']);
        expect(warnings).to.deep.equal([
          `[asskomm-widgets] <kpr-news-feed> [entry-without-id] in ${url(0)} at items[1].id: the entry has no <id>, which Atom requires, so its link serves as its id`,
          `[asskomm-widgets] <kpr-news-feed> [entry-without-id] in ${url(0)} at items[2].id: the entry has no <id>, which Atom requires, and no link, so its title and date serve as its id: if either is corrected, feed readers take it for a new entry`,
        ]);
      });

      it('reads RSS 1.0 and Atom 0.3 (with a warning that it is outdated), and resolves relative links against xml:base and the feed\'s address', async () => {
        const { widgets, articles: [rss10, atom03, xmlBase], warnings, url } = await show('rss10.rdf', 'atom03.xml', 'xml-base.atom');
        expect(rss10).to.deep.equal([
          { heading: 'Beschluss: Beleuchtung am Schulweg', href: 'https://ratsinfo.bannewitz.de/vorlage/2026-118', date: '19. November 2026' },
          { heading: 'Haushaltsentwurf 2027 liegt aus', href: 'https://ratsinfo.bannewitz.de/vorlage/2026-117', date: '12. November 2026' },
        ]);
        expect(atom03).to.deep.equal([
          { heading: 'Dorffest: Helfer gesucht', href: 'https://www.bannewitz.de/goppeln/dorffest', date: '16. November 2026' },
          { heading: 'Sprechstunde des Ortsvorstehers', href: 'https://www.bannewitz.de/goppeln/sprechstunde', date: '9. November 2026' },
        ]);
        // The feed's own address (the test server's) is the last base of its relative links.
        const at = (path: string) => new URL(path, location.href).href;
        expect(xmlBase!.map((article) => article.href)).to.deep.equal([at('/aktuelles/2026/baenke.html'), at('/impressum'), 'https://www.lpr.sachsen.de/']);
        expect(shadow(widgets[2]!).querySelector('img')!.src).to.equal(at('/medien/baenke.jpg'));
        expect(warnings).to.deep.equal([
          `[asskomm-widgets] <kpr-news-feed> [atom-0.3] in ${url(1)}: this is Atom 0.3, a draft that Atom 1.0 replaced in 2005: the widgets read it, but not every feed reader does`,
        ]);
      });
    });

    it('names the feed in the list label', async () => {
      const el = await mount(html`<kpr-news-feed eager src=${fresh(`${FIXTURES}/news.json`)}></kpr-news-feed>`);
      await settled(el);
      expect(shadow(el).querySelector('[part="list"]')!.getAttribute('aria-label')).to.equal('Präventionsrat Bannewitz');
    });
  });

  describe('several feeds', () => {
    it('merges feeds, shows an article they share once (the copy changed last) and keeps plain ids per feed', async () => {
      const src = ['news.json', 'lpr.json', 'town.json'].map((name) => fresh(`${FIXTURES}/${name}`)).join(' ');
      const el = await mount(html`<kpr-news-feed eager src=${src}></kpr-news-feed>`);
      await settled(el);
      expect(headings(el)).to.deep.equal([
        'Präventionstag am Sportplatz',
        'Seminar für KPR-Koordinatoren',
        'Sprechstunde der Bürgerpolizistin',
        'Neue Mitgliedskommune',
        'Was die Umfrage zeigt',
        'Bannewitz tritt der Allianz Sichere Sächsische Kommunen bei',
      ]);
      const survey = articleSummary(el)[4]!;
      expect(survey.summary).to.equal('Die neuere Fassung.');
      expect(shadow(el).querySelector('[part="list"]')!.getAttribute('aria-label')).to.equal('Neuigkeiten');
    });

    it('still shows the feeds that work when one of several fails, and names the failing one in the console', async () => {
      const errors = captureConsole('error');
      const broken = fresh('/test-api/status/404');
      const el = await mount(html`<kpr-news-feed eager src=${`${fresh(`${FIXTURES}/news.json`)} ${broken}`}></kpr-news-feed>`);
      await settled(el);
      errors.restore();
      expect(headings(el)).to.have.length(3);
      expect(errors.messages.join('\n')).to.include(new URL(broken, location.href).href).and.include('HTTP 404');
    });
  });

  describe('limit and "show more"', () => {
    const seven = () => served(jsonFeed(Array.from({ length: 7 }, (_, i) => ({
      title: `Meldung ${i + 1}`,
      url: `https://www.bannewitz.de/n/${i + 1}`,
      date: `2026-0${9 - i}-01T10:00:00+02:00`,
    }))));

    it('shows `limit` articles, then the next ones from the keyboard, with focus on the first new article', async () => {
      const el = await mount(html`<kpr-news-feed eager limit="3" src=${seven()}></kpr-news-feed>`);
      await settled(el);
      expect(headings(el)).to.deep.equal(['Meldung 1', 'Meldung 2', 'Meldung 3']);
      const more = () => shadow(el).querySelector<HTMLButtonElement>('[part="more-button"]');
      expect(more()!.textContent!.trim()).to.equal('3 weitere Meldungen anzeigen');

      more()!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(headings(el)).to.have.length(6);
      expect(focused(el)).to.equal('link: Meldung 4');
      expect(shadow(el).querySelector('[role="status"]')!.textContent).to.equal('3 weitere Meldungen angezeigt.');
      expect(more()!.textContent!.trim()).to.equal('1 weitere Meldung anzeigen');

      // From the first new article, Tab walks through the rest to the button.
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal('more-button: 1 weitere Meldung anzeigen');
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(headings(el)).to.have.length(7);
      expect(focused(el)).to.equal('link: Meldung 7');
      expect(more()).to.equal(null);
    });
  });

  describe('tag filter', () => {
    it('shows only articles with the tag, ignoring case', async () => {
      const el = await mount(html`<kpr-news-feed eager tag="jugend" src=${fresh(`${FIXTURES}/news.json`)}></kpr-news-feed>`);
      await settled(el);
      expect(headings(el)).to.deep.equal(['Präventionstag am Sportplatz']);
    });

    it('says so in the resident\'s language when no article has the tag', async () => {
      const el = await mount(html`<kpr-news-feed eager tag="Radverkehr" src=${fresh(`${FIXTURES}/news.json`)}></kpr-news-feed>`);
      await settled(el);
      expect(visibleText(el)).to.include('Zurzeit gibt es keine Neuigkeiten zum Thema „Radverkehr“.');
    });
  });

  describe('dates and languages', () => {
    // 23:30 UTC on 30 November is already 1 December in Bannewitz; the browser itself runs in New York.
    const lateNight = () => served(jsonFeed([{ title: 'Spät', date: '2025-11-30T23:30:00Z' }]));

    it('shows dates in German in Europe/Berlin, whatever the visitor\'s time zone', async () => {
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.not.equal('Europe/Berlin');
      const el = await mount(html`<kpr-news-feed eager src=${lateNight()}></kpr-news-feed>`);
      await settled(el);
      expect(shadow(el).querySelector('time')!.textContent).to.equal('1. Dezember 2025');
      expect(shadow(el).querySelector('time')!.getAttribute('datetime')).to.equal('2025-11-30T23:30:00.000Z');
    });

    it('shows English dates and texts under lang="en", and follows a change of lang', async () => {
      const wrapper = await mount(html`<div lang="en"><kpr-news-feed eager tag="none" src=${lateNight()}></kpr-news-feed></div>`);
      const el = wrapper.querySelector('kpr-news-feed')!;
      await settled(el);
      await waitUntil(() => visibleText(el).includes('There is no news on “none” at the moment.'));
      el.tag = '';
      await waitUntil(() => shadow(el).querySelector('time')?.textContent === 'December 1, 2025');
      wrapper.setAttribute('lang', 'de-DE');
      await waitUntil(() => shadow(el).querySelector('time')?.textContent === '1. Dezember 2025');
    });

    it('marks articles in another language than the widget, from the item or from the whole feed; its own language is not marked (WCAG 3.1.2)', async () => {
      const feed = { ...jsonFeed([
        { title: 'Safety tips', date: '2026-01-04T10:00:00+01:00' },
        { title: 'Bezpečnost', language: 'cs', date: '2026-01-03T10:00:00+01:00' },
        { title: 'Sicherheit', language: 'de', date: '2026-01-02T10:00:00+01:00' },
        { title: 'السلامة', language: 'ar', date: '2026-01-01T10:00:00+01:00' },
      ]), language: 'en' };
      const el = await mount(html`<kpr-news-feed eager src=${served(feed)}></kpr-news-feed>`);
      await settled(el);
      const articles = [...shadow(el).querySelectorAll('article')];
      expect(articles.map((a) => [a.getAttribute('lang'), a.getAttribute('dir')])).to.deep.equal([['en', null], ['cs', null], [null, null], ['ar', 'rtl']]);
      // The date line is the widget's own text: back in German, left to right.
      expect([...shadow(el).querySelectorAll('.meta')].map((p) => [p.getAttribute('lang'), p.getAttribute('dir')])).to.deep.equal([['de', null], ['de', null], [null, null], ['de', 'ltr']]);
      const rss = '<rss version="2.0"><channel><title>LPR</title><language>de-DE</language><item><title>Hinweis</title><guid>1</guid><description>Text</description></item></channel></rss>';
      const german = await mount(html`<kpr-news-feed eager src=${served(rss, 'application/rss+xml')}></kpr-news-feed>`);
      await settled(german);
      expect(shadow(german).querySelector('article')!.getAttribute('lang'), 'a German feed in a German widget').to.equal(null);
      const english = await mount(html`<kpr-news-feed eager lang="en" src=${served(rss, 'application/rss+xml')}></kpr-news-feed>`);
      await settled(english);
      await waitUntil(() => shadow(english).querySelector('article')?.getAttribute('lang') === 'de-DE', 'the German item marked in an English widget');
    });

    it('uses the time-zone attribute, and falls back to Europe/Berlin with a warning when it is unknown', async () => {
      const newYork = await mount(html`<kpr-news-feed eager time-zone="America/New_York" src=${lateNight()}></kpr-news-feed>`);
      await settled(newYork);
      expect(shadow(newYork).querySelector('time')!.textContent).to.equal('30. November 2025');

      const warnings = captureConsole('warn');
      const typo = await mount(html`<kpr-news-feed eager time-zone="Europe/Bannewitz" src=${lateNight()}></kpr-news-feed>`);
      await settled(typo);
      warnings.restore();
      expect(shadow(typo).querySelector('time')!.textContent).to.equal('1. Dezember 2025');
      expect(warnings.messages.join()).to.include('Europe/Bannewitz');
    });
  });

  describe('rules for items', () => {
    it('hides articles dated in the future and titles untitled ones from their text', async () => {
      const src = served(jsonFeed([
        { title: 'Geplant', date: '2099-01-01T00:00:00+01:00' },
        { content_text: 'Die Sprechstunde fällt aus. Ein neuer Termin folgt.', date: '2026-01-02T10:00:00+01:00' },
        { title: 'Heute', date: '2026-01-03T10:00:00+01:00' },
      ]));
      const el = await mount(html`<kpr-news-feed eager src=${src}></kpr-news-feed>`);
      await settled(el);
      expect(headings(el)).to.deep.equal(['Heute', 'Die Sprechstunde fällt aus.']);
    });

    describe('with news scheduled for 10:00 on 3 January 2026, at 9:59:59.7 that morning', () => {
      const instant = Date.parse('2026-01-03T09:59:59.700+01:00');
      // The clock stands still while the widget loads (a busy machine may take longer than the 0.3 s left), then runs
      // on from the same instant, so the widget's own timer for the scheduled article can fire.
      beforeEach(() => setClock(() => instant));
      afterEach(() => setClock(SUITE_INSTANT));

      it('shows the article at its minute without a reload', async () => {
        const src = served(jsonFeed([{ title: 'Gestern', date: '2026-01-02T10:00:00+01:00' }, { title: 'Um zehn', date: '2026-01-03T10:00:00+01:00' }]));
        const el = await mount(html`<kpr-news-feed eager src=${src}></kpr-news-feed>`);
        await settled(el);
        expect(headings(el)).to.deep.equal(['Gestern']);
        const start = performance.now();
        setClock(() => instant + (performance.now() - start));
        await waitUntil(() => headings(el).length === 2, 'the scheduled article to appear', { timeout: 3000 });
        expect(headings(el)).to.deep.equal(['Um zehn', 'Gestern']);
      });
    });

    it('skips invalid items, naming feed, item and field in the console', async () => {
      const src = served(jsonFeed([
        { title: 'Gültig', date: '2026-01-03T10:00:00+01:00' },
        { id: 'falsches-datum', title: 'Falsches Datum', date: '24.11.2026' },
        { title: 'Ohne Text', content_text: undefined },
        { id: 'bild', title: 'Falscher Alternativtext', _kpr: { image_alt: 42 } },
      ]));
      const warnings = captureConsole('warn');
      const el = await mount(html`<kpr-news-feed eager src=${src}></kpr-news-feed>`);
      await settled(el);
      warnings.restore();
      expect(headings(el)).to.deep.equal(['Gültig']);
      const log = warnings.messages.join('\n');
      const url = new URL(src, location.href).href;
      expect(log).to.include(`skipped item 1 (id "falsches-datum") of ${url}: date_published must be an RFC 3339 date-time`);
      expect(log).to.include('skipped item 2 (id "item-2")').and.include('needs "content_text" or "content_html" [schema-any-of]');
      expect(log).to.include('_kpr.image_alt must be a string, not an integer');
    });

    it('names the first ten skipped items of a feed and counts the rest in one line', async () => {
      const items = [{ title: 'Gültig' }, ...Array.from({ length: 25 }, (_, i) => ({ id: `kaputt-${i}`, title: i as unknown as string }))]; // a number is no title
      const src = served(jsonFeed(items));
      const warnings = captureConsole('warn');
      const el = await mount(html`<kpr-news-feed eager src=${src}></kpr-news-feed>`);
      await settled(el);
      warnings.restore();
      expect(headings(el)).to.deep.equal(['Gültig']);
      expect(warnings.messages.filter((m) => m.includes('skipped item '))).to.have.length(10);
      expect(warnings.messages.join('\n')).to.include(`skipped 15 more items of ${new URL(src, location.href).href} (25 in all)`);
    });
  });

  describe('tags', () => {
    it('shows every tag in order, however many there are, and only those', async () => {
      const src = served(jsonFeed([
        { title: 'Fünf', url: '/5', tags: ['Eins', 'Zwei', 'Drei', 'Vier', 'Fünf'], date: '2025-01-02T10:00:00+01:00' },
        { title: 'Einer', url: '/1', tags: ['Eins'], date: '2025-01-01T10:00:00+01:00', content_text: '' },
      ]));
      const el = await mount(html`<kpr-news-feed eager src=${src}></kpr-news-feed>`);
      await settled(el);
      expect(articleSummary(el).map((a) => a.tags)).to.deep.equal([['Eins', 'Zwei', 'Drei', 'Vier', 'Fünf'], ['Eins']]);
      const lists = [...shadow(el).querySelectorAll<HTMLElement>('[part="tags"]')];
      // The unused fixed places are not displayed. (Not innerText: an article far below the viewport is not
      // rendered yet, content-visibility: auto, and innerText gives nothing for it.)
      const displayed = (list: HTMLElement) => [...list.children].filter((li) => getComputedStyle(li).display !== 'none').map((li) => li.textContent);
      expect(lists.map(displayed)).to.deep.equal([['Eins', 'Zwei', 'Drei', 'Vier', 'Fünf'], ['Eins']]);
      // Nor when the page styles the tags through ::part.
      const style = document.createElement('style');
      style.textContent = 'kpr-news-feed::part(tag) { display: inline-block; } kpr-news-feed::part(summary) { display: block; }';
      document.head.append(style);
      try {
        expect(lists.map(displayed)).to.deep.equal([['Eins', 'Zwei', 'Drei', 'Vier', 'Fünf'], ['Eins']]);
        // The second article has no text: its summary place stays hidden.
        const summaries = [...shadow(el).querySelectorAll('[part="summary"]')].map((p) => getComputedStyle(p).display !== 'none');
        expect(summaries).to.deep.equal([true, false]);
      } finally {
        style.remove();
      }
    });
  });

  describe('changes after the articles are shown', () => {
    it('follows the layout, the heading level and the tag the page sets, keeping the article the resident is on', async () => {
      const src = served(jsonFeed([
        { title: 'Fünf Schlagwörter', url: '/5', tags: ['Eins', 'Zwei', 'Drei', 'Vier', 'Fünf'], authors: [{ name: 'Anna' }, { name: 'Ben' }], image: '/tests/fixtures/pixel.svg', date: '2026-01-02T10:00:00+01:00' },
        { title: 'Ohne Datum', url: '/1', tags: ['Eins'], summary: 'Kurz gesagt.' },
      ]));
      const el = await mount(html`<kpr-news-feed eager src=${src}></kpr-news-feed>`);
      await settled(el);
      const meta = () => [...shadow(el).querySelectorAll<HTMLElement>('[part="meta"]')].map((m) => (m.hidden ? null : m.textContent));
      const levels = () => [...shadow(el).querySelectorAll('[part="title"]')].map((t) => t.getAttribute('aria-level'));
      const shown = { meta: ['2. Januar 2026von Anna und Ben', null], images: 1, tags: [['Eins', 'Zwei', 'Drei', 'Vier', 'Fünf'], ['Eins']], summaries: ['Text 0', 'Kurz gesagt.'] };
      const showing = () => ({
        meta: meta(),
        images: shadow(el).querySelectorAll('img').length,
        tags: articleSummary(el).map((a) => a.tags),
        summaries: articleSummary(el).map((a) => a.summary),
      });
      expect(showing()).to.deep.equal(shown);
      expect(levels()).to.deep.equal(['3', '3']);
      const link = shadow(el).querySelector<HTMLElement>('a[part="link"]')!;
      link.focus();

      el.setAttribute('layout', 'compact');
      el.setAttribute('heading-level', '2');
      await el.updateComplete;
      expect(showing()).to.deep.equal({ meta: ['2. Januar 2026', null], images: 0, tags: [[], []], summaries: ['', ''] });
      expect(levels()).to.deep.equal(['2', '2']);
      expect(shadow(el).querySelectorAll('[part="tags"]:not([hidden])')).to.have.length(0);

      el.setAttribute('layout', 'list');
      await el.updateComplete;
      expect(showing()).to.deep.equal(shown);
      expect(focused(el)).to.equal('link: Fünf Schlagwörter');
      expect(shadow(el).querySelector('a[part="link"]')).to.equal(link, 'the same element, not a new one');

      el.setAttribute('tag', 'zwei');
      await el.updateComplete;
      expect(headings(el)).to.deep.equal(['Fünf Schlagwörter']);
      el.removeAttribute('tag');
      await el.updateComplete;
      expect(headings(el)).to.deep.equal(['Fünf Schlagwörter', 'Ohne Datum']);
      expect(focused(el)).to.equal('link: Fünf Schlagwörter');
    });
  });

  describe('images', () => {
    it('shows images only from the feed\'s own host or listed hosts, with alt text or as decorative', async () => {
      const otherHost = `http://127.0.0.1:${location.port}/tests/fixtures/pixel.svg`;
      const feed = jsonFeed([
        { title: 'Mit Alternativtext', url: '/a', image: '/tests/fixtures/pixel.svg', _kpr: { image_alt: 'Ein Fahrrad mit Codierung' }, date: '2026-01-03T10:00:00+01:00' },
        { title: 'Dekorativ', url: '/b', image: 'pixel.svg', date: '2026-01-02T10:00:00+01:00' },
        { title: 'Fremd', url: '/c', image: otherHost, date: '2026-01-01T10:00:00+01:00' },
      ]);
      const src = served(feed);
      const el = await mount(html`<kpr-news-feed eager src=${src}></kpr-news-feed>`);
      await settled(el);
      const images = [...shadow(el).querySelectorAll('img')];
      // The widget is eager, so at the top of its page: its first image loads at once and first (it is often the
      // largest thing on the screen), the others when scrolled near.
      expect(images.map((img) => [img.alt, img.getAttribute('referrerpolicy'), img.loading, img.getAttribute('fetchpriority')])).to.deep.equal([
        ['Ein Fahrrad mit Codierung', 'no-referrer', 'eager', 'high'],
        ['', 'no-referrer', 'lazy', null],
      ]);
      const below = await mount(html`<kpr-news-feed src=${src}></kpr-news-feed>`);
      await settled(below);
      expect([...shadow(below).querySelectorAll('img')].map((img) => img.loading), 'without eager, every image lazy').to.deep.equal(['lazy', 'lazy']);
      expect(images[1]!.src).to.equal(new URL('/test-api/pixel.svg', location.href).href);

      // The webmaster allows the other host, here at run time.
      el.setAttribute('image-hosts', `127.0.0.1:${location.port}`);
      await el.updateComplete;
      expect([...shadow(el).querySelectorAll('img')].map((img) => img.src)).to.include(otherHost);
    });
  });

  describe('images in feed HTML', () => {
    it('loads nothing from another host through old or unusual attributes (a table background, lowsrc, longdesc) or media elements', async () => {
      const foreign = (name: string) => `http://127.0.0.1:${location.port}/test-api/pixel.svg?${name}-${Math.random().toString(36).slice(2)}`;
      const addresses = ['table', 'td', 'lowsrc', 'poster', 'track', 'audio', 'longdesc', 'input'].map(foreign);
      const [table, td, lowsrc, poster, track, audio, longdesc, input] = addresses;
      const bodyHtml = `<p>Text</p><table background="${table}"><tr><td background="${td}">Zelle</td></tr></table>
        <img src="/test-api/pixel.svg" lowsrc="${lowsrc}" longdesc="${longdesc}" alt="Pixel"><video poster="${poster}"><track src="${track}"></video>
        <audio src="${audio}"></audio><input type="image" src="${input}"><p background="${table}">Absatz</p>`;
      const feed = { version: 'https://jsonfeed.org/version/1.1', title: 'T', items: [{ id: 'x', title: 'Mit HTML', content_html: bodyHtml, date_published: '2026-01-01T10:00:00+01:00' }] };
      const el = await mount(html`<kpr-news-feed eager src=${served(feed)}></kpr-news-feed>`);
      await settled(el);
      await waitUntil(() => shadow(el).querySelector('.body td'), 'the article\'s table');
      const body = shadow(el).querySelector('.body')!;
      const withAddress = [...body.querySelectorAll('*')].flatMap((node) => [...node.attributes].filter((a) => /^(background|lowsrc|longdesc|poster|src)$/.test(a.name)).map((a) => `${node.localName}[${a.name}]`));
      expect(withAddress).to.deep.equal(['img[src]']);
      // The allowed image has loaded by now; none of the others was asked for.
      const image = body.querySelector('img')!;
      if (!image.complete) await new Promise((resolve) => image.addEventListener('load', resolve, { once: true }));
      for (const address of addresses) expect(await requestsFor(address), address).to.equal(0);
    });
  });

  describe('failures', () => {
    /** A short timeout, so the hanging feed's test ends soon. */
    const expectError = (src: string, ...causes: string[]) => expectErrorWithin(0.5, src, ...causes);

    async function expectErrorWithin(seconds: number, src: string, ...causes: string[]) {
      const errors = captureConsole('error');
      const events: string[] = [];
      const el = await mount(html`<kpr-news-feed eager timeout=${seconds} src=${src} @kpr-error=${(e: CustomEvent) => events.push(e.detail.kind)}>
        <a href="https://www.bannewitz.de/aktuelles">Alle Neuigkeiten</a>
      </kpr-news-feed>`);
      await settled(el);
      errors.restore();
      expect(visibleText(el)).to.include('Die Inhalte können gerade nicht geladen werden.');
      expect(shadow(el).querySelector('[part="retry-button"]')!.textContent).to.equal('Erneut versuchen');
      const log = errors.messages.join('\n');
      expect(log).to.include(new URL(src, location.href).href);
      for (const cause of causes) expect(log).to.include(cause);
      expect(events).to.have.length(1);
      // The webmaster's fallback content is shown in the error state.
      const fallback = el.querySelector('a')!;
      expect(fallback.getClientRects().length).to.be.greaterThan(0);
      return el;
    }

    it('404', async () => {
      await expectError(fresh('/test-api/status/404'), 'HTTP 404 Not Found');
    });

    it('500, after one retry', async () => {
      const src = fresh('/test-api/status/500');
      await expectError(src, 'HTTP 500');
      expect(await recordedRequests(src, 2)).to.equal(2);
    });

    it('invalid JSON', async () => {
      await expectError(served('{"version": "https://jsonfeed.org/version/1.1", "items": [', 'application/json'), 'invalid JSON');
    });

    /**
     * A source that is no feed the widget reads: asking again cannot mend it, so residents read that the content
     * cannot be shown here, with no retry button; the console names the code and what is wrong.
     */
    async function expectMisconfigured(src: string, code: string, cause: string) {
      const errors = captureConsole('error');
      const events: string[] = [];
      const el = await mount(html`<kpr-news-feed eager timeout="10" src=${src} @kpr-error=${(e: CustomEvent) => events.push(e.detail.kind)}>
        <a href="https://www.bannewitz.de/aktuelles">Alle Neuigkeiten</a>
      </kpr-news-feed>`);
      await settled(el);
      errors.restore();
      expect(visibleText(el)).to.include('Die Inhalte können hier nicht angezeigt werden, weil sie nicht richtig eingebunden sind.');
      expect(shadow(el).querySelector('[part="retry-button"]')).to.equal(null);
      expect(errors.messages).to.have.length(1);
      expect(errors.messages[0]).to.include(`<kpr-news-feed> [${code}] could not use the feed ${new URL(src, location.href).href}: `).and.include(cause);
      expect(events).to.have.length(1);
      expect(el.querySelector('a')!.getClientRects().length).to.be.greaterThan(0);
    }

    it('an iCalendar file, which belongs in the event calendar: no retry', async () => {
      await expectMisconfigured(served('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n', 'text/calendar'), 'format-not-read', 'it is an iCalendar file, and <kpr-news-feed> reads a JSON Feed, an RSS feed, or an Atom feed');
    });

    it('names the code of a failure that may pass in the console, and offers the retry', async () => {
      const el = await expectError(fresh('/test-api/status/503'), '[http-error] could not use the feed');
      expect(el).to.exist;
    });

    it('a timeout', async () => {
      await expectError(fresh('/test-api/hang'), 'no complete answer within 0.5 s');
    });

    it('a feed of the wrong shape: no retry', async () => {
      await expectMisconfigured(served({ title: 'Kein Feed', items: 'keine' }), 'not-a-json-feed', 'version is required');
      await expectMisconfigured(served({ version: 'https://jsonfeed.org/version/1.1', title: 'Ohne Liste', items: 'keine' }), 'not-a-json-feed', 'items must be an array');
    });

    it('an HTML page instead of a feed: no retry', async () => {
      await expectMisconfigured(served('<!DOCTYPE html><html><body>Login</body></html>', 'text/html'), 'html-page', 'HTML page, not a feed');
    });

    it('a 6 MB feed, streamed without Content-Length and announced with it: no retry, as it stays too large', async () => {
      // Time enough to stream 5 MB on a busy machine: the limit, not the timeout, must end these.
      await expectMisconfigured(fresh('/test-api/big/6'), 'too-large', 'larger than the limit of 5.0 MB');
      await expectMisconfigured(fresh('/test-api/big/6?length=1'), 'too-large', 'larger than the limit of 5.0 MB');
    });

    it('a feed none of whose items is valid shows that there is no news, without a retry that cannot help, and says why in the console', async () => {
      const src = served(jsonFeed([{ id: '' }, { title: 'x', content_text: undefined }]));
      const errors = captureConsole('error');
      const warnings = captureConsole('warn');
      const events: string[] = [];
      const el = await mount(html`<kpr-news-feed eager src=${src} @kpr-error=${(e: CustomEvent) => events.push(e.detail.kind)}></kpr-news-feed>`);
      await settled(el);
      warnings.restore();
      errors.restore();
      expect(visibleText(el).trim()).to.equal('Zurzeit gibt es keine Neuigkeiten.'); // WebKit's innerText ends in line breaks
      expect(shadow(el).querySelector('[part="retry-button"]')).to.equal(null);
      const url = new URL(src, location.href).href;
      expect(errors.messages).to.deep.equal([
        `[asskomm-widgets] <kpr-news-feed> [no-valid-items] could not use the feed ${url}: none of its 2 items is valid, so the widget says there is nothing to show (item 0: id must not be empty [schema-min-length]; the warnings above name the others)`,
      ]);
      expect(warnings.messages.join('\n')).to.include('skipped item 1 (id "item-1")').and.include('needs "content_text" or "content_html"');
      expect(events).to.deep.equal(['invalid']);
    });

    it('retries once by itself after a 503', async () => {
      const src = fresh('/test-api/flaky/auto?fails=1');
      const el = await mount(html`<kpr-news-feed eager src=${src}></kpr-news-feed>`);
      await settled(el);
      expect(headings(el)).to.have.length(3);
      expect(await recordedRequests(src, 2)).to.equal(2);
    });

    it('the retry button loads again, keeps focus and says what happened', async () => {
      const src = fresh('/test-api/flaky/button?fails=2');
      const errors = captureConsole('error');
      const el = await mount(html`<kpr-news-feed eager src=${src}></kpr-news-feed>`);
      await settled(el);
      errors.restore();
      shadow(el).querySelector<HTMLButtonElement>('[part="retry-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => headings(el).length === 3, 'the feed to load on retry');
      expect(focused(el)).to.match(/^base: /);
      expect(shadow(el).querySelector('[role="status"]')!.textContent).to.equal('3 Einträge geladen.');
    });

    it('sends focus back to the retry button when the retry fails too', async () => {
      const errors = captureConsole('error');
      const el = await mount(html`<kpr-news-feed eager src=${fresh('/test-api/status/404')}></kpr-news-feed>`);
      await settled(el);
      const button = () => shadow(el).querySelector<HTMLButtonElement>('[part="retry-button"]');
      button()!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => errors.messages.length === 2, 'the second failure');
      await settled(el);
      errors.restore();
      expect(focused(el)).to.equal('retry-button: Erneut versuchen');
    });
  });
});
