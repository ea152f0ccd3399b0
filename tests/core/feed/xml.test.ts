import { expect } from '@open-wc/testing';
import { readXmlFeed } from '../../../src/core/feed/xml.js';

const URL_OF_FEED = 'https://www.bannewitz.de/feeds/news.rss';

function rss(items: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Bannewitz</title>${items}</channel></rss>`;
}

describe('readXmlFeed: an RSS item\'s image', () => {
  it('takes an image enclosure first, then the first Media RSS image (content, then thumbnail), with its description as alt text', () => {
    const feed = readXmlFeed(rss(`
      <item><guid>a</guid><title>Enclosure</title>
        <media:content url="https://cdn.bannewitz.de/m.jpg" medium="image"/>
        <enclosure url="bilder/e.jpg" type="image/jpeg" length="1"/>
        <media:description>Ein Fahrrad</media:description></item>
      <item><guid>b</guid><title>Media content</title>
        <media:content url="https://cdn.bannewitz.de/v.mp4" type="video/mp4"/>
        <media:content url="https://cdn.bannewitz.de/c.jpg" type="image/jpeg"/>
        <media:thumbnail url="https://cdn.bannewitz.de/t.jpg"/></item>
      <item><guid>c</guid><title>Thumbnail</title>
        <media:content url="https://cdn.bannewitz.de/v.mp4" medium="video"/>
        <media:group><media:thumbnail url="t.jpg"/><media:description> Der Schulweg </media:description></media:group></item>
      <item><guid>d</guid><title>Audio only</title><enclosure url="a.mp3" type="audio/mpeg" length="1"/>
        <media:description>no image, so no alt text</media:description></item>`), URL_OF_FEED);
    expect(feed.items.map((item) => {
      const { id, image, _kpr } = item as { id: string; image?: string; _kpr?: unknown };
      return { id, image, _kpr };
    })).to.deep.equal([
      { id: 'a', image: 'https://www.bannewitz.de/feeds/bilder/e.jpg', _kpr: { image_alt: 'Ein Fahrrad' } },
      { id: 'b', image: 'https://cdn.bannewitz.de/c.jpg', _kpr: undefined },
      { id: 'c', image: 'https://www.bannewitz.de/feeds/t.jpg', _kpr: { image_alt: 'Der Schulweg' } },
      { id: 'd', image: undefined, _kpr: undefined },
    ]);
    expect(Object.keys(feed.items[3]!)).not.to.include.members(['image', '_kpr']);
  });
});
