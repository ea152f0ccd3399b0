// The spreadsheet import (src/editor/import/): cells pasted from Excel or LibreOffice, or a CSV file, shown in a
// preview table before they are taken, then taken as one undo step, with the focus where a keyboard user expects it.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { checkFeed } from '../../src/validator/check-feed.js';
import type { FeedEditor } from '../../src/editor/feed-editor/feed-editor.js';
import { $, catchDownload, focusedId, mountEditor, press, pressDownload, previewShows, startFrom, typeInto } from './editor-support.js';

/** The readers and papaparse load when the first import opens: on a machine shared with other work that takes a while. */
const WAIT = { timeout: 5000 };

const SERIES = 'field-items_0_kpr_indicators_0_series';
const MEASURES = 'field-items_0_kpr_measures';

/** What Excel puts on the clipboard: cells separated by tabs, rows by CR LF, a line break at the end. */
const EXCEL_VALUES = 'Jahr\tFälle\r\n2022\t41,5\r\n2023\t38\r\n2024\t1.234,5\r\n';

/** Pastes text into the focused field as Ctrl+V does: a paste event carrying the clipboard's text. */
function paste(text: string): void {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
  // Firefox gives a constructed event's clipboardData no text (a page may not fake the clipboard); a real paste
  // carries it in every engine, and so does this event then.
  Object.defineProperty(event, 'clipboardData', { value: data });
  document.activeElement!.dispatchEvent(event);
}

/** A file as a German Excel saves "CSV (Trennzeichen-getrennt)": Windows-1252, one byte per character. */
function windows1252(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(text, (character) => {
    const code = character.charCodeAt(0);
    if (code > 0xff) throw new Error(`${character} is not in this test's Windows-1252 (Latin-1 part)`);
    return code;
  });
}

/** Chooses a file in the file input, as the file picker does. */
function chooseFile(input: HTMLInputElement, bytes: Uint8Array<ArrayBuffer>, name: string): void {
  const data = new DataTransfer();
  data.items.add(new File([bytes], name, { type: 'text/csv' }));
  input.files = data.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

async function openImport(editor: FeedEditor, base: string): Promise<void> {
  await press(editor, `#${base}-import`);
  await waitUntil(() => focusedId() === `${base}-import-paste`, 'the focus in the paste field', WAIT);
}

const previewShown = (base: string) => waitUntil(() => focusedId() === `${base}-import-preview-heading`, 'the focus on the preview heading', WAIT);

/** The preview table's rows as text, cell by cell. */
const tableRows = (editor: FeedEditor, base: string) =>
  [...editor.querySelectorAll(`#${base}-import-panel tbody tr`)].map((row) => [...row.children].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim()));

async function chord(...keys: string[]): Promise<void> {
  for (const key of keys.slice(0, -1)) await sendKeys({ down: key });
  await sendKeys({ press: keys.at(-1)! });
  for (const key of keys.slice(0, -1).reverse()) await sendKeys({ up: key });
}

