import { expect } from '@open-wc/testing';
import { checkFeed } from '../../src/validator/check-feed.js';

/** A tips feed whose second tip carries the given Leichte-Sprache version (`_kpr.easy`). */
const tipsWith = (easy: unknown) =>
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Präventionsrat Bannewitz – Tipps',
    home_page_url: 'https://www.bannewitz.de/praevention/',
    feed_url: 'https://www.bannewitz.de/tipps.json',
    items: [
      { id: 'licht', title: 'Licht an', content_text: 'Eine Zeitschaltuhr hilft.', _kpr: { topic: 'burglary' } },
      { id: 'enkeltrick', title: 'Der Enkeltrick', content_text: 'Rufen Sie die Familie zurück.', _kpr: { topic: 'fraud-older-people', easy } },
    ],
  });

const check = async (easy: unknown) => checkFeed(tipsWith(easy), { source: 'https://www.bannewitz.de/tipps.json' });

describe('checkFeed: a tip\'s Leichte-Sprache version (_kpr.easy)', () => {
  it('accepts an easy version with its text alone, or with title and teaser', async () => {
    for (const easy of [{ content_text: 'Jemand ruft an. Er sagt: Ich bin Ihr Enkel.' }, { title: 'Vorsicht am Telefon', summary: 'Betrüger lügen.', content_text: 'Legen Sie auf.' }]) {
      const report = await check(easy);
      expect([report.ok, report.shown, report.problems]).to.deep.equal([true, 2, []]);
    }
  });

  it('names an empty easy text by its path, and the tip is not shown', async () => {
    const report = await check({ title: 'Vorsicht am Telefon', content_text: '' });
    expect([report.ok, report.shown]).to.deep.equal([false, 1]);
    expect(report.problems.map(({ severity, code, path }) => ({ severity, code, path }))).to.deep.equal([{ severity: 'error', code: 'schema-min-length', path: 'items[1]._kpr.easy.content_text' }]);
    expect(report.problems[0]!.fix).to.match(/Leichte Sprache/);
  });

  it('names a missing easy text, and an easy version that is no object, by their paths', async () => {
    const missing = await check({ title: 'Vorsicht am Telefon' });
    expect(missing.problems.map(({ code, path }) => ({ code, path }))).to.deep.equal([{ code: 'schema-required', path: 'items[1]._kpr.easy.content_text' }]);
    expect(missing.problems[0]!.fix).to.match(/Leichte Sprache/);
    const text = await check('Jemand ruft an.');
    expect(text.problems.map(({ code, path }) => ({ code, path }))).to.deep.equal([{ code: 'schema-type', path: 'items[1]._kpr.easy' }]);
  });
});
