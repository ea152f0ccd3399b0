// Cells from a spreadsheet: text copied from Excel or LibreOffice (tab separated), or a CSV file as a German Excel
// writes it (semicolons, decimal commas, Windows-1252) or as LibreOffice does (commas or semicolons, UTF-8). The
// parsing of quotes, line breaks inside cells and separators is papaparse's; it is loaded when the import is opened,
// so it costs the editor's first load nothing.
import type * as PapaNamespace from 'papaparse';

type Papa = typeof PapaNamespace;

let loading: Promise<Papa> | undefined;

/**
 * papaparse. It is published as a UMD script only: the build turns it into a module, but a browser loading the
 * file as it is (the test runner serves it so) runs its wrapper in a module, where `this` is undefined and its last
 * branch fails. Its AMD branch works in both: a `define` present only while it loads receives the parser.
 */
export function loadPapa(): Promise<Papa> {
  loading ??= (async () => {
    const global = globalThis as { define?: unknown };
    const before = global.define;
    let received: Papa | undefined;
    const define = (_dependencies: unknown, factory: () => Papa) => {
      received = factory();
    };
    global.define = Object.assign(define, { amd: {} });
    try {
      const module = (await import('papaparse')) as { default?: Papa };
      const papa = received ?? module.default;
      if (!papa?.parse) throw new Error('papaparse did not load');
      return papa;
    } finally {
      if (before === undefined) delete global.define;
      else global.define = before;
    }
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

export type Encoding = 'utf-8' | 'utf-16le' | 'windows-1252';

/**
 * A file's text. Valid UTF-8 is UTF-8 (a BOM or not); anything else is read as Windows-1252, what Excel writes as
 * "CSV (Trennzeichen-getrennt)" on a German Windows, where ä is one byte that is never valid UTF-8 on its own. A
 * UTF-16 BOM is Excel's "Unicode-Text".
 */
export function decodeTable(bytes: ArrayBuffer | Uint8Array): { text: string; encoding: Encoding } {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (view[0] === 0xff && view[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(view), encoding: 'utf-16le' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(view), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(view), encoding: 'windows-1252' };
  }
}

export type Separator = '\t' | ';' | ',';

export interface Table {
  /** The rows, each cell trimmed; rows with no text at all are left out (an Excel copy ends with a line break). */
  rows: { line: number; cells: string[] }[];
  separator: Separator;
}

/**
 * The rows of a table. Text with a tab is a copy from a spreadsheet; otherwise semicolon or comma, whichever splits
 * more rows into two or more cells, the semicolon on a tie: `2023;12,5` splits at the comma into two cells as
 * well, but the semicolon, a German Excel's separator, is the one meant (papaparse's own guess takes the comma).
 */
export async function parseTable(text: string): Promise<Table> {
  const papa = await loadPapa();
  const clean = text.replace(/^\uFEFF/, '');
  const parse = (separator: Separator) => papa.parse<string[]>(clean, { delimiter: separator, skipEmptyLines: false }).data;
  const split = (rows: string[][]) => rows.filter((cells) => cells.filter((cell) => cell.trim()).length >= 2).length;
  let separator: Separator;
  let data: string[][];
  if (clean.includes('\t')) [separator, data] = ['\t', parse('\t')];
  else {
    const semicolon = parse(';');
    const comma = parse(',');
    [separator, data] = split(semicolon) >= split(comma) ? [';', semicolon] : [',', comma];
  }
  const rows = data
    .map((cells, index) => ({ line: index + 1, cells: cells.map((cell) => cell.replace(/[\u00a0\u202f]/g, ' ').trim()) }))
    .filter((row) => row.cells.some((cell) => cell !== ''));
  return { rows, separator };
}

/**
 * A number as a German sheet writes it: `12,5`, `1.234,5`, `1 234`, `-3`, `71,5 %`; a point alone is a decimal point
 * (`12.5`) unless it groups thousands (`1.234`). Undefined when it is no number.
 */
export function readSheetNumber(text: string): number | undefined {
  let cell = text.replace(/\s+/g, '').replace(/%$/, '').replace(/^\+/, '');
  if (!cell) return undefined;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(cell)) cell = cell.replaceAll('.', '').replace(',', '.');
  else if (/^-?\d+,\d+$/.test(cell)) cell = cell.replace(',', '.');
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(cell)) cell = cell.replaceAll(',', '');
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(cell)) return undefined;
  const value = Number(cell);
  return Number.isFinite(value) ? value : undefined;
}

/** A spreadsheet's name of a column: A, B, … Z, AA. */
export function columnName(index: number): string {
  let name = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  return name;
}
