/**
 * Reads a feed's JSON schema (src/schemas/*.schema.json) into the rows of a field table, so the "Feed formats"
 * page is made from the schemas the widgets validate against and cannot drift from them. Handles the subset the
 * schemas use: properties, required, items, local `$ref`s into `$defs`, enum, const, type lists and formats.
 */
export interface Schema {
  title?: string;
  description?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  $ref?: string;
  $defs?: Record<string, Schema>;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  anyOf?: Schema[];
  oneOf?: Schema[];
}

export interface FieldRow {
  /** Dotted path from the schema's root; `[]` marks each entry of a list. */
  path: string;
  type: string;
  required: boolean;
  description: string;
}

function resolve(schema: Schema, root: Schema): Schema {
  const match = schema.$ref && /^#\/\$defs\/(.+)$/.exec(schema.$ref);
  if (!match) return schema;
  const { $ref: _ref, ...rest } = schema;
  return { ...resolve(root.$defs?.[match[1]!] ?? {}, root), ...rest };
}

/** A field's type in words: the JSON type, its allowed values and its limits. */
export function typeOf(raw: Schema, root: Schema): string {
  const schema = resolve(raw, root);
  if (schema.const !== undefined) return `exactly ${JSON.stringify(schema.const)}`;
  if (schema.enum?.length === 1) return `exactly ${JSON.stringify(schema.enum[0])}`;
  if (schema.enum) return `one of ${schema.enum.map((value) => JSON.stringify(value)).join(', ')}`;
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (!schema.type && alternatives) return alternatives.map((alternative) => typeOf(alternative, root)).join(' or ');
  const types = [schema.type ?? 'any'].flat();
  let text = types.map((type) => (type === 'array' && schema.items ? `list of ${typeOf(schema.items, root)}` : type)).join(' or ');
  const limits = [
    schema.format && `format ${schema.format}`,
    schema.pattern && (schema.pattern.includes('\\d{4}-\\d{2}-\\d{2}') ? 'date or date-time (ISO 8601)' : `pattern ${schema.pattern}`),
    schema.minLength !== undefined && schema.minLength > 1 && `at least ${schema.minLength} characters`,
    schema.maxLength !== undefined && `at most ${schema.maxLength} characters`,
    schema.minimum !== undefined && `≥ ${schema.minimum}`,
    schema.maximum !== undefined && `≤ ${schema.maximum}`,
    schema.maxItems !== undefined && `at most ${schema.maxItems} entries`,
  ].filter(Boolean);
  if (limits.length) text += ` (${limits.join(', ')})`;
  return text;
}

/** Every field of a schema, depth first, in the order the schema lists them. */
export function fieldsOf(root: Schema): FieldRow[] {
  const rows: FieldRow[] = [];
  const walk = (raw: Schema, path: string, seen: ReadonlySet<string>) => {
    const schema = resolve(raw, root);
    if (raw.$ref && seen.has(raw.$ref)) return; // a definition that contains itself is listed once
    const nextSeen = raw.$ref ? new Set([...seen, raw.$ref]) : seen;
    for (const [name, child] of Object.entries(schema.properties ?? {})) {
      const childPath = path ? `${path}.${name}` : name;
      const resolved = resolve(child, root);
      rows.push({ path: childPath, type: typeOf(child, root), required: schema.required?.includes(name) ?? false, description: resolved.description ?? '' });
      walk(child, childPath, nextSeen);
      if (resolved.items) walk(resolved.items, `${childPath}[]`, nextSeen);
    }
  };
  walk(root, '', new Set());
  return rows;
}

/** Conditions on a whole object ("at least one of …"), in words, or '' when there are none. */
export function alternativesOf(raw: Schema, root: Schema): string {
  const schema = resolve(raw, root);
  if (!schema.anyOf) return '';
  const phrases = schema.anyOf.map((alternative) =>
    [
      ...(alternative.required ?? []).map((name) => `\`${name}\` is given`),
      ...Object.entries(alternative.properties ?? {}).map(([name, rule]) => `\`${name}\` is ${typeOf(rule, root).replace(/^(exactly|one of) /, '')}`),
    ].join(' and '),
  );
  return `At least one of these must hold: ${phrases.join('; or ')}.`;
}

/** The objects with an `anyOf` condition, with their paths, so the page can state each condition. */
export function conditionsOf(root: Schema): { path: string; text: string }[] {
  const found: { path: string; text: string }[] = [];
  const visit = (raw: Schema, path: string, depth: number) => {
    if (depth > 6) return;
    const schema = resolve(raw, root);
    const text = alternativesOf(schema, root);
    if (text) found.push({ path: path || '(the whole object)', text });
    for (const [name, child] of Object.entries(schema.properties ?? {})) {
      const resolved = resolve(child, root);
      visit(child, path ? `${path}.${name}` : name, depth + 1);
      if (resolved.items) visit(resolved.items, `${path ? `${path}.` : ''}${name}[]`, depth + 1);
    }
  };
  visit(root, '', 0);
  return found;
}
