// A list of measures from a table, one per row: name, status, partners, start, end, description. The header row's
// names are matched liberally ("Maßnahme", "Bezeichnung", "Stand", "Beteiligte", "von", "bis", …); without a header
// the columns are taken in that order.
import type { JsonObject } from '../model/paths.js';
import { columnName, type Table } from './read-table.js';
import type { Reason } from './values-import.js';

export const MEASURE_COLUMNS = ['title', 'status', 'partners', 'start', 'end', 'description', 'url'] as const;
export type MeasureColumn = (typeof MEASURE_COLUMNS)[number];

/** Lower case, umlauts and ß spelled out, nothing but letters: "Maßnahmen-Beginn" → "massnahmenbeginn". */
const fold = (text: string) =>
  text.toLowerCase().replaceAll('ä', 'ae').replaceAll('ö', 'oe').replaceAll('ü', 'ue').replaceAll('ß', 'ss').replace(/[^a-z]/g, '');

/**
 * Header names, folded: a cell equal to a short one, or containing a long one, names that column. The more specific
 * columns come first: "Maßnahmenbeginn" is the start, not the name.
 */
const HEADERS: ReadonlyArray<[MeasureColumn, exact: string[], containing: string[]]> = [
  ['start', ['von', 'ab', 'start'], ['beginn', 'anfang', 'startdatum', 'gestartet', 'begin']],
  ['end', ['bis', 'ende', 'end'], ['enddatum', 'abschluss', 'laufzeitende', 'zeitraumende', 'finish']],
  ['status', ['stand'], ['status', 'zustand', 'umsetzungsstand', 'sachstand', 'state']],
  ['partners', [], ['partner', 'beteiligt', 'mitwirk', 'akteur', 'kooperation', 'verantwortlich', 'zustaendig', 'traeger']],
  ['description', [], ['beschreibung', 'description', 'details', 'erlaeuterung', 'inhalt', 'bemerkung', 'notiz']],
  ['url', ['url', 'link', 'web'], ['internet', 'webseite', 'website', 'adresse']],
  ['title', ['name', 'titel', 'title'], ['massnahme', 'bezeichnung', 'thema', 'measure', 'projekt', 'vorhaben', 'aktivitaet']],
];

export function columnOf(header: string): MeasureColumn | undefined {
  const folded = fold(header);
  if (!folded) return undefined;
  for (const [column, exact, containing] of HEADERS) if (exact.includes(folded) || containing.some((part) => folded.includes(part))) return column;
  return undefined;
}

/** How a sheet says a status, folded; anything else is not read. */
const STATUSES: Record<string, 'planned' | 'running' | 'done'> = Object.fromEntries(
  (
    [
      ['planned', ['geplant', 'planned', 'inplanung', 'vorgesehen', 'offen', 'nochnichtbegonnen']],
      ['running', ['laeuft', 'laufend', 'running', 'inarbeit', 'inumsetzung', 'aktiv', 'begonnen', 'inbearbeitung', 'umsetzung', 'ongoing', 'dauerhaft', 'fortlaufend']],
      ['done', ['abgeschlossen', 'erledigt', 'fertig', 'done', 'beendet', 'umgesetzt', 'completed', 'finished']],
    ] as const
  ).flatMap(([status, words]) => words.map((word) => [word, status])),
);

const MONTHS: Record<string, number> = {
  jan: 1, januar: 1, jaenner: 1, january: 1, feb: 2, februar: 2, february: 2, mrz: 3, maer: 3, maerz: 3, mar: 3, march: 3,
  apr: 4, april: 4, mai: 5, may: 5, jun: 6, juni: 6, june: 6, jul: 7, juli: 7, july: 7, aug: 8, august: 8,
  sep: 9, sept: 9, september: 9, okt: 10, oct: 10, oktober: 10, october: 10, nov: 11, november: 11,
  dez: 12, dec: 12, dezember: 12, december: 12,
};

const two = (value: number) => String(value).padStart(2, '0');
const validDay = (year: number, month: number, day: number) => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};
const fullYear = (year: string) => (year.length === 2 ? 2000 + Number(year) : Number(year));

/**
 * A date or month as the feed writes it (2024-03-01, 2024-03) from what a German sheet shows: 01.03.2024, 1.3.24,
 * 03/2024, 3.2024, März 2024, or already 2024-03(-01) (a time after it is dropped). Undefined when it is none.
 */
