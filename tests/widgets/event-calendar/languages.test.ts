import { expect, waitUntil } from '@open-wc/testing';
import type { KprEventCalendar } from '../../../src/event-calendar.js';
import { calendar } from './calendar-fixture.js';
import { fresh, shadow } from '../../support/helpers.js';

/*
 * An event in another language than the widget's is marked with its language (WCAG 3.1.2, language of parts), so that
 * a screen reader reads an English title in English, not with German sounds; and only there, as the news feed does.
 * languages.json is a German feed with an English, an Arabic (cancelled) and a de-DE event, and one without a
 * language of its own; languages.ics an English calendar with SUMMARY;LANGUAGE=en and =de, a DESCRIPTION;LANGUAGE=pl
 * and an event without LANGUAGE.
 */
const feed = () => fresh('/tests/fixtures/calendar/languages.json');
const ics = () => fresh('/tests/fixtures/calendar/languages.ics');

const spoken = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Each event button of the list: what it says, and the language and direction of the title inside it, if marked. */
function listed(el: HTMLElement): Array<[string, string | null, string | null]> {
  return [...shadow(el).querySelectorAll('.event-button')].map((button) => {
    const marked = button.querySelector('[lang]');
    return [spoken(button.textContent), marked?.getAttribute('lang') ?? null, marked?.getAttribute('dir') ?? null];
  });
}

/** The marked part of an element: its language and its text, or null where nothing in it is marked. */
function markedIn(element: Element | null): [string, string] | null {
  const marked = element?.matches('[lang]') ? element : element?.querySelector('[lang]');
  return marked ? [marked.getAttribute('lang')!, spoken(marked.textContent)] : null;
}

async function openDialog(el: KprEventCalendar, title: string): Promise<HTMLDialogElement> {
  const button = [...shadow(el).querySelectorAll<HTMLButtonElement>('.event-button')].find((b) => spoken(b.textContent).endsWith(title))!;
  button.click();
  const dialog = shadow(el).querySelector('dialog')!;
  await waitUntil(() => dialog.open, 'the dialog to open');
  await el.updateComplete;
  return dialog;
}

describe('<kpr-event-calendar> in the events\' languages', () => {
  it('marks an English event in a German feed lang="en" in the list, an Arabic one also dir="rtl", the status staying German', async () => {
    const el = await calendar({ src: feed(), view: 'list', date: '2026-12' });
    expect(listed(el)).to.deep.equal([
      ['Neighbourhood watch: open meeting', 'en', null],
      // Without a language of its own, the event is in the feed's (German, the widget's): nothing is marked.
      ['Sprechstunde der Bürgerpolizei', null, null],
      // A regional form of the widget's language is the widget's language.
      ['Seniorenfrühstück', null, null],
      ['Abgesagt: لقاء الجيران', 'ar', 'rtl'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('marks the English event\'s title and text in its dialog, and nothing in a German one\'s', async () => {
    const el = await calendar({ src: feed(), view: 'list', date: '2026-12' });
    const english = await openDialog(el, 'open meeting');
    expect(markedIn(english.querySelector('#dialog-title'))).to.deep.equal(['en', 'Neighbourhood watch: open meeting']);
    expect(markedIn(english.querySelector('.description'))).to.deep.equal(['en', 'Everyone who lives in Bannewitz is welcome.']);
    // The dialog's own words stay the widget's.
    expect(english.querySelector('.facts [lang]')).to.equal(null);
    english.close();
    const german = await openDialog(el, 'Sprechstunde der Bürgerpolizei');
    expect(markedIn(german.querySelector('#dialog-title'))).to.equal(null);
    expect(markedIn(german.querySelector('.description'))).to.equal(null);
  });

  it('in an English widget, marks the events that inherit the German feed\'s language lang="de", and the English one not', async () => {
    const el = await calendar({ src: feed(), view: 'list', date: '2026-12', lang: 'en' });
    await waitUntil(() => listed(el).at(-1)?.[0].startsWith('Cancelled'), 'the English widget');
    expect(listed(el)).to.deep.equal([
      ['Neighbourhood watch: open meeting', null, null],
      ['Sprechstunde der Bürgerpolizei', 'de', null],
      ['Seniorenfrühstück', 'de-DE', null],
      ['Cancelled: لقاء الجيران', 'ar', 'rtl'],
    ]);
  });

  it('marks the chips of the month grid and the events of the upcoming view as well', async () => {
    const month = await calendar({ src: feed(), view: 'month', date: '2026-12' });
    const chip = shadow(month).querySelector('td[data-day="2026-12-08"] .chip')!;
    expect(markedIn(chip)).to.deep.equal(['en', 'Neighbourhood watch: open meeting']);
    expect(markedIn(shadow(month).querySelector('td[data-day="2026-12-09"] .chip'))).to.equal(null);
    const upcoming = await calendar({ src: feed(), view: 'upcoming' });
    expect(listed(upcoming).map(([text, lang]) => [text, lang])).to.deep.equal([
      ['Neighbourhood watch: open meeting', 'en'],
      ['Sprechstunde der Bürgerpolizei', null],
      ['Seniorenfrühstück', null],
      ['Abgesagt: لقاء الجيران', 'ar'],
    ]);
  });

  it('reads an iCalendar SUMMARY;LANGUAGE=en, a DESCRIPTION\'s LANGUAGE, and the calendar\'s for events without one', async () => {
    const el = await calendar({ src: ics(), view: 'list', date: '2026-12' });
    expect(listed(el)).to.deep.equal([
      ['Open meeting', 'en', null],
      ['Sprechstunde der Bürgerpolizei', null, null],
      // No LANGUAGE on SUMMARY: its DESCRIPTION's says what the event is written in.
      ['Spotkanie sąsiedzkie', 'pl', null],
      // No LANGUAGE on the event at all: the calendar's (X-WR-CALNAME;LANGUAGE=en).
      ['Bike marking', 'en', null],
    ]);
    const dialog = await openDialog(el, 'Open meeting');
    expect(markedIn(dialog.querySelector('#dialog-title'))).to.deep.equal(['en', 'Open meeting']);
    expect(markedIn(dialog.querySelector('.description'))).to.deep.equal(['en', 'Everyone is welcome.']);
  });
});
