import events from '../../demo/feeds/events.json';
import gemeinderat from '../../demo/feeds/gemeinderat.ics?raw';
import goals from '../../demo/feeds/goals.json';
import news from '../../demo/feeds/news.json';
import tips from '../../demo/feeds/tips.json';

/**
 * Short examples for the "Feed formats" page, cut from the demo's own feeds (demo/feeds/), so they are feeds the
 * widgets really show: the first item, and lists inside it cut to their first entries.
 */
function shorten(value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) return value.slice(0, depth === 0 ? 1 : 2).map((entry) => shorten(entry, depth + 1));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, shorten(entry, depth + 1)]));
  return value;
}

function firstItem(feed: { items: unknown[] } & Record<string, unknown>): string {
  const { items, ...envelope } = feed;
  return JSON.stringify({ ...envelope, items: shorten(items) }, null, 2);
}

/** The calendar header and the first event of an .ics file, with CRLF line ends made plain. */
function firstEvent(ics: string): string {
  const lines = ics.replace(/\r\n/g, '\n').split('\n');
  const end = lines.indexOf('END:VEVENT');
  return [...lines.slice(0, end + 1), 'END:VCALENDAR'].join('\n');
}

export const examples = {
  news: firstItem(news),
  tips: firstItem(tips),
  goals: firstItem(goals),
  events: firstItem(events),
  ics: firstEvent(gemeinderat),
};
