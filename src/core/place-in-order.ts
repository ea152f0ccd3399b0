/**
 * Puts `nodes` into `parent` in this order, from `first` on (the child there now, or null for the end), moving only
 * those not already in place, and removes the children after them. A keyed list so keeps its elements, and with them
 * the keyboard focus, when only some entries come or go (the news feed's articles, a topic's tips).
 */
export function placeInOrder(parent: Node, nodes: Iterable<Node>, first: ChildNode | null): void {
  let next = first;
  for (const node of nodes) {
    if (next === node) next = next.nextSibling;
    else parent.insertBefore(node, next);
  }
  while (next) {
    const after: ChildNode | null = next.nextSibling;
    next.remove();
    next = after;
  }
}
