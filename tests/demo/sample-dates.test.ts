import { expect, fixture, html } from '@open-wc/testing';
import { setClock } from '../../src/core/clock.js';
import { DEFAULT_TIME_ZONE } from '../../src/core/format.js';
import { addDays, dayOf, daysBetween, isoWeekday, parseDay, wallTime } from '../../src/core/time.js';
import '../../src/event-calendar.js';
import { moveSampleFeedsOnFetch } from '../../src/samples/sample-fetch.js';
import { SAMPLE_ANCHOR_DAY, sampleShift, shiftFeedText, type DateShift } from '../../src/samples/shift-dates.js';
import { checkFeed, type WidgetName } from '../../src/validator/check-feed.js';
import { SUITE_INSTANT } from '../support/clock.js';
import { fresh, settled, shadow } from '../support/helpers.js';

/** The demo's sample feeds, and the widget each is for. */
const SAMPLES: Record<string, WidgetName> = {
  'events.json': 'event-calendar',
  'gemeinderat.ics': 'event-calendar',
  'news.json': 'news-feed',
  'lpr.rss': 'news-feed',
  'polizei.atom': 'news-feed',
  'goals.json': 'goal-overview',
  'tips.json': 'prevention-tips',
};

/**
 * Days the samples are shown on: the January the issue found empty, the night the clocks go back in 2027
 * (faketime's instant for the end-to-end test), 400 days on, a leap day, a month's last evening in Berlin that is
 * already the next month's first day, the Saturday on which the shift turns over to the next week, and the two ends
 * of a month farthest from the samples' Tuesday: a Saturday that is the month's last day (the Tuesday after it is
 * nearer) and a Friday that is its first.
 */
const INSTANTS = ['2027-01-15T12:00:00Z', '2027-10-31T00:30:00Z', '2028-01-08T12:00:00Z', '2028-02-29T10:00:00Z', '2029-06-30T22:30:00Z', '2030-03-02T09:00:00Z', '2027-07-31T20:00:00Z', '2028-09-01T08:00:00Z'];

const berlin = (date: Date) => ({ ...wallTime(date, DEFAULT_TIME_ZONE), weekday: isoWeekday(dayOf(date, DEFAULT_TIME_ZONE)) });
const asWritten: Record<string, string> = {};

