// The events form: a coordinator's event with its day, time and place, and a series written as the RRULE the
// calendar reads, with the next ten dates shown as they choose. Every test runs at the suite's instant
// (Tuesday, 24 November 2026, 10:00 in Berlin) unless it states its own with atInstant.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { checkFeed } from '../../src/validator/check-feed.js';
import type { FeedEditor } from '../../src/editor/feed-editor/feed-editor.js';
import { atInstant } from '../support/clock.js';
import { $, catchDownload, focusedId, mountEditor, press, pressDownload, previewShows, previewWidget, startFrom, typeInto } from './editor-support.js';

const KPR = '#field-items_0_kpr';
const RULE = `${KPR}_recurrence_rrule`;
const RECURRENCE = `${KPR}_recurrence`;

/** Chooses an option as the keyboard does in a closed select: the value changes, and `change` follows. */
async function choose(editor: FeedEditor, selector: string, value: string): Promise<void> {
  const select = $<HTMLSelectElement>(editor, selector);
  select.focus();
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await editor.updateComplete;
}

/** Ticks or unticks a checkbox or picks a radio with the space bar, as a keyboard user does. */
async function tick(editor: FeedEditor, selector: string): Promise<void> {
  $(editor, selector).focus();
  await sendKeys({ press: 'Space' });
  await editor.updateComplete;
}

const nextDates = (editor: FeedEditor) => [...editor.querySelectorAll(`${RECURRENCE}-next li .editor-next-date`)].map((item) => item.textContent!.trim());

/** A new event from the empty events template, named, on a day at a time. */
async function newEvent(editor: FeedEditor, title: string, date: string, time?: string, end?: string): Promise<void> {
  await startFrom(editor, 'events');
  await press(editor, '#field-items-add');
  expect(focusedId()).to.equal('field-items_0_title');
  await typeInto(editor, '#field-items_0_title', title, false);
  await typeInto(editor, `${KPR}_start`, date);
  if (time) await typeInto(editor, `${KPR}_start-time`, time);
  if (end) await typeInto(editor, `${KPR}_end`, end);
}

async function download(editor: FeedEditor): Promise<{ name: string; text: string; feed: { items: Array<Record<string, unknown> & { _kpr: Record<string, unknown> }> } }> {
  await pressDownload(editor);
  expect(focusedId()).to.equal('editor-review-heading');
  const file = await catchDownload(() => press(editor, '#editor-download-now'));
  return { ...file, feed: JSON.parse(file.text) };
}

