/**
 * The feed validator: tells a webmaster whether a feed will show in a widget, and if not, where and how to fix it.
 * It reads the feed with the widgets' own code — parseFeed, readItems, the schemas, the merge rules and the
 * calendar's and goal overview's readers — so that what it says is what the widget would do. Environment-neutral:
 * `asskomm-widgets validate` runs it in Node (with the DOMParser of src/node/dom-shim.ts), the embed builder in
 * the browser. Messages are English, like the widgets' console messages; no widget entry imports this module.
 */
import { FeedError } from '../core/feed/feed-error.js';
import type { ProblemCode } from '../core/feed/problems.js';
import { LATER_FEED_WINS, mergeItems, NEWEST_COPY, readItems, type MergeRules } from '../core/feed/items.js';
import { JSON_FEED_SCHEMA, parseFeed } from '../core/feed/parse.js';
import { declarationFirst } from '../core/feed/xml.js';
import { FORMAT_NAMES } from '../core/feed/read-feeds.js';
import type { FeedDocument, FeedFormat, LoadedItem, ProblemData } from '../core/feed/types.js';
import { DEFAULT_TIME_ZONE } from '../core/format.js';
import { parseInert } from '../core/text.js';
import { parseUrl } from '../core/urls.js';
import { validate, type Problem, type Schema, type SchemaProblem } from '../core/validate.js';
import contactSchema from '../schemas/kpr-contact.schema.json';
import eventsSchema from '../schemas/kpr-events.schema.json';
import goalsSchema from '../schemas/kpr-goals.schema.json';
import newsSchema from '../schemas/kpr-news.schema.json';
import tipsSchema from '../schemas/kpr-tips.schema.json';
import { EVENTS_SCHEMA } from '../widgets/event-calendar/events-schema.js';
import { GOAL_SCHEMA } from '../widgets/goal-overview/goal-schema.js';
import { isBlank } from '../widgets/news-feed/news-entry.js';
import { fieldOf, fixFor, fixForField, READING_FIXES, readerFix } from './fixes.js';
import { findJsonError } from './json-position.js';
import { now as clockNow } from '../core/clock.js';

export type { FeedFormat };

export type WidgetName = 'news-feed' | 'prevention-tips' | 'goal-overview' | 'event-calendar' | 'contact';

export interface FeedProblem {
  severity: 'error' | 'warning';
  /** What it is, stably (src/core/feed/problems.ts, docs/problem-codes.md): the message may be reworded, the code not. */
  code: ProblemCode;
  /** Where: a JSON path such as `items[3]._kpr.start`, `line 3, column 5` in a file that cannot be parsed, `(feed)` for the whole feed. */
  path: string;
  /** What is wrong, in plain English. */
  message: string;
  /** One sentence on how to put it right. */
  fix: string;
}

export interface FeedReport {
  source: string;
  format: FeedFormat | 'unknown';
  /** The widget the feed was checked for: the one asked for, or the one inferred (see `inferredFrom`). */
  widget?: WidgetName;
  /** Set when no widget was given: why this one was chosen, e.g. "its items have _kpr.topic". */
  inferredFrom?: string;
  /** Entries in the feed: items, iCalendar events, OParl meetings (a contact message counts as one). */
  items: number;
  /** How many of them the widget would show. */
  shown: number;
  problems: FeedProblem[];
  /** False when something would not show: the feed cannot be read, is the wrong format for the widget, or an entry or a part of one is left out. */
  ok: boolean;
}

/**
 * Asks whether an image or a page loads: resolves to undefined when it does, else to why not ("HTTP 404 Not
 * Found"). The CLI gives one that asks the server (src/node/read-source.ts, probeUrl); without one nothing is asked.
 */
export type UrlProbe = (url: string) => Promise<string | undefined>;

/** At most this many addresses are asked for, and none started after PROBE_BUDGET_MS: a check, not a crawl. */
export const MAX_PROBED_URLS = 20;
const PROBE_BUDGET_MS = 15_000;
const PROBES_AT_ONCE = 4;

export const WIDGET_NAMES: readonly WidgetName[] = ['news-feed', 'prevention-tips', 'goal-overview', 'event-calendar', 'contact'];

/** The whole feed, for problems that belong to no field. */
export const WHOLE_FEED = '(feed)';

interface Profile {
  /** What the widget reads (the `formats` its FeedController is given; JSON Feed, RSS and Atom by default). */
  formats: readonly FeedFormat[];
  /** The schema its FeedController checks `_kpr` against. */
  extension?: Schema;
  /** The `_kpr` fields the widget reads: its schema's properties. */
  fields: readonly string[];
  schemaFile: string;
  /** How it merges items that are the same (the calendar rejects repeated ids itself). */
  merge?: MergeRules;
  /** One entry, and several, in words. */
  noun: string;
  plural: string;
}