describe('the demo\'s sample feeds, moved to the current week (samples/shift-dates)', () => {
  before(async () => {
    for (const file of Object.keys(SAMPLES)) asWritten[file] = await (await fetch(`/demo/feeds/${file}`)).text();
  });

  it('moves by the whole weeks nearest to today\'s day in Berlin, and the goals\' years with the anchor\'s year', () => {
    expect(sampleShift(new Date(SUITE_INSTANT))).to.deep.equal({ days: 0, years: 0 });
    expect(SAMPLE_ANCHOR_DAY).to.equal('2026-11-24');
    expect(isoWeekday(SAMPLE_ANCHOR_DAY)).to.equal(2); // a Tuesday, as the samples were written
    // Friday 27 November is three days on: still the same week; Saturday the 28th is nearer the next one.
    expect(sampleShift(new Date('2026-11-27T22:59:00Z')).days).to.equal(0);
    expect(sampleShift(new Date('2026-11-27T23:00:00Z')).days).to.equal(7); // Saturday 00:00 in Berlin
    expect(sampleShift(new Date('2027-01-15T12:00:00Z'))).to.deep.equal({ days: 49, years: 1 });
    // 400 days after 4 December 2026 (faketime -f '+400d'): the anchor lands on Tuesday 11 January 2028.
    expect(sampleShift(new Date('2028-01-08T12:00:00Z'))).to.deep.equal({ days: 413, years: 2 });
    for (const instant of INSTANTS) {
      const { days } = sampleShift(new Date(instant));
      expect(days % 7, instant).to.equal(0);
      expect(Math.abs(daysBetween(addDays(SAMPLE_ANCHOR_DAY, days), dayOf(new Date(instant), DEFAULT_TIME_ZONE))), instant).to.be.at.most(3);
    }
  });

  it('leaves every sample file byte for byte as written when the shift is nothing', () => {
    for (const [file, text] of Object.entries(asWritten)) {
      expect(shiftFeedText(file, text, { days: 0, years: 0 }), file).to.equal(text);
    }
  });

  it('gives back every sample file byte for byte when moved there and back, in any season', () => {
    for (const instant of INSTANTS) {
      const shift = sampleShift(new Date(instant));
      const back: DateShift = { days: -shift.days, years: -shift.years };
      for (const [file, text] of Object.entries(asWritten)) {
        const moved = shiftFeedText(file, text, shift);
        if (file !== 'tips.json') expect(moved, `${file} at ${instant}`).to.not.equal(text);
        expect(shiftFeedText(file, moved, back), `${file} at ${instant}`).to.equal(text);
      }
    }
  });

  it('keeps every event\'s weekday and Berlin wall-clock time, with the offset of its new date (DST both ways)', () => {
    // 1 March 2028: 66 weeks on. The Tuesday consultation hour, written for 16:00 summer time in September 2026,
    // is on Tuesday 7 December 2027 at 16:00 winter time; its December exceptions move into summer time.
    const shift = sampleShift(new Date('2028-03-01T12:00:00Z'));
    expect(shift.days).to.equal(462);
    const moved = JSON.parse(shiftFeedText('events.json', asWritten['events.json']!, shift));
    const hour = moved.items.find((item: { id: string }) => item.id === 'sprechstunde-buergerpolizei')._kpr;
    expect(hour.start).to.equal('2027-12-07T16:00:00+01:00');
    expect(hour.recurrence.exdates).to.deep.equal(['2028-03-28T16:00:00+02:00', '2028-04-04T16:00:00+02:00']);
    // UNTIL was the midnight that ends Tuesday 29 June 2027 in Berlin; 66 weeks on, the one that ends 3 October 2028.
    expect(hour.recurrence.rrule).to.equal('FREQ=WEEKLY;BYDAY=TU;UNTIL=20281003T220000Z');
    const ics = shiftFeedText('gemeinderat.ics', asWritten['gemeinderat.ics']!, shift);
    expect(ics).to.include('DTSTART;TZID=Europe/Berlin:20280314T183000\r\n');
    expect(ics).to.include('DTSTAMP:20280206T090000Z\r\n'); // 10:00 in Berlin, as on 1 November 2026
    expect(shiftFeedText('lpr.rss', asWritten['lpr.rss']!, shift)).to.include('<pubDate>Tue, 08 Feb 2028 09:00:00 +0100</pubDate>');

    // Every date-time of every feed, at every instant: same weekday, same wall-clock time, whole weeks later.
    let offsetsChanged = 0;
    for (const instant of INSTANTS) {
      const { days } = sampleShift(new Date(instant));
      for (const [file, text] of Object.entries(asWritten)) {
        const dates = (feed: string) => [...feed.matchAll(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}|\w{3}, \d{2} \w{3} \d{4} [\d:]{8} [+-]\d{4}/g)].map((match) => match[0]);
        const before = dates(text);
        const after = dates(shiftFeedText(file, text, sampleShift(new Date(instant))));
        expect(after, file).to.have.length(before.length);
        before.forEach((value, index) => {
          const [from, to] = [new Date(value), new Date(after[index]!)];
          const clock = ({ weekday, hour, minute, second }: ReturnType<typeof berlin>) => ({ weekday, hour, minute, second });
          expect(clock(berlin(to)), `${file} ${value} → ${after[index]}`).to.deep.equal(clock(berlin(from)));
          expect(daysBetween(dayOf(from, DEFAULT_TIME_ZONE), dayOf(to, DEFAULT_TIME_ZONE))).to.equal(days);
          if (value.slice(-5).replace(':', '') !== after[index]!.slice(-5).replace(':', '')) offsetsChanged++;
        });
      }
    }
    expect(offsetsChanged, 'some dates cross a change of clocks').to.be.greaterThan(10);
  });

  it('moves the goals\' years so that their series end in the year the samples\' week lands in', () => {
    const periods = (text: string) => (JSON.parse(text).items as Array<{ _kpr: { indicators?: Array<{ series: Array<{ period: string }> }> } }>).flatMap((goal) => (goal._kpr.indicators ?? []).flatMap((indicator) => indicator.series.map((point) => Number(point.period.slice(0, 4)))));
    expect(Math.max(...periods(asWritten['goals.json']!))).to.equal(2026);
    for (const instant of INSTANTS) {
      const shift = sampleShift(new Date(instant));
      const moved = periods(shiftFeedText('goals.json', asWritten['goals.json']!, shift));
      expect(Math.max(...moved), instant).to.equal(parseDay(addDays(SAMPLE_ANCHOR_DAY, shift.days)).year);
    }
  });

  it('moves an indicator\'s baseline with its series, so the chart keeps the year before the KPR began', () => {
    type Indicator = { baseline?: { period: string }; series: Array<{ period: string }> };
    const crimes = (text: string) => (JSON.parse(text).items as Array<{ _kpr: { indicators?: Indicator[] } }>).flatMap((goal) => goal._kpr.indicators ?? []).find((indicator) => indicator.baseline)!;
    const written = crimes(asWritten['goals.json']!);
    expect(written.baseline!.period).to.equal('2022');
    for (const instant of INSTANTS) {
      const moved = crimes(shiftFeedText('goals.json', asWritten['goals.json']!, sampleShift(new Date(instant))));
      const years = Number(moved.series[0]!.period) - Number(written.series[0]!.period);
      expect(Number(moved.baseline!.period), instant).to.equal(2022 + years);
    }
  });

  it('keeps the newest news within the last fortnight, never in the future', () => {
    for (const instant of INSTANTS) {
      const news = JSON.parse(shiftFeedText('news.json', asWritten['news.json']!, sampleShift(new Date(instant))));
      const newest = Math.max(...news.items.map((item: { date_published: string }) => Date.parse(item.date_published)));
      const age = (Date.parse(instant) - newest) / 86_400_000;
      expect(age, instant).to.be.within(0, 14);
    }
  });

  it('gives feeds the validator passes as it passes the files as written', async () => {
    for (const [file, widget] of Object.entries(SAMPLES)) {
      const written = await checkFeed(asWritten[file]!, { source: `https://www.bannewitz.de/praevention/${file}`, widget });
      expect(written.problems.filter((problem) => problem.severity === 'error'), file).to.deep.equal([]);
      for (const instant of INSTANTS) {
        setClock(instant); // the validator's "now", for scheduled news and the like
        const moved = await checkFeed(shiftFeedText(file, asWritten[file]!, sampleShift()), { source: `https://www.bannewitz.de/praevention/${file}`, widget });
        expect(moved.problems, `${file} at ${instant}`).to.deep.equal(written.problems);
        expect([moved.items, moved.shown], `${file} at ${instant}`).to.deep.equal([written.items, written.shown]);
      }
      setClock(SUITE_INSTANT);
    }
  });

  describe('as the calendar shows them, read through the page\'s fetch as the embed builder and Storybook do', () => {
    before(() => moveSampleFeedsOnFetch('/demo/feeds/'));
    afterEach(() => setClock(SUITE_INSTANT));

    for (const instant of INSTANTS) {
      it(`has events in the current month and at least three upcoming ones on ${instant}`, async () => {
        setClock(instant);
        const month = dayOf(new Date(instant), DEFAULT_TIME_ZONE).slice(0, 7);
        const calendar = await fixture<HTMLElement>(html`<div style="width: 900px"><kpr-event-calendar eager view="month" src=${`${fresh('/demo/feeds/events.json')} ${fresh('/demo/feeds/gemeinderat.ics')}`}></kpr-event-calendar></div>`);
        const grid = calendar.firstElementChild as HTMLElement;
        await settled(grid);
        expect(shadow(grid).querySelectorAll(`td[data-day^="${month}-"] .chip:not(.more)`).length, `events in ${month}`).to.be.at.least(3);
        const upcoming = await fixture<HTMLElement>(html`<kpr-event-calendar eager view="upcoming" limit="5" src=${fresh('/demo/feeds/events.json')}></kpr-event-calendar>`);
        await settled(upcoming);
        expect(shadow(upcoming).querySelectorAll('[part="event"]').length, 'upcoming events').to.be.at.least(3);
      });
    }

    it('shows the Tuesday consultation hour at 16:00 in winter, though it was written for summer time', async () => {
      setClock('2028-03-01T12:00:00Z');
      const list = await fixture<HTMLElement>(html`<kpr-event-calendar eager view="list" date="2027-12" src=${fresh('/demo/feeds/events.json')}></kpr-event-calendar>`);
      await settled(list);
      const hours = [...shadow(list).querySelectorAll('[part="event"]')].map((event) => event.textContent!.replace(/\s+/g, ' ')).filter((text) => text.includes('Bürgerpolizei'));
      expect(hours.length).to.be.at.least(4);
      for (const text of hours) expect(text).to.match(/16:00/);
    });
  });
});
