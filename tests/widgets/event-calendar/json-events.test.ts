import { expect } from '@open-wc/testing';
import { parseFeed } from '../../../src/core/feed/parse.js';
import { readItems } from '../../../src/core/feed/items.js';
import type { LoadedItem } from '../../../src/core/feed/types.js';
import { startOfDay } from '../../../src/core/time.js';
import type { CalendarEvent, DayRange, Warn } from '../../../src/widgets/event-calendar/event-calendar.types.js';
import { jsonEventSource } from '../../../src/widgets/event-calendar/json-events.js';
import { captureConsole } from '../../support/helpers.js';

const BERLIN = 'Europe/Berlin';
const FEED = 'https://www.bannewitz.de/kpr/termine.json';
const NOVEMBER: DayRange = { from: '2026-11-01', to: '2026-12-01' };

/** Each warning with its code first, as the console prints it. */
const collect = (warnings: string[]): Warn => (code, message) => warnings.push(`[${code}] ${message}`);

/** Items as the feed controller hands them over: already checked against the schema. */
function source(kprs: Record<string, unknown>[], warnings: string[] = []) {
  const items: LoadedItem[] = kprs.map(({ id, title, ...kpr }, index) => ({ id: String(id ?? `e${index}`), title: String(title ?? 'Termin'), source: FEED, _kpr: kpr }));
  return jsonEventSource(items, FEED, 0, collect(warnings));
}

/** The fixture feed, read and validated as the widget reads it. */
async function fixtureSource(warnings: string[]) {
  const url = new URL('/tests/fixtures/events.json', location.href).href;
  // The widget checks only JSON Feed here; each event's `_kpr` is checked by the source when it is first shown.
  const { items, skipped } = readItems(await parseFeed(await (await fetch(url)).text(), url));
  expect(skipped).to.deep.equal([]);
  return jsonEventSource(items, url, 2, collect(warnings));
}

const brief = (event: CalendarEvent) => `${event.startDay} ${event.allDay ? 'all day' : event.start.toISOString().slice(11, 16)} ${event.title}`;

