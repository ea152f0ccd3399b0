/** `asskomm-widgets`: registers every widget. Import a single widget's entry to load less. */
// The order is the bundle's layout, and gzip finds repeats only within 32 KB: with the calendar first, then the goal
// overview, the tips, the news and the form, all widgets are 0.5 KB smaller before the first render than in the
// README's order (49,159 B against 49,661, gzip -9, 2026-12-05). Each entry registers its element either way.
export * from './event-calendar.js';
export * from './goal-overview.js';
export * from './prevention-tips.js';
export * from './news-feed.js';
export * from './contact.js';