const FEED_FORMATS: readonly FeedFormat[] = ['json-feed', 'rss', 'atom'];
const PROFILES: Record<WidgetName, Profile> = {
  'news-feed': { formats: FEED_FORMATS, extension: newsSchema as Schema, fields: Object.keys(newsSchema.properties), schemaFile: 'kpr-news.schema.json', merge: NEWEST_COPY, noun: 'news item', plural: 'news' },
  'prevention-tips': { formats: FEED_FORMATS, extension: tipsSchema as Schema, fields: Object.keys(tipsSchema.properties), schemaFile: 'kpr-tips.schema.json', merge: LATER_FEED_WINS, noun: 'tip', plural: 'prevention tips' },
  'goal-overview': { formats: FEED_FORMATS, extension: GOAL_SCHEMA, fields: Object.keys(GOAL_SCHEMA.properties ?? {}), schemaFile: 'kpr-goals.schema.json', merge: LATER_FEED_WINS, noun: 'goal', plural: 'goals' },
  'event-calendar': { formats: ['json-feed', 'icalendar', 'oparl'], fields: Object.keys(eventsSchema.properties), schemaFile: 'kpr-events.schema.json', noun: 'event', plural: 'events' },
  contact: { formats: [], fields: [], schemaFile: 'kpr-contact.schema.json', noun: 'message', plural: 'contact messages' },
};


/** The days the calendar's readers are asked for, to see every event and every problem they report. */
const ALL_DAYS = { from: '1970-01-01', to: '2100-01-01' };

class Collector {
  readonly problems: FeedProblem[] = [];
  error(code: ProblemCode, path: string, message: string, fix: string): void {
    this.problems.push({ severity: 'error', code, path, message, fix });
  }
  warning(code: ProblemCode, path: string, message: string, fix: string): void {
    this.problems.push({ severity: 'warning', code, path, message, fix });
  }
}

interface Context {
  source: string;
  /** The address relative URLs resolve against, when it is known (a web address, or the feed's own feed_url). */
  base?: string;
  profile: Profile;
  widget: WidgetName;
  out: Collector;
  /** The items' images and links on the feed's own server, to ask for when there is a probe. */
  targets: Array<{ path: string; url: string }>;
}

