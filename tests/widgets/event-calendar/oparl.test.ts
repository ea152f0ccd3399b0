import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { FeedError } from '../../../src/core/feed/feed-error.js';
import type { FeedDocument } from '../../../src/core/feed/types.js';
import '../../../src/event-calendar.js';
import type { KprEventCalendar } from '../../../src/event-calendar.js';
import type { CalendarEvent } from '../../../src/widgets/event-calendar/event-calendar.types.js';
import { MAX_PAGES, oparlSource, type Paging } from '../../../src/widgets/event-calendar/oparl.js';
import { captureConsole, fresh, idlePeriod, recordedRequests, requestsFor, settled, shadow } from '../../support/helpers.js';

const BERLIN = 'Europe/Berlin';
const MEETING = 'https://schema.oparl.org/1.1/Meeting';
const RIS = 'https://ris.bannewitz.de/oparl/v1.1';

/** The three pages of the fixture list under one fresh query, so that no earlier test has loaded them. */
function list() {
  const first = fresh('/test-api/oparl/1');
  const query = first.slice(first.indexOf('?'));
  return { first, page: (n: number) => new URL(`/test-api/oparl/${n}${query}`, location.href).href };
}

/** The calendar with its warnings (the fixture has a meeting without a start), which are kept off the console. */
async function calendar(src: string, date = '2026-12'): Promise<KprEventCalendar & { warnings: string[] }> {
  const el = document.createElement('kpr-event-calendar') as KprEventCalendar;
  el.setAttribute('eager', '');
  el.setAttribute('date', date);
  el.setAttribute('src', src);
  const wrapper = await fixture(html`<div style="width: 900px"></div>`);
  const warnings = captureConsole('warn');
  try {
    wrapper.append(el);
    await settled(el);
  } finally {
    warnings.restore();
  }
  return Object.assign(el, { warnings: warnings.messages });
}

const spoken = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const cell = (el: HTMLElement, day: string) => shadow(el).querySelector<HTMLElement>(`td[data-day="${day}"]`)!;
const chips = (el: HTMLElement, day: string) => [...cell(el, day).querySelectorAll('.chip')].map((chip) => spoken(chip.textContent));
const dialog = (el: HTMLElement) => shadow(el).querySelector('dialog')!;

