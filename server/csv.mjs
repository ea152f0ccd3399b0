// The coordinator's export as CSV: RFC 4180 (CRLF, every field in double quotes when it holds the separator, a
// quote or a line break; quotes doubled), a header row, and a UTF-8 byte order mark so Excel reads umlauts.

import { shown } from './text.mjs';

/** @typedef {import('./store.mjs').StoredMessage} StoredMessage */

/** @type {[string, (m: StoredMessage) => unknown][]} */
const COLUMNS = [
  ['reference', (m) => m.reference],
  ['received_at', (m) => m.receivedAt],
  ['topic', (m) => m.topic],
  ['message', (m) => m.message],
  ['place', (m) => m.place],
  ['name', (m) => m.name],
  ['email', (m) => m.email],
  ['phone', (m) => m.phone],
  ['wants_answer', (m) => (m.wantsAnswer ? 'yes' : 'no')],
  ['language', (m) => m.language],
  ['page', (m) => m.page],
  ['spam', (m) => (m.spam ? m.spamReason ?? 'yes' : '')],
  ['forwarded_at', (m) => m.forwardedAt],
];

/**
 * One field. Characters the rule for text refuses in the column's field are shown as `<U+001B>` (the file may
 * hold them from before the rule). Text that starts like a formula (`=`, `+`, `-`, `@`, tab, CR) gets a
 * leading `'` so that a spreadsheet shows it instead of running it (CSV injection); phone numbers too, since
 * `+1+1` or `-2-3` would be sums; a spreadsheet shows `'+49 351 1234` as `+49 351 1234`, as written.
 * @param {unknown} value
 * @param {string} separator
 * @param {string} [column] the column, for the rule of its field (default: a one-line field)
 */
export function csvField(value, separator, column = '') {
  let text = value === null || value === undefined ? '' : shown(String(value), column);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * @param {StoredMessage[]} messages
 * @param {{ separator?: ',' | ';' }} [options] `;` for a German Excel that splits at semicolons
 */
export function toCsv(messages, { separator = ',' } = {}) {
  const lines = [COLUMNS.map(([name]) => name).join(separator)];
  for (const message of messages) lines.push(COLUMNS.map(([name, get]) => csvField(get(message), separator, name)).join(separator));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
