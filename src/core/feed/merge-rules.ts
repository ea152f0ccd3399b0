import type { MergeRules } from './items.js';

/**
 * For tips and goals: an item published again under the same `id` in a later feed of `src` replaces the
 * earlier one, so a town can adapt a central feed's item by publishing its own version. (A module of its own,
 * without runtime imports, so that widgets can name it without loading the item reader before the first render.)
 */
export const LATER_FEED_WINS: MergeRules = { identity: (item) => [item.id], replaces: () => true };

/**
 * For the calendar, which reads each event feed itself: every item is kept, in the order of its feed (`FEED_ORDER`),
 * and merging is left out altogether (`mergeItems` knows these two by name).
 */
export const EVERY_ITEM: MergeRules = { identity: () => [], replaces: () => false };
export const FEED_ORDER = (): number => 0;
