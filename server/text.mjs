// What text a message may carry: one rule for every string field, checked once the body fits the schema, and
// one way to show what breaks it should the file hold such text from before the rule.
//
// A 2xx means the message is stored as sent, so text the store could only keep altered is refused rather than
// "repaired". So is text that acts instead of reading where the coordinator sees it: control characters (NUL;
// ESC, which starts terminal commands such as ESC[2J; BEL; C1's CSI and NEL), the direction embeddings,
// overrides and isolates that show text in another order than it was written (U+202E: "gpj.exe" shown as
// "exe.jpg"), and line breaks in one-line fields, which would add lines of their own to the forwarded e-mail
// (a fake reference, a fake address). The message may carry tabs and line breaks; the direction marks
// (U+200E, U+200F, U+061C), which right-to-left writers need, are allowed everywhere.

/** @typedef {import('./validate.mjs').Problem} Problem */

/** What the message may not carry: C0 controls but tab, LF and CR; DEL; C1; direction embeddings to isolates. */
const REFUSED_IN_MESSAGE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/gu;
/** What a one-line field (every other) may not carry: all of that, tab and line breaks (also U+2028, U+2029). */
const REFUSED_IN_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu;
const LINE_BREAK = /[\n\r\u2028\u2029]/u;
const DIRECTION = /[\u202A-\u202E\u2066-\u2069]/u;

/** The characters `field` may not carry (a global expression: use with replace or matchAll). @param {string} field */
const refusedIn = (field) => (field === 'message' ? REFUSED_IN_MESSAGE : REFUSED_IN_LINE);

/** `U+001B`. @param {string} char */
const codePoint = (char) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `char` is refused, naming it. @param {string} char */
function reason(char) {
  if (LINE_BREAK.test(char)) return `must be one line, but has a line break (${codePoint(char)})`;
  if (DIRECTION.test(char)) return `has a text direction control (${codePoint(char)}) that would show it in another order than it was written`;
  return `has a control character (${codePoint(char)}) that is not allowed`;
}

/**
 * The fields of a body that break the rule, each with its first offending character.
 * @param {Record<string, unknown>} body a body that fits the schema
 * @returns {Problem[]}
 */
export function textProblems(body) {
  /** @type {Problem[]} */
  const problems = [];
  for (const [field, value] of Object.entries(body)) {
    if (typeof value !== 'string') continue;
    // JSON may escape half a surrogate pair (\ud800): no character, and stored as U+FFFD.
    if (!value.isWellFormed()) {
      problems.push({ path: `/${field}`, message: 'is not valid Unicode text (half of a surrogate pair)' });
      continue;
    }
    const [refused] = value.match(refusedIn(field)) ?? [];
    if (refused) problems.push({ path: `/${field}`, message: reason(refused) });
  }
  return problems;
}

/**
 * Stored text as the export and the e-mail show it: each character the rule refuses in `field` written as its
 * code, `<U+001B>`, so it can neither act (clear a terminal, turn text around, add a line) nor hide.
 * @param {string} text
 * @param {string} field the contract's field (`message` may keep its line breaks and tabs)
 */
export function shown(text, field) {
  return text.replace(refusedIn(field), (char) => `<${codePoint(char)}>`);
}
