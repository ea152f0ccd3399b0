import { expect } from '@open-wc/testing';
import { now, nowMs, setClock } from '../../src/core/clock.js';
import { SUITE_INSTANT } from '../support/clock.js';

describe('core/clock', () => {
  afterEach(() => setClock(SUITE_INSTANT));

  it('starts every test file at the suite\'s instant, not at the real date', () => {
    expect(now().toISOString()).to.equal('2026-11-24T09:00:00.000Z');
    expect(nowMs()).to.equal(Date.parse(SUITE_INSTANT));
  });

  it('takes an instant as a string or a Date, or a function that runs on', () => {
    setClock('2027-10-31T00:30:00Z');
    expect(now().toISOString()).to.equal('2027-10-31T00:30:00.000Z');
    setClock(new Date(Date.UTC(2028, 1, 29, 11)));
    expect(now().toISOString()).to.equal('2028-02-29T11:00:00.000Z');
    let ticks = 0;
    setClock(() => Date.UTC(2027, 0, 1) + ticks++ * 1000);
    expect([nowMs(), nowMs()]).to.deep.equal([Date.UTC(2027, 0, 1), Date.UTC(2027, 0, 1, 0, 0, 1)]);
  });

  it('refuses a string that is no instant and keeps the clock it had', () => {
    setClock('2027-03-28T00:30:00Z');
    expect(() => setClock('24.11.2026')).to.throw(RangeError, '"24.11.2026" is not an instant');
    expect(now().toISOString()).to.equal('2027-03-28T00:30:00.000Z');
  });

  it('goes back to the system clock with null', () => {
    setClock(null);
    const before = Date.now();
    const reading = nowMs();
    expect(reading).to.be.within(before, Date.now());
  });

  it('is one clock for two copies of the library on a page', async () => {
    // A second copy of the module, as a CMS plugin and a theme that both bundle the library would load it.
    const copy = (await import(/* @vite-ignore */ `${new URL('../../src/core/clock.ts', import.meta.url).pathname}?copy=2`)) as typeof import('../../src/core/clock.js');
    expect(copy.now).to.not.equal(now);
    copy.setClock('2027-01-01T00:00:00+01:00');
    expect(now().toISOString()).to.equal('2026-12-31T23:00:00.000Z');
  });
});
