import { expect } from '@open-wc/testing';
import { checkFeed } from '../../src/validator/check-feed.js';

/** A goals feed whose one indicator has the given baseline (`_kpr.indicators[0].baseline`). */
const goalsWith = (baseline: unknown) =>
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Präventionsrat Bannewitz – Ziele',
    home_page_url: 'https://www.bannewitz.de/praevention/',
    feed_url: 'https://www.bannewitz.de/ziele.json',
    items: [{
      id: 'sicherheitsgefuehl',
      title: 'Sich sicher fühlen',
      content_text: 'Mehr Menschen fühlen sich in der Gemeinde sicher.',
      _kpr: { indicators: [{ name: 'Fühlen sich sicher', unit: '%', better: 'up', baseline, series: [{ period: '2023', value: 44 }, { period: '2025', value: 47.5 }] }] },
    }],
  });

const check = async (baseline: unknown) => checkFeed(goalsWith(baseline), { source: 'https://www.bannewitz.de/ziele.json', widget: 'goal-overview' });
const where = (report: Awaited<ReturnType<typeof check>>) => report.problems.map(({ severity, code, path }) => ({ severity, code, path }));

describe('checkFeed: an indicator\'s baseline (_kpr.indicators[].baseline)', () => {
  it('accepts a baseline of a period that is not one of the series\', and names a wrong value, a missing or empty period, by their paths', async () => {
    const report = await check({ period: '2022', value: 41 });
    expect([report.ok, report.shown, report.problems]).to.deep.equal([true, 1, []]);
    expect(where(await check({ period: '2022', value: '41 %' }))).to.deep.equal([{ severity: 'error', code: 'schema-type', path: 'items[0]._kpr.indicators[0].baseline.value' }]);
    expect(where(await check({ value: 41 }))).to.deep.equal([{ severity: 'error', code: 'schema-required', path: 'items[0]._kpr.indicators[0].baseline.period' }]);
    expect(where(await check({ period: '', value: 41 }))).to.deep.equal([{ severity: 'error', code: 'schema-min-length', path: 'items[0]._kpr.indicators[0].baseline.period' }]);
    expect(where(await check(41))).to.deep.equal([{ severity: 'error', code: 'schema-type', path: 'items[0]._kpr.indicators[0].baseline' }]);
  });

  it('says the indicator is left out, and how to write the value', async () => {
    const [problem] = (await check({ period: '2022', value: '41 %' })).problems;
    expect(problem!.message).to.include('_kpr.indicators[0].baseline.value must be a number, not a string').and.include('_kpr.indicators[0] is left out');
    expect(problem!.fix).to.equal('Write "value" as a number.');
  });
});
