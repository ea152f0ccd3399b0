import { expect } from '@open-wc/testing';
import { formatCalendarDate, formatList, formatNumber } from '../../src/core/format.js';

// The formatters are cached (a goal overview formats a date and a list per measure): these hold that a cached
// formatter is only ever reused for the same language and the same kind of date or number.
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