export function readSheetDate(text: string): string | undefined {
  const cell = text.trim();
  let match = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[T ][\d:.]+Z?)?$/.exec(cell);
  if (match) {
    const [, year, month, day] = match;
    if (Number(month) < 1 || Number(month) > 12) return undefined;
    if (day === undefined) return `${year}-${two(Number(month))}`;
    return validDay(Number(year), Number(month), Number(day)) ? `${year}-${two(Number(month))}-${two(Number(day))}` : undefined;
  }
  match = /^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4}|\d{2})$/.exec(cell);
  if (match) {
    const [day, month, year] = [Number(match[1]), Number(match[2]), fullYear(match[3]!)];
    return validDay(year, month, day) ? `${year}-${two(month)}-${two(day)}` : undefined;
  }
  match = /^(\d{1,2})\s*[./]\s*(\d{4})$/.exec(cell);
  if (match) {
    const month = Number(match[1]);
    return month >= 1 && month <= 12 ? `${match[2]}-${two(month)}` : undefined;
  }
  match = /^([A-Za-zÄÖÜäöü]+)\.?\s*(\d{4}|\d{2})$/.exec(cell);
  if (match) {
    const month = MONTHS[fold(match[1]!)];
    return month ? `${fullYear(match[2]!)}-${two(month)}` : undefined;
  }
  return undefined;
}

/** One row as read: its line, its cells, the measure it becomes, or why it cannot be read. */
export interface MeasureEntry {
  row: number;
  cells: string[];
  /** What was read into each field, as shown in the preview. */
  fields: Partial<Record<MeasureColumn, string>>;
  measure?: JsonObject;
  /** The status cell was empty: the measure is "planned", and the preview says so. */
  statusAssumed?: boolean;
  reason?: Reason;
}

export interface MeasuresReading {
  kind: 'measures';
  /** Which field each column goes to (undefined: not read), and the header's cells when there was one. */
  columns: (MeasureColumn | undefined)[];
  header?: string[];
  entries: MeasureEntry[];
  /** Columns of the header that name nothing the editor knows, by their header and letter. */
  ignored: string[];
}

/** Partners in one cell, one per line or separated by semicolons or commas. */
const splitPartners = (cell: string) => cell.split(/[\n;,]+/).map((part) => part.trim()).filter(Boolean);

export function readMeasures(table: Table): MeasuresReading {
  const [first, ...rest] = table.rows;
  const named = (first?.cells ?? []).map(columnOf);
  // A header row names the name column, or at least two columns; a row of measures rarely does.
  const hasHeader = named.includes('title') || named.filter(Boolean).length >= 2;
  const width = Math.max(0, ...table.rows.map((row) => row.cells.length));
  const columns: (MeasureColumn | undefined)[] = hasHeader
    ? named.map((column, index) => (column && named.indexOf(column) === index ? column : undefined))
    : Array.from({ length: width }, (_, index) => MEASURE_COLUMNS[index]).map((column) => (column === 'url' ? undefined : column));
  const ignored = hasHeader ? first!.cells.flatMap((cell, index) => (columns[index] || !cell ? [] : [`${cell} (${columnName(index)})`])) : [];
  const rows = hasHeader ? rest : table.rows;
  return { kind: 'measures', columns, header: hasHeader ? first!.cells : undefined, entries: rows.map((row) => readMeasure(row.line, row.cells, columns)), ignored };
}

function readMeasure(row: number, cells: string[], columns: (MeasureColumn | undefined)[]): MeasureEntry {
  const fields: MeasureEntry['fields'] = {};
  columns.forEach((column, index) => {
    if (column && cells[index]) fields[column] = cells[index];
  });
  const entry: MeasureEntry = { row, cells, fields };
  if (!fields.title) return { ...entry, reason: { key: 'noName' } };
  const measure: JsonObject = { title: fields.title };
  if (fields.status) {
    const status = STATUSES[fold(fields.status)];
    if (!status) return { ...entry, reason: { key: 'unknownStatus', values: { value: fields.status } } };
    measure.status = status;
  } else {
    measure.status = 'planned';
    entry.statusAssumed = true;
  }
  if (fields.partners) measure.partners = splitPartners(fields.partners);
  for (const key of ['start', 'end'] as const) {
    if (!fields[key]) continue;
    const date = readSheetDate(fields[key]!);
    if (!date) return { ...entry, reason: { key: key === 'start' ? 'badStart' : 'badEnd', values: { value: fields[key]! } } };
    measure[key] = date;
  }
  // A month against a day compares as far as both go: 2024-03 does not end before 2024-03-15.
  const [start, end] = [measure.start, measure.end];
  if (typeof start === 'string' && typeof end === 'string' && end.slice(0, Math.min(start.length, end.length)) < start.slice(0, Math.min(start.length, end.length))) {
    return { ...entry, reason: { key: 'endBeforeStart', values: { start: fields.start!, end: fields.end! } } };
  }
  if (fields.description) measure.description = fields.description;
  if (fields.url) {
    if (!/^https?:\/\/\S+$/i.test(fields.url)) return { ...entry, reason: { key: 'badUrl', values: { value: fields.url } } };
    measure.url = fields.url;
  }
  return { ...entry, measure };
}
