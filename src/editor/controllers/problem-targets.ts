import type { FeedProblem } from '../../validator/check-feed.js';

/** Where a problem is shown and linked to: the control's id, and its place in words ("Ziel 1 › Maßnahme 2 › Titel"). */
export interface ProblemTarget {
  id: string;
  path: string;
  where: string;
}

const textOf = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const isPrefix = (prefix: string, path: string) => path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
/** `items[0]._kpr.measures[1]` → `items[0]._kpr.measures`; `items` → undefined. */
const parentOf = (path: string) => {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut > 0 ? path.slice(0, cut) : undefined;
};

/**
 * Finds the field each problem belongs to among the controls the form has drawn (`[data-path]`): the control of
 * that path; else the first one inside it (a goal's problem goes to its title); else the closest one around it.
 * A problem of the whole feed goes to the feed's title.
 */
export function problemTargets(root: HTMLElement, problems: readonly FeedProblem[]): Map<FeedProblem, ProblemTarget> {
  const controls = [...root.querySelectorAll<HTMLElement>('[data-path]')].map((element) => ({ element, path: element.dataset.path! }));
  const byPath = new Map(controls.map((control) => [control.path, control]));
  const targets = new Map<FeedProblem, ProblemTarget>();
  for (const problem of problems) {
    let path: string | undefined = problem.path.startsWith('(') || problem.path.startsWith('line ') ? 'title' : problem.path;
    let control: (typeof controls)[number] | undefined;
    while (path && !control) {
      const prefix: string = path;
      control = byPath.get(prefix) ?? controls.find((candidate) => isPrefix(prefix, candidate.path));
      path = parentOf(path);
    }
    if (control) targets.set(problem, { id: control.element.id, path: control.path, where: whereOf(control.element) });
  }
  return targets;
}

/** The headings of the entries around a control and its label, from the outside in. */
function whereOf(control: HTMLElement): string {
  const parts: string[] = [];
  for (let entry = control.closest('.editor-entry'); entry; entry = entry.parentElement?.closest('.editor-entry') ?? null) {
    parts.unshift(textOf(entry.querySelector(':scope > .editor-entry-header > [id$="-heading"]')));
  }
  const label = control.id ? textOf(control.ownerDocument.querySelector(`label[for="${control.id}"]`)) || textOf(control.querySelector('legend')) : '';
  return [...parts.filter(Boolean), label].filter(Boolean).join(' › ');
}
