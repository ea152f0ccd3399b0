/**
 * Page-wide singletons live on `globalThis` under `Symbol.for` keys that carry the library's major version.
 * Two copies of the same major version on one page (a CMS plugin and a theme both bundling us) share one
 * feed cache and one i18n instance; a copy of another major version gets its own and cannot break ours.
 */
export const SINGLETON_NAMESPACE = 'asskomm-widgets.v1';

export function singleton<T>(name: string, create: () => T): T {
  const key = Symbol.for(`${SINGLETON_NAMESPACE}.${name}`);
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  return (store[key] ??= create());
}
