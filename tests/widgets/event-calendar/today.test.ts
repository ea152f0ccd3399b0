import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/event-calendar.js';
import { atInstant } from '../../support/clock.js';
import { calendar as demoCalendar } from './calendar-fixture.js';
import { fresh, shadow } from '../../support/helpers.js';
import { canEmulateTimeZone, inViewerTimeZone } from '../../support/time-zone.js';

// "Today" on the days a calendar gets wrong: the nights Berlin changes its clocks, New Year's Eve, a leap day, and a
// resident whose computer is already in tomorrow or still in yesterday. Each block states the instant it runs at.

/** A calendar of the hard days' fixture. */
const calendar = (attributes: Record<string, string> = {}) => demoCalendar({ src: fresh('/tests/fixtures/calendar/hard-days.json'), ...attributes });

// Chromium writes an early hour as "2:00", Firefox as "02:00": both read the same, so the tests take either.
const spoken = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim().replace(/\b0(\d:\d\d)\b/g, '$1');
const heading = (el: HTMLElement) => spoken(shadow(el).querySelector('#month-heading')!.textContent);
const today = (el: HTMLElement) => shadow(el).querySelector('td[aria-current="date"]')?.getAttribute('data-day');
const chips = (el: HTMLElement, day: string) => [...shadow(el).querySelectorAll(`td[data-day="${day}"] .chip`)].map((chip) => spoken(chip.textContent));
/** The upcoming view as a resident reads it: each day's heading, then its events with their times. */
const agenda = (el: HTMLElement) => [...shadow(el).querySelectorAll('.agenda-day')].map((day) => [
  spoken(day.querySelector('[part="day-heading"]')!.textContent),
  ...[...day.querySelectorAll('[part="event"]')].map((event) => spoken(`${event.querySelector('.agenda-time')!.textContent} ${event.querySelector('.event-button')!.textContent}`)),
]);