describe('feed editor: import from a spreadsheet', function () {
  // Typing key by key and the preview's widget on a machine shared with other work.
  this.timeout(30_000);

  it('takes three yearly values pasted from Excel, with decimal commas, into an indicator: preview, apply, chart, a valid download', async () => {
    const editor = await mountEditor();
    await startFrom(editor, 'goals');
    await press(editor, `#${MEASURES}-add`);
    await typeInto(editor, `#${MEASURES}_0_title`, 'Sprechstunde im Rathaus', false);
    await press(editor, '#field-items_0_kpr_indicators-add');
    await typeInto(editor, '#field-items_0_kpr_indicators_0_name', 'Wohnungseinbrüche', false);
    await typeInto(editor, '#field-items_0_kpr_indicators_0_unit', 'Fälle', false);

    await openImport(editor, SERIES);
    paste(EXCEL_VALUES);
    await previewShown(SERIES);
    const panel = $(editor, `#${SERIES}-import-panel`);
    expect($(panel, 'caption').textContent).to.include('eingefügten Zellen').and.include('Tabulator');
    expect(panel.textContent).to.include('Als Überschrift erkannt und nicht übernommen: Jahr · Fälle');
    expect(panel.textContent).to.include('3 Werte werden übernommen.');
    // The template's empty row for last year (2025) is not in the table: it is dropped, not shown as replaced.
    expect(tableRows(editor, SERIES)).to.deep.equal([
      ['Zeile 2', '2022', '41,5', 'Neuer Wert'],
      ['Zeile 3', '2023', '38', 'Neuer Wert'],
      ['Zeile 4', '2024', '1.234,5', 'Neuer Wert'],
    ]);
    expect(editor.draft.feed!.items).to.satisfy((items: { _kpr: { indicators: { series: unknown[] }[] } }[]) => items[0]!._kpr.indicators[0]!.series.length === 1);

    await press(editor, `#${SERIES}-import-apply`);
    await waitUntil(() => focusedId() === `${SERIES}-import`, 'the focus back on the import button', WAIT);
    expect(editor.querySelector(`#${SERIES}-import-panel`)).to.equal(null);
    await waitUntil(() => $(editor, '#editor-status').textContent === '3 Werte übernommen.', 'the import announced', WAIT);
    expect($<HTMLInputElement>(editor, '#field-items_0_kpr_indicators_0_series_0_period').value).to.equal('2022');
    expect($<HTMLInputElement>(editor, '#field-items_0_kpr_indicators_0_series_2_value').value).to.equal('1234.5');
    // The preview's widget draws the chart and its table of values from the draft.
    await previewShows(editor, '41,5 Fälle');
    await previewShows(editor, '1.234,5 Fälle');

    await pressDownload(editor);
    expect(focusedId()).to.equal('editor-review-heading');
    const file = await catchDownload(() => press(editor, '#editor-download-now'));
    const indicator = JSON.parse(file.text).items[0]._kpr.indicators[0];
    expect(indicator).to.deep.equal({
      name: 'Wohnungseinbrüche',
      unit: 'Fälle',
      series: [
        { period: '2022', value: 41.5 },
        { period: '2023', value: 38 },
        { period: '2024', value: 1234.5 },
      ],
    });
    const report = await checkFeed(file.text, { source: file.name, widget: 'goal-overview' });
    expect(report.problems.filter((problem) => problem.severity === 'error')).to.deep.equal([]);
  });

  it('reads a row of years above a row of values, and replaces a year that is already there', async () => {
    const editor = await mountEditor();
    await startFrom(editor, 'goals');
    await press(editor, '#field-items_0_kpr_indicators-add');
    await typeInto(editor, '#field-items_0_kpr_indicators_0_series_0_value', '7', true);
    await openImport(editor, SERIES);
    paste('Jahr\t2023\t2024\t2025\nAnteil\t61,2\t\t64\n');
    await previewShown(SERIES);
    expect(tableRows(editor, SERIES)).to.deep.equal([
      ['Spalte B', '2023', '61,2', 'Neuer Wert'],
      ['Spalte C', '2024', 'leer (Lücke im Diagramm)', 'Neuer Wert'],
      ['Spalte D', '2025', '64', 'Ersetzt den bisherigen Wert (7)'],
    ]);
    await press(editor, `#${SERIES}-import-apply`);
    await waitUntil(() => focusedId() === `${SERIES}-import`, 'the focus back on the import button', WAIT);
    const feed = editor.draft.feed as { items: { _kpr: { indicators: { series: unknown[] }[] } }[] };
    expect(feed.items[0]!._kpr.indicators[0]!.series).to.deep.equal([
      { period: '2023', value: 61.2 },
      { period: '2024', value: null },
      { period: '2025', value: 64 },
    ]);
  });

  it('reads a Windows-1252 CSV of measures with umlauts; a row it cannot read is listed with its reason and not taken; undo takes the whole import back', async () => {
    const editor = await mountEditor();
    await startFrom(editor, 'goals');
    await openImport(editor, MEASURES);
    const csv = [
      'Maßnahme;Stand;Beteiligte;Beginn;Ende;Beschreibung;Kosten',
      'Sprechstunde Bürgerpolizist;läuft;"Polizeirevier Freital, Gemeinde Bannewitz";01.03.2024;;Jeden ersten Dienstag im Rathaus;0',
      ';abgeschlossen;;;;Eine Zeile ohne Namen;',
      'Schulwegbegehung;;Grundschule Bannewitz;09/2025;Oktober 2025;Mit Eltern und Kindern;',
      'Graffiti-Aktion;irgendwann;;;;;',
    ].join('\r\n');
    chooseFile($<HTMLInputElement>(editor, `#${MEASURES}-import-file`), windows1252(csv), 'maßnahmen.csv');
    await previewShown(MEASURES);
    const panel = $(editor, `#${MEASURES}-import-panel`);
    expect($(panel, 'caption').textContent).to.equal('Gelesen aus „maßnahmen.csv“ (Windows-1252, getrennt durch Semikolon)');
    expect(panel.textContent).to.include('2 Maßnahmen werden übernommen.').and.include('2 Zeilen werden nicht übernommen');
    expect(panel.textContent).to.include('Diese Spalten werden nicht gelesen: Kosten (G)');
    expect([...panel.querySelectorAll('thead th')].map((cell) => cell.textContent)).to.deep.equal(['In der Tabelle', 'Name', 'Stand', 'Beteiligte', 'Beginn', 'Ende', 'Beschreibung', 'Wird zu']);
    expect(tableRows(editor, MEASURES)).to.deep.equal([
      ['Zeile 2', 'Sprechstunde Bürgerpolizist', 'läuft', 'Polizeirevier Freital; Gemeinde Bannewitz', '2024-03-01', '', 'Jeden ersten Dienstag im Rathaus', 'Neue Maßnahme'],
      ['Zeile 3', '', 'abgeschlossen', '', '', '', 'Eine Zeile ohne Namen', 'Nicht übernommen: Der Name der Maßnahme fehlt.'],
      ['Zeile 4', 'Schulwegbegehung', 'geplant (in der Tabelle leer)', 'Grundschule Bannewitz', '2025-09', '2025-10', 'Mit Eltern und Kindern', 'Neue Maßnahme'],
      ['Zeile 5', 'Graffiti-Aktion', 'irgendwann', '', '', '', '', 'Nicht übernommen: Den Stand „irgendwann“ kennt der Editor nicht (geplant, läuft oder abgeschlossen).'],
    ]);

    await press(editor, `#${MEASURES}-import-apply`);
    await waitUntil(() => focusedId() === `${MEASURES}-import`, 'the focus back on the import button', WAIT);
    expect([...editor.querySelectorAll<HTMLInputElement>('[id^="field-items_0_kpr_measures_"][id$="_title"]')].map((field) => field.value)).to.deep.equal([
      'Sprechstunde Bürgerpolizist',
      'Schulwegbegehung',
    ]);
    const measures = () => (editor.draft.feed as { items: { _kpr: { measures?: unknown[] } }[] }).items[0]!._kpr.measures;
    expect(measures()).to.deep.equal([
      { title: 'Sprechstunde Bürgerpolizist', status: 'running', partners: ['Polizeirevier Freital', 'Gemeinde Bannewitz'], start: '2024-03-01', description: 'Jeden ersten Dienstag im Rathaus' },
      { title: 'Schulwegbegehung', status: 'planned', partners: ['Grundschule Bannewitz'], start: '2025-09', end: '2025-10', description: 'Mit Eltern und Kindern' },
    ]);
    await previewShows(editor, 'Sprechstunde Bürgerpolizist');

    // One step: Ctrl+Z takes both measures back, Ctrl+Shift+Z brings both again.
    await chord('Control', 'z');
    await editor.updateComplete;
    expect(measures() ?? []).to.deep.equal([]);
    expect(editor.querySelectorAll('.editor-measure')).to.have.length(0);
    await chord('Control', 'Shift', 'Z');
    await editor.updateComplete;
    expect(editor.querySelectorAll('.editor-measure')).to.have.length(2);
  });

  it('reads a UTF-8 CSV with a BOM and commas the same way', async () => {
    const editor = await mountEditor();
    await startFrom(editor, 'goals');
    await openImport(editor, MEASURES);
    const csv = '\uFEFFName,Status,Partner,von,bis\r\nNachbarschaftsfest,erledigt,Bürgerverein,Juni 2024,06/2024\r\n';
    chooseFile($<HTMLInputElement>(editor, `#${MEASURES}-import-file`), new TextEncoder().encode(csv), 'liste.csv');
    await previewShown(MEASURES);
    expect($(editor, `#${MEASURES}-import-panel caption`).textContent).to.equal('Gelesen aus „liste.csv“ (UTF-8, getrennt durch Komma)');
    expect(tableRows(editor, MEASURES)).to.deep.equal([['Zeile 2', 'Nachbarschaftsfest', 'abgeschlossen', 'Bürgerverein', '2024-06', '2024-06', '', 'Neue Maßnahme']]);
  });

  it('changes nothing on cancel, and gives the focus back to the button', async () => {
    const editor = await mountEditor();
    await startFrom(editor, 'goals');
    await press(editor, '#field-items_0_kpr_indicators-add');
    const before = editor.draft.feed;
    const canUndo = editor.draft.canUndo;
    await openImport(editor, SERIES);
    paste('2020\t12\n2021\t13\n');
    await previewShown(SERIES);
    await press(editor, `#${SERIES}-import-cancel`);
    await waitUntil(() => focusedId() === `${SERIES}-import`, 'the focus back on the import button', WAIT);
    expect(editor.querySelector(`#${SERIES}-import-panel`)).to.equal(null);
    expect(editor.draft.feed).to.equal(before);
    expect(editor.draft.canUndo).to.equal(canUndo);
    // Escape closes the panel too, with the same focus.
    await openImport(editor, SERIES);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => focusedId() === `${SERIES}-import`, 'the focus back after Escape', WAIT);
    expect(editor.draft.feed).to.equal(before);
  });

  it('says what is wrong when nothing in the paste can be read, and offers no apply', async () => {
    const editor = await mountEditor();
    await startFrom(editor, 'goals');
    await press(editor, '#field-items_0_kpr_indicators-add');
    await openImport(editor, SERIES);
    paste('2023\tviele\n');
    await previewShown(SERIES);
    expect($(editor, `#${SERIES}-import-panel`).textContent).to.include('In der Tabelle steht nichts, was übernommen werden kann.');
    expect(tableRows(editor, SERIES)).to.deep.equal([['Zeile 1', '2023', 'viele', 'Nicht übernommen: „viele“ ist keine Zahl.']]);
    expect(editor.querySelector(`#${SERIES}-import-apply`)).to.equal(null);
  });

  it('is axe-clean with the import preview open, in German and English', async () => {
    const editor = await mountEditor();
    await startFrom(editor, 'goals');
    await press(editor, '#field-items_0_kpr_indicators-add');
    await openImport(editor, SERIES);
    paste(EXCEL_VALUES.replace('38', 'achtunddreißig'));
    await previewShown(SERIES);
    await expect($(editor, `#${SERIES}-import-panel`)).to.be.accessible();
    await press(editor, `#${SERIES}-import-cancel`);
    editor.ui = 'en';
    await waitUntil(() => $(editor, `#${SERIES}-import`).textContent === 'Take values from a spreadsheet', 'English texts', WAIT);
    await openImport(editor, SERIES);
    paste(EXCEL_VALUES);
    await previewShown(SERIES);
    expect($(editor, `#${SERIES}-import-panel caption`).textContent).to.equal('Read from the pasted cells (separated by tabs)');
    await expect($(editor, `#${SERIES}-import-panel`)).to.be.accessible();
  });
});