describe('OParl meetings in <kpr-event-calendar>', () => {
  it('shows December\'s meetings at Berlin time, reading page 2 but not page 3', async () => {
    const { first, page } = list();
    const el = await calendar(first);
    expect(chips(el, '2026-12-03')).to.deep.equal(['18:00 Abgesagt: 13. Sitzung des Technischen Ausschusses']);
    expect(chips(el, '2026-12-10')).to.deep.equal(['18:30 37. Sitzung des Gemeinderates Bannewitz']);
    // Sent without an offset: read at the municipality's time, not New York's.
    expect(chips(el, '2026-12-17')).to.deep.equal(['17:00 Sitzung des Verwaltungsausschusses']);
    // November's days in the grid come from page 1; the deleted meeting of page 1 is not there.
    expect(chips(el, '2026-11-30')).to.deep.equal([]);
    expect(await recordedRequests(page(2), 1)).to.equal(1);
    expect(await requestsFor(page(3))).to.equal(0);
    expect(el.warnings.join('\n')).to.include(`[meeting-invalid] meeting "${RIS}/meeting/105" of ${new URL(first, location.href).href}: left out: it has no start`);
  });

  it('asks for no page of a later month while the browser is idle, only when a resident moves there', async () => {
    const { first, page } = list();
    await calendar(first);
    // Idle, the calendar works out the months next to the one on screen, but not from a list it would have to fetch.
    for (let period = 0; period < 3; period++) await idlePeriod();
    expect(await requestsFor(page(3))).to.equal(0);
  });

  it('reads the next page when a later month is shown', async () => {
    const { first, page } = list();
    const el = await calendar(first);
    expect(await requestsFor(page(3))).to.equal(0);
    shadow(el).querySelector<HTMLButtonElement>('[aria-label="Nächster Monat"]')!.click();
    await settled(el);
    expect(chips(el, '2027-01-14')).to.deep.equal(['18:30 38. Sitzung des Gemeinderates Bannewitz']);
    expect(await recordedRequests(page(3), 1)).to.equal(1);
    shadow(el).querySelector<HTMLButtonElement>('[aria-label="Nächster Monat"]')!.click();
    await settled(el);
    expect(chips(el, '2027-02-04')).to.deep.equal(['18:00 14. Sitzung des Technischen Ausschusses']);
    expect(await requestsFor(page(2))).to.equal(1); // pages are read once
  });

  it('shows only the public agenda items in the details, and marks a cancelled meeting', async () => {
    const el = await calendar(list().first);
    cell(el, '2026-12-10').querySelector<HTMLButtonElement>('.chip')!.click();
    await waitUntil(() => dialog(el).open, 'the dialog to open');
    const agenda = dialog(el).querySelector('p.description')!.textContent!;
    expect(agenda.split('\n')).to.deep.equal([
      'Ö 1 Eröffnung, Feststellung der ordnungsgemäßen Ladung und der Beschlussfähigkeit',
      'Ö 2 Einwohnerfragestunde',
      'Ö 3 Bericht des Kommunalen Präventionsrates 2026',
      'Ö 4 Beschluss über den Haushaltsplan 2027',
    ]);
    const text = spoken(dialog(el).textContent);
    expect(text).to.not.include('Grundstück').and.not.include('Personal');
    expect(text).to.include('Rathaus Bannewitz, Ratssaal, Windbergstraße 35, 01728 Bannewitz');
    expect(dialog(el).querySelector<HTMLAnchorElement>('a[href^="https://ris.bannewitz.de/"]')!.href).to.equal('https://ris.bannewitz.de/si0057.php?__ksinr=107');
    dialog(el).close();
    await waitUntil(() => !dialog(el).querySelector('#dialog-title'), 'the dialog to be emptied on closing');
    cell(el, '2026-12-03').querySelector<HTMLButtonElement>('.chip')!.click();
    await waitUntil(() => dialog(el).open, 'the dialog to open');
    expect(spoken(dialog(el).querySelector('#dialog-title')!.textContent)).to.equal('Abgesagt: 13. Sitzung des Technischen Ausschusses');
    expect(spoken(dialog(el).querySelector('.status-note')!.textContent)).to.equal('Abgesagt');
  });
});

// ---- The source on its own: the mapping, and when it reads on ----

const meeting = (n: number, start: string | undefined, extra: Record<string, unknown> = {}) => ({
  id: `${RIS}/meeting/${n}`, type: MEETING, name: `Sitzung ${n}`, ...(start ? { start } : {}), ...extra,
});
const doc = (url: string, data: unknown[], next?: string): FeedDocument => ({ url, format: 'oparl', title: '', items: data, next });

/** A source whose pages come from `pages` by URL; `loaded` lists what it asked for, `changes` how often it said so. */
function pagedSource(pages: Record<string, FeedDocument | Error>, first = 'https://ris.example/meetings?page=1') {
  const loaded: string[] = [];
  const warnings: string[] = [];
  let changes = 0;
  const paging: Paging = {
    load: async (url) => {
      loaded.push(url);
      const page = pages[url];
      // As loadFeed answers a page the server does not have.
      if (!page) throw new FeedError('http', url, 'HTTP 404', 404);
      if (page instanceof Error) throw page;
      return page;
    },
    changed: () => void changes++,
  };
  // Each warning with its code first, as the console prints it.
  const source = oparlSource(pages[first] as FeedDocument, 0, (code, message) => warnings.push(`[${code}] ${message}`), paging);
  const settle = () => waitUntil(() => !source.loading, 'the page to arrive');
  return { source, loaded, warnings, settle, changes: () => changes };
}

const titles = (events: CalendarEvent[]) => events.map((event) => event.title);
const DECEMBER = { from: '2026-12-01', to: '2027-01-01' };