export async function checkFeed(text: string, options: { source: string; widget?: WidgetName; probe?: UrlProbe }): Promise<FeedReport> {
  const { source, widget, probe } = options;
  const out = new Collector();
  // Fields in the order a reader of the JSON report expects them; undefined ones are left out of it.
  const report: FeedReport = { source, format: 'unknown', widget, inferredFrom: undefined, items: 0, shown: 0, problems: out.problems, ok: false };
  const body = text.replace(/^\uFEFF/, '');
  const finish = (): FeedReport => {
    report.ok = !out.problems.some((problem) => problem.severity === 'error');
    return report;
  };

  // What no reader can tell apart from other nonsense: said plainly, before the readers try.
  if (!body.trim()) {
    out.error('empty-file', WHOLE_FEED, /^https?:\/\//i.test(source) ? 'the server\'s answer is empty' : 'the file is empty', /^https?:\/\//i.test(source)
      ? 'Check the address, and that the program that writes the feed has written it: opened in a browser, it must show the feed.'
      : 'Write the feed into the file (or export it again): a JSON Feed begins with {, an RSS or Atom feed with <, an iCalendar file with BEGIN:VCALENDAR.');
    return finish();
  }
  if (body.slice(0, 1024).includes('\0')) {
    out.error('binary-file', WHOLE_FEED, 'this is a binary file, not a feed', 'Name the feed itself, a text file of JSON, XML or iCalendar (not an image, PDF or archive); a text saved as UTF-16 must be saved as UTF-8.');
    return finish();
  }

  const message = widget === undefined || widget === 'contact' ? contactMessage(body) : undefined;
  if (message) {
    if (widget === undefined) Object.assign(report, { widget: 'contact', inferredFrom: 'it is a JSON object with "message" and "consent"' });
    checkMessage(message, report, out);
    return finish();
  }

  let document: FeedDocument;
  try {
    document = await parseFeed(body, source);
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    unreadable(body, error, out);
    return finish();
  }
  report.format = document.format;
  for (const { code, path, message } of document.warnings ?? []) out.warning(code, path || WHOLE_FEED, message, READING_FIXES[code]);
  const guess = inferWidget(document);
  const chosen = widget ?? guess.widget;
  if (widget === undefined) Object.assign(report, { widget: chosen, inferredFrom: guess.reason });
  const profile = PROFILES[chosen];
  const element = `<kpr-${chosen}>`;

  if (!profile.formats.includes(document.format)) {
    const reads = profile.formats.length ? `reads ${disjunction(profile.formats.map((f) => FORMAT_NAMES[f]))}` : 'reads no feed: it sends messages';
    const fix = chosen === 'contact'
      ? `Embed the feed in <kpr-${guess.widget}>; <kpr-contact> needs only its endpoint.`
      : guess.widget !== chosen && PROFILES[guess.widget].formats.includes(document.format)
        ? `Embed it in <kpr-${guess.widget}> instead, or give ${element} a feed of ${profile.plural}.`
        : `Give ${element} ${disjunction(profile.formats.map((f) => FORMAT_NAMES[f]))} instead.`;
    out.error('format-not-read', WHOLE_FEED, `it is ${FORMAT_NAMES[document.format]}, and ${element} ${reads}`, fix);
    report.items = document.items.length;
    return finish();
  }
  if (widget !== undefined && guess.key && guess.widget !== widget) {
    out.error('items-of-another-widget', guess.key, `the items look like ${PROFILES[guess.widget].plural} (they have ${guess.key.replace(/^items\[\d+\]\./, '')}), but ${element} shows ${profile.plural}`, `Embed this feed in <kpr-${guess.widget}>, or give ${element} a feed of ${profile.plural}.`);
  }

  const json = document.format === 'json-feed' ? (JSON.parse(body) as Record<string, unknown>) : undefined;
  const feedUrl = typeof json?.feed_url === 'string' && /^https?:\/\//i.test(json.feed_url) ? json.feed_url : undefined;
  const context: Context = { source, base: /^https?:\/\//i.test(source) ? source : feedUrl, profile, widget: chosen, out, targets: [] };
  if (json) checkFeedFields(json, context);

  if (document.format === 'icalendar') Object.assign(report, await checkIcs(document, context));
  else if (document.format === 'oparl') Object.assign(report, await checkOparl(document, context));
  else Object.assign(report, await checkItems(document, context));
  if (probe) await probeTargets(context, probe);
  if (report.items === 0) out.warning('no-items', 'items', `the feed has no ${profile.plural} yet, so ${element} shows that there are none`, `Add at least one ${profile.noun}, or leave ${element} off the page until there is one.`);
  return finish();
}

// ---------------------------------------------------------------------------------------------------------------
// Which widget

function inferWidget(document: FeedDocument): { widget: WidgetName; reason: string; key?: string } {
  if (document.format === 'icalendar' || document.format === 'oparl') return { widget: 'event-calendar', reason: `it is ${FORMAT_NAMES[document.format]}` };
  // The one `_kpr` field that only each kind of item has; news items need none.
  const marks: Array<[WidgetName, string[]]> = [
    ['event-calendar', ['start']],
    ['prevention-tips', ['topic']],
    ['goal-overview', ['measures', 'indicators', 'progress', 'icon', 'order']],
  ];
  for (const [widget, fields] of marks) {
    const index = document.items.findIndex((item) => {
      const kpr = (item as { _kpr?: unknown } | null)?._kpr;
      return !!kpr && typeof kpr === 'object' && fields.some((field) => field in kpr);
    });
    if (index >= 0) {
      const field = fields.find((f) => f in ((document.items[index] as { _kpr: object })._kpr))!;
      return { widget, reason: `its items have _kpr.${field}`, key: `items[${index}]._kpr.${field}` };
    }
  }
  return { widget: 'news-feed', reason: document.format === 'json-feed' ? 'its items have no _kpr fields of tips, goals or events' : `it is ${FORMAT_NAMES[document.format]}` };
}

// ---------------------------------------------------------------------------------------------------------------
// Feeds that cannot be read at all

function unreadable(body: string, error: FeedError, out: Collector): void {
  const start = body.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) {
    const syntax = findJsonError(body);
    if (syntax) return out.error('json-not-well-formed', `line ${syntax.line}, column ${syntax.column}`, `this is not valid JSON: ${syntax.reason}`, syntax.fix);
    if (start.startsWith('[')) {
      return out.error('not-a-json-feed', WHOLE_FEED, 'this is a JSON list, not a JSON Feed', 'Put the entries into a JSON Feed: { "version": "https://jsonfeed.org/version/1.1", "title": "…", "items": [ … ] }.');
    }
    if (error.kind === 'format') return notAJsonFeed(body, error, out);
  }
  switch (error.code) {
    case 'xml-not-well-formed': {
      // The reader keeps the parser's first line; where it broke may come later ("Line Number 3, Column 12" in
      // Firefox; Chromium and the Node shim say "error on line 3 at column 12"), so the whole report is read here.
      // The reason is the parser's first line, as the reader's is, without its place (Chromium and the Node shim put
      // it there), which the path names.
      const report = parseInert(declarationFirst(body), 'application/xml').getElementsByTagName('parsererror')[0]?.textContent ?? '';
      const [, line, column] = /line (?:number )?(\d+),? (?:at )?column (\d+)/i.exec(report) ?? [];
      const reason = report.trim().split('\n')[0]!.replace(/^.*?error on line \d+ at column \d+: /, '').trim();
      return out.error(error.code, line ? `line ${line}, column ${column}` : WHOLE_FEED, `this is not well-formed XML: ${reason}`, 'Correct the XML there: close every tag, write & as &amp;, and use no HTML entities such as &nbsp; (write the character itself).');
    }
    case 'html-page':
      return out.error(error.code, WHOLE_FEED, 'this is an HTML web page, not a feed (a wrong address, a login page or an error page?)', 'Use the address of the feed itself: opened in a browser, it shows XML or JSON, not a web page.');
    case 'xml-not-a-feed': {
      const root = parseInert(declarationFirst(body), 'application/xml').documentElement.localName;
      return out.error(error.code, WHOLE_FEED, `this is XML, but neither RSS nor Atom (root element <${root}>)`, 'Give the widget an RSS or Atom feed (RSS 2.0 or Atom 1.0 at best): other XML is not read.');
    }
    case 'rss-without-channel':
      return out.error(error.code, 'rss', 'the RSS feed has no <channel> element', 'Put the feed\'s title, link and <item> elements into a <channel> element inside <rss>.');
    default:
      out.error(error.code, WHOLE_FEED, error.message, 'Check that the file or address gives a feed: JSON Feed, RSS, Atom, iCalendar or an OParl meeting list.');
  }
}