describe('<kpr-event-calendar> today', () => {
  describe('in the night Berlin leaves summer time, at 2:30 summer time (2027-10-31T00:30Z)', () => {
    atInstant('2027-10-31T00:30:00Z');

    it('opens October with the 31st as today, its Sunday event at 10:00 as on the Sundays before', async () => {
      const el = await calendar();
      expect(heading(el)).to.equal('Oktober 2027');
      expect(today(el)).to.equal('2027-10-31');
      expect(shadow(el).querySelector('td[tabindex="0"]')!.getAttribute('data-day')).to.equal('2027-10-31');
      expect(chips(el, '2027-10-24')).to.deep.equal(['10:00 Sonntagstreff']);
      expect(chips(el, '2027-10-31')).to.include('10:00 Sonntagstreff');
    });

    it('lists what has not ended by the instant, not by the wall clock: the second 2:00 of the night is still ahead', async () => {
      const el = await calendar({ view: 'upcoming', limit: '3' });
      expect(agenda(el)).to.deep.equal([
        ['Sonntag, 31. Oktober 2027', '2:00 Nachtwanderung nach der Zeitumstellung', '10:00 Sonntagstreff'],
        ['Sonntag, 7. November 2027', '10:00 Sonntagstreff'],
      ]);
    });
  });

  describe('in the night Berlin enters summer time, at 1:30 winter time (2027-03-28T00:30Z)', () => {
    atInstant('2027-03-28T00:30:00Z');

    it('has the 28th as today and the run at 3:30 summer time, the hour after the gap', async () => {
      const el = await calendar();
      expect(heading(el)).to.equal('März 2027');
      expect(today(el)).to.equal('2027-03-28');
      expect(chips(el, '2027-03-28')).to.deep.equal(['3:30 Frühlingslauf']);
      const upcoming = await calendar({ view: 'upcoming', limit: '1' });
      expect(agenda(upcoming)).to.deep.equal([['Sonntag, 28. März 2027', '3:30 Frühlingslauf']]);
    });
  });

  describe('one minute before midnight on New Year\'s Eve in Berlin (2026-12-31T22:59Z)', () => {
    atInstant('2026-12-31T22:59:00Z');

    it('is still in December', async () => {
      const el = await calendar();
      expect(heading(el)).to.equal('Dezember 2026');
      expect(today(el)).to.equal('2026-12-31');
    });
  });

  describe('at midnight on New Year\'s Day in Berlin (2026-12-31T23:00Z)', () => {
    atInstant('2026-12-31T23:00:00Z');

    it('opens January, and the run over the turn of the year is still on, listed under New Year\'s Day with both its days', async () => {
      const el = await calendar();
      expect(heading(el)).to.equal('Januar 2027');
      expect(today(el)).to.equal('2027-01-01');
      const upcoming = await calendar({ view: 'upcoming', limit: '2' });
      expect(agenda(upcoming)).to.deep.equal([['Freitag, 1. Januar 2027', '31. Dez. 2026 – 1. Jan. 2027 Silvesterlauf', '11:00 Neujahrsempfang']]);
    });
  });

  describe('on New Year\'s Day after the run has ended (2027-01-01T00:00+01:00 plus 45 minutes)', () => {
    atInstant('2027-01-01T00:45:00+01:00');

    it('no longer lists the run', async () => {
      const el = await calendar({ view: 'upcoming', limit: '2' });
      expect(agenda(el)[0]).to.deep.equal(['Freitag, 1. Januar 2027', '11:00 Neujahrsempfang']);
    });
  });

  describe('on 29 February 2028', () => {
    atInstant('2028-02-29T12:00:00+01:00');

    it('has the leap day as today; a month on is 29 March, and "Heute" comes back to it', async () => {
      const el = await calendar();
      expect(heading(el)).to.equal('Februar 2028');
      expect(today(el)).to.equal('2028-02-29');
      expect(chips(el, '2028-02-29')).to.deep.equal(['Aktionstag am Schalttag']);
      shadow(el).querySelector<HTMLElement>('td[data-day="2028-02-29"]')!.focus();
      await sendKeys({ press: 'PageDown' });
      await el.updateComplete;
      expect(shadow(el).activeElement!.getAttribute('data-day')).to.equal('2028-03-29');
      expect(heading(el)).to.equal('März 2028');
      [...shadow(el).querySelectorAll<HTMLButtonElement>('.toolbar button')].find((b) => spoken(b.textContent) === 'Heute')!.click();
      await el.updateComplete;
      expect(heading(el)).to.equal('Februar 2028');
    });
  });

  (canEmulateTimeZone ? describe : describe.skip)('for a resident whose computer is in another zone', () => {
    describe('in Auckland, where it is already 1 January 2027 at 1:00 while Berlin has 13:00 on the 31st', () => {
      atInstant('2026-12-31T12:00:00Z');
      inViewerTimeZone('Pacific/Auckland');

      it('shows Berlin\'s today, 31 December', async () => {
        const el = await calendar();
        expect(heading(el)).to.equal('Dezember 2026');
        expect(today(el)).to.equal('2026-12-31');
        const upcoming = await calendar({ view: 'upcoming', limit: '1' });
        // Chromium writes the half hour after midnight "0:30", Firefox "00:30": both are right.
        expect(agenda(upcoming)).to.deep.equal([['Donnerstag, 31. Dezember 2026', '23:00 – 0:30 (+1 Tag) Silvesterlauf']]);
      });
    });

    describe('in Los Angeles, where it is still 31 December at 23:30 while Berlin has 8:30 on New Year\'s Day', () => {
      atInstant('2027-01-01T07:30:00Z');
      inViewerTimeZone('America/Los_Angeles');

      it('shows Berlin\'s today, 1 January', async () => {
        const el = await calendar();
        expect(heading(el)).to.equal('Januar 2027');
        expect(today(el)).to.equal('2027-01-01');
      });
    });
  });
});
