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

  describe('OParl', () => {
    const meeting = { id: 'https://ris.example/oparl/meeting/1', type: 'https://schema.oparl.org/1.1/Meeting', name: 'Gemeinderat', start: '2026-12-10T18:30:00+01:00' };

    it('recognises a page of a meeting list, with its next page made absolute', async () => {
      const page = { data: [meeting], pagination: { currentPage: 1, totalPages: 2 }, links: { first: 'meetings?page=1', next: 'meetings?page=2' } };
      const document = await parseFeed(JSON.stringify(page), 'https://ris.example/oparl/meetings?page=1');
      expect(document).to.deep.equal({ url: 'https://ris.example/oparl/meetings?page=1', format: 'oparl', title: '', items: [meeting], next: 'https://ris.example/oparl/meetings?page=2' });
      const last = await parseFeed(JSON.stringify({ data: [], pagination: { currentPage: 2 }, links: {} }), 'https://ris.example/m');
      expect([last.format, last.items, last.next]).to.deep.equal(['oparl', [], undefined]);
    });

    it('reads one meeting as a list of one, and names the meetings of a body instead of reading it', async () => {
      expect((await parseFeed(JSON.stringify(meeting), meeting.id)).items).to.deep.equal([meeting]);
      const body = { id: 'https://ris.example/oparl/body/1', type: 'https://schema.oparl.org/1.1/Body', meeting: 'https://ris.example/oparl/body/1/meetings' };
      const error = (await parseFeed(JSON.stringify(body), body.id).catch((e: unknown) => e)) as FeedError;
      expect([error.kind, error.message]).to.deep.equal(['format', 'it is an OParl Body, not a list of meetings; its meetings are at https://ris.example/oparl/body/1/meetings']);
    });

    it('leaves other JSON with `data` (JSON:API) to the JSON Feed check', async () => {
      const error = (await parseFeed(JSON.stringify({ data: [{ type: 'articles', id: '1' }], links: { next: '/2' } }), 'https://x.example/f').catch((e: unknown) => e)) as FeedError;
      expect(error.message).to.include('not a JSON Feed 1.1');
    });
  });
});
