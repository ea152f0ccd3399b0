/** `asskomm-widgets`: registers every widget. Import a single widget's entry to load less. */
export * from './news-feed.js';
export * from './prevention-tips.js';
export * from './goal-overview.js';
export * from './event-calendar.js';
export * from './contact.js';
