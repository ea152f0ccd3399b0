// How the import reads what a sheet holds (src/editor/import/): numbers and dates as German sheets write them, the
// file's encoding, header names, and the layouts a coordinator copies.
import { expect } from '@open-wc/testing';
import { columnOf, readMeasures, readSheetDate } from '../../src/editor/import/measures-import.js';
import { columnName, decodeTable, parseTable, readSheetNumber } from '../../src/editor/import/read-table.js';
import { applyValues, readValues } from '../../src/editor/import/values-import.js';

describe('import: reading a sheet', () => {
  it('reads numbers with decimal commas, thousands points, spaces and a per cent sign', () => {
    const read = ['41,5', '1.234,5', '1.234', '12.5', '-3', '1 234', '71,5 %', '1,234,567', '+7', '', 'viele', '12a', '1,2,3'].map(readSheetNumber);
    expect(read).to.deep.equal([41.5, 1234.5, 1234, 12.5, -3, 1234, 71.5, 1234567, 7, undefined, undefined, undefined, undefined]);
  });

  it('reads dates and months as a German sheet shows them, and nothing that is none', () => {
    const read = ['01.03.2024', '1.3.24', '03/2024', '3.2024', 'März 2024', 'Okt. 2025', 'Dezember 25', '2024-03', '2024-3-1', '2024-03-01 00:00:00', '31.02.2024', '13/2024', '2024', 'bald'].map(readSheetDate);
    expect(read).to.deep.equal(['2024-03-01', '2024-03-01', '2024-03', '2024-03', '2024-03', '2025-10', '2025-12', '2024-03', '2024-03-01', '2024-03-01', undefined, undefined, undefined, undefined]);
  });

  it('decodes UTF-8 with and without a BOM, Windows-1252 where the bytes are no UTF-8, and UTF-16 by its BOM', () => {
    const utf8 = new TextEncoder().encode('Maßnahme;Bürger');
    expect(decodeTable(utf8)).to.deep.equal({ text: 'Maßnahme;Bürger', encoding: 'utf-8' });
    expect(decodeTable(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8))).to.deep.equal({ text: 'Maßnahme;Bürger', encoding: 'utf-8' });
    // "Maßnahme;Bürger – 5 €" as Excel writes it on a German Windows: ß DF, ü FC, – 96, € 80.
    const latin = Uint8Array.of(0x4d, 0x61, 0xdf, 0x6e, 0x61, 0x68, 0x6d, 0x65, 0x3b, 0x42, 0xfc, 0x72, 0x67, 0x65, 0x72, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80);
    expect(decodeTable(latin)).to.deep.equal({ text: 'Maßnahme;Bürger – 5 €', encoding: 'windows-1252' });
    expect(decodeTable(Uint8Array.of(0xff, 0xfe, 0x4a, 0x00, 0x61, 0x00, 0x09, 0x00, 0xe4, 0x00))).to.deep.equal({ text: 'Ja\tä', encoding: 'utf-16le' });
  });

  it('splits pasted cells at tabs and keeps a cell with a line break or a semicolon whole; guesses semicolon before comma in a file', async () => {
    const pasted = await parseTable('Name\tBeteiligte\r\nFest\t"Schule\nVerein"\r\n\r\n');
    expect(pasted.separator).to.equal('\t');
    expect(pasted.rows).to.deep.equal([
      { line: 1, cells: ['Name', 'Beteiligte'] },
      { line: 2, cells: ['Fest', 'Schule\nVerein'] },
    ]);
    expect((await parseTable('2023;12,5\n2024;13,1\n')).separator).to.equal(';');
    expect((await parseTable('Jahr,Wert\n2023,"12,5"\n')).rows[1]!.cells).to.deep.equal(['2023', '12,5']);
  });

  it('names columns as a spreadsheet does', () => {
    expect([0, 1, 25, 26, 27].map(columnName)).to.deep.equal(['A', 'B', 'Z', 'AA', 'AB']);
  });

  it('matches header names liberally, the specific before the general', () => {
    const headers = ['Maßnahme', 'Bezeichnung der Maßnahme', 'Maßnahmenbeginn', 'Umsetzungsstand', 'Kooperationspartner', 'von', 'bis', 'Kurzbeschreibung', 'Link', 'Kosten'];
    expect(headers.map(columnOf)).to.deep.equal(['title', 'title', 'start', 'status', 'partners', 'start', 'end', 'description', 'url', undefined]);
  });

  it('reads measures without a header in the order name, status, partners, start, end, description', async () => {
    const reading = readMeasures(await parseTable('Präventionstag\tin Arbeit\tPolizei; Schule\t04/2026\t\tAuf dem Markt\n'));
    expect(reading.header).to.equal(undefined);
    expect(reading.entries[0]!.measure).to.deep.equal({ title: 'Präventionstag', status: 'running', partners: ['Polizei', 'Schule'], start: '2026-04', description: 'Auf dem Markt' });
  });

  it('refuses an end before the start, but not a month that holds the start day', async () => {
    const reading = readMeasures(await parseTable('Name;Beginn;Ende\nA;15.03.2024;2024-03\nB;2024-05;01.04.2024\n'));
    expect(reading.entries.map((entry) => entry.reason?.key)).to.deep.equal([undefined, 'endBeforeStart']);
  });

  it('reads periods that are not years, marks a period given twice, and keeps the values the table does not name', async () => {
    const series = [{ period: '2021/22', value: 5 }, { period: '2022/23', value: null }];
    const reading = readValues(await parseTable('Schuljahr\tVorfälle\n2022/23\t7\n2023/24\t9\n2023/24\t8\n'), series);
    expect(reading.entries.map((entry) => [entry.period, entry.value, entry.reason ? entry.reason.key : entry.replaces])).to.deep.equal([
      ['2022/23', 7, null],
      ['2023/24', 9, 'twice'],
      ['2023/24', 8, 'new'],
    ]);
    expect(applyValues(series, reading)).to.deep.equal([
      { period: '2021/22', value: 5 },
      { period: '2022/23', value: 7 },
      { period: '2023/24', value: 8 },
    ]);
  });
});
