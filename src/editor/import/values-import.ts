// An indicator's values per period from a table: two columns (period, value), one row per period, or a row of
// periods and a row of values beneath it, as a Maßnahmenplan often lays out its years. A header row or a first
// column of labels ("Jahr", "Fälle") is recognised and skipped.
import type { Json, JsonObject } from '../model/paths.js';
import { columnName, readSheetNumber, type Table } from './read-table.js';

/** Why a row or column is not taken, as a key under `editor.import.reasons` and its values. */
export interface Reason {
  key: string;
  values?: Record<string, string>;
}

/** One period as read: where it stands in the table, the cells, and what it becomes. */
export interface ValueEntry {
  /** "Zeile 3" or "Spalte C": `row` or `column` and its name. */
  where: { row: number } | { column: string };
  cells: string[];
  period?: string;
  /** null: an empty cell, a gap in the chart. */
  value?: number | null;
  /** Not taken, and why. */
  reason?: Reason;
  /** Taken: a new period, or the value it replaces (null for a gap). */
  replaces?: Json | 'new';
}

export interface ValuesReading {
  kind: 'values';
  layout: 'rows' | 'columns';
  /** The cells of the header row or label column, when there was one. */
  header?: string[];
  entries: ValueEntry[];
  /** Columns (or rows) beyond the two read, which are not taken. */
  ignored: number;
}

/** A period a sheet writes: a year, or a label that starts with one (`2024-Q2`, `2023/24`). */
const looksLikePeriod = (cell: string) => /^\d{4}(\b|[-/_ .]|Q|H)/i.test(cell) || /^(Q|H)\d\s*\/?\s*\d{4}$/i.test(cell);
/** Excel may write a year read as a number with decimals: "2023,0". */
const cleanPeriod = (cell: string) => (/^\d{4}[.,]0+$/.test(cell) ? cell.slice(0, 4) : cell);

function entry(where: ValueEntry['where'], cells: string[], periodCell: string | undefined, valueCell: string | undefined): ValueEntry {
  const period = cleanPeriod(periodCell ?? '');
  if (!period) return { where, cells, reason: { key: 'noPeriod' } };
  if (period.length > 40) return { where, cells, reason: { key: 'periodTooLong' } };
  if (!valueCell) return { where, cells, period, value: null };
  const value = readSheetNumber(valueCell);
  if (value === undefined) return { where, cells, period, reason: { key: 'noNumber', values: { value: valueCell } } };
  return { where, cells, period, value };
}

/** How many cells of a line look like periods, and how many like numbers. */
const count = (cells: string[], test: (cell: string) => boolean) => cells.filter(test).length;
const isNumber = (cell: string) => readSheetNumber(cell) !== undefined;

/**
 * What the table holds for an indicator, and what each period becomes against the `series` it has now (a value it
 * replaces, or a new period).
 */
export function readValues(table: Table, series: readonly Json[]): ValuesReading {
  const rows = table.rows;
  const width = Math.max(0, ...rows.map((row) => row.cells.length));
  const firstColumn = rows.map((row) => row.cells[0] ?? '');
  const firstRow = rows[0]?.cells ?? [];
  // Periods down the first column, or along the first row: the layout where more of them are.
  const down = count(firstColumn, looksLikePeriod);
  const along = count(firstRow, looksLikePeriod);
  const reading: ValuesReading = along > down && rows.length <= 3 ? readColumns(table) : readRows(table, width);
  // The same period twice: the last one counts, as when typing it twice.
  const seen = new Map<string, ValueEntry>();
  for (const item of reading.entries) {
    if (item.reason) continue;
    const before = seen.get(item.period!);
    if (before) before.reason = { key: 'twice', values: { period: item.period! } };
    seen.set(item.period!, item);
  }
  const existing = new Map<string, Json>();
  for (const point of series) if (isObject(point) && typeof point.period === 'string') existing.set(point.period, point.value ?? null);
  for (const item of reading.entries) if (!item.reason) item.replaces = existing.has(item.period!) ? existing.get(item.period!)! : 'new';
  return reading;
}

function readRows(table: Table, width: number): ValuesReading {
  const [first, ...rest] = table.rows;
  // A header: a first row whose value cell is text ("Jahr | Fälle").
  const header = first && first.cells[1] && !isNumber(first.cells[1]) && !looksLikePeriod(first.cells[0] ?? '') ? first : undefined;
  const rows = header ? rest : table.rows;
  return {
    kind: 'values',
    layout: 'rows',
    header: header?.cells,
    entries: rows.map((row) => entry({ row: row.line }, row.cells, row.cells[0], row.cells[1])),
    ignored: Math.max(0, width - 2),
  };
}

function readColumns(table: Table): ValuesReading {
  const [periods, values, ...more] = table.rows;
  // A label column: its first cell is no period and the value beside it no number ("Jahr" over "Fälle").
  const labelled = !looksLikePeriod(periods!.cells[0] ?? '') && !isNumber(values?.cells[0] ?? '');
  const start = labelled ? 1 : 0;
  const entries: ValueEntry[] = [];
  const width = Math.max(periods!.cells.length, values?.cells.length ?? 0);
  for (let column = start; column < width; column++) {
    const periodCell = periods!.cells[column] ?? '';
    const valueCell = values?.cells[column] ?? '';
    if (!periodCell && !valueCell) continue;
    entries.push(entry({ column: columnName(column) }, [periodCell, valueCell], periodCell, valueCell));
  }
  return {
    kind: 'values',
    layout: 'columns',
    header: labelled ? [periods!.cells[0] ?? '', values?.cells[0] ?? ''] : undefined,
    entries,
    ignored: more.length,
  };
}

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The series with the values taken: a period already there gets the new value in its place, a new one is added;
 * periods without a value that the table does not name are dropped (a new indicator's empty first row), the other
 * values stay. Periods that all start with a year are put in order.
 */
export function applyValues(series: readonly Json[], reading: ValuesReading): Json[] {
  const taken = reading.entries.filter((item) => !item.reason);
  const byPeriod = new Map(taken.map((item) => [item.period!, item.value ?? null]));
  const result: Json[] = [];
  for (const point of series) {
    if (!isObject(point)) continue;
    const period = typeof point.period === 'string' ? point.period : '';
    if (byPeriod.has(period)) {
      result.push({ ...point, value: byPeriod.get(period)! });
      byPeriod.delete(period);
    } else if (period && point.value !== null && point.value !== undefined) result.push(point);
  }
  for (const [period, value] of byPeriod) result.push({ period, value });
  const periodOf = (point: Json) => (isObject(point) && typeof point.period === 'string' ? point.period : '');
  if (result.every((point) => /^\d{4}/.test(periodOf(point)))) {
    result.sort((a, b) => periodOf(a).localeCompare(periodOf(b), 'de', { numeric: true }));
  }
  return result;
}
