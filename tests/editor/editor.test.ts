import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DRAFT_STORAGE_KEY } from '../../src/editor/controllers/draft-controller.js';
import { checkFeed } from '../../src/validator/check-feed.js';
import { $, catchDownload, focusedId, mountEditor, press, pressDownload, previewShows, previewWidget, startFrom, typeInto } from './editor-support.js';

/** Keys pressed together, as Ctrl+Z: the modifiers held down while the last key is pressed. */
async function chord(...keys: string[]): Promise<void> {
  const modifiers = keys.slice(0, -1);
  for (const key of modifiers) await sendKeys({ down: key });
  await sendKeys({ press: keys.at(-1)! });
  for (const key of modifiers.reverse()) await sendKeys({ up: key });
}

const MEASURES = '#field-items_0_kpr_measures';
const measureTitle = (index: number) => `#field-items_0_kpr_measures_${index}_title`;
const BASELINE_PERIOD = '#field-items_0_kpr_indicators_0_baseline_period';
const BASELINE_VALUE = '#field-items_0_kpr_indicators_0_baseline_value';

describe('feed editor: goals', () => {
  it('starts from the six ASSKomm goals and shows an edited title in the preview', async () => {
    const editor = await mountEditor();
    await startFrom(editor, 'goals');
    expect(editor.querySelectorAll('.editor-goal')).to.have.length(6);
    expect(focusedId()).to.equal('editor-feed-heading');
    await previewShows(editor, 'Sich in der Gemeinde sicher fühlen');
    await typeInto(editor, '#field-items_0_title', 'Weniger Einbrüche in Bannewitz');
    await previewShows(editor, 'Weniger Einbrüche in Bannewitz');
    expect($(editor, '#field-items_0-heading').textContent).to.include('Weniger Einbrüche in Bannewitz');
  });

  it('keeps the goals in the preview while it reads each keystroke: no loading message in between', async () => {
    const editor = await mountEditor();
    await startFrom(editor, 'goals');
    await previewShows(editor, 'Sich in der Gemeinde sicher fühlen');
    const widget = previewWidget(editor);
    const shown: string[] = [];
    const observer = new MutationObserver(() => shown.push(widget.shadowRoot!.textContent ?? ''));
    observer.observe(widget.shadowRoot!, { subtree: true, childList: true, characterData: true });
    try {
      $(editor, '#field-items_0_title').focus();
      await sendKeys({ press: 'End' });
      await sendKeys({ type: 'xy' });
      await previewShows(editor, 'und weniger schwerexy');
    } finally {
      observer.disconnect();
    }
    expect(shown.length, 'the preview was redrawn').to.be.greaterThan(0);
    expect(shown.filter((text) => !text.includes('Sich in der Gemeinde sicher fühlen')), 'every state of the preview shows the goals').to.deep.equal([]);
  });

  it('adds, moves and removes measures by keyboard, with the focus where the next step is', async () => {
    const editor = await mountEditor();
    await startFrom(editor, 'goals');
    await press(editor, `${MEASURES}-add`);
    expect(focusedId()).to.equal(measureTitle(0).slice(1));
    await typeInto(editor, measureTitle(0), 'Sprechstunde', false);
    await press(editor, `${MEASURES}-add`);
    await typeInto(editor, measureTitle(1), 'Präventionstag', false);
    await previewShows(editor, 'Präventionstag');

    await press(editor, `${MEASURES}_1-up`);
    expect($<HTMLInputElement>(editor, measureTitle(0)).value).to.equal('Präventionstag');
    // At the top its "up" button is off, so the focus is on its "down" button.
    expect(focusedId()).to.equal(`${MEASURES}_0-down`.slice(1));
    expect($(editor, '#editor-status').textContent).to.satisfy((text: string) => text === '' || text.includes('Stelle 1 von 2'));
    await waitUntil(() => $(editor, '#editor-status').textContent === 'Maßnahme verschoben, jetzt an Stelle 1 von 2.', 'the move announced');

    await press(editor, `${MEASURES}_0-down`);
    expect($<HTMLInputElement>(editor, measureTitle(1)).value).to.equal('Präventionstag');
    expect(focusedId()).to.equal(`${MEASURES}_1-up`.slice(1));

    // Removing the first: the focus goes to the next one's heading, now the first.
    $(editor, `${MEASURES}_0-heading`).parentElement!.querySelector<HTMLButtonElement>('.editor-button-warning')!.focus();
    await sendKeys({ press: 'Enter' });
    await editor.updateComplete;
    expect(editor.querySelectorAll('.editor-measure')).to.have.length(1);
    expect(focusedId()).to.equal(`${MEASURES}_0-heading`.slice(1));
    expect($(editor, `${MEASURES}_0-heading`).textContent).to.include('Präventionstag');
    // Removing the last: the focus goes to the add button.
    $(editor, `${MEASURES}_0-heading`).parentElement!.querySelector<HTMLButtonElement>('.editor-button-warning')!.focus();
    await sendKeys({ press: 'Enter' });
    await editor.updateComplete;
    expect(focusedId()).to.equal(`${MEASURES}-add`.slice(1));
  });

  it('links a problem to its field: the message at the field, the summary link moves the focus there', async () => {
    const editor = await mountEditor();
    await startFrom(editor, 'goals');
    await press(editor, `${MEASURES}-add`);
    await editor.check.done;
    await editor.updateComplete;
    const field = $<HTMLInputElement>(editor, measureTitle(0));
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    const error = $(editor, `${measureTitle(0)}-error`);
    expect(field.getAttribute('aria-describedby')!.split(' ')).to.include(error.id);
    expect(error.textContent).to.include('_kpr.measures[0].title must not be empty');
    const link = $<HTMLAnchorElement>(editor, '.editor-error-summary a');
    expect(link.getAttribute('href')).to.equal(measureTitle(0));
    expect(link.textContent).to.include('Ziel 1').and.include('Maßnahme 1').and.include('Name der Maßnahme');
    $(editor, '#editor-download').focus();
    link.click();
    expect(focusedId()).to.equal(measureTitle(0).slice(1));
    // Fixed: the error goes, from the field and from the summary.
    await typeInto(editor, measureTitle(0), 'Sprechstunde');
    expect(field.hasAttribute('aria-invalid')).to.equal(false);
    expect(editor.querySelector('.editor-error-summary')).to.equal(null);
  });

  it('focuses the error summary instead of downloading a feed with errors', async () => {
    const editor = await mountEditor();
    await startFrom(editor, 'goals');
    await press(editor, '#field-items_0_kpr_indicators-add');
    let downloaded = false;
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      downloaded = true;
    };
    try {
      await pressDownload(editor);
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
    expect(downloaded).to.equal(false);
    expect(document.activeElement).to.equal($(editor, '.editor-error-summary'));
    expect($(editor, '.editor-error-summary h2').textContent).to.equal('Es gibt ein Problem');
    expect(editor.querySelector('#editor-review-heading')).to.equal(null);
  });

  it('downloads, after a summary of the changes, a feed with stable key order that the validator accepts', async () => {
    const editor = await mountEditor();
    await startFrom(editor, 'goals');
    await press(editor, `${MEASURES}-add`);
    await typeInto(editor, measureTitle(0), 'Sprechstunde', false);
    await pressDownload(editor);
    expect(focusedId()).to.equal('editor-review-heading');
    expect($(editor, '.editor-review').textContent).to.include('Geändert: „Weniger Straftaten, und weniger schwere“ (Maßnahmen)');
    const file = await catchDownload(() => press(editor, '#editor-download-now'));
    expect(file.name).to.equal('ziele.json');
    expect(file.text.endsWith('}\n')).to.equal(true);
    const feed = JSON.parse(file.text);
    expect(Object.keys(feed)).to.deep.equal(['version', 'title', 'language', 'items']);
    expect(Object.keys(feed.items[0])).to.deep.equal(['id', 'title', 'content_text', '_kpr']);
    expect(Object.keys(feed.items[0]._kpr)).to.deep.equal(['icon', 'measures', 'indicators']);
    expect(feed.items[0]._kpr.measures[0]).to.deep.equal({ title: 'Sprechstunde', status: 'planned' });
    expect(file.text).to.include('\n  "items": [\n    {\n      "id": "ziel-straftaten",');
    const report = await checkFeed(file.text, { source: file.name, widget: 'goal-overview' });
    expect(report.problems.filter((problem) => problem.severity === 'error')).to.deep.equal([]);
  });

  it('keeps the draft in this browser: a new editor restores it, "Entwurf verwerfen" removes it', async () => {
    const first = await mountEditor();
    await startFrom(first, 'goals');
    await typeInto(first, '#field-items_1_title', 'Offen über Kriminalität reden');
    first.remove();
    const second = await mountEditor({ keepDraft: true });
    expect($<HTMLInputElement>(second, '#field-items_1_title').value).to.equal('Offen über Kriminalität reden');
    expect($(second, '.editor-notice').textContent).to.include('wiederhergestellt');
    await press(second, '#editor-discard');
    expect(focusedId()).to.equal('editor-discard-yes');
    await press(second, '#editor-discard-yes');
    expect(localStorage.getItem(DRAFT_STORAGE_KEY)).to.equal(null);
    expect(second.querySelector('.editor-goal')).to.equal(null);
    expect(focusedId()).to.equal('editor-template-goals');
  });

  it('undoes and redoes with Ctrl+Z and Ctrl+Shift+Z, a field\'s typing as one step', async () => {
    const editor = await mountEditor();
    await startFrom(editor, 'goals');
    const title = () => $<HTMLInputElement>(editor, '#field-items_0_title').value;
    await typeInto(editor, '#field-items_0_title', 'Neu');
    await press(editor, `${MEASURES}-add`);
    expect(editor.querySelectorAll('.editor-measure')).to.have.length(1);
    await chord('Control', 'z');
    await editor.updateComplete;
    expect(editor.querySelectorAll('.editor-measure')).to.have.length(0);
    expect(title()).to.equal('Neu');
    await chord('Control', 'z');
    await editor.updateComplete;
    expect(title()).to.equal('Weniger Straftaten, und weniger schwere');
    await chord('Control', 'Shift', 'Z');
    await editor.updateComplete;
    expect(title()).to.equal('Neu');
    await press(editor, '#editor-redo');
    expect(editor.querySelectorAll('.editor-measure')).to.have.length(1);
    expect($<HTMLButtonElement>(editor, '#editor-redo').disabled).to.equal(true);
  });

  it('writes an indicator\'s baseline into the downloaded feed, decimal comma and all, and shows it in the preview', async function () {
    this.timeout(20_000); // typed key by key
    const editor = await mountEditor();
    await startFrom(editor, 'goals');
    await press(editor, '#field-items_0_kpr_indicators-add');
    await typeInto(editor, '#field-items_0_kpr_indicators_0_name', 'Fühlen sich sicher', false);
    const [period, value] = [BASELINE_PERIOD, BASELINE_VALUE].map((selector) => $<HTMLInputElement>(editor, selector));
    expect(editor.querySelector(`label[for="${period.id}"]`)!.textContent).to.equal('Zeitraum des Ausgangswerts');
    expect(editor.querySelector(`label[for="${value.id}"]`)!.textContent).to.equal('Ausgangswert');
    expect($(editor, `#${value.id}-hint`).textContent).to.include('Dezimalzahlen mit Komma');
    await typeInto(editor, BASELINE_PERIOD, '2022');
    await typeInto(editor, BASELINE_VALUE, '41,5');
    expect(value.value, 'the comma stays as typed').to.equal('41,5');
    await previewShows(editor, 'Ausgangswert 2022: 41,5');
    await pressDownload(editor);
    const file = await catchDownload(() => press(editor, '#editor-download-now'));
    const indicator = JSON.parse(file.text).items[0]._kpr.indicators[0];
    expect(indicator.baseline).to.deep.equal({ period: '2022', value: 41.5 });
    expect(Object.keys(indicator)).to.deep.equal(['name', 'baseline', 'series']);
    const report = await checkFeed(file.text, { source: file.name, widget: 'goal-overview' });
    expect(report.problems.filter((problem) => problem.severity === 'error')).to.deep.equal([]);
  });

  it('keeps a decimal comma typed key by key in the number fields: a target of 41,5 is 41.5, not 415', async function () {
    this.timeout(20_000); // typed key by key
    const editor = await mountEditor();
    await startFrom(editor, 'goals');
    await press(editor, '#field-items_0_kpr_indicators-add');
    await typeInto(editor, '#field-items_0_kpr_indicators_0_name', 'Fühlen sich sicher', false);
    await typeInto(editor, '#field-items_0_kpr_indicators_0_target', '41,5');
    expect($<HTMLInputElement>(editor, '#field-items_0_kpr_indicators_0_target').value).to.equal('41,5');
    await pressDownload(editor);
    const file = await catchDownload(() => press(editor, '#editor-download-now'));
    expect(JSON.parse(file.text).items[0]._kpr.indicators[0].target).to.equal(41.5);
  });

  it('ties a wrong or missing part of the baseline to its field, and removes the baseline when both are emptied', async function () {
    this.timeout(20_000);
    const editor = await mountEditor();
    await startFrom(editor, 'goals');
    await press(editor, '#field-items_0_kpr_indicators-add');
    await typeInto(editor, '#field-items_0_kpr_indicators_0_name', 'Fühlen sich sicher', false);
    const errorOf = (selector: string) => {
      const field = $<HTMLInputElement>(editor, selector);
      expect(field.getAttribute('aria-invalid'), `${selector} is marked invalid`).to.equal('true');
      const error = $(editor, `${selector}-error`);
      expect(field.getAttribute('aria-describedby')!.split(' ')).to.include(error.id);
      expect([...editor.querySelectorAll('.editor-error-summary a')].map((link) => link.getAttribute('href')), 'the summary links to it').to.include(selector);
      return error.textContent!;
    };
    const empty = async (selector: string) => {
      $<HTMLInputElement>(editor, selector).select();
      await sendKeys({ press: 'Backspace' });
      await editor.updateComplete;
      await editor.check.done;
      await editor.updateComplete;
    };
    await typeInto(editor, BASELINE_PERIOD, '2022');
    await typeInto(editor, BASELINE_VALUE, 'viel');
    expect(errorOf(BASELINE_VALUE)).to.include('_kpr.indicators[0].baseline.value must be a number, not a string');
    // A value without its period: the period is the field to fill in.
    await empty(BASELINE_PERIOD);
    expect(errorOf(BASELINE_PERIOD)).to.include('_kpr.indicators[0].baseline.period must not be empty');
    await empty(BASELINE_VALUE);
    expect(editor.querySelector('.editor-error-summary') === null, 'no problem is left').to.equal(true);
    expect($(editor, BASELINE_VALUE).hasAttribute('aria-invalid')).to.equal(false);
  });

  it('is axe-clean with the open panel', async () => {
    await expect(await mountEditor()).to.be.accessible();
  });

  it('is axe-clean with the goals form, a problem and the error summary, and in English', async function () {
    this.timeout(30_000); // axe reads some thousand elements of six goals' forms, twice
    const editor = await mountEditor();
    await startFrom(editor, 'goals');
    await press(editor, `${MEASURES}-add`);
    await press(editor, '#field-items_0_kpr_indicators-add');
    await editor.check.done;
    await editor.updateComplete;
    expect(editor.querySelector('.editor-error-summary')).not.to.equal(null);
    await expect(editor).to.be.accessible();
    const english = await mountEditor({ lang: 'en', keepDraft: true });
    await waitUntil(() => english.querySelector('h1')?.textContent === "Edit the prevention council's feeds", 'English texts');
    await expect(english).to.be.accessible();
  });
});

