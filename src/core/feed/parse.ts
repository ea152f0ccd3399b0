import jsonFeedSchema from '../../schemas/jsonfeed-1.1.schema.json';
import { validate, type Schema } from '../validate.js';
import { FeedError } from './feed-error.js';
import type { FeedDocument } from './types.js';

export const JSON_FEED_SCHEMA = jsonFeedSchema as Schema;

/**
 * Tells the format by content, never by file name or content type (servers label feeds wrongly all the
 * time), and reads it into a FeedDocument. The XML reader is loaded only when a feed is XML.
 */
export async function parseFeed(text: string, url: string): Promise<FeedDocument> {
  const body = text.replace(/^\uFEFF/, '');
  const start = body.trimStart().slice(0, 256);
  if (start.startsWith('{')) return readJsonFeed(body, url);
  if (/^<(!doctype\s+html|html[\s>])/i.test(start)) {
    throw new FeedError('format', url, 'the server sent an HTML page, not a feed (a wrong URL or an error page?)');
  }
  if (start.startsWith('<')) {
    const { readXmlFeed } = await import('./xml.js');
    return readXmlFeed(body, url);
  }
  // iCalendar is read by the calendar itself, with a library loaded only then; here it is only recognised.
  if (/^BEGIN:VCALENDAR\r?\n/i.test(start)) {
    return { url, format: 'icalendar', title: /^X-WR-CALNAME:(.*)$/im.exec(body)?.[1]?.trim() ?? '', items: [], text: body };
  }
  throw new FeedError('format', url, `not a feed: expected JSON Feed, RSS, Atom or iCalendar, got ${JSON.stringify(start.slice(0, 30))}…`);
}

function readJsonFeed(text: string, url: string): FeedDocument {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FeedError('parse', url, `invalid JSON: ${(error as Error).message}`);
  }
  const feed = json as Record<string, unknown>;
  // Items are checked one by one later, so that one bad item does not hide the others.
  const shell = typeof json === 'object' && json && !Array.isArray(json) ? { ...feed, items: [] } : json;
  const problems = validate(shell, JSON_FEED_SCHEMA);
  if (problems.length || !Array.isArray(feed.items)) {
    const list = problems.map((p) => `${p.path || 'the feed'} ${p.message}`).join('; ') || 'items must be an array';
    throw new FeedError('format', url, `not a JSON Feed 1.1: ${list}`);
  }
  return {
    url,
    format: 'json-feed',
    title: feed.title as string,
    homePageUrl: feed.home_page_url as string | undefined,
    language: feed.language as string | undefined,
    items: feed.items as unknown[],
  };
}
