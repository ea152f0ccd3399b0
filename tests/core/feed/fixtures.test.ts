import { expect } from '@open-wc/testing';
import { decodeFeedBytes } from '../../../src/core/feed/fetch-text.js';
import { parseFeed } from '../../../src/core/feed/parse.js';
import type { FeedDocument } from '../../../src/core/feed/types.js';

/*
 * Feeds as they come from the wild, one feature each, in the style of feedparser's suite: every file in
 * tests/fixtures/feeds says in a comment what it shows ("Description") and how it must be read ("Expect": the
 * feed's fields, the fields of each item that matter, and every warning for the webmaster). Each is decoded from
 * its bytes as a widget decodes an answer, with the content type the Expect names, and read as if it had been
 * fetched from https://www.bannewitz.de/feeds/<name>. tests/validator/fixtures-in-node.test.mjs reads the same
 * files with the command line's XML parser, and utf16-bom.atom besides, which the test server cannot give a
 * browser as it is (it re-encodes UTF-16 text as UTF-8): its decoding is tested below with bytes made here.
 */
const FIXTURES = [
  'blank-line-before-xml.rss',
  'bom.atom',
  'atom-entry-without-id.atom',
  'rss10.rdf',
  'atom03.xml',
  'dc-fields.rss',
  'dc-fields.atom',
  'xml-base.atom',
  'xml-base.rss',
];

interface Expectation {
  contentType?: string;
  feed?: Partial<FeedDocument>;
  items: Array<Record<string, unknown>>;
  warnings: unknown[];
}

function pick(object: object, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, (object as Record<string, unknown>)[key]]));
}

describe('feeds from the wild (tests/fixtures/feeds)', () => {
  for (const name of FIXTURES) {
    it(`reads ${name} as it expects`, async () => {
      const bytes = new Uint8Array(await (await fetch(`/tests/fixtures/feeds/${name}`)).arrayBuffer());
      const text = decodeFeedBytes(bytes, null);
      const expected = JSON.parse(/Expect: (\{[\s\S]*?\})\s*-->/.exec(text)![1]!) as Expectation;
      const feed = await parseFeed(decodeFeedBytes(bytes, expected.contentType ?? 'application/xml'), `https://www.bannewitz.de/feeds/${name}`);
      if (expected.feed) expect(pick(feed, Object.keys(expected.feed))).to.deep.equal(expected.feed);
      expect(feed.items.map((item, index) => pick(item as object, Object.keys(expected.items[index] ?? {})))).to.deep.equal(expected.items);
      expect(feed.warnings ?? []).to.deep.equal(expected.warnings);
    });
  }
});

describe('the encoding of a feed', () => {
  const feed = '<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>Präventionsrat</title></channel></rss>';
  const utf16 = (littleEndian: boolean) => {
    const bytes = new Uint8Array(2 + feed.length * 2);
    const view = new DataView(bytes.buffer);
    view.setUint16(0, 0xfeff, littleEndian);
    [...feed].forEach((char, index) => view.setUint16(2 + index * 2, char.charCodeAt(0), littleEndian));
    return bytes;
  };

  for (const [order, littleEndian] of [['little', true], ['big', false]] as const) {
    it(`reads a file saved as UTF-16 (${order}-endian) by its byte-order mark, whatever the server says`, async () => {
      for (const type of ['application/rss+xml', 'application/rss+xml; charset=utf-8']) {
        expect((await parseFeed(decodeFeedBytes(utf16(littleEndian), type), 'https://www.bannewitz.de/feed.rss')).title).to.equal('Präventionsrat');
      }
    });
  }
});

describe('the start of an XML feed', () => {
  const item = '<item><title>Sprechstunde</title><link>https://www.bannewitz.de/s</link></item>';

  it('reads a feed whose second byte-order mark follows a line break (PHP files included one after another), with a warning', async () => {
    const feed = await parseFeed(`\n\uFEFF<?xml version="1.0"?>\n<rss version="2.0"><channel><title>t</title>${item}</channel></rss>`, 'https://www.bannewitz.de/feed.rss');
    expect(feed.items).to.have.length(1);
    expect(feed.warnings).to.deep.equal([{
      code: 'text-before-xml',
      path: '',
      message: 'the file begins with a blank line and a stray byte-order mark before <?xml …?>, where XML allows nothing: the widgets read it anyway, but strict XML readers refuse it',
    }]);
  });

  it('says nothing about white space before the first tag where there is no <?xml …?>, which XML allows', async () => {
    const feed = await parseFeed(`\n  <rss version="2.0"><channel><title>t</title>${item}</channel></rss>`, 'https://www.bannewitz.de/feed.rss');
    expect([feed.items.length, feed.warnings ?? []]).to.deep.equal([1, []]);
  });
});
