import type { Json, JsonObject } from './paths.js';

/**
 * What changed between the opened file and the draft, item by item, for the summary shown before a download.
 * Items are matched by `id` (as the widgets merge them), else by position; the words are the form's (texts.ts).
 */
export type Change =
  | { kind: 'feed'; fields: string[] }
  | { kind: 'added' | 'removed'; title: string }
  | { kind: 'changed'; title: string; fields: string[] }
  | { kind: 'moved' };

/** A change in the coordinator's words (`save.change.*` of the editor's texts), for the download's and the publish summary. */
export function describeChange(change: Change, t: (key: string, options?: Record<string, unknown>) => string): string {
  const fields = 'fields' in change ? change.fields.map((field) => t(`save.fields.${field.replace('_kpr.', '')}`, { defaultValue: field })).join(', ') : '';
  return t(`save.change.${change.kind}`, { title: 'title' in change ? change.title : '', fields });
}

const itemsOf = (feed: Json | undefined): JsonObject[] =>
  feed && typeof feed === 'object' && !Array.isArray(feed) && Array.isArray(feed.items) ? (feed.items.filter((item) => item && typeof item === 'object' && !Array.isArray(item)) as JsonObject[]) : [];
const same = (a: Json | undefined, b: Json | undefined) => JSON.stringify(a) === JSON.stringify(b);
const keyOf = (item: JsonObject, index: number) => (typeof item.id === 'string' || typeof item.id === 'number' ? `id:${item.id}` : `at:${index}`);
const titleOf = (item: JsonObject) => (typeof item.title === 'string' && item.title.trim() ? item.title.trim() : typeof item.id === 'string' ? item.id : '–');

/** The keys whose values differ, `_kpr` fields named on their own (`measures`, `topic`). */
function changedFields(before: JsonObject, after: JsonObject): string[] {
  const fields: string[] = [];
  const compare = (a: JsonObject, b: JsonObject, prefix: string) => {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (key === '_kpr' && !prefix) compare(asObject(a._kpr), asObject(b._kpr), '_kpr.');
      else if (!same(a[key], b[key])) fields.push(`${prefix}${key}`);
    }
  };
  compare(before, after, '');
  return fields;
}
const asObject = (value: Json | undefined): JsonObject => (value && typeof value === 'object' && !Array.isArray(value) ? value : {});

export function changesBetween(original: Json | undefined, draft: Json): Change[] {
  const changes: Change[] = [];
  const before = asObject(original);
  const after = asObject(draft);
  const feedFields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => key !== 'items' && !same(before[key], after[key]));
  if (feedFields.length) changes.push({ kind: 'feed', fields: feedFields });
  const old = new Map(itemsOf(original).map((item, index) => [keyOf(item, index), item]));
  const current = itemsOf(draft);
  const kept: string[] = [];
  current.forEach((item, index) => {
    const key = keyOf(item, index);
    const previous = old.get(key);
    if (!previous) return changes.push({ kind: 'added', title: titleOf(item) });
    kept.push(key);
    const fields = changedFields(previous, item);
    if (fields.length) changes.push({ kind: 'changed', title: titleOf(item), fields });
  });
  const currentKeys = new Set(current.map(keyOf));
  for (const [key, item] of old) if (!currentKeys.has(key)) changes.push({ kind: 'removed', title: titleOf(item) });
  const oldOrder = [...old.keys()].filter((key) => kept.includes(key));
  if (!same(oldOrder, kept)) changes.push({ kind: 'moved' });
  return changes;
}
