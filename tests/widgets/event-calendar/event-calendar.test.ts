import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import ICAL from 'ical.js';
import '../../../src/event-calendar.js';
import type { KprEventCalendar } from '../../../src/event-calendar.js';
import { atInstant } from '../../support/clock.js';
import { calendar, demoEvents } from './calendar-fixture.js';
import { expectVisibleBorder, expectVisibleFocusRing, inForcedColours, startSide, systemColour } from '../../support/forced-colors.js';
import { captureConsole, focused, fresh, idlePeriod, served, settled, shadow, visibleText } from '../../support/helpers.js';

const council = () => fresh('/demo/feeds/gemeinderat.ics');


const spoken = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const cell = (el: HTMLElement, day: string) => shadow(el).querySelector<HTMLElement>(`td[data-day="${day}"]`)!;
const chips = (el: HTMLElement, day: string) => [...cell(el, day).querySelectorAll('.chip')].map((chip) => spoken(chip.textContent));
const heading = (el: HTMLElement) => spoken(shadow(el).querySelector('#month-heading')!.textContent);
const dialog = (el: HTMLElement) => shadow(el).querySelector('dialog')!;
async function press(el: KprEventCalendar, key: string) {
  await sendKeys({ press: key });
  await el.updateComplete;
}

describe('<kpr-event-calendar>', () => {
  describe('a long list', () => {
    /** A feed of `count` events in January 2027, five a day from the 1st, titled in order. */
    const longFeed = (count: number) => URL.createObjectURL(new Blob([JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Termine',
      items: Array.from({ length: count }, (_, i) => ({
        id: `t${i}`,
        title: `Termin ${String(i + 1).padStart(3, '0')}`,
        content_text: 'Beratung',
        _kpr: { start: `2027-01-${String(1 + Math.floor(i / 5)).padStart(2, '0')}T${String(8 + (i % 5)).padStart(2, '0')}:00:00+01:00` },
      })),
    })], { type: 'application/feed+json' }));
    const titles = (el: HTMLElement) => [...shadow(el).querySelectorAll('.event-button')].map((button) => spoken(button.textContent));
    const status = (el: HTMLElement) => spoken(shadow(el).querySelector('[role="status"]')!.textContent);

    it('shows the first 100 entries and a button that appends the next, with the focus on the first new one and their count said', async () => {
      const el = await calendar({ date: '2027-01', view: 'list', src: longFeed(150) });
      expect(titles(el)).to.have.length(100);
      expect(titles(el).at(-1)).to.equal('Termin 100');
      const more = shadow(el).querySelector<HTMLButtonElement>('[part="more-button"]')!;
      expect(spoken(more.textContent)).to.equal('Weitere Termine anzeigen');
      expect(status(el)).to.equal('');
      more.focus();
      await press(el, 'Enter');
      expect(titles(el)).to.have.length(150);
      expect(titles(el).at(-1)).to.equal('Termin 150');
      expect(shadow(el).querySelector('[part="more-button"]')).to.equal(null);
      expect(focused(el)).to.equal('event-button: Termin 101');
      expect(status(el)).to.equal('50 weitere Termine angezeigt');
      // Another month's list starts with its first page again, and the live region has nothing old to say.
      shadow(el).querySelector<HTMLButtonElement>('[aria-label="Nächster Monat"]')!.click();
      await el.updateComplete;
      shadow(el).querySelector<HTMLButtonElement>('[aria-label="Vorheriger Monat"]')!.click();
      await el.updateComplete;
      expect(titles(el)).to.have.length(100);
      expect(status(el)).to.equal('');
    });

    it('searches all of the month\'s events, not only the first page', async () => {
      const el = await calendar({ date: '2027-01', view: 'list', src: longFeed(150) });
      const search = shadow(el).querySelector<HTMLInputElement>('input[type="search"]')!;
      search.value = 'Termin 150';
      search.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['Termin 150']);
      expect(status(el)).to.equal('1 Termin gefunden');
    });
  });

  describe('month view', () => {
    it('shows the month\'s events at Berlin time, whatever the visitor\'s zone (the test browser is in New York)', async () => {
      const el = await calendar({ date: '2026-12' });
      expect(heading(el)).to.equal('Dezember 2026');
      expect(chips(el, '2026-12-03')).to.deep.equal(['18:00 Sitzung des Kommunalen Präventionsrats']);
      expect(chips(el, '2026-12-01')).to.deep.equal(['16:00 Sprechstunde der Bürgerpolizei']);
      expect(spoken(cell(el, '2026-12-03').querySelector('.visually-hidden')!.textContent)).to.equal('Donnerstag, 3. Dezember 2026, 1 Termin');
    });

    it('keeps a weekly event at its local time across both clock changes, and an EXDATE removes exactly one day', async () => {
      const october = await calendar({ date: '2026-10' });
      expect(chips(october, '2026-10-20')).to.deep.equal(['16:00 Sprechstunde der Bürgerpolizei']);
      expect(chips(october, '2026-10-27')).to.deep.equal(['16:00 Sprechstunde der Bürgerpolizei']);
      const march = await calendar({ date: '2027-03' });
      expect(chips(march, '2027-03-23')).to.deep.equal(['16:00 Sprechstunde der Bürgerpolizei']);
      expect(chips(march, '2027-03-30')).to.deep.equal(['16:00 Sprechstunde der Bürgerpolizei']);
      const december = await calendar({ date: '2026-12' });
      expect(chips(december, '2026-12-15')).to.include('16:00 Sprechstunde der Bürgerpolizei');
      expect(chips(december, '2026-12-22')).to.deep.equal([]);
    });

    it('shows all-day events on their own day and multi-day events on every day, cancelled ones in words', async () => {
      const november = await calendar({ date: '2026-11' });
      expect(chips(november, '2026-11-28')).to.deep.equal(['Stand des Präventionsrats auf dem Adventsmarkt']);
      const december = await calendar({ date: '2026-12' });
      for (const day of ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11']) {
        expect(chips(december, day).join()).to.include('Ausstellung „Sicher unterwegs“');
      }
      expect(chips(december, '2026-12-12').join()).to.not.include('Ausstellung');
      expect(chips(december, '2026-12-10')).to.include('15:00 Abgesagt: Vortrag: Betrug am Telefon');
    });

    it('moves through the grid with the APG keys and announces the month', async () => {
      const el = await calendar({ date: '2026-12-02' });
      cell(el, '2026-12-02').focus();
      await press(el, 'ArrowRight');
      expect(focused(el)).to.match(/^td: 3/);
      await press(el, 'ArrowDown');
      expect(shadow(el).activeElement!.getAttribute('data-day')).to.equal('2026-12-10');
      await press(el, 'Home');
      expect(shadow(el).activeElement!.getAttribute('data-day')).to.equal('2026-12-07');
      await press(el, 'End');
      expect(shadow(el).activeElement!.getAttribute('data-day')).to.equal('2026-12-13');
      await press(el, 'PageDown');
      expect(shadow(el).activeElement!.getAttribute('data-day')).to.equal('2027-01-13');
      expect(heading(el)).to.equal('Januar 2027');
      expect(shadow(el).querySelector('#month-heading')!.getAttribute('aria-live')).to.equal('polite');
      await press(el, 'PageUp');
      await press(el, 'ArrowUp');
      expect(shadow(el).activeElement!.getAttribute('data-day')).to.equal('2026-12-06');
      // Only the focused day is in the tab order.
      expect(shadow(el).querySelectorAll('td[tabindex="0"]')).to.have.length(1);
    });

    it('opens the day with Enter, an event from there, and returns focus to the day when closed', async () => {
      const el = await calendar({ date: '2026-12-10' });
      cell(el, '2026-12-10').focus();
      await press(el, 'Enter');
      expect(dialog(el).open).to.equal(true);
      expect(spoken(dialog(el).querySelector('#dialog-title')!.textContent)).to.equal('Termine am Donnerstag, 10. Dezember 2026');
      const buttons = [...dialog(el).querySelectorAll<HTMLButtonElement>('.event-button')].map((b) => spoken(b.textContent));
      expect(buttons).to.deep.equal(['Ausstellung „Sicher unterwegs“', 'Abgesagt: Vortrag: Betrug am Telefon']);
      dialog(el).querySelectorAll<HTMLButtonElement>('.event-button')[1]!.click();
      await el.updateComplete;
      expect(dialog(el).open).to.equal(true);
      expect(spoken(dialog(el).querySelector('#dialog-title')!.textContent)).to.equal('Abgesagt: Vortrag: Betrug am Telefon');
      expect(dialog(el).textContent).to.include('Donnerstag, 10. Dezember 2026');
      await press(el, 'Escape');
      await waitUntil(() => !dialog(el).open, 'the dialog to close');
      await el.updateComplete;
      expect(shadow(el).activeElement?.getAttribute('data-day')).to.equal('2026-12-10');
    });

    it('moves the focus into an event\'s dialog opened with Enter from the day\'s dialog, and back to the day when closed', async () => {
      const el = await calendar({ date: '2026-12-10' });
      cell(el, '2026-12-10').focus();
      await press(el, 'Enter');
      await waitUntil(() => dialog(el).open, 'the day\'s dialog to open');
      expect(focused(el)).to.equal('button: Schließen');
      await press(el, 'Tab');
      expect(focused(el)).to.equal('event-button: Ausstellung „Sicher unterwegs“');
      await press(el, 'Enter');
      expect(spoken(dialog(el).querySelector('#dialog-title')!.textContent)).to.equal('Ausstellung „Sicher unterwegs“');
      // As when the event is opened from the list: on the close button, inside the dialog, with a visible ring.
      expect(focused(el)).to.equal('button: Schließen');
      expectVisibleFocusRing(shadow(el).activeElement!, 'the close button');
      await press(el, 'Escape');
      await waitUntil(() => !dialog(el).open, 'the dialog to close');
      await el.updateComplete;
      expect(shadow(el).activeElement?.getAttribute('data-day')).to.equal('2026-12-10');
    });
  });

  describe('event details', () => {
    async function openEvent(el: KprEventCalendar, day: string, title: string) {
      const chip = [...cell(el, day).querySelectorAll<HTMLButtonElement>('.chip')].find((c) => c.textContent!.includes(title))!;
      chip.click();
      await el.updateComplete;
      await waitUntil(() => dialog(el).open, 'the dialog to open');
    }

    it('shows every field, keeps Tab inside the dialog and links the place to OpenStreetMap', async () => {
      const el = await calendar({ date: '2026-12' });
      await openEvent(el, '2026-12-03', 'Sitzung des Kommunalen');
      const text = spoken(dialog(el).textContent);
      expect(text).to.include('Donnerstag, 3. Dezember 2026').and.include('18:00').and.include('20:00')
        .and.include('Rathaus Bannewitz, Ratssaal, Rathausstraße 2, 01728 Bannewitz').and.include('Induktionsschleife').and.include('Regelmäßiger Termin');
      const map = dialog(el).querySelector<HTMLAnchorElement>('a[href^="https://www.openstreetmap.org/"]')!;
      expect(map.href).to.equal('https://www.openstreetmap.org/?mlat=50.9958&mlon=13.7185#map=17/50.9958/13.7185');
      expect(dialog(el).querySelector('iframe, img')).to.equal(null); // a link, never an embedded map
      expect(focused(el)).to.equal('button: Schließen');
      const links = [...dialog(el).querySelectorAll<HTMLElement>('a[href], button')];
      links.at(-1)!.focus();
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal('button: Schließen');
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(shadow(el).activeElement).to.not.equal(null);
      expect(dialog(el).contains(shadow(el).activeElement)).to.equal(true);
    });

    it('offers the event as an .ics file that ical.js reads back as the same event', async () => {
      const el = await calendar({ date: '2026-12' });
      await openEvent(el, '2026-12-03', 'Sitzung des Kommunalen');
      const link = dialog(el).querySelector<HTMLAnchorElement>('[part="ics-link"]')!;
      expect(link.download).to.equal('Sitzung des Kommunalen Präventionsrats.ics');
      const ics = await (await fetch(link.href)).text();
      const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!);
      expect(event.summary).to.equal('Sitzung des Kommunalen Präventionsrats');
      expect(event.startDate.toJSDate().toISOString()).to.equal('2026-12-03T17:00:00.000Z');
      expect(event.endDate.toJSDate().toISOString()).to.equal('2026-12-03T19:00:00.000Z');
      expect(event.location).to.equal('Rathaus Bannewitz, Ratssaal, Rathausstraße 2, 01728 Bannewitz');
    });
  });

  describe('views and sources', () => {
    it('shows the list when the container is narrow', async () => {
      const el = await calendar({ date: '2026-12' }, '400px');
      await waitUntil(() => shadow(el).querySelector('[part="list"]'), 'the list view');
      expect(shadow(el).querySelector('table')).to.equal(null);
      const days = [...shadow(el).querySelectorAll('[part="day-heading"]')].map((h) => spoken(h.textContent));
      expect(days[0]).to.equal('Dienstag, 1. Dezember 2026');
    });

    it('filters by category with toggle buttons, and searches the list', async () => {
      const el = await calendar({ date: '2026-12', view: 'list' });
      const toggle = [...shadow(el).querySelectorAll<HTMLButtonElement>('.toggle')].find((b) => b.textContent!.trim() === 'Vortrag')!;
      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      const titles = () => [...shadow(el).querySelectorAll('.event-button')].map((b) => spoken(b.textContent));
      expect(titles()).to.deep.equal(['Abgesagt: Vortrag: Betrug am Telefon', 'Findet online statt: Elternabend: Kinder sicher im Netz']);
      toggle.click();
      const input = shadow(el).querySelector<HTMLInputElement>('input[type="search"]')!;
      input.value = 'ausstellung';
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(titles()).to.deep.equal(['Ausstellung „Sicher unterwegs“']);
      expect(spoken(shadow(el).querySelector('[role="status"]')!.textContent)).to.equal('1 Termin gefunden');
    });

    it('merges an iCalendar export of the council with the KPR feed', async () => {
      const el = await calendar({ date: '2026-12', src: `${demoEvents()} ${council()}` });
      expect(chips(el, '2026-12-08')).to.deep.equal(['Ausstellung „Sicher unterwegs“', '16:00 Sprechstunde der Bürgerpolizei', '18:30 Sitzung des Gemeinderats']);
    });

    it('lists the next events in the upcoming view', async () => {
      const el = await calendar({ view: 'upcoming', limit: '3' });
      expect(shadow(el).querySelectorAll('[part="event"]')).to.have.length(3);
    });

    it('opens the month in the address, and writes it there when moving', async () => {
      history.replaceState(null, '', '#kpr-date=2027-01');
      try {
        const el = await calendar({ 'url-state': '' });
        expect(heading(el)).to.equal('Januar 2027');
        shadow(el).querySelector<HTMLButtonElement>('[aria-label="Nächster Monat"]')!.click();
        await el.updateComplete;
        expect(location.hash).to.equal('#kpr-date=2027-02');
        expect(heading(el)).to.equal('Februar 2027');
      } finally {
        history.replaceState(null, '', location.pathname + location.search);
      }
    });

    it('writes the shown events as schema.org JSON-LD into the light DOM', async () => {
      const el = await calendar({ date: '2026-12' });
      const data = JSON.parse(el.querySelector('script[type="application/ld+json"]')!.textContent!) as Record<string, unknown>[];
      const cancelled = data.find((event) => event.name === 'Vortrag: Betrug am Telefon')!;
      expect(cancelled.eventStatus).to.equal('https://schema.org/EventCancelled');
      expect(cancelled.startDate).to.equal('2026-12-10T14:00:00.000Z');
    });

    it('reads a feed\'s far-off events only while it is on the page: taken off, it stops; back, it goes on', async () => {
      const feed = {
        version: 'https://jsonfeed.org/version/1.1',
        title: 'KPR Bannewitz',
        items: [
          { id: 'nah', title: 'Sprechstunde', content_text: '', _kpr: { start: '2026-11-10T18:00:00+01:00' } },
          // Far from November: read only when the browser is idle, and then it warns.
          { id: 'fern', title: 'Vortrag', content_text: '', _kpr: { start: '2027-06-10T18:00:00+02:00', end: '2027-06-10T17:00:00+02:00' } },
        ],
      };
      const warnings = captureConsole('warn');
      try {
        const el = document.createElement('kpr-event-calendar');
        for (const [name, value] of Object.entries({ eager: '', date: '2026-11', src: served(feed) })) el.setAttribute(name, value);
        const wrapper = await fixture(html`<div style="width: 900px"></div>`);
        wrapper.append(el);
        // Taken off the page in the same task as the calendar shows its month: before the browser was idle once.
        const shown = new Promise<void>((resolve) => {
          const observer = new MutationObserver(() => {
            if (el.shadowRoot!.querySelector('[part="base"]')?.getAttribute('aria-busy') !== 'false') return;
            observer.disconnect();
            el.remove();
            resolve();
          });
          observer.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true });
        });
        await shown;
        const farOff = () => warnings.messages.filter((message) => message.includes('"fern"'));
        for (let period = 0; period < 3; period++) await idlePeriod();
        expect(farOff()).to.deep.equal([]);
        wrapper.append(el);
        await waitUntil(() => farOff().length === 1, 'the far-off event read once the calendar is back');
      } finally {
        warnings.restore();
      }
    });

    it('shows the error state for a missing feed and names it in the console', async () => {
      const errors = captureConsole('error');
      try {
        const el = await calendar({ src: fresh('/test-api/status/404') });
        expect(visibleText(el)).to.include('Die Inhalte können gerade nicht geladen werden.');
        expect(errors.messages.join('\n')).to.include('<kpr-event-calendar>').and.include('404');
      } finally {
        errors.restore();
      }
    });

    it('shows the error state for a broken iCalendar file, and skips only the bad events of a good one', async () => {
      const errors = captureConsole('error');
      const warnings = captureConsole('warn');
      try {
        const broken = await calendar({ src: fresh('/tests/fixtures/calendar/truncated.ics') });
        expect(visibleText(broken)).to.include('Die Inhalte können gerade nicht geladen werden.');
        expect(errors.messages.join('\n')).to.include('could not use the calendar').and.include('truncated.ics');
        const mixed = await calendar({ date: '2026-12', src: `${demoEvents()} ${fresh('/tests/fixtures/calendar/problems.ics')}` });
        expect(chips(mixed, '2026-12-03')).to.include('18:00 Sitzung des Kommunalen Präventionsrats');
        // Each warning names its problem's code, as the other widgets' do (docs/problem-codes.md).
        expect(warnings.messages.filter((message) => message.includes('problems.ics')).map((message) => /^\[asskomm-widgets\] <kpr-event-calendar> \[([a-z-]+)\] /.exec(message)?.[1]))
          .to.deep.equal(['event-without-title', 'event-ends-before-start', 'rrule-unreadable', 'event-date-unreadable']);
      } finally {
        errors.restore();
        warnings.restore();
      }
    });

    it('reads right to left in Arabic: mirrored toolbar and grid, Arabic month, ArrowLeft to the next day, axe-clean', async () => {
      const el = await calendar({ date: '2026-12', lang: 'ar' });
      const base = shadow(el).querySelector('[part="base"]')!;
      await waitUntil(() => base.getAttribute('dir') === 'rtl', 'right to left');
      expect(base.getAttribute('lang')).to.equal('ar');
      expect(heading(el)).to.include('ديسمبر');
      const [previous, , next] = [...shadow(el).querySelectorAll<HTMLButtonElement>('.nav button')];
      expect(previous!.getAttribute('aria-label')).to.equal('الشهر السابق');
      expect(next!.getAttribute('aria-label')).to.equal('الشهر التالي');
      expect(next!.getBoundingClientRect().right).to.be.at.most(previous!.getBoundingClientRect().left);
      // The week runs from right to left, so the next day is to the left.
      expect(cell(el, '2026-12-03').getBoundingClientRect().right).to.be.at.most(cell(el, '2026-12-02').getBoundingClientRect().left + 1);
      const start = shadow(el).querySelector<HTMLElement>('td[tabindex="0"]')!;
      expect(start.dataset.day).to.equal('2026-12-01');
      start.focus();
      await press(el, 'ArrowLeft');
      expect(shadow(el).activeElement!.getAttribute('data-day')).to.equal('2026-12-02');
      await press(el, 'ArrowLeft');
      await press(el, 'ArrowRight');
      expect(shadow(el).activeElement!.getAttribute('data-day')).to.equal('2026-12-02');
      await expect(el).to.be.accessible();
      await expect(await calendar({ date: '2026-12', view: 'list', lang: 'ar' })).to.be.accessible();
    });

    it('is axe-clean in month and list view, with the dialog open, and in English', async () => {
      const el = await calendar({ date: '2026-12' });
      await expect(el).to.be.accessible();
      await expect(await calendar({ date: '2026-12', view: 'list' })).to.be.accessible();
      await expect(await calendar({ view: 'upcoming', limit: '3' })).to.be.accessible();
      const english = await calendar({ date: '2026-12', lang: 'en' });
      await waitUntil(() => heading(english) === 'December 2026', 'English');
      await expect(english).to.be.accessible();
      cell(el, '2026-12-03').querySelector<HTMLButtonElement>('.chip')!.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  });

  describe('at 200 % zoom (650 px)', () => {
    const src = () => fresh('/tests/fixtures/calendar/long-titles.json');

    it('shows the list unless the month is asked for', async () => {
      const el = await calendar({ date: '2026-11', src: src() }, '650px');
      await waitUntil(() => shadow(el).querySelector('[part="list"]'), 'the list view');
      expect(shadow(el).querySelector('table')).to.equal(null);
    });

    it('keeps every title of a month asked for inside its cell, wrapped and cut after two lines, never mid-word across the border', async () => {
      const el = await calendar({ date: '2026-11', view: 'month', src: src() }, '650px');
      expect(chips(el, '2026-11-26')).to.deep.equal(['Fahrradcodierungsaktionswoche', '17:00 Abendspaziergang', '19:00 Kriminalpräventionsratssitzung']);
      const all = [...shadow(el).querySelectorAll<HTMLElement>('.chip')];
      expect(all.length).to.be.greaterThan(5);
      for (const chip of all) {
        const what = spoken(chip.textContent);
        expect(chip.scrollWidth, `${what}: its text is wider than the chip`).to.be.at.most(chip.clientWidth);
        const [inner, outer] = [chip.getBoundingClientRect(), chip.closest('td')!.getBoundingClientRect()];
        expect(inner.left, `${what}: left of its cell`).to.be.at.least(outer.left);
        expect(inner.right, `${what}: right of its cell`).to.be.at.most(outer.right);
      }
      // Screen readers hear the day and its count in the grid; Enter opens the day with every title in full.
      expect(spoken(cell(el, '2026-11-26').querySelector('.visually-hidden')!.textContent)).to.equal('Donnerstag, 26. November 2026, 3 Termine');
    });
  });

  describe('heading levels', () => {
    const levels = (el: HTMLElement) => [...shadow(el).querySelectorAll('[role="heading"], h1, h2, h3, h4, h5, h6')].map((h) => Number(h.getAttribute('aria-level') ?? h.localName.slice(1)));

    for (const level of [2, 3]) {
      it(`gives the first heading level ${level} with heading-level="${level}", and the days in a month's list the level below`, async () => {
        const headingLevel = String(level);
        expect(levels(await calendar({ date: '2026-12', 'heading-level': headingLevel })), 'month').to.deep.equal([level]);
        const list = levels(await calendar({ date: '2026-12', view: 'list', 'heading-level': headingLevel }));
        expect(list[0], 'list: the month').to.equal(level);
        expect(new Set(list.slice(1)), 'list: its days').to.deep.equal(new Set([level + 1]));
        const upcoming = levels(await calendar({ view: 'upcoming', limit: '3', 'heading-level': headingLevel }));
        expect(upcoming.length, 'upcoming').to.be.greaterThan(1);
        expect(new Set(upcoming), 'upcoming: its days, the first headings it has').to.deep.equal(new Set([level]));
      });
    }

    it('fits under the page\'s h2 with heading-level="3" in every view (axe heading-order)', async () => {
      for (const view of ['upcoming', 'list', 'month']) {
        const page = await fixture(html`<div><h2>Termine</h2><kpr-event-calendar eager view=${view} date="2026-12" heading-level="3" src=${demoEvents()}></kpr-event-calendar></div>`);
        await settled(page.querySelector('kpr-event-calendar')!);
        await expect(page, view).to.be.accessible();
      }
    });
  });

  describe('feeds from the wild', () => {
    const calendarFile = (name: string) => fresh(`/tests/fixtures/calendar/${name}`);

    it('shows an event without SUMMARY as "Termin ohne Titel" ("Untitled event" in English) and warns the webmaster', async () => {
      const warnings = captureConsole('warn');
      try {
        const src = calendarFile('no-summary.ics');
        const el = await calendar({ date: '2026-11', src });
        for (const day of ['2026-11-03', '2026-11-17', '2026-11-26']) expect(chips(el, day), day).to.deep.equal(['10:00 Termin ohne Titel']);
        expect(chips(el, '2026-11-10')).to.deep.equal([]); // its EXDATE
        cell(el, '2026-11-03').querySelector<HTMLButtonElement>('.chip')!.click();
        await waitUntil(() => dialog(el).open, 'the dialog to open');
        expect(spoken(dialog(el).querySelector('#dialog-title')!.textContent)).to.equal('Termin ohne Titel');
        expect(warnings.messages.filter((message) => message.includes('no SUMMARY'))).to.have.length(1);
        const english = await calendar({ date: '2026-11', lang: 'en', src });
        await waitUntil(() => chips(english, '2026-11-03')[0] === '10:00 AM Untitled event', 'the English title');
      } finally {
        warnings.restore();
      }
    });

    it('ends a 09:00 series with UNTIL=19970905 (a date) before 5 September, and warns of FREQ=WEEKLY;BYMONTHDAY', async () => {
      const warnings = captureConsole('warn');
      try {
        const el = await calendar({ date: '1997-09', view: 'list', src: calendarFile('until-date.json') });
        const days = [...shadow(el).querySelectorAll('.agenda-day')].map((day) => [
          spoken(day.querySelector('[part="day-heading"]')!.textContent),
          ...[...day.querySelectorAll('.event-button')].map((button) => spoken(button.textContent)),
        ]);
        expect(days).to.deep.equal([
          ['Dienstag, 2. September 1997', 'Ganztägig bis zum 5. September', 'Täglich bis zum 5. September', 'Wöchentlich am 1. und 3.'],
          ['Mittwoch, 3. September 1997', 'Ganztägig bis zum 5. September', 'Täglich bis zum 5. September'],
          ['Donnerstag, 4. September 1997', 'Ganztägig bis zum 5. September', 'Täglich bis zum 5. September'],
          ['Freitag, 5. September 1997', 'Ganztägig bis zum 5. September'],
        ]);
        expect(warnings.messages.filter((message) => message.includes('BYMONTHDAY is not allowed with FREQ=WEEKLY'))).to.have.length(1);
      } finally {
        warnings.restore();
      }
    });

    describe('on 30 June 2026 at noon', () => {
      atInstant('2026-06-30T12:00:00+02:00');
      /**
       * Each listed event as a resident reads it: its time, its title. Hours before 10 lose a leading zero: Chromium
       * writes German "1:00", Firefox "01:00", and both are right.
       */
      const listed = (el: HTMLElement) => [...shadow(el).querySelectorAll('[part="event"]')]
        .map((event) => [spoken(event.querySelector('.agenda-time')!.textContent).replace(/\b0(\d:)/g, '$1'), spoken(event.querySelector('.event-button')!.textContent)]);

      it('shows an event past midnight with its start and end times and the days it ends later, in the list and upcoming views', async () => {
        const src = calendarFile('overnight.ics');
        const expected = [['6:00 – 6:00 (+1 Tag)', '24 Stunden für die Sicherheit'], ['22:00 – 1:00 (+1 Tag)', 'Nachtstreife mit dem Ordnungsamt']];
        expect(listed(await calendar({ view: 'list', src }))).to.deep.equal(expected);
        expect(listed(await calendar({ view: 'upcoming', src }))).to.deep.equal(expected);
        const english = await calendar({ view: 'upcoming', lang: 'en', src });
        await waitUntil(() => listed(english)[1]?.[0] === '10:00 PM – 1:00 AM (+1 day)', 'English times');
      });
    });
  });

  describe('a calendar set up wrongly', () => {
    const noRetry = (el: HTMLElement) => expect(shadow(el).querySelector('[part="retry-button"]'), 'a retry button').to.equal(null);

    it('given a news feed, says the events cannot be shown, offers no retry, and names the fix in one console error', async () => {
      const errors = captureConsole('error');
      const warnings = captureConsole('warn');
      try {
        const src = fresh('/tests/fixtures/calendar/news-not-events.json');
        const el = await calendar({ src });
        expect(visibleText(el)).to.include('Die Termine können hier nicht angezeigt werden, weil der Kalender nicht richtig eingerichtet ist.');
        expect(shadow(el).querySelector('table, [part="list"]')).to.equal(null);
        noRetry(el);
        expect(errors.messages).to.have.length(1);
        expect(errors.messages[0]).to.include('<kpr-event-calendar>').and.include('src').and.include('news-not-events.json').and.include('_kpr.start').and.include('news feed');
        expect(warnings.messages.filter((message) => message.includes('news-not-events.json'))).to.deep.equal([]);
        const english = await calendar({ src, lang: 'en' });
        await waitUntil(() => visibleText(english).includes('The events cannot be shown here because the calendar is not set up correctly.'), 'English');
        noRetry(english);
      } finally {
        errors.restore();
        warnings.restore();
      }
    });

    it('given a web page instead of a feed, says the events cannot be shown here, without a retry, by the problem\'s code', async () => {
      const errors = captureConsole('error');
      const failures: string[] = [];
      const listener = (event: Event) => failures.push((event as CustomEvent<{ code: string }>).detail.code);
      document.addEventListener('kpr-error', listener);
      try {
        const el = await calendar({ src: served('<!DOCTYPE html><html><body>Anmelden</body></html>', 'text/html') });
        await waitUntil(() => visibleText(el).includes('nicht richtig eingerichtet'), 'the calendar set up wrongly');
        expect(visibleText(el)).to.include('Die Termine können hier nicht angezeigt werden, weil der Kalender nicht richtig eingerichtet ist.');
        noRetry(el);
        expect(failures).to.deep.equal(['html-page']);
        expect(errors.messages.join('\n')).to.include('[html-page]');
      } finally {
        document.removeEventListener('kpr-error', listener);
        errors.restore();
      }
    });

    it('given a server that answers 503, offers the retry: asking again may mend it', async () => {
      const errors = captureConsole('error');
      try {
        const el = await calendar({ src: fresh('/test-api/status/503') });
        await waitUntil(() => shadow(el).querySelector('[part="retry-button"]'), 'the retry button');
        expect(visibleText(el)).to.include('Die Inhalte können gerade nicht geladen werden.').and.not.include('nicht richtig eingerichtet');
        expect(errors.messages.join('\n')).to.include('[http-error]');
      } finally {
        errors.restore();
      }
    });

    it('without src, says so to residents without a retry, keeps the fallback link, and names the attribute in one console error', async () => {
      const errors = captureConsole('error');
      try {
        const wrapper = await fixture(html`<div><kpr-event-calendar eager><a href="/termine">Alle Termine</a></kpr-event-calendar></div>`);
        const el = wrapper.querySelector<KprEventCalendar>('kpr-event-calendar')!;
        await settled(el);
        await waitUntil(() => errors.messages.length > 0, 'the console error');
        expect(visibleText(el)).to.include('Die Termine können hier nicht angezeigt werden, weil der Kalender nicht richtig eingerichtet ist.');
        noRetry(el);
        expect(shadow(el).querySelector('slot')!.assignedElements().map((a) => a.textContent)).to.deep.equal(['Alle Termine']);
        expect(errors.messages).to.have.length(1);
        expect(errors.messages[0]).to.include('<kpr-event-calendar>').and.include('src');
        await expect(el).to.be.accessible();
      } finally {
        errors.restore();
      }
    });
  });

  describe('the list of this month', () => {
    /** The day headings on screen, as a screen reader reads them (a past day says so in words). */
    const days = (el: HTMLElement) => [...shadow(el).querySelectorAll<HTMLElement>('[part="day-heading"]')].filter((h) => h.checkVisibility()).map((h) => spoken(h.textContent));
    const earlierButton = (el: HTMLElement) => shadow(el).querySelector<HTMLButtonElement>('[part="earlier-button"]');
    const titles = (el: HTMLElement) => [...shadow(el).querySelectorAll<HTMLElement>('.event-button')].filter((b) => b.checkVisibility()).map((b) => spoken(b.textContent));
    const search = async (el: KprEventCalendar, text: string) => {
      const input = shadow(el).querySelector<HTMLInputElement>('input[type="search"]')!;
      input.value = text;
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
    };

    describe('on Wednesday, 9 December 2026 at noon', () => {
      atInstant('2026-12-09T12:00:00+01:00');

      it('starts at today, with the earlier days behind a disclosure button that keeps the focus', async () => {
        const el = await calendar({ view: 'list' });
        expect(heading(el)).to.equal('Dezember 2026');
        // The exhibition (7 to 11 December) is still on: it is under today, not among the earlier ones.
        expect(days(el)).to.deep.equal(['Mittwoch, 9. Dezember 2026', 'Donnerstag, 10. Dezember 2026', 'Dienstag, 15. Dezember 2026']);
        expect(titles(el)[0]).to.equal('Ausstellung „Sicher unterwegs“');
        const button = earlierButton(el)!;
        expect(spoken(button.textContent)).to.equal('Frühere Termine in diesem Monat (3)');
        expect(button.getAttribute('aria-expanded')).to.equal('false');
        const panel = shadow(el).getElementById(button.getAttribute('aria-controls')!)!;
        expect(panel.hidden).to.equal(true);
        // It is above the list's first day.
        expect(button.getBoundingClientRect().bottom).to.be.at.most(shadow(el).querySelector('[part="day-heading"]')!.getBoundingClientRect().top);
        await expect(el).to.be.accessible();

        button.focus();
        await press(el, 'Enter');
        expect(button.getAttribute('aria-expanded')).to.equal('true');
        expect(focused(el)).to.equal('earlier-button: Frühere Termine in diesem Monat (3)');
        expect(panel.hidden).to.equal(false);
        expect(days(el)).to.deep.equal([
          'Dienstag, 1. Dezember 2026, vorbei', 'Donnerstag, 3. Dezember 2026, vorbei', 'Dienstag, 8. Dezember 2026, vorbei',
          'Mittwoch, 9. Dezember 2026', 'Donnerstag, 10. Dezember 2026', 'Dienstag, 15. Dezember 2026',
        ]);
        expect(titles(el).slice(0, 4)).to.deep.equal(['Sprechstunde der Bürgerpolizei', 'Sitzung des Kommunalen Präventionsrats', 'Sprechstunde der Bürgerpolizei', 'Ausstellung „Sicher unterwegs“']);
        // "Vorbei" is for screen readers; the eye sees the past days step back: other colour, normal weight.
        const [past, upcoming] = [panel.querySelector('.event-button')!, shadow(el).querySelector('[part="list"] > .agenda-day .event-button')!].map((b) => getComputedStyle(b));
        expect(past!.color).to.not.equal(upcoming!.color);
        expect(Number(past!.fontWeight)).to.be.below(Number(upcoming!.fontWeight));
        await expect(el).to.be.accessible();

        await press(el, 'Enter');
        expect(button.getAttribute('aria-expanded')).to.equal('false');
        expect(focused(el)).to.equal('earlier-button: Frühere Termine in diesem Monat (3)');
        expect(days(el)[0]).to.equal('Mittwoch, 9. Dezember 2026');
      });

      it('opens an earlier event\'s details from there', async () => {
        const el = await calendar({ view: 'list' });
        earlierButton(el)!.click();
        await el.updateComplete;
        const council = [...shadow(el).querySelectorAll<HTMLButtonElement>('.past .event-button')].find((b) => b.textContent!.includes('Sitzung'))!;
        council.click();
        await waitUntil(() => dialog(el).open, 'the dialog to open');
        expect(spoken(dialog(el).querySelector('#dialog-title')!.textContent)).to.equal('Sitzung des Kommunalen Präventionsrats');
        expect(dialog(el).textContent).to.include('Donnerstag, 3. Dezember 2026');
      });

      it('counts only the earlier events that the search and the categories let through', async () => {
        const el = await calendar({ view: 'list' });
        await search(el, 'sprechstunde');
        expect(spoken(earlierButton(el)!.textContent)).to.equal('Frühere Termine in diesem Monat (2)');
        expect(days(el)).to.deep.equal(['Dienstag, 15. Dezember 2026']);
        expect(spoken(shadow(el).querySelector('[role="status"]')!.textContent)).to.equal('3 Termine gefunden');
        await search(el, 'elternabend');
        expect(earlierButton(el)).to.equal(null);
        expect(days(el)).to.deep.equal(['Dienstag, 15. Dezember 2026']);
        await search(el, '');
        [...shadow(el).querySelectorAll<HTMLButtonElement>('.toggle')].find((b) => b.textContent!.trim() === 'Präventionsrat')!.click();
        await el.updateComplete;
        expect(spoken(earlierButton(el)!.textContent)).to.equal('Früherer Termin in diesem Monat (1)');
        // Nothing of the category is left this month: the list says so below the button, instead of "no events".
        expect(days(el)).to.deep.equal([]);
        expect(visibleText(el)).to.include('Kein weiterer Termin in diesem Monat passt zu Ihrer Auswahl.');
        await expect(el).to.be.accessible();
      });

      it('lists other months whole, without the button', async () => {
        const el = await calendar({ view: 'list' });
        shadow(el).querySelector<HTMLButtonElement>('[aria-label="Vorheriger Monat"]')!.click();
        await el.updateComplete;
        expect(heading(el)).to.equal('November 2026');
        expect(days(el)[0]).to.equal('Dienstag, 3. November 2026');
        expect(earlierButton(el)).to.equal(null);
        const january = await calendar({ view: 'list', date: '2027-01' });
        expect(days(january)[0]).to.equal('Dienstag, 5. Januar 2027');
        expect(earlierButton(january)).to.equal(null);
      });

      it('says it in English, Arabic and Leichte Sprache', async () => {
        const label = async (lang: string, text: string) => {
          const el = await calendar({ view: 'list', lang });
          await waitUntil(() => spoken(earlierButton(el)?.textContent) === text, `the button in ${lang}: ${text}`);
          return el;
        };
        await label('en', 'Earlier this month (3)');
        await label('de-x-ls', '3 Termine in diesem Monat sind schon vorbei');
        const arabic = await label('ar', 'فعاليات سابقة في هذا الشهر (3)');
        earlierButton(arabic)!.click();
        await arabic.updateComplete;
        expect(days(arabic)[0]).to.include('مضى');
        await expect(arabic).to.be.accessible();
      });
    });

    describe('on Monday, 4 January 2027, before the month\'s first event', () => {
      atInstant('2027-01-04T12:00:00+01:00');

      it('has no button when nothing took place yet this month', async () => {
        const el = await calendar({ view: 'list' });
        expect(days(el)[0]).to.equal('Dienstag, 5. Januar 2027');
        expect(earlierButton(el)).to.equal(null);
      });
    });

    describe('half an hour into 2027 in Berlin (still 31 December in the test browser\'s New York)', () => {
      atInstant('2027-01-01T00:30:00+01:00');

      it('lists January, without December\'s days and without a button', async () => {
        const el = await calendar({ view: 'list' });
        expect(heading(el)).to.equal('Januar 2027');
        expect(earlierButton(el)).to.equal(null);
        expect(days(el)[0]).to.equal('Dienstag, 5. Januar 2027');
        expect(days(el).join()).to.not.include('Dezember');
      });
    });

    describe('half an hour before the end of 2026', () => {
      atInstant('2026-12-31T23:30:00+01:00');

      it('has all of December\'s events behind the button, and says nothing is left', async () => {
        const el = await calendar({ view: 'list' });
        expect(heading(el)).to.equal('Dezember 2026');
        expect(days(el)).to.deep.equal([]);
        expect(visibleText(el)).to.include('In diesem Monat stehen keine weiteren Termine an.');
        const button = earlierButton(el)!;
        expect(spoken(button.textContent)).to.equal('Frühere Termine in diesem Monat (7)');
        button.click();
        await el.updateComplete;
        expect(days(el)).to.deep.equal([
          'Dienstag, 1. Dezember 2026, vorbei', 'Donnerstag, 3. Dezember 2026, vorbei', 'Montag, 7. Dezember 2026, vorbei', 'Dienstag, 8. Dezember 2026, vorbei',
          'Donnerstag, 10. Dezember 2026, vorbei', 'Dienstag, 15. Dezember 2026, vorbei',
        ]);
        await expect(el).to.be.accessible();
      });
    });
  });

  describe('in forced colours', () => {
    inForcedColours();
    // The visitor's contrast theme sets the colours, and so their contrast. Without a real theme Firefox stands in
    // with Highlight #3399ff under HighlightText #ffffff (2.9:1), which axe would blame on the widget.
    const theirPalette = { ignoredRules: ['color-contrast'] };
    const looks = (element: Element) => {
      const style = getComputedStyle(element);
      return { background: style.backgroundColor, text: style.color };
    };

    it('marks today and the chosen view in the highlight colour, and keeps event chips and the chosen day visible', async () => {
      const highlighted = { background: systemColour('Highlight'), text: systemColour('HighlightText') };
      const thisMonth = await calendar();
      expect(looks(shadow(thisMonth).querySelector('.day.today .day-number')!), 'today').to.deep.equal(highlighted);
      expect(looks(shadow(thisMonth).querySelector('.views [aria-pressed="true"]')!), 'the chosen view').to.deep.equal(highlighted);
      const other = shadow(thisMonth).querySelector('.views [aria-pressed="false"]')!;
      expect(looks(other), 'the other view').to.not.deep.equal(highlighted);
      expectVisibleBorder(other, 'top', 'the other view\'s button');

      const december = await calendar({ date: '2026-12-02' });
      const eventChips = [...shadow(december).querySelectorAll('.chip:not(.more)')];
      expect(eventChips.length).to.be.greaterThan(3);
      // Their tinted background is gone: the mark at their start shows where an event begins and ends.
      for (const chip of eventChips) expectVisibleBorder(chip, startSide(chip), `the chip "${spoken(chip.textContent)}"`);
      cell(december, '2026-12-02').focus();
      await press(december, 'ArrowRight');
      expect(shadow(december).activeElement!.getAttribute('data-day')).to.equal('2026-12-03');
      expectVisibleFocusRing(shadow(december).activeElement!, 'the chosen day');
      await expect(december).to.be.accessible(theirPalette);
    });

    it('shows pressed category filters in the highlight colour, and keeps the list\'s event marks visible', async () => {
      const el = await calendar({ date: '2026-12', view: 'list' });
      const toggles = [...shadow(el).querySelectorAll<HTMLButtonElement>('.toggle')];
      toggles.find((b) => b.textContent!.trim() === 'Vortrag')!.click();
      await el.updateComplete;
      for (const toggle of toggles) {
        if (toggle.getAttribute('aria-pressed') === 'true') {
          expect(looks(toggle), 'a pressed filter').to.deep.equal({ background: systemColour('Highlight'), text: systemColour('HighlightText') });
        } else {
          expect(looks(toggle).background, 'a filter not pressed').to.not.equal(systemColour('Highlight'));
          expectVisibleBorder(toggle, 'top', `the filter "${spoken(toggle.textContent)}"`);
        }
      }
      const events = [...shadow(el).querySelectorAll('.agenda-event')];
      expect(events.length).to.be.greaterThan(0);
      for (const event of events) expectVisibleBorder(event, startSide(event), 'an event\'s mark in the list');
      await expect(el).to.be.accessible(theirPalette);
    });
  });
});
