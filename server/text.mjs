// What text a message may carry, checked on every string field once the body fits the schema. A 2xx means the
// message is stored as sent, so text the store could only keep altered is refused rather than "repaired".

/** @typedef {import('./validate.mjs').Problem} Problem */

/**
 * The fields of a body that break the rule.
 * @param {Record<string, unknown>} body a body that fits the schema
 * @returns {Problem[]}
 */
export function textProblems(body) {
  /** @type {Problem[]} */
  const problems = [];
  for (const [field, value] of Object.entries(body)) {
    if (typeof value !== 'string') continue;
    // JSON may escape half a surrogate pair (\ud800): no character, and stored as U+FFFD.
    if (!value.isWellFormed()) problems.push({ path: `/${field}`, message: 'is not valid Unicode text (half of a surrogate pair)' });
  }
  return problems;
}
