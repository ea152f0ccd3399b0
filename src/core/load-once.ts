/**
 * A module (or modules) loaded by `load`, a dynamic import, asked for once: later calls get the same promise. A
 * dynamic import of a module that is already there still waits for a task, in which the browser may draw a whole
 * frame first (the editor's preview waited one such frame, about 20 ms, on every keystroke); a kept promise is read
 * in a microtask. A failed load (the connection dropped) is forgotten, so the next call tries again.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
