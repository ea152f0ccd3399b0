/**
 * A small interpreter for the part of JSON Schema our schemas use. Ajv compiles schemas with `new Function`,
 * which a strict Content-Security-Policy forbids, and would add more than the whole widget to the bundle;
 * interpreting the schema keeps `src/schemas/` the one source of truth for both the widgets and the docs.
 *
 * Supported: type, enum, required, properties, items, anyOf, minLength, maxLength, pattern, minItems, minimum,
 * maximum, format (date-time, uri, uri-reference) and local `$ref` ("#/$defs/name").
 */
import type { SchemaCode } from './feed/problems.js';

export interface Schema {
  type?: JsonType | JsonType[];
  enum?: readonly unknown[];
  required?: readonly string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: readonly Schema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
  $ref?: string;
  $defs?: Record<string, Schema>;
}

type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

export interface Problem {
  /** Where, as a JavaScript-like path: `items[3].date_published`. */
  path: string;
  /** What, in English, for the console. */
  message: string;
  /** What, stable: `schema-` and the JSON Schema keyword (src/core/feed/problems.ts); `kpr-missing` for no `_kpr`. */
  code?: SchemaCode | 'kpr-missing';
  /** What the schema asks for: the type(s), the allowed values, the limit, the pattern, the format, the fields. */
  expected?: unknown;
  /** The value found, where there is one. */
  value?: unknown;
}

/** A problem found by a schema: it always has its code. */
export interface SchemaProblem extends Problem {
  code: SchemaCode | 'kpr-missing';
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

export function validate(value: unknown, schema: Schema, path = '', root: Schema = schema): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  check(value, schema, path, undefined, root, problems);
  return problems;
}

/**
 * Appends to one array instead of building and spreading many: feeds have thousands of fields. A value's path is
 * its parent's and its key, joined only when a problem names it or its own fields need it: a valid feed makes
 * no path strings at all.
 */
function check(value: unknown, schema: Schema, parent: string, key: string | number | undefined, root: Schema, problems: SchemaProblem[]): void {
  if (schema.$ref) {
    const target = root.$defs?.[schema.$ref.startsWith('#/$defs/') ? schema.$ref.slice(8) : schema.$ref];
    if (target) check(value, target, parent, key, root, problems);
    return;
  }
  const type = typeOf(value);
  if (schema.type !== undefined && !accepts(schema.type, type)) {
    fail(problems, parent, key, value, 'schema-type', schema.type, `must be ${[schema.type].flat().map(article).join(' or ')}, not ${article(type)}`);
    return;
  }
  if (schema.enum && !schema.enum.includes(value)) {
    fail(problems, parent, key, value, 'schema-enum', schema.enum, `must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`);
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) fail(problems, parent, key, value, 'schema-min-length', schema.minLength, 'must not be empty');
    if (schema.maxLength !== undefined && value.length > schema.maxLength) {
      fail(problems, parent, key, value, 'schema-max-length', schema.maxLength, `must be at most ${schema.maxLength} characters long`);
    }
    if (schema.format && !matchesFormat(value, schema.format)) fail(problems, parent, key, value, 'schema-format', schema.format, formatMessage(schema.format, value));
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) fail(problems, parent, key, value, 'schema-pattern', schema.pattern, `must match the pattern ${schema.pattern}, not ${JSON.stringify(value.slice(0, 40))}`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) fail(problems, parent, key, value, 'schema-minimum', schema.minimum, `must be at least ${schema.minimum}, not ${value}`);
    if (schema.maximum !== undefined && value > schema.maximum) fail(problems, parent, key, value, 'schema-maximum', schema.maximum, `must be at most ${schema.maximum}, not ${value}`);
  }
  if (Array.isArray(value) && schema.minItems !== undefined && value.length < schema.minItems) {
    fail(problems, parent, key, value, 'schema-min-items', schema.minItems, `must have at least ${schema.minItems} ${schema.minItems === 1 ? 'entry' : 'entries'}`);
  }
  if (schema.items && Array.isArray(value)) {
    const path = pathOf(parent, key);
    for (let index = 0; index < value.length; index++) check(value[index], schema.items, path, index, root, problems);
  }
  if (type === 'object' && (schema.required || schema.properties)) {
    const object = value as Record<string, unknown>;
    const path = pathOf(parent, key);
    if (schema.required) {
      for (const name of schema.required) {
        if (object[name] === undefined) problems.push({ path: join(path, name), message: 'is required', code: 'schema-required', expected: name });
      }
    }
    for (const name in schema.properties) {
      if (object[name] !== undefined) check(object[name], schema.properties[name]!, path, name, root, problems);
    }
  }
  if (schema.anyOf && !schema.anyOf.some((branch) => passes(value, branch, parent, key, root, problems))) {
    const fields = schema.anyOf.flatMap((branch) => branch.required ?? []);
    fail(problems, parent, key, value, 'schema-any-of', fields, fields.length ? `needs ${fields.map((f) => `"${f}"`).join(' or ')}` : 'matches none of the allowed forms');
  }
}

/** Whether `value` fits `schema`: checked into the caller's list, and whatever it found taken off again. */
function passes(value: unknown, schema: Schema, parent: string, key: string | number | undefined, root: Schema, problems: SchemaProblem[]): boolean {
  const before = problems.length;
  check(value, schema, parent, key, root, problems);
  const fits = problems.length === before;
  problems.length = before;
  return fits;
}

function fail(problems: SchemaProblem[], parent: string, key: string | number | undefined, value: unknown, code: SchemaCode, expected: unknown, message: string): void {
  problems.push({ path: pathOf(parent, key), message, code, expected, value });
}

function pathOf(parent: string, key: string | number | undefined): string {
  return key === undefined ? parent : typeof key === 'number' ? `${parent}[${key}]` : join(parent, key);
}

function accepts(allowed: JsonType | JsonType[], type: JsonType): boolean {
  if (typeof allowed !== 'string') return allowed.some((one) => accepts(one, type));
  return allowed === type || (allowed === 'number' && type === 'integer');
}

function typeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}

/** Plain web addresses, which the URL parser always accepts: checked without it, as feeds hold thousands. */
const PLAIN_WEB_URL = /^https?:\/\/[\w.-]+(?::\d{1,4})?(?:[/?#]\S*)?$/;

function matchesFormat(value: string, format: string): boolean {
  if ((format === 'uri' || format === 'uri-reference') && PLAIN_WEB_URL.test(value)) return true;
  switch (format) {
    case 'date-time':
      return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)) && isCalendarDay(value);
    case 'uri':
      return URL.canParse(value);
    case 'uri-reference':
      return URL.canParse(value, 'https://example.invalid/');
    default:
      return true;
  }
}

/** Date.parse rolls 30 February over into March in some engines: the day must exist in its month. */
function isCalendarDay(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function formatMessage(format: string, value: string): string {
  const got = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (format === 'date-time') return `must be an RFC 3339 date-time such as "2026-11-24T18:00:00+01:00", not ${got}`;
  return `must be a valid ${format === 'uri' ? 'absolute URL' : 'URL'}, not ${got}`;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
