import { expect } from '@open-wc/testing';
import { writtenDay } from '../../../src/widgets/event-calendar/json-events.js';

/** The day number of a valid day, as the calendar counts days (days since 1970-01-01, UTC). */
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('writtenDay: the quick look at an event date before the event is read', () => {
  it('reads the date at the start of a start or end, with or without time, and white space before it', () => {
    expect(writtenDay('2026-12-03')).to.equal(day('2026-12-03'));
    expect(writtenDay('2026-12-03T18:00:00+01:00')).to.equal(day('2026-12-03'));
    expect(writtenDay('2026-12-31Txyz')).to.equal(day('2026-12-31'));
    expect(writtenDay('  \t2026-01-01')).to.equal(day('2026-01-01'));
    expect(writtenDay('\u00a0\ufeff2026-02-28')).to.equal(day('2026-02-28'));
  });

  it('lets a day that may exist in some month pass (31 February too, which the reading itself refuses later)', () => {
    expect(writtenDay('2026-02-31')).to.equal(day('2026-03-03'));
    expect(writtenDay('9999-12-31')).to.equal(day('9999-12-31'));
  });

  it('tells nothing about what is not a date at the start', () => {
    for (const raw of ['', '   ', '2026-13-01', '2026-00-10', '2026-12-00', '2026-12-32', '2026-1-05', '2026-12-5', '26-12-05', '2026/12/05',
      'x2026-12-05', '2026-12-0x', '２０２６-12-05', '2026-12', '2026-12-', undefined, null, 20261205, { start: '2026-12-05' }]) {
      expect(writtenDay(raw), JSON.stringify(raw)).to.equal(undefined);
    }
  });
});