describe('feed editor: tips', () => {
  it('adds a tip with a phone number, shows it in the preview and downloads a feed without errors', async function () {
    this.timeout(30_000); // typed key by key, as the events and import suites do
    const editor = await mountEditor();
    await startFrom(editor, 'tips');
    await press(editor, '#field-items-add');
    expect(focusedId()).to.equal('field-items_0_title');
    await typeInto(editor, '#field-items_0_title', 'Enkeltrick: auflegen', false);
    await typeInto(editor, '#field-items_0_content_text', 'Rufen Sie Ihre Familie unter der bekannten Nummer an.');
    const topic = $<HTMLSelectElement>(editor, '#field-items_0_kpr_topic');
    topic.value = 'fraud-older-people';
    topic.dispatchEvent(new Event('change', { bubbles: true }));
    $<HTMLInputElement>(editor, '#field-items_0_kpr_audience-older-people').click();
    await press(editor, '#field-items_0_kpr_phones-add');
    expect(focusedId()).to.equal('field-items_0_kpr_phones_0_label');
    await typeInto(editor, '#field-items_0_kpr_phones_0_label', 'Polizei-Notruf', false);
    await typeInto(editor, '#field-items_0_kpr_phones_0_number', '110', false);
    await previewShows(editor, 'Enkeltrick: auflegen');
    await previewShows(editor, 'Betrug an älteren Menschen');
    await pressDownload(editor);
    const file = await catchDownload(() => press(editor, '#editor-download-now'));
    expect(file.name).to.equal('tipps.json');
    const tip = JSON.parse(file.text).items[0];
    expect(tip._kpr).to.deep.equal({ topic: 'fraud-older-people', audience: ['older-people'], phones: [{ label: 'Polizei-Notruf', number: '110' }] });
    const report = await checkFeed(file.text, { source: file.name, widget: 'prevention-tips' });
    expect(report.problems.filter((problem) => problem.severity === 'error')).to.deep.equal([]);
  });
});
