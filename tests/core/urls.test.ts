import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { isExternal, safeLink } from '../../src/core/urls.js';

/** What safeLink returned before its fast path: always through the URL parser. */
function parsedLink(raw: string, base: string): string | undefined {
  try {
    const url = new URL(raw.trim(), base);
    return ['http:', 'https:', 'mailto:', 'tel:'].includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const BASE = 'https://www.bannewitz.de/feeds/news.json';

describe('safeLink', () => {
  it('returns what the URL parser returns, for addresses on and off the fast path', () => {
    const samples = [
      'https://www.bannewitz.de/praevention/aktuelles/12',
      'https://www.bannewitz.de/a?b=c&d=e#f',
      'https://www.Bannewitz.de/a', // upper-case host: normalised
      'HTTPS://www.bannewitz.de/a', // upper-case scheme
      'https://www.bannewitz.de', // no path: a slash is added
      'https://www.bannewitz.de:443/a', // default port dropped
      'https://www.bannewitz.de/a/../b', // dot segments resolved
      'https://www.bannewitz.de/a/%2e%2E/b',
      'https://www.bannewitz.de/a b', // space encoded
      "https://www.bannewitz.de/?q='x'", // quote encoded in the query
      'https://www.bannewitz.de/ä', // non-ASCII encoded
      'http://0x7f.1/', // an IPv4 address in disguise
      'https://xn--bannewitz-q9a.de/',
      'javascript:alert(1)',
      ' https://www.bannewitz.de/trimmed ',
      '/relative/path',
      'mailto:praevention@bannewitz.de',
      'tel:+49351408500',
    ];
    for (const raw of samples) expect(safeLink(raw, BASE), raw).to.equal(parsedLink(raw, BASE));
  });

  it('agrees with the URL parser on generated web addresses', () => {
    const chars = fc.constantFrom(...'abcXYZ019-._~!$&()*+,;=:@/%?#\'"<> \\^`{}|äß'.split(''));
    const address = fc.tuple(fc.constantFrom('http://', 'https://', 'HTTP://', 'https:/'), fc.stringMatching(/^[a-zA-Z0-9.-]{1,12}$/), fc.string({ unit: chars, maxLength: 30 }));
    fc.assert(
      fc.property(address, ([scheme, host, rest]) => {
        const raw = `${scheme}${host}${rest}`;
        expect(safeLink(raw, BASE), raw).to.equal(parsedLink(raw, BASE));
      }),
      { numRuns: 3000 },
    );
  });

  it('never lets a script address through', () => {
    for (const raw of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>', 'vbscript:x']) {
      expect(safeLink(raw, BASE), raw).to.equal(undefined);
    }
  });
});

describe('isExternal', () => {
  it('tells links to this page\'s origin from links to elsewhere', () => {
    expect(isExternal(`${location.origin}/impressum`)).to.equal(false);
    expect(isExternal('https://www.polizei.sachsen.de/')).to.equal(true);
    expect(isExternal(`https://user@${location.host}.example/`)).to.equal(true);
    expect(isExternal('mailto:praevention@bannewitz.de')).to.equal(false);
  });
});
