import jsonFeedSchema from '../../schemas/jsonfeed-1.1.schema.json';
import { parseUrl } from '../urls.js';
import { validate, type Schema } from '../validate.js';
import { FeedError } from './feed-error.js';
import type { FeedDocument } from './types.js';

/** The feed's decoder, in this chunk, not in the widgets' first download: they fetch bytes (`fetchBytes`). */
export { decodeFeedBytes } from './decode.js';

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
    throw new FeedError('format', url, 'the server sent an HTML page, not a feed (a wrong URL or an error page?)', undefined, 'html-page');
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
    throw new FeedError('parse', url, `invalid JSON: ${(error as Error).message}`, undefined, 'json-not-well-formed');
  }
  const oparl = readOparl(json, url);
  if (oparl) return oparl;
  const feed = json as Record<string, unknown>;
  // Items are checked one by one later, so that one bad item does not hide the others.
  const shell = typeof json === 'object' && json && !Array.isArray(json) ? { ...feed, items: [] } : json;
  const problems = validate(shell, JSON_FEED_SCHEMA);
  if (problems.length || !Array.isArray(feed.items)) {
    const list = problems.map((p) => `${p.path || 'the feed'} ${p.message}`).join('; ') || 'items must be an array';
    throw new FeedError('format', url, `not a JSON Feed 1.1: ${list}`, undefined, 'not-a-json-feed');
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

const OPARL_TYPE = /^https:\/\/schema\.oparl\.org\/1\.[01]\/(\w+)$/;

/**
 * OParl, the API of council information systems, is only recognised here; the calendar reads the meetings. A list
 * is `{ data, pagination, links }`, one page at a time; `next` is the page after it. Any other OParl object
 * (the body, say) is an error that tells the webmaster where its meetings are.
 */
function readOparl(json: unknown, url: string): FeedDocument | undefined {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return undefined;
  const object = json as Record<string, unknown>;
  const typeOf = (value: unknown) => OPARL_TYPE.exec(String((value as { type?: unknown } | null)?.type))?.[1];
  const isObject = (value: unknown) => !!value && typeof value === 'object';
  if (Array.isArray(object.data)) {
    // An empty page has no types to go by: `pagination` is OParl's own (JSON:API, with `data` and `links`, has none).
    const oparl = object.data.length ? object.data.every(typeOf) && (isObject(object.links) || isObject(object.pagination)) : isObject(object.pagination);
    if (!oparl) return undefined;
    const next = (object.links as { next?: unknown } | undefined)?.next;
    return { url, format: 'oparl', title: '', items: object.data, next: typeof next === 'string' ? parseUrl(next, url)?.href : undefined };
  }
  const type = typeOf(object);
  if (type === 'Meeting') return { url, format: 'oparl', title: '', items: [object] };
  if (!type) return undefined;
  const hint = typeof object.meeting === 'string' ? `; its meetings are at ${object.meeting}` : '';
  throw new FeedError('format', url, `it is an OParl ${type}, not a list of meetings${hint}`, undefined, 'oparl-not-a-meeting-list');
}
