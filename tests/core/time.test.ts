import { expect } from '@open-wc/testing';
import { addDays, addMonths, dayNumber, dayNumberOf, dayOf, dayOfNumber, daysBetween, instantOnDay, isoWeekday, monthGrid, offsetDateTime, startOfDay, zonedInstant } from '../../src/core/time.js';

const BERLIN = 'Europe/Berlin';
const wall = (text: string) => {
  const [date, time = '00:00:00'] = text.split('T');
  const [year, month, day] = date!.split('-').map(Number);
  const [hour, minute, second = 0] = time.split(':').map(Number);
  return { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second };
};

// The test browser runs in America/New_York, so nothing here can pass by using the machine's own zone.
describe('time in the municipality\'s zone', () => {
  it('finds the instant of a Berlin wall-clock time in winter and in summer', () => {
    expect(zonedInstant(wall('2026-11-24T18:00'), BERLIN).toISOString()).to.equal('2026-11-24T17:00:00.000Z');
    expect(zonedInstant(wall('2026-07-01T18:00'), BERLIN).toISOString()).to.equal('2026-07-01T16:00:00.000Z');
  });

  it('moves a time skipped when the clocks go forward past the gap, and takes the first of a doubled time', () => {
    expect(zonedInstant(wall('2026-03-29T02:30'), BERLIN).toISOString()).to.equal('2026-03-29T01:30:00.000Z'); // = 03:30 CEST
    expect(zonedInstant(wall('2026-10-25T02:30'), BERLIN).toISOString()).to.equal('2026-10-25T00:30:00.000Z'); // the first 02:30, CEST
    expect(zonedInstant(wall('2026-10-25T03:30'), BERLIN).toISOString()).to.equal('2026-10-25T02:30:00.000Z');
  });

  it('writes an instant as the zone\'s wall-clock time with its offset, on both sides of a change of clocks', () => {
    expect(offsetDateTime(new Date('2027-03-28T00:59:59Z'), BERLIN)).to.equal('2027-03-28T01:59:59+01:00');
    expect(offsetDateTime(new Date('2027-03-28T01:00:00Z'), BERLIN)).to.equal('2027-03-28T03:00:00+02:00');
    expect(offsetDateTime(new Date('2026-12-24T23:30:00Z'), 'America/St_Johns')).to.equal('2026-12-24T20:00:00-03:30');
    expect(offsetDateTime(new Date('2026-12-24T23:30:00Z'), 'Asia/Kolkata')).to.equal('2026-12-25T05:00:00+05:30');
    expect(offsetDateTime(new Date('2026-12-24T23:30:00Z'), 'UTC')).to.equal('2026-12-24T23:30:00+00:00');
  });

  it('tells the day of an instant in the zone, not on the visitor\'s computer', () => {
    expect(dayOf(new Date('2026-11-24T23:30:00Z'), BERLIN)).to.equal('2026-11-25');
    expect(dayOf(new Date('2026-11-24T23:30:00Z'), 'America/New_York')).to.equal('2026-11-24');
    expect(startOfDay('2026-03-29', BERLIN).toISOString()).to.equal('2026-03-28T23:00:00.000Z');
  });

  it('counts days, weekdays and months across month and year ends and leap days', () => {
    expect(addDays('2028-02-28', 1)).to.equal('2028-02-29');
    expect(addDays('2026-12-31', 1)).to.equal('2027-01-01');
    expect(daysBetween('2026-03-28', '2026-03-30')).to.equal(2);
    expect(isoWeekday('2026-11-29')).to.equal(7);
    expect(addMonths('2026-12-15', 1)).to.equal('2027-01-01');
    expect(addMonths('2026-01-31', -1)).to.equal('2025-12-01');
  });

  it('tells the day in the hour the clocks change, and where a day begins after a midnight gap', () => {
    // Santiago de Chile moves its clocks forward at midnight: 6 September 2026 begins at 01:00 (UTC-3).
    expect(dayOf(new Date('2026-09-06T03:59:59Z'), 'America/Santiago')).to.equal('2026-09-05');
    expect(dayOf(new Date('2026-09-06T04:00:00Z'), 'America/Santiago')).to.equal('2026-09-06');
    expect(startOfDay('2026-09-06', 'America/Santiago').toISOString()).to.equal('2026-09-06T04:00:00.000Z');
    expect(dayNumberOf(new Date('2026-10-25T00:59:59Z'), BERLIN)).to.equal(dayNumber('2026-10-25')); // 02:59 CEST, then 02:00 CET
    expect(instantOnDay(dayNumber('2026-10-25'), 3 * 3_600_000, BERLIN).toISOString()).to.equal('2026-10-25T02:00:00.000Z');
  });

  it('numbers days from 1970 both ways, before 1970 and far ahead, and the same day asked twice gives the same answer', () => {
    expect(dayNumber('1970-01-01')).to.equal(0);
    expect(dayOfNumber(-1)).to.equal('1969-12-31');
    expect(dayOfNumber(dayNumber('2400-02-29'))).to.equal('2400-02-29');
    expect(addDays('1969-12-31', 1)).to.equal(addDays('1970-01-02', -1));
    expect(isoWeekday('1969-12-28')).to.equal(7); // a Sunday
    expect(isoWeekday('1969-12-29')).to.equal(1);
    expect([dayOfNumber(20_781), dayOfNumber(20_781)]).to.deep.equal(['2026-11-24', '2026-11-24']);
    expect(dayNumber('24.11.2026')).to.be.NaN;
  });

  it('lays out a month in whole weeks from Monday', () => {
    const november = monthGrid('2026-11-24');
    expect(november[0]).to.equal('2026-10-26');
    expect(november.at(-1)).to.equal('2026-12-06');
    expect(november).to.have.length(42);
    expect(monthGrid('2027-02-10')).to.have.length(28); // February 2027 starts on a Monday and has four weeks
  });
});
