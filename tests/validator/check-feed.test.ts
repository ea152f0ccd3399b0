import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/event-calendar.js';
import { captureConsole, settled, visibleText } from '../support/helpers.js';
import { checkFeed, MAX_PROBED_URLS, type FeedReport } from '../../src/validator/check-feed.js';
import expectedReports from '../support/check-feed-reports.json';

/*
 * The embed builder runs checkFeed in the browser, `asskomm-widgets validate` in Node (tests/cli/cli.test.mjs).
 * Both compare against the same reports (tests/support/check-feed-reports.json), so they are known to agree: the
 * RSS feed goes through the browser's own DOMParser here and through the Node shim there.
 */
const text = async (path: string) => (await fetch(`/${path}`)).text();

describe('checkFeed in the browser', () => {
  for (const expected of expectedReports as FeedReport[]) {
    it(`gives the same report as the command line for ${expected.source}`, async () => {
      const report = await checkFeed(await text(expected.source), { source: expected.source });
      // JSON drops the fields that are undefined, as the command line's --json does.
      expect(JSON.parse(JSON.stringify(report))).to.deep.equal(expected);
    });
  }

  it('says where broken XML breaks, by line and column, and that nothing would show', async () => {
    const report = await checkFeed('<?xml version="1.0"?>\n<rss version="2.0"><channel>\n<item><title>Sprechstunde</channel></rss>', { source: 'https://www.bannewitz.de/feed.rss' });
    expect(report.ok).to.equal(false);
    expect(report.problems).to.have.length(1);
    expect(report.problems[0]!.path).to.match(/^line 3, column \d+$/);
    expect(report.problems[0]!.message).to.match(/^this is not well-formed XML: /);
  });

  it('says where broken XML breaks when a blank line comes before <?xml …?>: the line in the file, not the blank line', async () => {
    const report = await checkFeed('\n<?xml version="1.0"?>\n<rss version="2.0"><channel>\n<item><title>Sprechstunde</channel></rss>', { source: 'https://www.bannewitz.de/feed.rss' });
    expect(report.problems).to.have.length(1);
    expect(report.problems[0]!.path).to.match(/^line 4, column \d+$/);
    expect(report.problems[0]!.message).to.match(/^this is not well-formed XML: /);
  });

  describe('what the widgets read despite a fault (tests/fixtures/feeds)', () => {
    const check = async (name: string) => checkFeed(await text(`tests/fixtures/feeds/${name}`), { source: `https://www.bannewitz.de/feeds/${name}` });

    it('a blank line before <?xml …?>: shown, with a warning that says what to remove', async () => {
      const report = await check('blank-line-before-xml.rss');
      expect([report.ok, report.format, report.items, report.shown]).to.deep.equal([true, 'rss', 1, 1]);
      expect(report.problems).to.deep.equal([{
        severity: 'warning',
        code: 'text-before-xml',
        path: '(feed)',
        message: 'the file begins with a blank line before <?xml …?>, where XML allows nothing: the widgets read it anyway, but strict XML readers refuse it',
        fix: 'Make the file begin with <?xml … ?>: remove the blank line or spaces before it (often at the top of the feed\'s template, or after a PHP file\'s closing ?>), and save included files as UTF-8 without a byte-order mark.',
      }]);
    });

    it('Atom entries without <id>: shown, each with a warning whose fix is Atom\'s', async () => {
      const report = await check('atom-entry-without-id.atom');
      expect([report.ok, report.items, report.shown]).to.deep.equal([true, 3, 3]);
      const fix = 'Give each <entry> an <id> that is unique and never changes, e.g. <id>tag:bannewitz.de,2026:neuigkeit-42</id>, or the address of its page.';
      expect(report.problems).to.deep.equal([
        { severity: 'warning', code: 'entry-without-id', path: 'items[1].id', message: 'the entry has no <id>, which Atom requires, so its link serves as its id', fix },
        { severity: 'warning', code: 'entry-without-id', path: 'items[2].id', message: 'the entry has no <id>, which Atom requires, and no link, so its title and date serve as its id: if either is corrected, feed readers take it for a new entry', fix },
      ]);
    });

    it('RSS 1.0 and Atom 0.3: shown, Atom 0.3 with a warning that it is outdated', async () => {
      const rss10 = await check('rss10.rdf');
      expect([rss10.ok, rss10.format, rss10.widget, rss10.items, rss10.shown, rss10.problems]).to.deep.equal([true, 'rss', 'news-feed', 2, 2, []]);
      const atom03 = await check('atom03.xml');
      expect([atom03.ok, atom03.format, atom03.items, atom03.shown]).to.deep.equal([true, 'atom', 2, 2]);
      expect(atom03.problems).to.deep.equal([{
        severity: 'warning',
        code: 'atom-0.3',
        path: '(feed)',
        message: 'this is Atom 0.3, a draft that Atom 1.0 replaced in 2005: the widgets read it, but not every feed reader does',
        fix: 'Publish the feed as Atom 1.0 (RFC 4287) or RSS 2.0: most CMS can, by a setting or an update.',
      }]);
    });

    it('an RSS item without <guid> and <link>: shown, with a warning whose fix is RSS\'s', async () => {
      const report = await checkFeed('<rss version="2.0"><channel><title>t</title><item><title>Sprechstunde</title><description>Dienstags.</description></item></channel></rss>', { source: 'https://www.bannewitz.de/feed.rss' });
      expect([report.ok, report.shown]).to.deep.equal([true, 1]);
      expect(report.problems).to.deep.equal([{
        severity: 'warning',
        code: 'item-without-guid',
        path: 'items[0].id',
        message: 'the item has no <guid> and no <link>, so its title and date serve as its id: if either is corrected, feed readers take it for a new item',
        fix: 'Give each <item> a <guid> that never changes, e.g. the address of its page, or at least a <link> to that page.',
      }]);
    });
  });

  it('an empty id in a JSON Feed: the fix asks for an id, as the item cannot do without one', async () => {
    const feed = { version: 'https://jsonfeed.org/version/1.1', title: 'Neuigkeiten', home_page_url: 'https://www.bannewitz.de/', feed_url: 'https://www.bannewitz.de/news.json', items: [{ id: '', title: 'Sprechstunde', content_text: 'Dienstags.' }] };
    const report = await checkFeed(JSON.stringify(feed), { source: 'https://www.bannewitz.de/news.json' });
    expect(report.problems.find((problem) => problem.path === 'items[0].id')!.fix).to.equal('Give the item an "id" that is unique in the feed and never changes, e.g. the address of its page.');
  });

  it('checks for the widget it is given: a tips feed in the news feed is a mismatch', async () => {
    const report = await checkFeed(await text('demo/feeds/tips.json'), { source: 'https://www.bannewitz.de/praevention/tipps.json', widget: 'news-feed' });
    expect(report.widget).to.equal('news-feed');
    expect(report.inferredFrom).to.equal(undefined);
    expect(report.ok).to.equal(false);
    expect(report.problems.find((problem) => problem.severity === 'error')).to.deep.include({ path: 'items[0]._kpr.topic' });
  });

  it('does not count news dated in the future as shown, as the news feed hides them until then', async () => {
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Neuigkeiten',
      home_page_url: 'https://www.bannewitz.de/',
      feed_url: 'https://www.bannewitz.de/news.json',
      items: [
        { id: '1', title: 'Sprechstunde', content_text: 'Jeden Dienstag.', date_published: '2026-01-05T10:00:00+01:00' },
        { id: '2', title: 'Bürgerversammlung', content_text: 'Im Rathaus.', date_published: '2099-01-01T10:00:00+01:00' },
      ],
    };
    const report = await checkFeed(JSON.stringify(feed), { source: 'https://www.bannewitz.de/news.json' });
    expect(report.ok).to.equal(true);
    expect([report.items, report.shown]).to.deep.equal([2, 1]);
    expect(report.problems).to.have.length(1);
    expect(report.problems[0]).to.deep.include({ severity: 'warning', path: 'items[1].date_published' });
    expect(report.problems[0]!.message).to.match(/^dated 2099-01-01, in the future: <kpr-news-feed> hides it until then \(more than a year ahead/);
  });

  it('takes an event id as the calendar does: an event left out for its start frees its id, a later copy of a shown one is left out', async () => {
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Termine',
      home_page_url: 'https://www.bannewitz.de/',
      feed_url: 'https://www.bannewitz.de/termine.json',
      items: [
        { id: 'a', title: 'Ohne Datum', content_text: 'Im Rathaus.', _kpr: { start: 'gestern' } },
        { id: 'a', title: 'Präventionstag', content_text: 'Im Rathaus.', _kpr: { start: '2026-12-05T10:00:00+01:00' } },
        { id: 'a', title: 'Zweiter Termin', content_text: 'Im Rathaus.', _kpr: { start: '2026-12-06T10:00:00+01:00' } },
      ],
    };
    const report = await checkFeed(JSON.stringify(feed), { source: 'https://www.bannewitz.de/termine.json', widget: 'event-calendar' });
    expect([report.items, report.shown]).to.deep.equal([3, 1]);
    expect(report.problems.filter((p) => p.severity === 'error').map((p) => p.path)).to.deep.equal(['items[0]._kpr.start', 'items[2].id']);
    // The calendar itself shows the same one event.
    const warnings = captureConsole('warn');
    const calendar = await fixture<HTMLElement>(html`<kpr-event-calendar eager view="list" date="2026-12" src=${URL.createObjectURL(new Blob([JSON.stringify(feed)], { type: 'application/feed+json' }))}></kpr-event-calendar>`);
    try {
      await settled(calendar);
      await waitUntil(() => visibleText(calendar).includes('Präventionstag'), 'the event in the calendar');
    } finally {
      warnings.restore();
    }
    expect(visibleText(calendar)).not.to.include('Zweiter Termin');
  });

  it('warns about images from another host when the feed has a web address, naming the image-hosts to add', async () => {
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Neuigkeiten',
      home_page_url: 'https://www.bannewitz.de/',
      feed_url: 'https://www.bannewitz.de/news.json',
      items: [{ id: '1', title: 'Sprechstunde', content_text: 'Jeden Dienstag.', image: 'https://cdn.example.org/bild.jpg' }],
    };
    const report = await checkFeed(JSON.stringify(feed), { source: 'https://www.bannewitz.de/news.json' });
    expect(report.ok).to.equal(true);
    expect(report.problems).to.deep.equal([
      {
        severity: 'warning',
        code: 'image-other-host',
        path: 'items[0].image',
        message: "the image is on cdn.example.org, not on the feed's own server, so it is shown only when the widget's image-hosts attribute names that host",
        fix: 'Add image-hosts="cdn.example.org" to <kpr-news-feed>, or serve the image from the feed\'s own server.',
      },
    ]);
  });
  it('asks a probe for each image and link on the feed\'s own server once, at most MAX_PROBED_URLS of them, and no other server', async () => {
    const items = Array.from({ length: MAX_PROBED_URLS + 5 }, (_, index) => ({
      id: String(index),
      title: `Meldung ${index}`,
      content_text: 'Text.',
      url: `https://www.bannewitz.de/aktuelles/${index}`,
      external_url: 'https://www.example.org/anderswo',
      image: index === 0 ? 'bilder/fehlt.png' : '/bilder/da.png',
    }));
    const feed = { version: 'https://jsonfeed.org/version/1.1', title: 'Neuigkeiten', home_page_url: 'https://www.bannewitz.de/', feed_url: 'https://www.bannewitz.de/feeds/news.json', items };
    const asked: string[] = [];
    const probe = async (url: string) => (asked.push(url), url.endsWith('fehlt.png') ? 'HTTP 404 Not Found' : undefined);
    const report = await checkFeed(JSON.stringify(feed), { source: 'https://www.bannewitz.de/feeds/news.json', probe });
    expect(asked).to.have.length(MAX_PROBED_URLS);
    expect(new Set(asked).size).to.equal(MAX_PROBED_URLS);
    expect(asked.every((url) => url.startsWith('https://www.bannewitz.de/'))).to.equal(true);
    expect(report.ok).to.equal(true);
    expect(report.problems.filter((problem) => /does not load/.test(problem.message)).map(({ path, message }) => [path, message])).to.deep.equal([
      ['items[0].image', 'https://www.bannewitz.de/feeds/bilder/fehlt.png does not load (HTTP 404 Not Found), so residents see no image there'],
    ]);
  });

  it('warns about a path from the site\'s root in a feed file (a chosen file in the builder), not in a feed with a web address', async () => {
    const feed = { version: 'https://jsonfeed.org/version/1.1', title: 'Neuigkeiten', items: [{ id: '1', title: 'Sprechstunde', content_text: 'Jeden Dienstag.', image: '/images/x.png' }] };
    const fromFile = await checkFeed(JSON.stringify(feed), { source: 'news.json' });
    expect(fromFile.problems.find((problem) => problem.path === 'items[0].image')).to.deep.equal({
      severity: 'warning',
      code: 'site-absolute-path',
      path: 'items[0].image',
      message: '"/images/x.png" begins with /, so it is resolved against whatever site serves this file: on another site, or when the file is copied, it points to nothing',
      fix: 'Write the full address (https://…/images/x.png), or a path relative to the feed, such as "images/x.png" for a folder images/ beside the feed.',
    });
    const fromWeb = await checkFeed(JSON.stringify(feed), { source: 'https://www.bannewitz.de/news.json' });
    expect(fromWeb.problems.filter((problem) => problem.path === 'items[0].image')).to.deep.equal([]);
  });
});
