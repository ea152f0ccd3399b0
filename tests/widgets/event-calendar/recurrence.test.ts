import { expect } from '@open-wc/testing';
import { MAX_OCCURRENCES } from '../../../src/widgets/event-calendar/event-calendar.types.js';
import { expandSeries, parseRule, PROBE_STEPS, type Series, type SeriesStart } from '../../../src/widgets/event-calendar/recurrence.js';

const BERLIN = 'Europe/Berlin';

/** The starts of a series on the days of a window, as ISO instants or days; and what it warned about. */
function expand(series: Partial<Series> & Pick<Series, 'start'>, from: string, to: string): { starts: string[]; warnings: string[]; stepsTaken: number; recurring: boolean } {
  const warnings: string[] = [];
  // Each warning with its code first, as the console prints it.
  const expansion = expandSeries({ timeZone: BERLIN, ...series }, (code, message) => warnings.push(`[${code}] ${message}`));
  const starts = expansion.starts({ from, to }).map((start: SeriesStart) => (start instanceof Date ? start.toISOString() : start));
  return { starts, warnings, stepsTaken: expansion.stepsTaken, recurring: expansion.recurring };
}

const days = (starts: string[]) => starts.map((start) => start.slice(0, 10));

// The test browser runs in America/New_York, so nothing here can pass by using the machine's own zone.
describe('recurrence rules', () => {
  it('keeps a weekly Tuesday 19:00 Berlin meeting at 19:00 across both clock changes', () => {
    const { starts, warnings } = expand({ start: new Date('2026-03-17T19:00:00+01:00'), rrule: 'FREQ=WEEKLY;BYDAY=TU' }, '2026-03-01', '2026-04-08');
    expect(warnings).to.deep.equal([]);
    // Clocks go forward on Sunday 29 March: 19:00 CET is 18:00 UTC, 19:00 CEST is 17:00 UTC.
    expect(starts).to.deep.equal(['2026-03-17T18:00:00.000Z', '2026-03-24T18:00:00.000Z', '2026-03-31T17:00:00.000Z', '2026-04-07T17:00:00.000Z']);
    const autumn = expand({ start: new Date('2026-03-17T19:00:00+01:00'), rrule: 'FREQ=WEEKLY;BYDAY=TU' }, '2026-10-15', '2026-11-04');
    // Clocks go back on Sunday 25 October.
    expect(autumn.starts).to.deep.equal(['2026-10-20T17:00:00.000Z', '2026-10-27T18:00:00.000Z', '2026-11-03T18:00:00.000Z']);
  });

  it('takes the weekday, day of month and month a rule leaves out from its start', () => {
    expect(days(expand({ start: new Date('2026-01-06T19:00:00+01:00'), rrule: 'FREQ=WEEKLY;INTERVAL=2' }, '2026-01-01', '2026-02-15').starts))
      .to.deep.equal(['2026-01-06', '2026-01-20', '2026-02-03']);
    expect(days(expand({ start: new Date('2026-01-31T10:00:00+01:00'), rrule: 'FREQ=MONTHLY' }, '2026-01-01', '2026-06-01').starts))
      .to.deep.equal(['2026-01-31', '2026-03-31', '2026-05-31']); // months without a 31st are skipped, as RFC 5545 says
    expect(expand({ start: '2026-04-30', rrule: 'FREQ=YEARLY' }, '2026-01-01', '2029-01-01').starts).to.deep.equal(['2026-04-30', '2027-04-30', '2028-04-30']);
  });

  it('leaves out exactly the occurrence an EXDATE names, and adds RDATEs', () => {
    const series = {
      start: new Date('2026-12-01T19:00:00+01:00'),
      rrule: 'FREQ=WEEKLY;BYDAY=TU',
      exdates: [new Date('2026-12-29T18:00:00Z')], // 19:00 in Berlin, written in UTC
      rdates: [new Date('2027-01-02T11:00:00+01:00'), '2027-01-03'],
    };
    expect(expand(series, '2026-12-01', '2027-01-13').starts).to.deep.equal([
      '2026-12-01T18:00:00.000Z', '2026-12-08T18:00:00.000Z', '2026-12-15T18:00:00.000Z', '2026-12-22T18:00:00.000Z',
      '2027-01-02T10:00:00.000Z', '2027-01-03T18:00:00.000Z', '2027-01-05T18:00:00.000Z', '2027-01-12T18:00:00.000Z',
    ]);
    // An EXDATE at another time of day matches nothing; a day leaves out the occurrence on it.
    expect(expand({ ...series, exdates: [new Date('2026-12-29T17:00:00Z')], rdates: [] }, '2026-12-29', '2026-12-30').starts).to.have.length(1);
    expect(expand({ ...series, exdates: ['2026-12-29'], rdates: [] }, '2026-12-29', '2026-12-30').starts).to.deep.equal([]);
    // An RDATE on a start the rule has already, or on the first start, is one occurrence, not two.
    expect(expand({ ...series, exdates: [], rdates: [new Date('2026-12-08T19:00:00+01:00'), new Date('2026-12-01T18:00:00Z')] }, '2026-12-01', '2026-12-09').starts)
      .to.deep.equal(['2026-12-01T18:00:00.000Z', '2026-12-08T18:00:00.000Z']);
    expect(expand({ start: '2026-12-24', rrule: 'FREQ=DAILY;COUNT=3', exdates: ['2026-12-25'] }, '2026-12-01', '2027-01-01').starts)
      .to.deep.equal(['2026-12-24', '2026-12-26']); // an excluded day still counts for COUNT
  });

  it('ends a series after COUNT occurrences, counted from its start even when the window starts later', () => {
    const series = { start: new Date('2026-11-02T18:00:00+01:00'), rrule: 'FREQ=WEEKLY;BYDAY=MO,WE;COUNT=5' };
    expect(days(expand(series, '2026-11-01', '2027-01-01').starts)).to.deep.equal(['2026-11-02', '2026-11-04', '2026-11-09', '2026-11-11', '2026-11-16']);
    expect(days(expand(series, '2026-11-10', '2027-01-01').starts)).to.deep.equal(['2026-11-11', '2026-11-16']);
  });

  it('ends a series at UNTIL, a UTC date-time (inclusive) or a date (its midnight, as dateutil, ical.js and rrule.js read it)', () => {
    const tuesdays = (until: string) => days(expand({ start: new Date('2027-06-01T19:00:00+02:00'), rrule: `FREQ=WEEKLY;BYDAY=TU;UNTIL=${until}` }, '2027-06-01', '2027-08-01').starts);
    expect(tuesdays('20270629T235959Z')).to.deep.equal(['2027-06-01', '2027-06-08', '2027-06-15', '2027-06-22', '2027-06-29']);
    expect(tuesdays('20270629T170000Z')).to.deep.equal(['2027-06-01', '2027-06-08', '2027-06-15', '2027-06-22', '2027-06-29']); // 19:00 CEST exactly
    expect(tuesdays('20270629T165959Z')).to.deep.equal(['2027-06-01', '2027-06-08', '2027-06-15', '2027-06-22']);
    // A date ends a timed series when that day begins: 29 June at 19:00 is after it.
    expect(tuesdays('20270629')).to.deep.equal(['2027-06-01', '2027-06-08', '2027-06-15', '2027-06-22']);
    expect(tuesdays('20270630')).to.deep.equal(['2027-06-01', '2027-06-08', '2027-06-15', '2027-06-22', '2027-06-29']);
    // An all-day series ends on that day.
    expect(expand({ start: '2027-06-01', rrule: 'FREQ=WEEKLY;UNTIL=20270629' }, '2027-06-01', '2027-08-01').starts).to.deep.equal(['2027-06-01', '2027-06-08', '2027-06-15', '2027-06-22', '2027-06-29']);
  });

  it('finds the second Tuesday and the last Friday of each month', () => {
    const second = expand({ start: new Date('2026-01-13T18:30:00+01:00'), rrule: 'FREQ=MONTHLY;BYDAY=2TU' }, '2026-01-01', '2026-07-01');
    expect(days(second.starts)).to.deep.equal(['2026-01-13', '2026-02-10', '2026-03-10', '2026-04-14', '2026-05-12', '2026-06-09']);
    expect(second.starts.slice(2, 4)).to.deep.equal(['2026-03-10T17:30:00.000Z', '2026-04-14T16:30:00.000Z']);
    const last = expand({ start: '2026-01-30', rrule: 'FREQ=MONTHLY;BYDAY=-1FR' }, '2026-01-01', '2026-07-01');
    expect(last.starts).to.deep.equal(['2026-01-30', '2026-02-27', '2026-03-27', '2026-04-24', '2026-05-29', '2026-06-26']);
  });

  it('reads BYMONTHDAY from the end, BYMONTH, BYSETPOS, yearly ordinals and WKST', () => {
    expect(expand({ start: '2026-01-31', rrule: 'FREQ=MONTHLY;BYMONTHDAY=-1' }, '2026-01-01', '2026-05-01').starts)
      .to.deep.equal(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    // The last working day of the month.
    expect(expand({ start: '2026-01-30', rrule: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1' }, '2026-01-01', '2026-06-01').starts)
      .to.deep.equal(['2026-01-30', '2026-02-27', '2026-03-31', '2026-04-30', '2026-05-29']);
    // Buß- und Bettag: the Wednesday before 23 November.
    expect(expand({ start: '2026-11-18', rrule: 'FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=16,17,18,19,20,21,22;BYDAY=WE' }, '2026-01-01', '2029-01-01').starts)
      .to.deep.equal(['2026-11-18', '2027-11-17', '2028-11-22']);
    expect(expand({ start: '2026-05-25', rrule: 'FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO' }, '2026-01-01', '2028-01-01').starts).to.deep.equal(['2026-05-25', '2027-05-31']);
    expect(expand({ start: '2026-01-05', rrule: 'FREQ=YEARLY;BYDAY=1MO' }, '2026-01-01', '2028-01-01').starts).to.deep.equal(['2026-01-05', '2027-01-04']);
    // RFC 5545's WKST example: with weeks from Sunday, every other week holds a different Tuesday-Sunday pair.
    const wkst = (weekStart: string) => expand({ start: '1997-08-05', rrule: `FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=${weekStart}` }, '1997-08-01', '1997-09-01').starts;
    expect(wkst('MO')).to.deep.equal(['1997-08-05', '1997-08-10', '1997-08-19', '1997-08-24']);
    expect(wkst('SU')).to.deep.equal(['1997-08-05', '1997-08-17', '1997-08-19', '1997-08-31']);
  });

  it('expands a 10,000-occurrence rule for one month only, looking at no day after it', () => {
    const { starts, warnings, stepsTaken } = expand({ start: new Date('2020-01-01T08:00:00+01:00'), rrule: 'FREQ=DAILY;COUNT=10000' }, '2026-11-01', '2026-12-01');
    // COUNT counts from the start, so the 2,526 days from 2020 to December 2026 are looked at (a period and a day
    // each), and none after.
    expect(stepsTaken).to.be.within(2 * 2520, 2 * 2530);
    expect(warnings).to.deep.equal([]);
    expect(starts).to.have.length(30);
    expect(starts[0]).to.equal('2026-11-01T07:00:00.000Z');
    // And a series without end, asked for a whole century, stops at the bound.
    const everyDay = expand({ start: '2026-01-01', rrule: 'FREQ=DAILY' }, '2026-01-01', '2126-01-01');
    expect(everyDay.starts).to.have.length(MAX_OCCURRENCES);
    expect(everyDay.stepsTaken).to.be.at.most(2 * (MAX_OCCURRENCES + 1));
    // Without COUNT, a series skips the periods before the window instead of walking them.
    expect(expand({ start: '1900-01-01', rrule: 'FREQ=DAILY' }, '2026-11-01', '2026-12-01').stepsTaken).to.be.at.most(2 * 32);
  });

  it('shows a rule it does not support, or one that never matches, once and says why, without hanging', () => {
    const steps: Record<string, number> = {};
    for (const rrule of ['FREQ=SECONDLY', 'FREQ=MINUTELY;INTERVAL=1', 'FREQ=WEEKLY;BYHOUR=9,18', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31', 'FREQ=MONTHLY;BYDAY=6MO', 'FREQ=WEEKLY;BYDAY=2TU', 'FREQ=WEEKLY;BYMONTHDAY=1,3', 'BYDAY=TU', 'FREQ=DAILY;COUNT=ten']) {
      const { starts, warnings, stepsTaken, recurring } = expand({ start: '2026-02-01', rrule }, '2026-01-01', '2030-01-01');
      // Rejected up front, by a probe whose work is bounded.
      steps[rrule] = stepsTaken;
      expect(starts, rrule).to.deep.equal(['2026-02-01']);
      expect(recurring, rrule).to.equal(false);
      expect(warnings, rrule).to.have.length(1);
      expect(warnings[0], rrule).to.contain(`"${rrule}"`).and.to.contain('shown once');
    }
    // Unsupported rules are rejected as they are read, without work; one that never matches is given up when the
    // probe's bounded budget is spent, not walked for ever.
    expect(steps).to.deep.equal({
      'FREQ=SECONDLY': 0, 'FREQ=MINUTELY;INTERVAL=1': 0, 'FREQ=WEEKLY;BYHOUR=9,18': 0, 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31': PROBE_STEPS,
      'FREQ=MONTHLY;BYDAY=6MO': PROBE_STEPS, 'FREQ=WEEKLY;BYDAY=2TU': 0, 'FREQ=WEEKLY;BYMONTHDAY=1,3': 0, 'BYDAY=TU': 0, 'FREQ=DAILY;COUNT=ten': 0,
    });
    // BYMONTHDAY is not allowed with WEEKLY (RFC 5545, 3.3.10): refused, as ical.js refuses it, not read as a filter.
    // A rule that is wrong is rrule-unreadable, one the calendar does not follow (yet) rrule-part-unsupported.
    expect(expand({ start: '2026-02-01', rrule: 'FREQ=WEEKLY;BYMONTHDAY=1,3' }, '2026-01-01', '2026-03-01').warnings[0]).to.match(/^\[rrule-unreadable\] /).and.contain('BYMONTHDAY is not allowed with FREQ=WEEKLY');
    expect(expand({ start: '2026-02-01', rrule: 'FREQ=SECONDLY' }, '2026-01-01', '2026-03-01').warnings[0]).to.match(/^\[rrule-part-unsupported\] /).and.contain('FREQ=SECONDLY is not supported');
    expect(expand({ start: '2026-02-01', rrule: 'FREQ=WEEKLY;BYHOUR=9,18' }, '2026-01-01', '2026-03-01').warnings[0]).to.match(/^\[rrule-part-unsupported\] /).and.contain('BYHOUR is not supported');
    expect(expand({ start: '2026-02-01', rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31' }, '2026-01-01', '2026-03-01').warnings[0]).to.match(/^\[rrule-unreadable\] /).and.contain('never matches');
  });

  it('accepts a rare rule that matches only decades apart', () => {
    // 29 February on a Monday: 2016, 2044, 2072.
    const { starts, warnings } = expand({ start: '2016-02-29', rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO' }, '2040-01-01', '2050-01-01');
    expect(warnings).to.deep.equal([]);
    expect(starts).to.deep.equal(['2044-02-29']);
  });

  it('reads the parts of a rule in any case and order', () => {
    expect(parseRule('rrule:byday=2tu,-1fr;freq=monthly;interval=2', BERLIN)).to.deep.include({
      freq: 'MONTHLY', interval: 2, byDay: [{ weekday: 2, ordinal: 2 }, { weekday: 5, ordinal: -1 }],
    });
    expect(parseRule('FREQ=DAILY;UNTIL=20270630T235959Z', BERLIN).until).to.deep.equal(new Date('2027-06-30T23:59:59Z'));
    expect(() => parseRule('FREQ=DAILY;UNTIL=2027-06-30', BERLIN)).to.throw(/UNTIL/);
  });
});