describe('feed editor: events', function () {
  // A coordinator's typing, key by key, on a machine shared with other test runs: more than mocha's 8 s default.
  this.timeout(30_000);

  it('makes "every second Tuesday": the next ten dates as chosen, the RRULE in the downloaded feed, the series in the preview', async () => {
    const editor = await mountEditor();
    await newEvent(editor, 'Sprechstunde der Bürgerpolizei', '24.11.2026', '16:00', '18:00');
    expect($<HTMLInputElement>(editor, `${KPR}_start`).value).to.equal('24.11.2026');
    await choose(editor, RULE, 'WEEKLY');
    expect(nextDates(editor).slice(0, 2)).to.deep.equal(['Dienstag, 24. November 2026, 16:00 Uhr', 'Dienstag, 1. Dezember 2026, 16:00 Uhr']);
    await choose(editor, `${RECURRENCE}-interval`, '2');
    expect($<HTMLInputElement>(editor, `${RECURRENCE}-weekday-TU`).checked).to.equal(true);
    const dates = nextDates(editor);
    expect(dates).to.have.length(10);
    expect(dates.slice(0, 3)).to.deep.equal(['Dienstag, 24. November 2026, 16:00 Uhr', 'Dienstag, 8. Dezember 2026, 16:00 Uhr', 'Dienstag, 22. Dezember 2026, 16:00 Uhr']);
    expect(dates[9]).to.equal('Dienstag, 30. März 2027, 16:00 Uhr');
    expect($(editor, `${RECURRENCE}-next-heading`).textContent).to.equal('Die nächsten 10 Termine');

    await previewShows(editor, 'Sprechstunde der Bürgerpolizei');
    previewWidget(editor).setAttribute('date', '2026-12');
    await waitUntil(() => {
      const text = previewWidget(editor).shadowRoot?.textContent ?? '';
      return text.includes('8. Dezember') && text.includes('22. Dezember') && !text.includes('15. Dezember');
    }, 'the preview to show 8 and 22 December, not the 15th');

    const file = await download(editor);
    expect(file.name).to.equal('termine.json');
    const event = file.feed.items[0]!;
    expect(event._kpr).to.deep.equal({
      start: '2026-11-24T16:00:00+01:00',
      end: '2026-11-24T18:00:00+01:00',
      recurrence: { rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU' },
    });
    const report = await checkFeed(file.text, { source: file.name, widget: 'event-calendar' });
    expect(report.problems.filter((problem) => problem.severity === 'error')).to.deep.equal([]);
  });

  it('takes a date out of the series with its button, and puts it back', async () => {
    const editor = await mountEditor();
    await newEvent(editor, 'Sprechstunde', '01.12.2026', '16:00');
    await choose(editor, RULE, 'WEEKLY');
    expect(nextDates(editor).slice(0, 3)).to.deep.equal(['Dienstag, 1. Dezember 2026, 16:00 Uhr', 'Dienstag, 8. Dezember 2026, 16:00 Uhr', 'Dienstag, 15. Dezember 2026, 16:00 Uhr']);
    const second = editor.querySelectorAll<HTMLButtonElement>(`${RECURRENCE}-next button`)[1]!;
    expect(second.textContent).to.equal('Ausnehmen: Dienstag, 8. Dezember 2026, 16:00 Uhr');
    second.focus();
    await sendKeys({ press: 'Enter' });
    await editor.updateComplete;
    expect(nextDates(editor).slice(0, 2)).to.deep.equal(['Dienstag, 1. Dezember 2026, 16:00 Uhr', 'Dienstag, 15. Dezember 2026, 16:00 Uhr']);
    expect(nextDates(editor)).to.have.length(10);
    // The focus stays in the list, on the date that took the removed one's place.
    expect(document.activeElement!.textContent).to.include('15. Dezember 2026');
    await waitUntil(() => $(editor, '#editor-status').textContent === 'Dienstag, 8. Dezember 2026 ausgenommen.', 'the exception announced');
    expect($(editor, `${RECURRENCE}-exdates-list`).textContent).to.include('Dienstag, 8. Dezember 2026');

    // Another day by typing it: a holiday further ahead.
    await typeInto(editor, `${RECURRENCE}-exclude-day`, '29.12.2026', false);
    await press(editor, `${RECURRENCE}-exclude-add`);
    expect(nextDates(editor)).to.not.include('Dienstag, 29. Dezember 2026, 16:00 Uhr');

    const file = await download(editor);
    expect(file.feed.items[0]!._kpr.recurrence).to.deep.equal({ rrule: 'FREQ=WEEKLY;BYDAY=TU', exdates: ['2026-12-08', '2026-12-29'] });
    const report = await checkFeed(file.text, { source: file.name, widget: 'event-calendar' });
    expect(report.problems.filter((problem) => problem.severity === 'error')).to.deep.equal([]);

    editor.querySelector<HTMLButtonElement>(`${RECURRENCE}-exdates-list button`)!.focus();
    await sendKeys({ press: 'Enter' });
    await editor.updateComplete;
    expect(nextDates(editor).slice(0, 2)).to.deep.equal(['Dienstag, 1. Dezember 2026, 16:00 Uhr', 'Dienstag, 8. Dezember 2026, 16:00 Uhr']);
  });

  it('adds an extra date outside the rule and an organiser: the extra date among the next ten, both in the downloaded feed', async () => {
    const editor = await mountEditor();
    await newEvent(editor, 'Sprechstunde der Bürgerpolizei', '01.12.2026', '16:00');
    await choose(editor, RULE, 'WEEKLY');
    await choose(editor, `${RECURRENCE}-interval`, '2');
    await typeInto(editor, `${RECURRENCE}-rdate-day`, '23.12.2026', false);
    await sendKeys({ press: 'Enter' });
    await editor.updateComplete;
    await waitUntil(() => $(editor, '#editor-status').textContent === 'Mittwoch, 23. Dezember 2026 als zusätzlicher Termin eingetragen.', 'the extra date announced');
    expect(nextDates(editor).slice(0, 4)).to.deep.equal([
      'Dienstag, 1. Dezember 2026, 16:00 Uhr',
      'Dienstag, 15. Dezember 2026, 16:00 Uhr',
      'Mittwoch, 23. Dezember 2026, 16:00 Uhr',
      'Dienstag, 29. Dezember 2026, 16:00 Uhr',
    ]);
    await typeInto(editor, `${KPR}_organizer_name`, 'Polizeirevier Freital', false);

    const file = await download(editor);
    expect(file.feed.items[0]!._kpr.recurrence).to.deep.equal({ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', rdates: ['2026-12-23'] });
    expect(file.feed.items[0]!._kpr.organizer).to.deep.equal({ name: 'Polizeirevier Freital' });
    const report = await checkFeed(file.text, { source: file.name, widget: 'event-calendar' });
    expect(report.problems.filter((problem) => problem.severity === 'error')).to.deep.equal([]);

    // Taken off the list again: the focus goes to the field for another day.
    $(editor, `${RECURRENCE}-rdates-list button`).focus();
    await sendKeys({ press: 'Enter' });
    await editor.updateComplete;
    await waitUntil(() => focusedId() === `${RECURRENCE}-rdate-day`.slice(1), 'the focus on the field for another day');
    expect(nextDates(editor)[2]).to.equal('Dienstag, 29. Dezember 2026, 16:00 Uhr');
  });

  it('shows a cancelled event as cancelled in the preview', async () => {
    const editor = await mountEditor();
    await newEvent(editor, 'Vortrag: Betrug am Telefon', '26.11.2026', '15:00', '16:30');
    await choose(editor, `${KPR}_status`, 'cancelled');
    await previewShows(editor, 'Abgesagt: Vortrag: Betrug am Telefon');
    const file = await download(editor);
    expect(file.feed.items[0]!._kpr.status).to.equal('cancelled');
  });

  it('opens the preview at the month of the next event when this month has none, and leaves the month to the coordinator after that', async () => {
    const editor = await mountEditor();
    await newEvent(editor, 'Neujahrsempfang des Präventionsrats', '14.01.2027', '18:00');
    await previewShows(editor, 'Neujahrsempfang des Präventionsrats');
    expect(previewWidget(editor).shadowRoot!.textContent).to.include('Januar 2027');
    // The coordinator browses the preview to February; typing on does not pull it back.
    previewWidget(editor).setAttribute('date', '2027-02');
    await typeInto(editor, '#field-items_0_title', 'Neujahrsempfang');
    await waitUntil(() => previewWidget(editor).getAttribute('src') && previewWidget(editor).shadowRoot!.textContent!.includes('Februar 2027'), 'the preview stays in February');
    expect(previewWidget(editor).getAttribute('date')).to.equal('2027-02');
  });

  it('writes an all-day event over several days as days, and shows a problem at the date field', async () => {
    const editor = await mountEditor();
    await newEvent(editor, 'Adventsmarkt', '28.11.');
    await tick(editor, `${KPR}-all-day`);
    expect(editor.querySelector(`${KPR}_start-time`)).to.equal(null);
    await editor.check.done;
    await editor.updateComplete;
    const date = $<HTMLInputElement>(editor, `${KPR}_start`);
    expect(date.getAttribute('aria-invalid')).to.equal('true');
    expect(date.getAttribute('aria-describedby')).to.include('field-items_0_kpr_start-error');
    expect($(editor, '.editor-error-summary a').getAttribute('href')).to.equal(`${KPR}_start`);
    await typeInto(editor, `${KPR}_start`, '28.11.2026');
    await typeInto(editor, `${KPR}_end`, '29.11.2026');
    expect(date.hasAttribute('aria-invalid')).to.equal(false);
    await previewShows(editor, 'Adventsmarkt');
    const file = await download(editor);
    expect(file.feed.items[0]!._kpr).to.deep.equal({ start: '2026-11-28', end: '2026-11-29', all_day: true });
  });

  it('keeps a rule the form cannot express as it is, read-only, with its next ten dates', async () => {
    const editor = await mountEditor();
    await newEvent(editor, 'Sitzung', '03.12.2026', '18:00');
    // As an opened file would have it: the first Thursday of every third month, on the month's set position.
    editor.draft.set(['items', 0, '_kpr', 'recurrence'], { rrule: 'FREQ=MONTHLY;BYDAY=TH;BYSETPOS=1;INTERVAL=3' });
    await editor.updateComplete;
    expect($<HTMLSelectElement>(editor, RULE).value).to.equal('custom');
    expect($(editor, `${RECURRENCE}-custom`).textContent).to.include('FREQ=MONTHLY;BYDAY=TH;BYSETPOS=1;INTERVAL=3');
    expect(editor.querySelector(`${RECURRENCE}-interval`)).to.equal(null);
    expect(nextDates(editor).slice(0, 3)).to.deep.equal(['Donnerstag, 3. Dezember 2026, 18:00 Uhr', 'Donnerstag, 4. März 2027, 18:00 Uhr', 'Donnerstag, 3. Juni 2027, 18:00 Uhr']);
    await typeInto(editor, '#field-items_0_title', 'Sitzung des Präventionsrats');
    const file = await download(editor);
    expect(file.feed.items[0]!._kpr.recurrence).to.deep.equal({ rrule: 'FREQ=MONTHLY;BYDAY=TH;BYSETPOS=1;INTERVAL=3' });
  });

  describe('at the end of summer time, 2027', () => {
    atInstant('2027-10-20T12:00:00+02:00');

    it('keeps a weekly series at its wall-clock time across 31 October 2027', async () => {
      const editor = await mountEditor();
      await newEvent(editor, 'Sonntagsspaziergang', '24.10.2027', '19:00');
      await choose(editor, RULE, 'WEEKLY');
      expect(nextDates(editor).slice(0, 3)).to.deep.equal(['Sonntag, 24. Oktober 2027, 19:00 Uhr', 'Sonntag, 31. Oktober 2027, 19:00 Uhr', 'Sonntag, 7. November 2027, 19:00 Uhr']);
      const file = await download(editor);
      expect(file.feed.items[0]!._kpr.start).to.equal('2027-10-24T19:00:00+02:00');
    });
  });

  describe('in a month with five Fridays', () => {
    atInstant('2026-12-20T10:00:00+01:00');

    it('"monthly on the last Friday" falls on the fifth Friday, 29 January 2027', async () => {
      const editor = await mountEditor();
      await newEvent(editor, 'Stammtisch', '25.12.2026', '19:00');
      await choose(editor, RULE, 'MONTHLY');
      await tick(editor, `${RECURRENCE}-monthly-weekday`);
      expect($<HTMLSelectElement>(editor, `${RECURRENCE}-ordinal`).value).to.equal('-1');
      expect($<HTMLSelectElement>(editor, `${RECURRENCE}-weekday`).value).to.equal('FR');
      expect(nextDates(editor).slice(0, 3)).to.deep.equal(['Freitag, 25. Dezember 2026, 19:00 Uhr', 'Freitag, 29. Januar 2027, 19:00 Uhr', 'Freitag, 26. Februar 2027, 19:00 Uhr']);
      await tick(editor, `${RECURRENCE}-end-count`);
      await typeInto(editor, `${RECURRENCE}-count`, '6');
      expect(nextDates(editor)).to.have.length(6);
      expect($(editor, `${RECURRENCE}-next-heading`).textContent).to.equal('Die nächsten 6 Termine');
      const file = await download(editor);
      expect(file.feed.items[0]!._kpr.recurrence).to.deep.equal({ rrule: 'FREQ=MONTHLY;BYDAY=-1FR;COUNT=6' });
    });
  });

  it('is axe-clean with the events form, a series, a problem and the error summary', async function () {
    this.timeout(20_000);
    const editor = await mountEditor();
    await newEvent(editor, 'Sprechstunde', '01.12.2026', '16:00');
    await choose(editor, RULE, 'MONTHLY');
    await tick(editor, `${RECURRENCE}-end-until`);
    await press(editor, '#field-items-add');
    await editor.check.done;
    await editor.updateComplete;
    expect(editor.querySelector('.editor-error-summary')).not.to.equal(null);
    await expect(editor).to.be.accessible();
  });
});
