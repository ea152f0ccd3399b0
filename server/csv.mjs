// The coordinator's export as CSV: RFC 4180 (CRLF, every field in double quotes when it holds the separator, a
// quote or a line break; quotes doubled), a header row, and a UTF-8 byte order mark so Excel reads umlauts.

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
 * One field. Text a resident typed that starts like a formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading `'`
 * so that a spreadsheet shows it instead of running it (CSV injection). Phone numbers may start with `+` and
 * the contract allows only digits and `+()/ .-` in them, so they stay as they are.
 * @param {unknown} value
 * @param {string} separator
 * @param {boolean} [literal] no formula guard
 */
export function csvField(value, separator, literal = false) {
  let text = value === null || value === undefined ? '' : String(value);
  if (!literal && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * @param {StoredMessage[]} messages
 * @param {{ separator?: ',' | ';' }} [options] `;` for a German Excel that splits at semicolons
 */
export function toCsv(messages, { separator = ',' } = {}) {
  const lines = [COLUMNS.map(([name]) => name).join(separator)];
  for (const message of messages) lines.push(COLUMNS.map(([name, get]) => csvField(get(message), separator, name === 'phone')).join(separator));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
