import { expect } from '@open-wc/testing';
import { formatDate } from '../../src/core/format-date.js';
import { formatCalendarDate, formatList, formatNumber } from '../../src/core/format.js';

// The formatters are cached (a goal overview formats a date and a list per measure): these hold that a cached
// formatter is only ever reused for the same language and the same kind of date or number.
// German is written without Intl (a page's first Intl formatter costs a phone about 50 ms at the page's start):
// these hold that residents read exactly what Intl would have written, and that Intl is not asked.
describe('German dates, lists and whole numbers', () => {
  it('are written without creating an Intl formatter', () => {
    const saved = { DateTimeFormat: Intl.DateTimeFormat, NumberFormat: Intl.NumberFormat, ListFormat: Intl.ListFormat };
    const refuse = () => {
      throw new Error('an Intl formatter was created');
    };
    Object.assign(Intl, { DateTimeFormat: refuse, NumberFormat: refuse, ListFormat: refuse });
    try {
      expect(formatDate(new Date('2026-11-24T09:00:00Z'), 'de', 'Europe/Berlin')).to.equal('24. November 2026');
      expect(formatList(['Polizei', 'Schule', 'Stadt'], 'de')).to.equal('Polizei, Schule und Stadt');
      expect(formatNumber(2000, 'de')).to.equal('2.000');
    } finally {
      Object.assign(Intl, saved);
    }
  });

  it('read as Intl writes them, on both sides of every change of summer time from 1996 to 2037', () => {
    const intl = new Intl.DateTimeFormat('de', { dateStyle: 'long', timeZone: 'Europe/Berlin' });
    const instants: Date[] = [new Date('1995-12-31T22:59:59.999Z'), new Date('1995-12-31T23:00:00Z'), new Date('2037-12-31T23:30:00Z')];
    for (let year = 1996; year <= 2037; year++) {
      for (const month of [2, 9]) {
        const lastDay = new Date(Date.UTC(year, month + 1, 0));
        const sunday = Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay());
        // The night of the change, hour by hour, and the midnights of the days around it.
        for (let hour = -2; hour <= 26; hour++) instants.push(new Date(sunday + hour * 3_600_000 - 1), new Date(sunday + hour * 3_600_000));
      }
      for (let day = 0; day < 366; day += 29) instants.push(new Date(Date.UTC(year, 0, 1) + day * 86_400_000 - 3_600_000));
    }
    for (const date of instants) {
      expect(formatDate(date, 'de', 'Europe/Berlin'), date.toISOString()).to.equal(intl.format(date));
      expect(formatDate(date, 'de-DE', 'Europe/Berlin'), date.toISOString()).to.equal(intl.format(date));
    }
    expect(formatDate(new Date('2026-11-24T23:30:00Z'), 'de', 'Europe/London')).to.equal('24. November 2026');
    expect(formatDate(new Date('2026-11-24T23:30:00Z'), 'de', 'Europe/Berlin')).to.equal('25. November 2026');
    expect(() => formatDate(new Date(Number.NaN), 'de', 'Europe/Berlin')).to.throw(RangeError);
  });

  it('join and count as Intl does', () => {
    const list = new Intl.ListFormat('de', { type: 'conjunction' });
    for (const values of [[], ['Polizei'], ['Polizei', 'Schule'], ['Polizei', 'Schule', 'Stadt', 'Verein']]) {
      expect(formatList(values, 'de')).to.equal(list.format(values));
    }
    const number = new Intl.NumberFormat('de', { maximumFractionDigits: 1 });
    for (const value of [0, -0, 7, -7, 999, 1000, -1000, 2000, 12_345, 999_999, 1_000_000, -98_765_432, Number.MAX_SAFE_INTEGER, 2 ** 60, 0.5, 1234.56]) {
      expect(formatNumber(value, 'de'), String(value)).to.equal(number.format(value));
      expect(formatNumber(value, 'de-DE'), String(value)).to.equal(number.format(value));
    }
  });
});

describe('formatting for residents, with cached formatters', () => {
  it('writes a feed\'s day and month in the language asked for, in any order of calls', () => {
    expect(formatCalendarDate('2024-03-15', 'de')).to.equal('15. März 2024');
    expect(formatCalendarDate('2024-03', 'de')).to.equal('März 2024');
    expect(formatCalendarDate('2024-03-15', 'en')).to.equal('March 15, 2024');
    expect(formatCalendarDate('2024-03', 'en')).to.equal('March 2024');
    expect(formatCalendarDate('2024-12', 'de')).to.equal('Dezember 2024');
    expect(formatCalendarDate('2024-12-01', 'de')).to.equal('1. Dezember 2024');
  });

  it('keeps a day on its day, whatever the browser\'s zone (New York in the tests), and leaves what is no date as written', () => {
    expect(formatCalendarDate('2025-01-01', 'de')).to.equal('1. Januar 2025');
    expect(formatCalendarDate('bald', 'de')).to.equal('bald');
  });

  it('joins partners the way each language does', () => {
    expect(formatList(['Polizei', 'Schule', 'Stadt'], 'de')).to.equal('Polizei, Schule und Stadt');
    expect(formatList(['Police', 'School', 'Town'], 'en')).to.equal('Police, School, and Town');
    expect(formatList(['Polizei', 'Schule'], 'de')).to.equal('Polizei und Schule');
  });

  it('writes plain numbers and percentages with their own formatters', () => {
    expect(formatNumber(1234.56, 'de')).to.equal('1.234,6');
    expect(formatNumber(0.397, 'de', { style: 'percent', maximumFractionDigits: 1 })).to.equal('39,7\u00a0%');
    expect(formatNumber(1234.56, 'en')).to.equal('1,234.6');
    expect(formatNumber(0.12, 'de', { style: 'percent', maximumFractionDigits: 0 })).to.equal('12\u00a0%');
    expect(formatNumber(12, 'de')).to.equal('12');
  });
});