/** Valid JSON, but no JSON Feed: an OParl object that is no meeting list, or a JSON Feed with a wrong field. */
function notAJsonFeed(body: string, error: FeedError, out: Collector): void {
  const json = JSON.parse(body) as Record<string, unknown>;
  if (error.code === 'oparl-not-a-meeting-list') {
    return out.error(error.code, 'type', `this is not a list of meetings: ${error.message}`, 'Give the calendar the body\'s meeting list (the URL in its "meeting" field), whose pages hold { "data": [ … ], "pagination": …, "links": … }.');
  }
  if (!('version' in json) && ('pagination' in json || 'links' in json)) {
    return out.error('oparl-page-without-data', 'data', 'this looks like a page of an OParl list, but it has no "data" list of meetings', 'Give the calendar the meeting list\'s address, whose pages hold { "data": [ … ], "pagination": …, "links": … }; a page without meetings has "data": [].');
  }
  const problems = validate({ ...json, items: [] }, JSON_FEED_SCHEMA);
  if (!Array.isArray(json.items)) {
    problems.push(json.items === undefined
      ? { path: 'items', message: 'is required', code: 'schema-required', expected: 'items' }
      : { path: 'items', message: 'must be an array', code: 'schema-type', expected: 'array', value: json.items });
  }
  for (const problem of dedupe(problems)) {
    out.error(problem.code, problem.path || WHOLE_FEED, `"${problem.path}" ${problem.message}, so this is no JSON Feed 1.1 and no widget reads it`, fixFor(problem, 'JSON Feed 1.1'));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// JSON Feed fields a feed reader needs

function checkFeedFields(json: Record<string, unknown>, { out, source }: Context): void {
  const file = /([\w.-]+\.json)$/i.exec(source)?.[1] ?? 'news.json';
  if (json.version === 'https://jsonfeed.org/version/1') {
    out.warning('json-feed-1.0', 'version', 'this is a JSON Feed 1.0; the widgets read it, but 1.1 is current', 'Change "version" to "https://jsonfeed.org/version/1.1" (and any "author" to "authors": [ … ]).');
  }
  if (typeof json.title === 'string' && !json.title.trim()) {
    out.warning('feed-title-empty', 'title', 'the feed\'s title is empty: feed readers list the feed by it', 'Give the feed a "title", e.g. "Präventionsrat Bannewitz – Neuigkeiten".');
  }
  for (const [field, what, example] of [
    ['home_page_url', 'feed readers link the feed\'s name to this page', 'https://www.bannewitz.de/praevention/'],
    ['feed_url', 'feed readers use it to find the feed again and to resolve relative URLs', `https://www.bannewitz.de/praevention/${file}`],
  ] as const) {
    const value = json[field];
    if (value === undefined) out.warning('feed-field-missing', field, `"${field}" is missing: ${what}`, `Add "${field}" with the full address, e.g. "${example}".`);
    else if (typeof value === 'string' && !/^https?:\/\//i.test(value)) out.warning('feed-field-not-http', field, `"${field}" is not an http(s) address: ${what}`, `Write "${field}" as a full address, e.g. "${example}".`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// News, tips, goals and KPR events: JSON Feed items (RSS and Atom items read into the same shape)

async function checkItems(document: FeedDocument, context: Context): Promise<{ items: number; shown: number }> {
  const { profile, out, widget } = context;
  const { items, skipped } = readItems(document, profile.extension);
  document.items.forEach((item, index) => unknownFields(item, `items[${index}]`, context));
  for (const item of skipped) {
    for (const problem of item.problems) {
      out.error(problem.code, `items[${item.index}]${problem.path ? `.${problem.path}` : ''}`, `${subject(problem.path, 'the item')} ${problem.message}, so the ${profile.noun} is not shown`, fixFor(problem, problem.path.startsWith('_kpr') ? profile.schemaFile : 'JSON Feed 1.1'));
    }
  }
  // Which item of the feed each valid item is: readItems keeps their order and leaves out the skipped ones.
  const left = new Set(skipped.map((item) => item.index));
  const indices = document.items.map((_, index) => index).filter((index) => !left.has(index));
  const at = new Map(items.map((item, position) => [item, indices[position]!]));

  let showable = items.filter((item) => {
    const path = `items[${at.get(item)}]`;
    checkLinks(item, path, context);
    if (widget === 'news-feed' && isBlank(item)) {
      out.error('item-blank', path, 'the item has neither a title nor any text, so it is not shown', 'Give the item a "title", or a "summary" or "content_text".');
      return false;
    }
    return true;
  });
  if (profile.merge) showable = withoutCopies(showable, profile.merge, at, context);
  if (widget === 'news-feed') showable = withoutScheduled(showable, at, context);
  if (widget === 'event-calendar') return { items: document.items.length, shown: await checkEvents(showable, at, context) };
  if (widget === 'goal-overview') await checkGoals(showable, at, context);
  return { items: document.items.length, shown: showable.length };
}

/** Items the widget's merge rules drop because another item of the feed is the same one. */
function withoutCopies(items: LoadedItem[], rules: MergeRules, at: Map<LoadedItem, number>, { out, profile }: Context): LoadedItem[] {
  const kept = mergeItems([items], () => 0, rules);
  const keptSet = new Set(kept);
  for (const item of items) {
    if (keptSet.has(item)) continue;
    const keys = rules.identity(item);
    const other = kept.find((candidate) => rules.identity(candidate).some((key) => keys.includes(key)));
    const sameUrl = other && rules.identity(other).some((key) => key.startsWith('url ') && keys.includes(key));
    const field = sameUrl && other.id !== item.id ? 'url' : 'id';
    const rule = rules === NEWEST_COPY ? 'only the copy changed last is shown' : 'the later one replaces the earlier, so only one is shown';
    out.error(field === 'id' ? 'duplicate-id' : 'duplicate-url', `items[${at.get(item)}].${field}`, `items[${at.get(item)}] and items[${other ? at.get(other) : '?'}] have the same ${field} ${JSON.stringify(field === 'id' ? item.id : item.url)}: ${rule}`, field === 'id' ? `Give every ${profile.noun} an id of its own that never changes.` : 'Remove the copy, or link each item to its own page.');
  }
  return items.filter((item) => keptSet.has(item));
}

/** `_kpr` fields of every kind of item: a field of another kind is reported as a mismatch of widget, not here. */
const ALL_FIELDS = new Set(Object.values(PROFILES).flatMap((profile) => profile.fields));

/**
 * `_kpr` fields no widget reads, most often a typing mistake ("locaton"): the widget ignores them without a word,
 * so they are warnings, with the field meant when one of the widget's own is at most two letters away.
 */
function unknownFields(item: unknown, path: string, { profile, out, widget }: Context): void {
  const kpr = (item as { _kpr?: unknown } | null)?._kpr;
  if (!kpr || typeof kpr !== 'object' || Array.isArray(kpr)) return;
  for (const key of Object.keys(kpr)) {
    if (ALL_FIELDS.has(key)) continue;
    const meant = profile.fields.map((field) => ({ field, distance: editDistance(key, field) })).filter(({ distance }) => distance <= 2).sort((a, b) => a.distance - b.distance)[0]?.field;
    out.warning(
      'unknown-field',
      `${path}._kpr.${key}`,
      `"${key}" is not a field of _kpr that <kpr-${widget}> reads, so it is ignored${meant ? `; did you mean "${meant}"?` : ''}`,
      meant ? `Rename "${key}" to "${meant}".` : `Remove "${key}", or use a field ${profile.schemaFile} describes: ${profile.fields.join(', ')}.`,
    );
  }
}

/** Levenshtein distance: the fewest letters to insert, delete or change to turn one word into the other. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** News dated in the future: the news feed shows each only from its date on (news-feed.ts, visibleEntries). */
function withoutScheduled(items: LoadedItem[], at: Map<LoadedItem, number>, { out }: Context, now = clockNow()): LoadedItem[] {
  const nextYear = new Date(now);
  nextYear.setFullYear(now.getFullYear() + 1);
  return items.filter((item) => {
    if (!item.published || item.published <= now) return true;
    const day = item.date_published?.slice(0, 10) ?? item.published.toISOString().slice(0, 10);
    const typo = item.published > nextYear;
    out.warning(
      'date-in-future',
      `items[${at.get(item)}].date_published`,
      `dated ${day}, in the future: <kpr-news-feed> hides it until then${typo ? ' (more than a year ahead: a mistyped year?)' : ''}`,
      typo ? 'Check the year of "date_published"; for news that is meant to appear now, use today\'s date.' : 'Nothing to do if it is meant to appear on that day; for news that is meant to appear now, use today\'s date in "date_published".',
    );
    return false;
  });
}

/** Links the widget would drop (`javascript:` and the like), and relative URLs nothing can resolve. */
function checkLinks(item: LoadedItem, path: string, context: Context): void {
  const { widget, out } = context;
  const kpr = (item._kpr ?? {}) as Record<string, unknown>;
  const web = /^https?:$/;
  const list = (name: string) => (Array.isArray(kpr[name]) ? (kpr[name] as Array<{ url?: unknown }>) : []);
  const links: Array<[string, unknown, RegExp | undefined]> = [
    [`${path}.url`, item.url, widget === 'news-feed' ? /^(https?|mailto|tel):$/ : widget === 'event-calendar' ? web : undefined],
    [`${path}.external_url`, item.external_url, widget === 'news-feed' && item.url === undefined ? /^(https?|mailto|tel):$/ : undefined],
    [`${path}.image`, item.image, widget === 'news-feed' ? web : undefined],
    [`${path}.banner_image`, item.banner_image, undefined],
    ...(item.authors ?? []).flatMap((author, index): Array<[string, unknown, undefined]> => [[`${path}.authors[${index}].url`, author.url, undefined], [`${path}.authors[${index}].avatar`, author.avatar, undefined]]),
  ];
  if (widget === 'prevention-tips') {
    for (const name of ['links', 'downloads']) list(name).forEach((entry, index) => links.push([`${path}._kpr.${name}[${index}].url`, entry?.url, web]));
  }
  if (widget === 'goal-overview') list('measures').forEach((measure, index) => links.push([`${path}._kpr.measures[${index}].url`, measure?.url, web]));
  if (widget === 'event-calendar') {
    links.push([`${path}._kpr.registration_url`, kpr.registration_url, /^(https?|mailto):$/]);
    links.push([`${path}._kpr.organizer.url`, (kpr.organizer as { url?: unknown } | undefined)?.url, web]);
  }
  for (const [where, raw, allowed] of links) {
    if (typeof raw !== 'string' || !raw.trim()) continue;
    const url = parseUrl(raw, context.base ?? 'https://feed.invalid/');
    if (!url) continue; // the schema reports what is no URL at all
    const absolute = /^[a-z][a-z\d+.-]*:/i.test(raw.trim());
    if (allowed && !allowed.test(url.protocol)) {
      const kinds = allowed.source.includes('tel') ? 'http(s), mailto and tel' : allowed.source.includes('mailto') ? 'http(s) and mailto' : 'http(s)';
      out.error('link-not-allowed', where, `${JSON.stringify(shorten(raw))} is not shown: only ${kinds} links are`, fieldOf(where) === 'image' ? 'Give the image an address beginning https://, on the feed\'s own server.' : 'Link to a web page with an address beginning https://.');
    } else if (!absolute) {
      if (/^\/(?!\/)/.test(raw.trim()) && !/^https?:\/\//i.test(context.source)) siteAbsolute(where, raw, context);
      else relative(where, raw, context);
    } else if (fieldOf(where) === 'image' && context.base && web.test(url.protocol) && url.host !== new URL(context.base).host) {
      out.warning('image-other-host', where, `the image is on ${url.host}, not on the feed's own server, so it is shown only when the widget's image-hosts attribute names that host`, `Add image-hosts="${url.host}" to <kpr-${widget}>, or serve the image from the feed's own server.`);
    }
    // Only addresses on the feed's own server are asked for: that is where its images are, and no other site
    // learns of the check.
    if (/^https?:\/\//i.test(context.source) && web.test(url.protocol) && url.origin === new URL(context.source).origin && (!allowed || allowed.test(url.protocol))) {
      context.targets.push({ path: where, url: url.href.replace(/#.*$/, '') });
    }
  }
}

/**
 * A path from the site's root (`/images/x.png`) in a feed file: the widgets resolve it against the address the
 * file is loaded from, so it works only on the site it was written for (a copy of the demo's news.json shows
 * broken images anywhere else).
 */
function siteAbsolute(where: string, raw: string, { base, out }: Context): void {
  const path = raw.trim();
  const image = /image|avatar/.test(fieldOf(where));
  const full = base ? new URL(path, base).href : `https://…${path}`;
  const beside = image ? `, such as "images/${path.split('/').pop()}" for a folder images/ beside the feed` : '';
  out.warning(
    'site-absolute-path',
    where,
    `${JSON.stringify(shorten(path))} begins with /, so it is resolved against whatever site serves this file: on another site, or when the file is copied, it points to nothing`,
    `Write the full address (${full}), or a path relative to the feed${beside}.`,
  );
}

/**
 * Asks for the items' images and links on the feed's own server, a few at a time, and warns about those that do
 * not load. Bounded by MAX_PROBED_URLS and PROBE_BUDGET_MS; each address is asked for once, however many items
 * name it.
 */
async function probeTargets({ targets, out }: Context, probe: UrlProbe): Promise<void> {
  const firstPath = new Map<string, string>();
  for (const { path, url } of targets) if (!firstPath.has(url)) firstPath.set(url, path);
  const queue = [...firstPath].slice(0, MAX_PROBED_URLS);
  const failures = new Map<string, string>();
  const stopAt = performance.now() + PROBE_BUDGET_MS;
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next && performance.now() < stopAt; next = queue.shift()) {
      const reason = await probe(next[0]);
      if (reason) failures.set(next[0], reason);
    }
  };
  await Promise.all(Array.from({ length: PROBES_AT_ONCE }, worker));
  // Reported in the feed's order, whichever answer came first.
  for (const [url, path] of firstPath) {
    const reason = failures.get(url);
    if (!reason) continue;
    const image = /image|avatar/.test(fieldOf(path));
    out.warning(
      'url-not-loading',
      path,
      `${shorten(url)} does not load (${reason}), so ${image ? 'residents see no image there' : 'the link leads to an error'}`,
      image
        ? 'Upload the image to that address, or correct the address in the feed: opened in a browser, it must show the image.'
        : 'Correct the address, or leave the link out: opened in a browser, it must show the page.',
    );
  }
}

/** The one problem for a feed's relative URLs, with the first of them and how many more there are. */
const relativeSeen = new WeakMap<Collector, { problem: FeedProblem; first: string; more: number }>();

/** A relative URL is fine for the widgets (they resolve it against the feed's address), not for feed readers without feed_url. */
function relative(where: string, raw: string, { base, out }: Context): void {
  if (base) return;
  let seen = relativeSeen.get(out);
  if (seen) {
    seen.more++;
  } else {
    seen = {
      problem: { severity: 'warning', code: 'relative-url', path: where, message: '', fix: 'Add "feed_url" with the address the feed is published at, or write the URLs in full with https://.' },
      first: JSON.stringify(shorten(raw)),
      more: 0,
    };
    relativeSeen.set(out, seen);
    out.problems.push(seen.problem);
  }
  seen.problem.message = `${seen.first} is a relative URL${seen.more ? ` and ${seen.more} more` : ''}: the widgets resolve it against the feed's address, but feed readers cannot without "feed_url"`;
}

async function checkGoals(items: LoadedItem[], at: Map<LoadedItem, number>, context: Context): Promise<void> {
  const { toGoalEntry } = await import('../widgets/goal-overview/goal-entry.js');
  for (const item of items) {
    const problems: ReaderProblem[] = [];
    toGoalEntry(item, (code, _message, data) => problems.push({ code, data }));
    for (const problem of problems) fromReader(problem, `items[${at.get(item)}]`, item, context);
  }
}

/** KPR events, each read by the calendar's own reader, one at a time so that every problem names its item. */
async function checkEvents(items: LoadedItem[], at: Map<LoadedItem, number>, context: Context): Promise<number> {
  const { jsonEventSource } = await import('../widgets/event-calendar/json-events.js');
  const seen = new Map<string, number>();
  let shown = 0;
  for (const item of items) {
    const path = `items[${at.get(item)}]`;
    const first = seen.get(item.id);
    if (first !== undefined) {
      context.out.error('duplicate-id', `${path}.id`, `items[${first}] has the same id ${JSON.stringify(item.id)}, so this event is left out`, 'Give every event an id of its own that never changes.');
      continue;
    }
    const problems: ReaderProblem[] = [];
    const source = jsonEventSource([item], item.source, 0, (code, _message, data) => problems.push({ code, data }));
    // As in the widget, an id is taken only by an event the reader accepted (its start and kind, read at once);
    // a later event with the id of one it left out is shown.
    if (!problems.some(({ data }) => leftOutWhole(data))) seen.set(item.id, at.get(item)!);
    if (source.occurrences(ALL_DAYS, DEFAULT_TIME_ZONE).length > 0) shown++;
    for (const problem of problems) fromReader(problem, path, item, context);
  }
  return shown;
}

/**
 * A reader's problem as the validator takes it: its code and its data (src/core/feed/types.ts, `Warn`). The
 * reader's console message is not kept: nothing here is read from it.
 */
interface ReaderProblem {
  code: ProblemCode;
  data: ProblemData;
}

/** Whether the reader left out the whole entry, not only a part of it. */
function leftOutWhole(data: ProblemData): boolean {
  return data.severity === 'error' && data.part === undefined;
}

/**
 * A problem of the goal overview's or the calendar's JSON reader, at the field its data names; left out (the entry,
 * or a part) is an error, the rest warnings. The fix is chosen by the code, and for a field that does not fit the
 * schema by the schema problem itself, found again by validating that part.
 */
function fromReader({ code: readerCode, data }: ReaderProblem, path: string, item: LoadedItem, { out, profile, widget }: Context): void {
  const field = data.path;
  let code = readerCode;
  const schemaProblem = code.startsWith('schema-') && field ? readerSchemaProblems(item, widget).find((problem) => problem.path === field) : undefined;
  const fix = schemaProblem
    ? fixFor(schemaProblem, profile.schemaFile)
    : readerFix(code, field, 'json') ?? (field && fixForField(field)) ?? `Correct it as ${profile.schemaFile} describes.`;
  if (schemaProblem) code = schemaProblem.code;
  const at = field ? `${path}.${field}` : path;
  if (data.severity !== 'error') return out.warning(code, at, data.reason, fix);
  out.error(code, at, data.part ? `${data.reason}, so ${data.part} is left out` : `${data.reason}, so the ${profile.noun} is not shown`, fix);
}

/** The schema problems of an item's parts as the goal overview's and the calendar's readers validate them. */
function readerSchemaProblems(item: LoadedItem, widget: WidgetName): SchemaProblem[] {
  const kpr = (item._kpr ?? {}) as Record<string, unknown>;
  if (widget === 'event-calendar') {
    return [
      ...validate(kpr, EVENTS_SCHEMA, '_kpr'),
      ...(['location', 'organizer'] as const).flatMap((name) => (kpr[name] === undefined ? [] : validate(kpr[name], EVENTS_SCHEMA.$defs![name]!, `_kpr.${name}`, EVENTS_SCHEMA))),
    ];
  }
  const goals = goalsSchema as Schema;
  const list = (name: 'measures' | 'indicators', schema: Schema) => (Array.isArray(kpr[name]) ? (kpr[name] as unknown[]) : []).flatMap((part, index) => validate(part, schema, `_kpr.${name}[${index}]`, goals));
  return [...list('measures', goals.$defs!.measure!), ...list('indicators', goals.$defs!.indicator!)];
}

// ---------------------------------------------------------------------------------------------------------------
// iCalendar and OParl, read by the calendar's readers

async function checkIcs(document: FeedDocument, { source, out }: Context): Promise<{ items: number; shown: number }> {
  const text = document.text ?? '';
  const items = (text.match(/^BEGIN:VEVENT\s*$/gim) ?? []).length;
  const { readIcs } = await import('../widgets/event-calendar/ics.js');
  const problems: ReaderProblem[] = [];
  try {
    const calendar = await readIcs(text, source, 0, (code, _message, data) => problems.push({ code, data }));
    calendar.occurrences(ALL_DAYS, DEFAULT_TIME_ZONE);
  } catch (error) {
    // The reader's reason ("it is not a readable iCalendar file: …") names no file: the report does.
    out.error('ics-not-readable', WHOLE_FEED, (error as Error).message, 'Export the calendar again from the calendar program, or correct the file there.');
    return { items, shown: 0 };
  }
  let skipped = 0;
  for (const { code: readerCode, data } of problems) {
    if (readerCode === 'too-many-events') continue; // the whole century asked for at once
    const event = data.uid !== undefined;
    let property = data.path;
    let line = data.line;
    let reason = data.reason;
    // ical.js names a date it cannot read by its parts ("Could not extract integer from …"), not by its property:
    // the event's lines are searched for it.
    const date = event && !property ? unreadableDate(text, line ?? 0) : undefined;
    if (date) {
      [property, line] = [date.name, date.line];
      reason = `${date.name} ${JSON.stringify(date.value)} is not an iCalendar date (20261203) or date-time (20261203T180000)`;
    }
    const path = event ? `line ${line} (VEVENT "${data.uid}")${property ? `.${property}` : ''}` : property || WHOLE_FEED;
    const code: ProblemCode = date ? 'event-date-unreadable' : readerCode;
    const fix = readerFix(code, property, 'ics') ?? 'Correct the event in the calendar program and export the file again.';
    if (data.severity === 'error') {
      skipped++;
      out.error(code, path, `${reason}, so the event is not shown`, fix);
    } else {
      out.warning(code, path, date ? `${reason}, so the event is not shown` : reason, fix);
    }
  }
  return { items, shown: Math.max(0, items - skipped) };
}

/** The first date property of the VEVENT beginning at `eventLine` whose value is not an iCalendar date. */
function unreadableDate(text: string, eventLine: number): { line: number; name: string; value: string } | undefined {
  const lines = text.split('\n');
  for (let index = eventLine; index < lines.length && !/^END:VEVENT/i.test(lines[index]!); index++) {
    const property = /^(DTSTART|DTEND|DUE|RECURRENCE-ID|EXDATE|RDATE)((?:;[^:]*)?):(.*)$/i.exec(lines[index]!.trim());
    if (!property || /VALUE=PERIOD/i.test(property[2]!)) continue;
    if (!property[3]!.split(',').every((value) => /^\d{8}(T\d{6}Z?)?$/.test(value.trim()))) return { line: index + 1, name: property[1]!.toUpperCase(), value: property[3]!.trim() };
  }
  return undefined;
}

async function checkOparl(document: FeedDocument, { out }: Context): Promise<{ items: number; shown: number }> {
  const { oparlSource } = await import('../widgets/event-calendar/oparl.js');
  // Later pages are not fetched: the validator checks the page it was given (the calendar reads them as it needs).
  const paging = { load: () => Promise.reject(new Error('not followed')), changed: () => {} };
  let shown = 0;
  document.items.forEach((raw, index) => {
    const problems: ReaderProblem[] = [];
    const meeting = oparlSource({ ...document, items: [raw], next: undefined }, 0, (code, _message, data) => problems.push({ code, data }), paging);
    const deleted = (raw as { deleted?: unknown } | null)?.deleted === true;
    if (!deleted && meeting.occurrences(ALL_DAYS, DEFAULT_TIME_ZONE).length > 0) shown++;
    for (const { code, data } of problems) {
      const path = `data[${index}]${data.path ? `.${data.path}` : ''}`;
      const fix = OPARL_FIXES[data.path] ?? 'Correct the meeting in the council information system.';
      if (data.severity === 'error') out.error(code, path, `${data.reason}, so the meeting is not shown`, fix);
      else out.warning(code, path, data.reason, fix);
    }
  });
  return { items: document.items.length, shown };
}

const OPARL_FIXES: Record<string, string> = {
  id: 'Give the meeting its OParl "id" (its URL).',
  start: 'Write "start" as an ISO 8601 date-time, e.g. 2026-12-03T18:00:00+01:00.',
  end: 'Write "end" as a date-time after the start, e.g. 2026-12-03T20:00:00+01:00.',
  name: 'Give the meeting a "name", e.g. "Sitzung des Gemeinderates".',
  type: 'List only meetings ("type": "https://schema.oparl.org/1.1/Meeting") in the list.',
  agendaItem: 'Embed the agenda items in the meeting, each with "public": true or false.',
  location: 'Embed the location object in the meeting instead of linking to it.',
};

// ---------------------------------------------------------------------------------------------------------------
// Contact messages (what <kpr-contact> sends), for the endpoint's developers

/** The body as a contact message (a JSON object with "message" and "consent", and no feed items), if it is one. */
function contactMessage(body: string): Record<string, unknown> | undefined {
  try {
    const json = JSON.parse(body) as Record<string, unknown>;
    return !!json && typeof json === 'object' && 'message' in json && 'consent' in json && !('items' in json) ? json : undefined;
  } catch {
    return undefined;
  }
}

function checkMessage(json: Record<string, unknown>, report: FeedReport, out: Collector): void {
  report.items = 1;
  const problems = validate(json, contactSchema as Schema);
  for (const problem of problems) {
    // An enum of one value ("consent": true) reads better as "must be true" than as "must be one of true".
    const only = problem.code === 'schema-enum' && Array.isArray(problem.expected) && problem.expected.length === 1;
    const message = only ? `must be ${JSON.stringify((problem.expected as unknown[])[0])}` : problem.message;
    out.error(problem.code, problem.path || WHOLE_FEED, `${subject(problem.path, 'the message')} ${message}, so the endpoint refuses the message`, fixFor(problem, 'kpr-contact.schema.json'));
  }
  report.shown = problems.length ? 0 : 1;
}

// ---------------------------------------------------------------------------------------------------------------

function subject(path: string, whole: string): string {
  return path ? `"${fieldOf(path) || path}"` : whole;
}

function dedupe<T extends Problem>(problems: T[]): T[] {
  const seen = new Set<string>();
  return problems.filter((problem) => !seen.has(`${problem.path}|${problem.message}`) && seen.add(`${problem.path}|${problem.message}`));
}

function disjunction(parts: string[]): string {
  return parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(', ')} or ${parts.at(-1)}`;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
