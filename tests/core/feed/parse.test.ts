import { expect } from '@open-wc/testing';
import { fetchText } from '../../../src/core/feed/fetch-text.js';
import { FeedError } from '../../../src/core/feed/feed-error.js';
import { parseFeed } from '../../../src/core/feed/parse.js';
import { fresh } from '../../support/helpers.js';

const options = { signal: new AbortController().signal, timeoutMs: 5000, maxBytes: 5_000_000, retryDelayMs: 10 };

describe('parseFeed', () => {
  for (const type of ['application/rss+xml; charset=utf-8', 'application/rss+xml']) {
    it(`reads a Latin-1 RSS feed served as ${type}, umlauts intact`, async () => {
      const url = new URL(fresh(`/test-api/bytes/latin1.rss?type=${encodeURIComponent(type)}`), location.href).href;
      const feed = await parseFeed(await fetchText(url, options), url);
    expect(feed.format).to.equal('rss');
    expect(feed.items).to.deep.equal([{
      id: 'amtsblatt-7',
      url: 'https://www.bannewitz.de/amtsblatt/beleuchtung',
      title: 'Straßenbeleuchtung am Fußweg erneuert',
      content_html: 'Größere Helligkeit für den Schulweg.',
      date_published: '2025-11-03T07:00:00.000Z',
    }]);
    });
  }

  it('tells formats apart by content, whatever the URL says', async () => {
    const json = '\uFEFF  {"version":"https://jsonfeed.org/version/1.1","title":"t","items":[]}';
    expect((await parseFeed(json, 'https://x.example/feed.xml')).format).to.equal('json-feed');
    const atom = '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>';
    expect((await parseFeed(atom, 'https://x.example/feed.json')).format).to.equal('atom');
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Gemeinderat\r\nEND:VCALENDAR\r\n';
    const calendar = await parseFeed(ics, 'https://x.example/termine.json');
    expect([calendar.format, calendar.title, calendar.text]).to.deep.equal(['icalendar', 'Gemeinderat', ics]);
  });

  for (const [body, kind, message] of [
    ['<rss><channel><item></rss>', 'parse', 'invalid XML'],
    ['<opml version="2.0"></opml>', 'format', 'root element <opml>'],
    ['Service unavailable', 'format', 'expected JSON Feed, RSS, Atom or iCalendar'],
    ['[1, 2]', 'format', 'not a feed'],
  ] as const) {
    it(`rejects ${JSON.stringify(body)} as ${kind}`, async () => {
      const error = await parseFeed(body, 'https://x.example/f').catch((e: unknown) => e);
      expect(error).to.be.instanceOf(FeedError);
      expect((error as FeedError).kind).to.equal(kind);
      expect((error as FeedError).message).to.include(message);
    });
  }
});
