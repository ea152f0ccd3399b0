// The files an ES module loads before it runs: its static imports and re-exports, followed transitively (dynamic imports are
// what it loads later, when needed). The bench and the build report sizes with it.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** @param {string} file @param {Set<string>} [seen] @returns {Set<string>} */
export function staticClosure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, spec] of code.matchAll(/(?:^|[;}])\s*(?:import|export)\s*(?:[^'"`()]*?from\s*)?["'`](\.[^"'`]+)["'`]/gm)) {
    staticClosure(join(dirname(file), spec), seen);
  }
  return seen;
}
