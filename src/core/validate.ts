/**
 * A small checker for the part of JSON Schema our schemas use. Ajv compiles schemas with `new Function`, which a
 * strict Content-Security-Policy forbids, and would add more than the whole widget to the bundle; reading the
 * schema itself (turned into closures on first use) keeps `src/schemas/` the one source of truth for both the
 * widgets and the docs.
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
  checkerOf(schema, root)(value, path, undefined, problems);
  return problems;
}

/**
 * Checks a value, appending to one array instead of building and spreading many: feeds have thousands of fields. A
 * value's path is its parent's and its key, joined only when a problem names it or its own fields need it: a valid
 * feed makes no path strings at all.
 */
type Checker = (value: unknown, parent: string, key: string | number | undefined, problems: SchemaProblem[]) => void;

/**
 * Each schema is turned into closures once (per root, which its `$ref`s name), not read keyword by keyword for every
 * value of thousands of items: its keywords, pattern, messages and sub-schemas are looked at when it is first used.
 * Closures, not generated code, as the CSP forbids `new Function`.
 */
const checkers = new WeakMap<Schema, WeakMap<Schema, Checker>>();

function checkerOf(schema: Schema, root: Schema): Checker {
  let byRoot = checkers.get(root);
  if (!byRoot) checkers.set(root, (byRoot = new WeakMap()));
  let checker = byRoot.get(schema);
  if (!checker) byRoot.set(schema, (checker = compile(schema, root)));
  return checker;
}

/** The checks of one schema, in the order the problems are reported: type (which ends it), enum, string, number, array, object, anyOf. */
function compile(schema: Schema, root: Schema): Checker {
  if (schema.$ref) {
    const target = root.$defs?.[schema.$ref.startsWith('#/$defs/') ? schema.$ref.slice(8) : schema.$ref];
    // Looked up when first used: a schema may refer to itself.
    let checker: Checker | undefined;
    return target ? (value, parent, key, problems) => (checker ??= checkerOf(target, root))(value, parent, key, problems) : () => {};
  }
  const steps: Checker[] = [];
  const { enum: allowed, minLength, maxLength, format, pattern, minimum, maximum, minItems, items, required, properties, anyOf } = schema;
  if (allowed) {
    const message = `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
    steps.push((value, parent, key, problems) => {
      if (!allowed.includes(value)) fail(problems, parent, key, value, 'schema-enum', allowed, message);
    });
  }
  if (minLength !== undefined || maxLength !== undefined || format || pattern) {
    let regex: RegExp | undefined;
    steps.push((value, parent, key, problems) => {
      if (typeof value !== 'string') return;
      if (minLength !== undefined && value.length < minLength) fail(problems, parent, key, value, 'schema-min-length', minLength, 'must not be empty');
      if (maxLength !== undefined && value.length > maxLength) fail(problems, parent, key, value, 'schema-max-length', maxLength, `must be at most ${maxLength} characters long`);
      if (format && !matchesFormat(value, format)) fail(problems, parent, key, value, 'schema-format', format, formatMessage(format, value));
      if (pattern && !(regex ??= new RegExp(pattern, 'u')).test(value)) fail(problems, parent, key, value, 'schema-pattern', pattern, `must match the pattern ${pattern}, not ${JSON.stringify(value.slice(0, 40))}`);
    });
  }
  if (minimum !== undefined || maximum !== undefined) {
    steps.push((value, parent, key, problems) => {
      if (typeof value !== 'number') return;
      if (minimum !== undefined && value < minimum) fail(problems, parent, key, value, 'schema-minimum', minimum, `must be at least ${minimum}, not ${value}`);
      if (maximum !== undefined && value > maximum) fail(problems, parent, key, value, 'schema-maximum', maximum, `must be at most ${maximum}, not ${value}`);
    });
  }
  if (minItems !== undefined) {
    const message = `must have at least ${minItems} ${minItems === 1 ? 'entry' : 'entries'}`;
    steps.push((value, parent, key, problems) => {
      if (Array.isArray(value) && value.length < minItems) fail(problems, parent, key, value, 'schema-min-items', minItems, message);
    });
  }
  if (items) {
    const checkItem = checkerOf(items, root);
    steps.push((value, parent, key, problems) => {
      if (!Array.isArray(value)) return;
      const path = pathOf(parent, key);
      for (let index = 0; index < value.length; index++) checkItem(value[index], path, index, problems);
    });
  }
  if (required || properties) {
    const fields = Object.entries(properties ?? {}).map(([name, field]): [string, Checker] => [name, checkerOf(field, root)]);
    steps.push((value, parent, key, problems) => {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return;
      const object = value as Record<string, unknown>;
      const path = pathOf(parent, key);
      if (required) {
        for (const name of required) {
          if (object[name] === undefined) problems.push({ path: join(path, name), message: 'is required', code: 'schema-required', expected: name });
        }
      }
      for (const [name, checkField] of fields) {
        const field = object[name];
        if (field !== undefined) checkField(field, path, name, problems);
      }
    });
  }
  if (anyOf) {
    const branches = anyOf.map((branch) => checkerOf(branch, root));
    const fields = anyOf.flatMap((branch) => branch.required ?? []);
    const message = fields.length ? `needs ${fields.map((f) => `"${f}"`).join(' or ')}` : 'matches none of the allowed forms';
    steps.push((value, parent, key, problems) => {
      if (!branches.some((branch) => passes(value, branch, parent, key, problems))) fail(problems, parent, key, value, 'schema-any-of', fields, message);
    });
  }
  const run: Checker = steps.length === 1 ? steps[0]! : (value, parent, key, problems) => {
    for (const step of steps) step(value, parent, key, problems);
  };
  if (schema.type === undefined) return run;
  const types = [schema.type].flat();
  const expected = schema.type;
  const wanted = `must be ${types.map(article).join(' or ')}, not `;
  return (value, parent, key, problems) => {
    const type = typeOf(value);
    if (!types.includes(type) && !(type === 'integer' && types.includes('number'))) fail(problems, parent, key, value, 'schema-type', expected, wanted + article(type));
    else run(value, parent, key, problems);
  };
}

/** Whether `value` fits a schema: checked into the caller's list, and whatever it found taken off again. */
function passes(value: unknown, check: Checker, parent: string, key: string | number | undefined, problems: SchemaProblem[]): boolean {
  const before = problems.length;
  check(value, parent, key, problems);
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
