/**
 * Paths into the draft feed, written as the validator writes them (`items[0]._kpr.measures[1].title`), so that a
 * problem's `path` names the field that shows it. Segments are kept as arrays while editing.
 */
export type Segment = string | number;
export type Path = readonly Segment[];
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function pathString(path: Path): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}

/** The id of the control that edits a path: letters, digits, `_` and `-` only, so `#id` works in links and selectors. */
export function fieldId(path: Path | string): string {
  const text = typeof path === 'string' ? path : pathString(path);
  return `field-${text.replace(/[^A-Za-z0-9-]+/g, '_').replace(/_$/, '')}`;
}

export function getAt(root: Json | undefined, path: Path): Json | undefined {
  let node: Json | undefined = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, Json>)[segment as string];
  }
  return node;
}

/**
 * A copy of `root` with `change` applied to the value at `path`; every object on the way is copied, the rest is
 * shared, so each version of the draft costs little and undo keeps them all. `undefined` removes the key.
 */
export function updateAt(root: Json, path: Path, change: (old: Json | undefined) => Json | undefined): Json {
  if (path.length === 0) return change(root) ?? null;
  const [head, ...rest] = path;
  const container: Json = Array.isArray(root) ? [...root] : root && typeof root === 'object' ? { ...root } : typeof head === 'number' ? [] : {};
  const record = container as Record<string, Json>;
  const key = head as string;
  const next = rest.length === 0 ? change(record[key]) : updateAt(record[key] ?? (typeof rest[0] === 'number' ? [] : {}), rest, change);
  if (next === undefined) {
    if (Array.isArray(container)) container.splice(head as number, 1);
    else delete record[key];
  } else record[key] = next;
  return container;
}

export const setAt = (root: Json, path: Path, value: Json | undefined): Json => updateAt(root, path, () => value);

/** The list at `path` with `change` applied to a copy of it (a missing list starts empty). */
export const updateList = (root: Json, path: Path, change: (list: Json[]) => void): Json =>
  updateAt(root, path, (old) => {
    const list = Array.isArray(old) ? [...old] : [];
    change(list);
    return list;
  });
