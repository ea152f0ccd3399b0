// The contract's JSON Schema (src/schemas/kpr-contact.schema.json, shared with <kpr-contact>), checked with Ajv
// (draft 2020-12). Ajv's errors become `problems`: `{ path, message }` with a JSON Pointer into the body.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { textProblems } from './text.mjs';

/** The schema from the sources (a checkout) or from dist/ (the published package, which ships dist/schemas). */
function schemaFile() {
  for (const relative of ['../src/schemas/kpr-contact.schema.json', '../dist/schemas/kpr-contact.schema.json']) {
    const file = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(file)) return file;
  }
  throw new Error('kpr-contact.schema.json not found in src/schemas or dist/schemas');
}

export const contactSchema = JSON.parse(readFileSync(schemaFile(), 'utf8'));

/** @typedef {{ path: string, message: string }} Problem */

/**
 * Compiles the contract once: the schema, then the rule for text (server/text.mjs).
 * @returns {(body: unknown) => Problem[]} no problems: the body fits the contract
 */
export function compileValidator() {
  const ajv = new Ajv2020({ allErrors: true });
  const validate = ajv.compile(contactSchema);
  return (body) => {
    if (validate(body)) return textProblems(/** @type {Record<string, unknown>} */ (body));
    /** @type {Problem[]} */
    const problems = [];
    for (const error of validate.errors ?? []) {
      // The anyOf says: wantsAnswer needs a way to answer. Its branches' own errors would only confuse.
      if (error.schemaPath.startsWith('#/anyOf/')) continue;
      if (error.keyword === 'anyOf' && error.schemaPath === '#/anyOf') {
        problems.push({ path: '/wantsAnswer', message: 'an answer needs an e-mail address or a phone number' });
      } else if (error.keyword === 'required') {
        problems.push({ path: `${error.instancePath}/${error.params.missingProperty}`, message: 'is required' });
      } else if (error.keyword === 'additionalProperties') {
        problems.push({ path: `${error.instancePath}/${error.params.additionalProperty}`, message: 'is not a field of the contract' });
      } else if (error.keyword === 'pattern') {
        problems.push({ path: error.instancePath, message: error.instancePath === '/email' ? 'is not an e-mail address' : 'has characters that are not allowed' });
      } else {
        problems.push({ path: error.instancePath || '/', message: error.message ?? error.keyword });
      }
    }
    return problems;
  };
}
