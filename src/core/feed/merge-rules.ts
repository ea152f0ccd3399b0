import type { MergeRules } from './items.js';

/**
 * For tips and goals: an item published again under the same `id` in a later feed of `src` replaces the
 * earlier one, so a town can adapt a central feed's item by publishing its own version. (A module of its own,
 * without runtime imports, so that widgets can name it without loading the item reader before the first render.)
 */
export const LATER_FEED_WINS: MergeRules = { identity: (item) => [item.id], replaces: () => true };
