// What the import reads tables with: loaded when the coordinator opens an import (table-import.ts), with
// papaparse, so none of it is in the editor's first load.
export { decodeTable, loadPapa, parseTable } from './read-table.js';
export { applyValues, readValues } from './values-import.js';
export { readMeasures } from './measures-import.js';