// The test browser runs in America/New_York, so nothing here can pass by using the machine's own zone.
describe('the KPR events feed', () => {
  it('reads a feed into the occurrences of the days asked for, in start order', async () => {
    const warnings: string[] = [];
    const events = (await fixtureSource(warnings)).occurrences(NOVEMBER, BERLIN);
    expect(events.map(brief)).to.deep.equal([
      '2026-11-03 18:00 Bürgersprechstunde des Bürgerpolizisten',
      '2026-11-10 09:00 Kaputte Regel', // its rule is not supported: shown once, on its start
      '2026-11-10 17:00 Sitzung des Präventionsrates',
      '2026-11-10 18:00 Bürgersprechstunde des Bürgerpolizisten',
      '2026-11-17 18:00 Bürgersprechstunde des Bürgerpolizisten',
      '2026-11-24 18:00 Bürgersprechstunde des Bürgerpolizisten',
      '2026-11-26 all day Präventionstage im Einkaufszentrum',
    ]);
    expect(new Set(events.map((event) => event.key)).size).to.equal(events.length);
    expect(warnings).to.have.length(2);
    expect(warnings[0]).to.match(/^\[event-ends-before-start\] /).and.contain('event "umgekehrt"').and.contain('_kpr.end "2026-11-20T13:00:00+01:00" is before _kpr.start "2026-11-20T15:00:00+01:00"');
    expect(warnings[1]).to.match(/^\[rrule-part-unsupported\] /).and.contain('event "sekuendlich"').and.contain('_kpr.recurrence.rrule "FREQ=SECONDLY": FREQ=SECONDLY is not supported');
  });

  it('keeps every field a resident needs, with only safe links', async () => {
    const events = (await fixtureSource([])).occurrences({ from: '2026-11-10', to: '2026-11-11' }, BERLIN);
    const [council, office] = [events.find((e) => e.uid === 'praeventionsrat')!, events.find((e) => e.uid === 'buergersprechstunde')!];
    expect(office).to.deep.include({
      title: 'Bürgersprechstunde des Bürgerpolizisten',
      description: 'Der Bürgerpolizist beantwortet Ihre Fragen zu Sicherheit im Ort. Ohne Anmeldung.',
      url: new URL('/kpr/sprechstunde', location.href).href,
      category: 'Sprechstunde',
      status: 'scheduled',
      accessibility: 'Stufenloser Zugang über den Hof.',
      recurring: true,
      allDay: false,
      sourceIndex: 2,
    });
    expect(office.location).to.deep.equal({ name: 'Rathaus, Zimmer 12', address: 'Dresdner Str. 2, 01728 Bannewitz', geo: { lat: 50.9966, lon: 13.7167 } });
    expect(office.organizer).to.deep.equal({ name: 'Polizeirevier Freital', email: 'revier.freital@polizei.sachsen.de', url: undefined }); // javascript: dropped
    expect(office.end.getTime() - office.start.getTime()).to.equal(90 * 60_000);
    expect(council.description).to.equal('Öffentliche Sitzung; Tagesordnung im Amtsblatt.');
    expect(council.html).to.equal('<p>Öffentliche Sitzung. <a href="/amtsblatt">Tagesordnung</a></p>');
    expect(council.registrationUrl).to.equal('mailto:kpr@bannewitz.de');
    const days = (await fixtureSource([])).occurrences({ from: '2026-11-27', to: '2026-11-28' }, BERLIN);
    expect(days[0]).to.deep.include({ status: 'moved-online', registrationUrl: 'https://www.bannewitz.de/anmeldung', recurring: false });
    const unsafe = source([{ start: '2026-11-02', registration_url: 'javascript:alert(1)' }]).occurrences(NOVEMBER, BERLIN)[0]!;
    expect(unsafe.registrationUrl).to.equal(undefined);
    const telephone = source([{ start: '2026-11-02', registration_url: 'tel:+4935120600' }]).occurrences(NOVEMBER, BERLIN)[0]!;
    expect(telephone.registrationUrl).to.equal(undefined); // only http(s) and mailto
  });

  it('reads the rules of until-date.json as dateutil, ical.js and rrule.js do', async () => {
    const url = new URL('/tests/fixtures/calendar/until-date.json', location.href).href;
    const { items } = readItems(await parseFeed(await (await fetch(url)).text(), url));
    const warnings: string[] = [];
    const september = jsonEventSource(items, url, 0, collect(warnings)).occurrences({ from: '1997-09-01', to: '1997-10-01' }, BERLIN);
    const dates = (uid: string) => september.filter((event) => event.uid === uid).map((event) => (event.allDay ? event.startDay : event.start.toISOString()));
    // UNTIL=19970905, a date: a series at 09:00 ends before 5 September (its midnight), an all-day series on it.
    expect(dates('bis-datum')).to.deep.equal(['1997-09-02T07:00:00.000Z', '1997-09-03T07:00:00.000Z', '1997-09-04T07:00:00.000Z']);
    expect(dates('ganztags-bis-datum')).to.deep.equal(['1997-09-02', '1997-09-03', '1997-09-04', '1997-09-05']);
    // BYMONTHDAY with FREQ=WEEKLY is not allowed in RFC 5545: shown once, on its start, and the webmaster is told.
    expect(dates('woechentlich-monatstag')).to.deep.equal(['1997-09-02T07:00:00.000Z']);
    expect(warnings).to.deep.equal([
      `[rrule-unreadable] event "woechentlich-monatstag" of ${url}: _kpr.recurrence.rrule "FREQ=WEEKLY;BYMONTHDAY=1,3": BYMONTHDAY is not allowed with FREQ=WEEKLY (RFC 5545); the event is shown once, on its start`,
    ]);
  });

  it('shows an event with neither title nor text untitled, as an iCalendar event without SUMMARY (which the bridge passes on so), and says so', () => {
    const warnings: string[] = [];
    const [event, ...others] = source([{ id: 'leer', title: '', start: '2026-11-05' }], warnings).occurrences(NOVEMBER, BERLIN);
    expect(others).to.deep.equal([]);
    expect(event).to.deep.include({ uid: 'leer', startDay: '2026-11-05' });
    expect(event!.title).to.equal(undefined);
    expect(warnings).to.deep.equal([`[event-without-title] event "leer" of ${FEED}: it has no title and no text; shown as an untitled event ("Termin ohne Titel", in English "Untitled event")`]);
  });

  it('gives each event its item\'s language, which the feed controller has filled in from the feed\'s where it had none', async () => {
    const url = new URL('/tests/fixtures/calendar/languages.json', location.href).href;
    const { items } = readItems(await parseFeed(await (await fetch(url)).text(), url));
    const events = jsonEventSource(items, url, 0, () => {}).occurrences({ from: '2026-12-01', to: '2027-01-01' }, BERLIN);
    expect(events.map((event) => [event.uid, event.language])).to.deep.equal([['englisch', 'en'], ['deutsch', 'de'], ['deutsch-regional', 'de-DE'], ['arabisch', 'ar']]);
  });

  it('leaves out the occurrence an EXDATE names in the feed', async () => {
    const december = (await fixtureSource([])).occurrences({ from: '2026-12-21', to: '2027-01-10' }, BERLIN).filter((e) => e.uid === 'buergersprechstunde');
    expect(december.map((event) => event.startDay)).to.deep.equal(['2026-12-22', '2027-01-05']);
  });

  it('shows an all-day event on 24 December in every zone', () => {
    const events = source([{ start: '2026-12-24' }]);
    for (const zone of [BERLIN, 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC']) {
      const [event, ...others] = events.occurrences({ from: '2026-12-01', to: '2027-01-01' }, zone);
      expect(others, zone).to.deep.equal([]);
      expect(event, zone).to.deep.include({ startDay: '2026-12-24', endDay: '2026-12-24', allDay: true });
      expect(event!.start.getTime(), zone).to.equal(startOfDay('2026-12-24', zone).getTime());
      expect(event!.end.getTime(), zone).to.equal(startOfDay('2026-12-25', zone).getTime());
      expect(events.occurrences({ from: '2026-12-25', to: '2026-12-26' }, zone), zone).to.deep.equal([]);
      expect(events.occurrences({ from: '2026-12-23', to: '2026-12-24' }, zone), zone).to.deep.equal([]);
    }
    // A date-time with all_day: the date as written counts, not the day it falls on elsewhere.
    const late = source([{ start: '2026-12-24T23:30:00+01:00', all_day: true }]).occurrences({ from: '2026-12-01', to: '2027-01-01' }, 'America/New_York');
    expect(late.map((event) => event.startDay)).to.deep.equal(['2026-12-24']);
  });

  it('shows a three-day event on each of its days, its end day inclusive', () => {
    const events = source([{ start: '2026-11-26', end: '2026-11-28' }]);
    const [event] = events.occurrences(NOVEMBER, BERLIN);
    expect(event).to.deep.include({ startDay: '2026-11-26', endDay: '2026-11-28' });
    expect(event!.end.toISOString()).to.equal('2026-11-28T23:00:00.000Z'); // midnight starting the 29th in Berlin
    for (const day of ['2026-11-26', '2026-11-27', '2026-11-28']) {
      expect(events.occurrences({ from: day, to: day.replace(/\d+$/, (d) => String(+d + 1)) }, BERLIN), day).to.have.length(1);
    }
    expect(events.occurrences({ from: '2026-11-29', to: '2026-11-30' }, BERLIN)).to.deep.equal([]);
    expect(events.occurrences({ from: '2026-11-20', to: '2026-11-26' }, BERLIN)).to.deep.equal([]);
  });

  it('places timed events on the days of the municipality\'s zone', () => {
    const events = source([
      { id: 'night', start: '2026-11-06T22:00:00+01:00', end: '2026-11-07T01:00:00+01:00' },
      { id: 'midnight', start: '2026-11-13T20:00:00+01:00', end: '2026-11-14T00:00:00+01:00' },
      { id: 'open', start: '2026-11-20T23:30:00Z' },
    ]);
    const spans = events.occurrences(NOVEMBER, BERLIN).map((e) => `${e.uid} ${e.startDay}–${e.endDay}`);
    expect(spans).to.deep.equal(['night 2026-11-06–2026-11-07', 'midnight 2026-11-13–2026-11-13', 'open 2026-11-21–2026-11-21']);
    expect(events.occurrences(NOVEMBER, 'America/New_York').map((e) => `${e.uid} ${e.startDay}–${e.endDay}`))
      .to.deep.equal(['night 2026-11-06–2026-11-06', 'midnight 2026-11-13–2026-11-13', 'open 2026-11-20–2026-11-20']);
  });

  it('repeats a series on the wall clock of its own time_zone', () => {
    // A weekly 12:00 call in New York: the US changes clocks on 8 March, Germany on 29 March.
    const events = source([{ start: '2026-03-02T12:00:00-05:00', time_zone: 'America/New_York', recurrence: { rrule: 'FREQ=WEEKLY' } }]);
    const times = events.occurrences({ from: '2026-03-01', to: '2026-04-06' }, BERLIN).map((e) => e.start.toISOString());
    expect(times).to.deep.equal(['2026-03-02T17:00:00.000Z', '2026-03-09T16:00:00.000Z', '2026-03-16T16:00:00.000Z', '2026-03-23T16:00:00.000Z', '2026-03-30T16:00:00.000Z']);
  });

  it('skips an event that ends before it starts, with a console warning naming it, the fields and the code', () => {
    const console_ = captureConsole('warn');
    try {
      const items: LoadedItem[] = [
        { id: 'rueckwaerts', title: 'Rückwärts', source: FEED, _kpr: { start: '2026-11-05', end: '2026-11-04' } },
        { id: 'gut', title: 'Gut', source: FEED, _kpr: { start: '2026-11-05' } },
      ];
      const events = jsonEventSource(items, FEED, 0, (code, message) => console.warn(`[asskomm-widgets] [${code}] ${message}`));
      expect(events.occurrences(NOVEMBER, BERLIN).map((event) => event.uid)).to.deep.equal(['gut']);
      expect(console_.messages).to.deep.equal([
        `[asskomm-widgets] [event-ends-before-start] event "rueckwaerts" of ${FEED}: left out: _kpr.end "2026-11-04" is before _kpr.start "2026-11-05"`,
      ]);
    } finally {
      console_.restore();
    }
  });

  it('reads times with any offset, fractions of a second and Z exactly', () => {
    const events = source([
      { id: 'a', start: '2026-11-05T18:00:00.5-05:30', end: '2026-11-05T23:30:00.500Z' },
      { id: 'b', start: '2026-11-06T00:15:00+14:00' },
      { id: 'c', start: '2026-11-07T24:00:00+01:00' },
    ], []);
    const found = events.occurrences(NOVEMBER, BERLIN);
    expect(found.map((event) => `${event.uid} ${event.start.toISOString()} ${event.end.toISOString()}`)).to.deep.equal([
      'b 2026-11-05T10:15:00.000Z 2026-11-05T10:15:00.000Z',
      'a 2026-11-05T23:30:00.500Z 2026-11-05T23:30:00.500Z',
    ]);
  });

  it('reads every form of date and time RFC 3339 allows, and leaves out, naming them, the near misses', () => {
    const warnings: string[] = [];
    const events = source([
      { id: 'kleines-t', start: '2026-11-05t18:00:00+01:00' },
      { id: 'leerzeichen', start: '2026-11-05 18:30:00z' },
      { id: 'ganztags', start: '2026-11-06' },
      { id: 'ohne-sekunden', start: '2026-11-05T18:00+01:00' },
      { id: 'ohne-offset', start: '2026-11-05T18:00:00' },
      { id: 'leerer-bruch', start: '2026-11-05T18:00:00.+01:00' },
      { id: 'offset-ohne-doppelpunkt', start: '2026-11-05T18:00:00+0100' },
      { id: 'einstelliger-monat', start: '2026-1-05' },
      { id: 'jahr-99', start: '0099-11-05' },
      { id: 'stunde-25', start: '2026-11-05T25:00:00Z' },
    ], warnings);
    const found = events.occurrences(NOVEMBER, BERLIN);
    expect(found.map((event) => `${event.uid} ${event.allDay ? event.startDay : event.start.toISOString()}`)).to.deep.equal([
      'kleines-t 2026-11-05T17:00:00.000Z',
      'leerzeichen 2026-11-05T18:30:00.000Z',
      'ganztags 2026-11-06',
    ]);
    const unreadable = warnings.filter((warning) => warning.startsWith('[event-date-unreadable]')).map((warning) => /event "([^"]+)"/.exec(warning)![1]);
    expect(unreadable).to.deep.equal(['ohne-sekunden', 'ohne-offset', 'leerer-bruch', 'offset-ohne-doppelpunkt', 'einstelliger-monat', 'jahr-99', 'stunde-25']);
  });

  it('checks an event against the schema when it is first on screen, and leaves it out if it does not fit', () => {
    const warnings: string[] = [];
    const events = source([
      { id: 'falsch', start: '2026-11-05', status: 'abgesagt' },
      { id: 'spaeter', start: '2027-03-01', status: 'abgesagt' },
      { id: 'gut', start: '2026-11-06' },
    ], warnings);
    expect(events.occurrences(NOVEMBER, BERLIN).map((event) => event.uid)).to.deep.equal(['gut']);
    // Only the event on screen has been checked so far.
    expect(warnings).to.deep.equal([`[schema-enum] event "falsch" of ${FEED}: left out: _kpr.status must be one of "scheduled", "cancelled", "postponed", "moved-online"`]);
  });

  it('leaves out only the parts that are wrong, and says which', () => {
    const warnings: string[] = [];
    const events = source([
      { id: 'a', start: '2026-11-05T18:00:00+01:00', location: { name: 'Turnhalle', geo: { lat: 'north', lon: 13 } }, time_zone: 'Europe/Bannewitz', recurrence: { rrule: 'FREQ=WEEKLY;COUNT=2', exdates: ['gestern'] } },
      { id: 'b', start: '2026-02-30' },
      { id: 'a', start: '2026-11-06' },
    ], warnings);
    const found = events.occurrences(NOVEMBER, BERLIN);
    expect(found.map((event) => `${event.uid} ${event.startDay}`)).to.deep.equal(['a 2026-11-05', 'a 2026-11-12']);
    expect(found[0]!.location).to.equal(undefined);
    expect(warnings).to.deep.equal([
      `[time-zone-unknown] event "a" of ${FEED}: _kpr.time_zone "Europe/Bannewitz" is not a time zone this browser knows; the widget's zone is used`,
      `[event-date-unreadable] event "a" of ${FEED}: left out _kpr.recurrence.exdates[0]: "gestern" is not a date or a date-time with offset`,
      `[event-date-unreadable] event "b" of ${FEED}: left out: _kpr.start "2026-02-30" is not a date ("2026-12-24") or a date-time with offset ("2026-12-03T18:00:00+01:00")`,
      `[duplicate-id] event "a" of ${FEED}: left out: another event of the feed has the same id`,
      // Place, links and texts are read when the event is first on screen.
      `[schema-type] event "a" of ${FEED}: left out _kpr.location: _kpr.location.geo.lat must be a number, not a string`,
    ]);
  });

  it('asks a long series only for the days on screen, and never returns more than the bound', () => {
    const events = source([
      { id: 'daily', start: '2020-01-01T08:00:00+01:00', recurrence: { rrule: 'FREQ=DAILY;COUNT=10000' } },
      { id: 'broken', start: '2026-11-02', recurrence: { rrule: 'FREQ=MINUTELY' } },
      { id: 'never', start: '2026-11-03', recurrence: { rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30' } },
    ]);
    // (How much work a series may do is held bounded in recurrence.test.ts.)
    const found = events.occurrences(NOVEMBER, BERLIN);
    expect(found.filter((e) => e.uid === 'daily')).to.have.length(30);
    expect(found.filter((e) => e.uid !== 'daily').map((e) => `${e.uid} ${e.startDay} ${e.recurring}`)).to.deep.equal(['broken 2026-11-02 false', 'never 2026-11-03 false']);
    const everyDay = source([{ start: '2026-01-01', recurrence: { rrule: 'FREQ=DAILY' } }, { start: '2026-01-01', recurrence: { rrule: 'FREQ=DAILY' } }]);
    expect(everyDay.occurrences({ from: '2026-01-01', to: '2030-01-01' }, BERLIN)).to.have.length(2000);
  });

  describe('read later (the widget, for large feeds)', () => {
    const kprs = [
      { id: 'nah', title: 'Nah', start: '2026-11-10T18:00:00+01:00', end: '2026-11-10T20:00:00+01:00' },
      { id: 'umgekehrt', title: 'Umgekehrt', start: '2027-03-10T18:00:00+01:00', end: '2027-03-10T17:00:00+01:00' },
      { id: 'maerz', title: 'Im März', start: '2027-03-12', category: 'Vortrag' },
      { id: 'serie', title: 'Serie', start: '2027-02-01T18:00:00+01:00', recurrence: { rrule: 'FREQ=WEEKLY;BYMONTHDAY=3;UNTIL=20270301T000000Z' } },
      { id: 'wochen', title: 'Wochen', start: '2026-10-27T09:00:00+01:00', recurrence: { rrule: 'FREQ=WEEKLY;UNTIL=20261117T235959Z' } },
      { id: 'ohne-ende', title: 'Ohne Ende', start: '2025-01-06T12:00:00+01:00', recurrence: { rrule: 'FREQ=MONTHLY' } },
      { id: 'doppelt', title: 'Doppelt 1', start: '2027-05-01' },
      { id: 'doppelt', title: 'Doppelt 2', start: '2026-11-20' },
    ];
    const lazy = (warnings: string[]) => {
      const steps: Array<() => boolean> = [];
      const items: LoadedItem[] = kprs.map(({ id, title, ...kpr }) => ({ id, title, source: FEED, _kpr: kpr }));
      return { events: jsonEventSource(items, FEED, 0, collect(warnings), (step) => steps.push(step)), readRest: () => steps.forEach((step) => { while (step()); }) };
    };

    it('shows the same occurrences as reading everything at once, and tells about far-off events when the rest is read', () => {
      const [eagerWarnings, lazyWarnings] = [[] as string[], [] as string[]];
      const eager = source(kprs, eagerWarnings).occurrences(NOVEMBER, BERLIN);
      const { events, readRest } = lazy(lazyWarnings);
      expect(events.occurrences(NOVEMBER, BERLIN).map(brief)).to.deep.equal(eager.map(brief));
      // The events of March and the series of February are not read yet; the twice-used id is read at once.
      expect(lazyWarnings.join('\n')).not.to.contain('umgekehrt').and.not.to.contain('"serie"');
      readRest();
      expect([...lazyWarnings].sort()).to.deep.equal([...eagerWarnings].sort());
      expect(lazyWarnings.filter((w) => w.includes('"umgekehrt"'))).to.have.length(1);
      expect(lazyWarnings.filter((w) => w.includes('"serie"') && w.includes('BYMONTHDAY is not allowed'))).to.have.length(1);
    });

    it('reads a far-off month\'s events when it is asked for before the rest is read', () => {
      const warnings: string[] = [];
      const { events } = lazy(warnings);
      events.occurrences(NOVEMBER, BERLIN);
      const march = events.occurrences({ from: '2027-03-01', to: '2027-04-01' }, BERLIN);
      expect(march.filter((event) => event.uid !== 'ohne-ende').map(brief)).to.deep.equal(['2027-03-12 all day Im März']);
      expect(warnings.filter((w) => w.startsWith('[event-ends-before-start]'))).to.have.length(1);
    });
  });
});
