import { expect } from '@open-wc/testing';
import { readIcs } from '../../../src/widgets/event-calendar/ics.js';
import { MAX_OCCURRENCES, type CalendarEvent } from '../../../src/widgets/event-calendar/event-calendar.types.js';

const BERLIN = 'Europe/Berlin';
const FEED = 'https://www.bannewitz.example/kpr/kalender.ics';

const fixture = async (name: string) => (await fetch(`/tests/fixtures/calendar/${name}`)).text();

async function read(name: string, url = FEED) {
  const warnings: string[] = [];
  // Each warning with its code first, as the console prints it.
  const source = await readIcs(await fixture(name), url, 2, (code, message) => warnings.push(`[${code}] ${message}`));
  return { source, warnings };
}

const byTitle = (events: CalendarEvent[], title: string) => events.filter((event) => event.title === title);
const starts = (events: CalendarEvent[]) => events.map((event) => event.start.toISOString());

// The test browser runs in America/New_York, so nothing here can pass by using the machine's own zone.
describe('iCalendar sources', () => {
  describe('an export with VTIMEZONE blocks', () => {
    it('repeats a weekly series at the same local time across the change to summer time, without its EXDATE', async () => {
      const { source, warnings } = await read('kpr-bannewitz.ics');
      const march = source.occurrences({ from: '2026-03-01', to: '2026-04-01' }, BERLIN);
      const series = byTitle(march, 'Sprechstunde des Präventionsrats');
      // 18:00 in Berlin: 17:00 UTC in winter, 16:00 UTC from 29 March; 19 March is removed by EXDATE.
      expect(starts(series)).to.deep.equal(['2026-03-05T17:00:00.000Z', '2026-03-12T17:00:00.000Z', '2026-03-26T17:00:00.000Z']);
      const april = byTitle(source.occurrences({ from: '2026-04-01', to: '2026-05-01' }, BERLIN), 'Sprechstunde des Präventionsrats');
      expect(starts(april)).to.deep.equal([
        '2026-04-02T16:00:00.000Z', '2026-04-16T16:00:00.000Z', '2026-04-23T16:00:00.000Z', '2026-04-30T16:00:00.000Z',
      ]);
      expect(april[0]!.end.toISOString()).to.equal('2026-04-02T17:30:00.000Z');
      expect(april.every((event) => event.recurring && event.startDay === event.endDay)).to.equal(true);
      expect(warnings).to.deep.equal([]);
    });

    it('maps the fields of an event', async () => {
      const { source } = await read('kpr-bannewitz.ics');
      const [event] = source.occurrences({ from: '2026-03-05', to: '2026-03-06' }, BERLIN);
      expect(event).to.deep.include({
        key: '2|sprechstunde-2026@kpr-bannewitz.example|2026-03-05T17:00:00.000Z',
        uid: 'sprechstunde-2026@kpr-bannewitz.example',
        title: 'Sprechstunde des Präventionsrats',
        description: 'Offene Sprechstunde zu Sicherheit im Wohngebiet, Nachbarschaftshilfe und Einbruchschutz.\nOhne Anmeldung.',
        html: '<p>Offene Sprechstunde zu <b>Sicherheit im Wohngebiet</b>, Nachbarschaftshilfe und Einbruchschutz.</p><p>Ohne Anmeldung.</p>',
        url: 'https://www.bannewitz.example/kpr/sprechstunde',
        category: 'Beratung',
        status: 'scheduled',
        allDay: false,
        startDay: '2026-03-05',
        endDay: '2026-03-05',
        source: FEED,
        sourceIndex: 2,
      });
      expect(event!.location).to.deep.equal({
        name: 'Rathaus Bannewitz', address: 'Ratssaal, Rathausplatz 1, 01728 Bannewitz, Deutschland', geo: { lat: 50.9923, lon: 13.7164 },
      });
      expect(event!.organizer).to.deep.equal({ name: 'Kommunaler Präventionsrat Bannewitz', email: 'praevention@bannewitz.example' });
      expect(source.subscribeUrl).to.equal('webcal://www.bannewitz.example/kpr/kalender.ics');
    });

    it('shows a date moved by RECURRENCE-ID at its new time with its new title, and a cancelled date as cancelled', async () => {
      const { source } = await read('kpr-bannewitz.ics');
      const april = source.occurrences({ from: '2026-04-06', to: '2026-04-27' }, BERLIN);
      const moved = april.find((event) => event.title?.includes('verlegt'))!;
      expect(moved.start.toISOString()).to.equal('2026-04-10T15:00:00.000Z');
      expect(moved.end.toISOString()).to.equal('2026-04-10T16:30:00.000Z');
      expect(moved.recurring).to.equal(true);
      expect(moved.location?.address).to.equal('Ratssaal, Rathausplatz 1, 01728 Bannewitz');
      expect(moved.category, 'inherited from the series').to.equal('Beratung');
      // The Thursday it replaces is not shown as well.
      expect(april.some((event) => event.start.toISOString() === '2026-04-09T16:00:00.000Z')).to.equal(false);
      const cancelled = april.filter((event) => event.uid === 'sprechstunde-2026@kpr-bannewitz.example' && event.status === 'cancelled');
      expect(starts(cancelled)).to.deep.equal(['2026-04-23T16:00:00.000Z']);
      // A moved date is found from the days it moved to, too.
      expect(source.occurrences({ from: '2026-04-10', to: '2026-04-11' }, BERLIN).map((event) => event.title))
        .to.deep.equal(['Sprechstunde des Präventionsrats (verlegt auf Freitag)']);
    });

    it('reads a zone defined only by its VTIMEZONE (Outlook names) and a cancelled event', async () => {
      const { source } = await read('kpr-bannewitz.ics');
      const [forum] = source.occurrences({ from: '2026-04-21', to: '2026-04-22' }, BERLIN).filter((event) => event.title === 'Bürgerforum Sicherheit');
      expect(forum!.start.toISOString()).to.equal('2026-04-21T17:00:00.000Z');
      expect(forum!.status).to.equal('cancelled');
      expect(forum!.recurring).to.equal(false);
    });

    it('keeps all-day events on their dates in every zone; DTEND is exclusive', async () => {
      const { source } = await read('kpr-bannewitz.ics');
      for (const zone of [BERLIN, 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
        const events = source.occurrences({ from: '2026-04-13', to: '2026-05-04' }, zone).filter((event) => event.allDay);
        expect(events.map((event) => [event.title, event.startDay, event.endDay]), zone).to.deep.equal([
          ['Aktionstag „Sicher im Alter“', '2026-04-15', '2026-04-15'],
          ['Präventionswoche an der Oberschule', '2026-04-27', '2026-04-29'],
        ]);
      }
      const [day] = source.occurrences({ from: '2026-04-15', to: '2026-04-16' }, BERLIN).filter((event) => event.allDay);
      expect(day!.start.toISOString()).to.equal('2026-04-14T22:00:00.000Z');
      expect(day!.end.toISOString()).to.equal('2026-04-15T22:00:00.000Z');
      // The three-day event is found from its last day, and its javascript: URL is dropped.
      const [week] = source.occurrences({ from: '2026-04-29', to: '2026-04-30' }, BERLIN).filter((event) => event.allDay);
      expect(week!.title).to.equal('Präventionswoche an der Oberschule');
      expect(week!.url).to.equal(undefined);
      expect(source.occurrences({ from: '2026-04-30', to: '2026-05-01' }, BERLIN).filter((event) => event.allDay)).to.deep.equal([]);
    });

    it('returns occurrences sorted by start and the same ones when asked again', async () => {
      const { source } = await read('kpr-bannewitz.ics');
      const first = source.occurrences({ from: '2026-03-01', to: '2026-05-01' }, BERLIN);
      const times = first.map((event) => event.start.getTime());
      expect(times).to.deep.equal([...times].sort((a, b) => a - b));
      expect(first).to.have.length(11);
      expect(source.occurrences({ from: '2026-03-01', to: '2026-05-01' }, BERLIN).map((event) => event.key))
        .to.deep.equal(first.map((event) => event.key));
    });
  });

  describe('an export with TZID but no VTIMEZONE', () => {
    it('reads TZID=Europe/Berlin with the browser\'s zone data, in winter, in summer and across the change', async () => {
      const { source } = await read('no-vtimezone.ics');
      const [talk] = source.occurrences({ from: '2026-11-24', to: '2026-11-25' }, BERLIN);
      expect(talk!.start.toISOString()).to.equal('2026-11-24T17:00:00.000Z');
      expect(talk!.end.toISOString()).to.equal('2026-11-24T19:00:00.000Z');
      const [party] = source.occurrences({ from: '2026-07-01', to: '2026-07-02' }, BERLIN);
      expect(party!.start.toISOString()).to.equal('2026-07-01T16:00:00.000Z');
      const evenings = source.occurrences({ from: '2026-10-01', to: '2026-11-10' }, BERLIN);
      // 19:00 in Berlin before and after 25 October; 20 October is an EXDATE; DURATION gives the end.
      expect(starts(evenings)).to.deep.equal(['2026-10-13T17:00:00.000Z', '2026-10-27T18:00:00.000Z', '2026-11-03T18:00:00.000Z']);
      expect(evenings[2]!.end.toISOString()).to.equal('2026-11-03T20:00:00.000Z');
    });

    it('reads UTC times, prefixed zone names, floating times in the municipality\'s zone, and warns of an unknown zone', async () => {
      const { source, warnings } = await read('no-vtimezone.ics');
      const week = source.occurrences({ from: '2026-11-25', to: '2026-11-29' }, BERLIN);
      expect(week.map((event) => [event.title, event.start.toISOString()])).to.deep.equal([
        ['Sprechstunde Schiedsstelle', '2026-11-25T09:00:00.000Z'],
        ['Online-Sprechstunde', '2026-11-26T09:00:00.000Z'],
        ['Seniorenfrühstück', '2026-11-27T09:00:00.000Z'],
        ['Fahrradcodierung', '2026-11-28T13:00:00.000Z'],
      ]);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/^\[time-zone-unknown\] /).and.to.contain(FEED).and.to.contain('"Mitteleuropäische Zeit"');
      // Floating times follow the municipality's zone; UTC times do not.
      const london = source.occurrences({ from: '2026-11-26', to: '2026-11-28' }, 'Europe/London');
      expect(starts(london)).to.deep.equal(['2026-11-26T09:00:00.000Z', '2026-11-27T10:00:00.000Z']);
    });
  });

  describe('RDATE, events past midnight, all-day series', () => {
    it('shows DTSTART and every RDATE, an event on both days it spans, and all-day dates without their EXDATE', async () => {
      const { source } = await read('no-vtimezone.ics');
      const december = source.occurrences({ from: '2026-12-01', to: '2027-01-01' }, BERLIN);
      expect(december.map((event) => [event.title, event.startDay, event.endDay, event.recurring])).to.deep.equal([
        ['Adventsaktion Taschendiebstahl', '2026-12-01', '2026-12-01', true],
        ['Infostand auf dem Adventsmarkt', '2026-12-02', '2026-12-02', true],
        ['Infostand auf dem Adventsmarkt', '2026-12-09', '2026-12-09', true],
        ['Nachtwanderung mit der Polizei', '2026-12-11', '2026-12-12', false],
        ['Adventsaktion Taschendiebstahl', '2026-12-15', '2026-12-15', true],
        ['Infostand auf dem Adventsmarkt', '2026-12-16', '2026-12-16', true],
      ]);
      expect(source.occurrences({ from: '2026-12-12', to: '2026-12-13' }, BERLIN).map((event) => event.title))
        .to.deep.equal(['Nachtwanderung mit der Polizei']);
    });
  });

  describe('an event without SUMMARY (optional in RFC 5545)', () => {
    it('is read on each of its dates without a title, and the webmaster is told', async () => {
      const { source, warnings } = await read('no-summary.ics');
      const events = source.occurrences({ from: '2026-11-01', to: '2026-12-01' }, BERLIN);
      // Weekly from 3 November, three times, without 10 November (EXDATE), and on 26 November (RDATE): 10:00 in Berlin.
      expect(events.map((event) => [event.startDay, event.start.toISOString(), event.title, event.location?.name])).to.deep.equal([
        ['2026-11-03', '2026-11-03T09:00:00.000Z', undefined, 'Rathaus Bannewitz'],
        ['2026-11-17', '2026-11-17T09:00:00.000Z', undefined, 'Rathaus Bannewitz'],
        ['2026-11-26', '2026-11-26T09:00:00.000Z', undefined, 'Rathaus Bannewitz'],
      ]);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/^\[event-without-title\] /).and.to.contain(FEED).and.to.contain('"ohne-titel@tests.example" (line 4)').and.to.contain('no SUMMARY').and.not.to.contain('skipped');
    });
  });

  describe('RRULE vectors of dateutil, ical.js and rrule.js', () => {
    const dates = (events: CalendarEvent[], uid: string) => starts(events.filter((event) => event.uid === uid));

    it('ends a 09:00 series with UNTIL=19970905 (a date) before 5 September', async () => {
      const { source } = await read('rrule-vectors.ics');
      const september = source.occurrences({ from: '1997-09-01', to: '1997-10-01' }, BERLIN);
      expect(dates(september, 'until-date@tests.example')).to.deep.equal(['1997-09-02T07:00:00.000Z', '1997-09-03T07:00:00.000Z', '1997-09-04T07:00:00.000Z']);
    });

    it('shows FREQ=WEEKLY;BYMONTHDAY=1,3 (not allowed in RFC 5545) once, on its start, and says why', async () => {
      const { source, warnings } = await read('rrule-vectors.ics');
      const autumn = source.occurrences({ from: '1997-09-01', to: '1997-12-01' }, BERLIN);
      expect(dates(autumn, 'weekly-bymonthday@tests.example')).to.deep.equal(['1997-09-02T07:00:00.000Z']);
      expect(autumn.find((event) => event.uid === 'weekly-bymonthday@tests.example')!.recurring).to.equal(false);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/^\[rrule-part-unsupported\] /).and.to.contain('"weekly-bymonthday@tests.example" (line 12)').and.to.contain('BYMONTHDAY').and.to.contain('shown once');
    });
  });

  describe('languages (RFC 5545 LANGUAGE)', () => {
    it('takes an event\'s language from its SUMMARY, else its DESCRIPTION, else the calendar\'s name', async () => {
      const { source, warnings } = await read('languages.ics');
      const events = source.occurrences({ from: '2026-12-01', to: '2027-01-01' }, BERLIN);
      expect(events.map((event) => [event.uid, event.language])).to.deep.equal([
        ['summary-en@tests.example', 'en'],
        ['summary-de@tests.example', 'de'],
        ['description-pl@tests.example', 'pl'],
        ['calendar-language@tests.example', 'en'],
      ]);
      expect(warnings).to.deep.equal([]);
    });
  });

  describe('problems', () => {
    it('skips events ending before they start or with unreadable rules or dates, naming UID and line', async () => {
      const { source, warnings } = await read('problems.ics');
      expect(source.occurrences({ from: '2026-11-01', to: '2026-12-01' }, BERLIN).map((event) => event.title)).to.deep.equal(['Ein gültiger Termin', undefined]);
      expect(warnings).to.have.length(4);
      expect(warnings[0]).to.match(/^\[event-without-title\] /).and.to.contain('"no-summary@problems.example" (line 9)').and.to.contain('no SUMMARY').and.not.to.contain('skipped');
      expect(warnings[1]).to.match(/^\[event-ends-before-start\] /).and.to.contain('"backwards@problems.example" (line 14)').and.to.contain('ends');
      expect(warnings[2]).to.match(/^\[rrule-unreadable\] /).and.to.contain('"bad-rule@problems.example" (line 20)').and.to.contain('FREQ=FORTNIGHTLY');
      expect(warnings[3]).to.match(/^\[event-date-unreadable\] /).and.to.contain('"bad-date@problems.example" (line 26)');
    });

    it('rejects a file that is not iCalendar or is cut off, saying what is wrong', async () => {
      const reason = async (text: string) => {
        try {
          await readIcs(text, FEED, 0, () => {});
        } catch (error) {
          return (error as Error).message;
        }
        return 'resolved';
      };
      // The reason names no file: the console's line ("could not use the calendar …: ") and the validator's report do.
      expect(await reason(await fixture('truncated.ics'))).to.match(/^it is not a readable iCalendar file: .*began but did not end/).and.not.to.contain(FEED);
      expect(await reason('<!DOCTYPE html><html><body>Seite nicht gefunden</body></html>')).to.contain('does not begin with BEGIN:VCALENDAR');
      expect(await reason('')).to.contain('not an iCalendar file');
      expect(await reason('BEGIN:VCALENDAR\r\nthis is garbage\r\nEND:VCALENDAR\r\n')).to.contain('not a readable iCalendar file');
    });

    it('offers webcal: only for http(s) sources', async () => {
      const text = await fixture('problems.ics');
      expect((await readIcs(text, 'http://example.org/a.ics', 0, () => {})).subscribeUrl).to.equal('webcal://example.org/a.ics');
      expect((await readIcs(text, 'ftp://example.org/a.ics', 0, () => {})).subscribeUrl).to.equal(undefined);
    });
  });

  describe('bounded work', () => {
    // ical.js walks a series itself; the speed of the calendar with such feeds is measured by npm run bench.
    it('expands 10,000 daily dates to reach one month, without a warning', async () => {
      const { source, warnings } = await read('flood.ics');
      const may = source.occurrences({ from: '2026-05-01', to: '2026-06-01' }, BERLIN).filter((event) => event.uid === 'daily-10000@flood.example');
      // The 10,000th date: 9,999 days after 1 January 1999.
      expect(may.at(-1)!.startDay).to.equal('2026-05-18');
      expect(may.at(-1)!.start.toISOString()).to.equal('2026-05-18T05:00:00.000Z');
      expect(may).to.have.length(18);
      expect(warnings.filter((warning) => warning.includes('daily-10000'))).to.deep.equal([]);
    });

    it('stops a rule with a date every second and warns once', async () => {
      const { source, warnings } = await read('flood.ics');
      for (let month = 3; month <= 8; month++) source.occurrences({ from: `2026-0${month}-01`, to: `2026-0${month + 1}-01` }, BERLIN);
      const secondly = warnings.filter((warning) => warning.includes('secondly@flood.example'));
      expect(secondly).to.have.length(1);
      expect(secondly[0]).to.match(/^\[series-dates-stop\] /).and.to.contain('not shown');
    });

    it(`never returns more than ${MAX_OCCURRENCES} occurrences`, async () => {
      const { source, warnings } = await read('flood.ics');
      const november = source.occurrences({ from: '2026-11-01', to: '2026-12-01' }, BERLIN);
      expect(november).to.have.length(MAX_OCCURRENCES);
      expect(november[0]!.start.toISOString()).to.equal('2026-11-01T23:00:00.000Z');
      expect(warnings.some((warning) => warning.startsWith('[too-many-events] ') && warning.includes(`more than ${MAX_OCCURRENCES}`))).to.equal(true);
    });
  });
});