describe('oparlSource', () => {
  it('maps a meeting: times, status, place with map point, page, committee, public agenda in order', () => {
    const url = 'https://ris.example/meetings';
    const { source, warnings } = pagedSource({
      [url]: doc(url, [meeting(1, '2026-12-10T18:30:00+01:00', {
        end: '2026-12-10T21:00:00+01:00', cancelled: true, web: 'https://ris.example/si/1',
        organization: [{ id: `${RIS}/organization/1`, type: 'https://schema.oparl.org/1.1/Organization', name: 'Gemeinderat' }],
        location: { description: 'Rathaus, Ratssaal', streetAddress: 'Windbergstraße 35', postalCode: '01728', locality: 'Bannewitz', geojson: { type: 'Point', coordinates: [13.7185, 50.9958] } },
        agendaItem: [
          { number: 'N 1', order: 3, name: 'Vertrauliches', public: false },
          { number: '2', order: 2, name: 'Bericht', public: true },
          { number: '1', order: 1, name: 'Begrüßung', public: true },
          { number: '3', order: 4, name: 'Ohne Angabe' },
        ],
      })]),
    }, url);
    const [event] = source.occurrences(DECEMBER, BERLIN);
    expect(event).to.deep.include({
      uid: `${RIS}/meeting/1`, title: 'Sitzung 1', status: 'cancelled', allDay: false, recurring: false, url: 'https://ris.example/si/1', category: 'Gemeinderat',
      description: 'Ö 1 Begrüßung\nÖ 2 Bericht', startDay: '2026-12-10', endDay: '2026-12-10', source: url, sourceIndex: 0,
    });
    expect([event!.start.toISOString(), event!.end.toISOString()]).to.deep.equal(['2026-12-10T17:30:00.000Z', '2026-12-10T20:00:00.000Z']);
    expect(event!.location).to.deep.equal({ name: 'Rathaus, Ratssaal', address: 'Windbergstraße 35, 01728 Bannewitz', geo: { lat: 50.9958, lon: 13.7185 } });
    expect(warnings).to.deep.equal([`[meeting-part-not-loaded] ${url}: agenda items that do not say whether they are public are not shown`]);
  });

  it('leaves out deleted meetings silently, others with a warning naming the meeting; no made-up end; no unsafe links', () => {
    const url = 'https://ris.example/meetings';
    const { source, warnings } = pagedSource({
      [url]: doc(url, [
        { id: `${RIS}/meeting/1`, type: MEETING, deleted: true },
        meeting(2, undefined),
        meeting(3, '2026-12-03T25:00:00+01:00'),
        meeting(4, '2026-12-04T18:00:00+01:00', { web: 'javascript:alert(1)', end: '2026-12-04T17:00:00+01:00', location: `${RIS}/location/1` }),
        { id: `${RIS}/paper/5`, type: 'https://schema.oparl.org/1.1/Paper', name: 'Vorlage' },
      ]),
    }, url);
    const events = source.occurrences(DECEMBER, BERLIN);
    expect(titles(events)).to.deep.equal(['Sitzung 4']);
    expect(events[0]!.url).to.equal(undefined);
    expect(events[0]!.location).to.equal(undefined);
    expect(events[0]!.end.getTime()).to.equal(events[0]!.start.getTime());
    expect(warnings).to.deep.equal([
      `[meeting-invalid] meeting "${RIS}/meeting/2" of ${url}: left out: it has no start`,
      `[meeting-invalid] meeting "${RIS}/meeting/3" of ${url}: left out: start "2026-12-03T25:00:00+01:00" is not a date-time ("2026-12-03T18:00:00+01:00")`,
      `[event-ends-before-start] meeting "${RIS}/meeting/4" of ${url}: end "2026-12-04T17:00:00+01:00" is not a date-time after the start; shown without an end`,
      `[meeting-part-not-loaded] ${url}: locations given only as links are not loaded`,
      `[meeting-invalid] meeting "${RIS}/paper/5" of ${url}: left out: it is an OParl Paper, not a meeting`,
    ]);
  });

  it('reads a sorted list only until it has passed the range, and says when a page arrived', async () => {
    const [p1, p2, p3] = ['https://ris.example/m?page=1', 'https://ris.example/m?page=2', 'https://ris.example/m?page=3'];
    const { source, loaded, settle, changes } = pagedSource({
      [p1]: doc(p1, [meeting(1, '2026-11-05T18:00:00+01:00')], p2),
      [p2]: doc(p2, [meeting(2, '2026-12-10T18:00:00+01:00'), meeting(3, '2027-01-14T18:00:00+01:00')], p3),
      [p3]: doc(p3, [meeting(4, '2027-02-04T18:00:00+01:00')]),
    }, p1);
    expect(source.occurrences(DECEMBER, BERLIN)).to.deep.equal([]); // what has arrived so far
    expect(source.loading).to.equal(true);
    await settle();
    expect(changes()).to.equal(1);
    expect(titles(source.occurrences(DECEMBER, BERLIN))).to.deep.equal(['Sitzung 2']);
    expect(loaded).to.deep.equal([p2]);
    source.occurrences({ from: '2027-02-01', to: '2027-03-01' }, BERLIN);
    await settle();
    expect(loaded).to.deep.equal([p2, p3]);
    expect(titles(source.occurrences({ from: '2027-02-01', to: '2027-03-01' }, BERLIN))).to.deep.equal(['Sitzung 4']);
  });

  it('stops a newest-first list once it is before the range', async () => {
    const [p1, p2] = ['https://ris.example/m?page=1', 'https://ris.example/m?page=2'];
    const { source, loaded } = pagedSource({
      [p1]: doc(p1, [meeting(2, '2026-12-10T18:00:00+01:00'), meeting(1, '2026-11-05T18:00:00+01:00')], p2),
    }, p1);
    expect(titles(source.occurrences(DECEMBER, BERLIN))).to.deep.equal(['Sitzung 2']);
    expect(loaded).to.deep.equal([]);
  });

  it(`stops an unsorted list at ${MAX_PAGES} pages, and a list whose pages lead in a circle, with a warning`, async () => {
    const pages: Record<string, FeedDocument> = {};
    for (let n = 1; n <= 30; n++) {
      const url = `https://ris.example/m?page=${n}`;
      const days = ['2026-10-05', '2026-11-05', '2026-10-06'];
      pages[url] = doc(url, days.map((day, index) => meeting(3 * n + index, `${day}T18:00:00+01:00`)), `https://ris.example/m?page=${n + 1}`);
    }
    const unsorted = pagedSource(pages, 'https://ris.example/m?page=1');
    for (let round = 0; round < 40; round++) {
      unsorted.source.occurrences(DECEMBER, BERLIN);
      await unsorted.settle();
    }
    expect(unsorted.loaded).to.have.length(MAX_PAGES - 1);
    expect(unsorted.warnings).to.deep.equal([`[oparl-pages-stop] https://ris.example/m?page=1: stopped reading the list at https://ris.example/m?page=${MAX_PAGES + 1}: ${MAX_PAGES} pages are the limit (is the list sorted by start? a created_since filter in the URL skips old meetings); later meetings are not shown`]);

    const [a, b] = ['https://ris.example/c?page=1', 'https://ris.example/c?page=2'];
    const circle = pagedSource({ [a]: doc(a, [meeting(1, '2026-11-05T18:00:00+01:00')], b), [b]: doc(b, [meeting(2, '2026-11-06T18:00:00+01:00')], a) }, a);
    circle.source.occurrences(DECEMBER, BERLIN);
    await circle.settle();
    circle.source.occurrences(DECEMBER, BERLIN);
    expect(circle.loaded).to.deep.equal([b]);
    expect(circle.warnings[0]).to.match(/^\[oparl-pages-stop\] /).and.include('the pages lead in a circle');
  });

  it('warns once when a page cannot be read and stops there; an aborted page is asked for again, silently', async () => {
    const [p1, p2] = ['https://ris.example/m?page=1', 'https://ris.example/m?page=2'];
    const first = doc(p1, [meeting(1, '2026-11-05T18:00:00+01:00')], p2);
    const failing = pagedSource({ [p1]: first }, p1);
    failing.source.occurrences(DECEMBER, BERLIN);
    await failing.settle();
    failing.source.occurrences(DECEMBER, BERLIN);
    expect(failing.loaded).to.deep.equal([p2]);
    expect(failing.warnings).to.deep.equal([`[http-error] ${p1}: could not read the page ${p2}: HTTP 404; later meetings are not shown`]);

    const aborted = pagedSource({ [p1]: first, [p2]: new DOMException('left the page', 'AbortError') }, p1);
    aborted.source.occurrences(DECEMBER, BERLIN);
    await aborted.settle();
    expect(aborted.changes()).to.equal(0);
    aborted.source.occurrences(DECEMBER, BERLIN);
    await aborted.settle();
    expect(aborted.loaded).to.deep.equal([p2, p2]);
    expect(aborted.warnings).to.deep.equal([]);
  });
});
