import type { ProblemCode } from './problems.js';

/** The JSON Feed 1.1 item, the one shape every format is read into. */
export interface FeedAuthor {
  name?: string;
  url?: string;
  avatar?: string;
}

export interface FeedItem {
  id: string;
  url?: string;
  external_url?: string;
  title?: string;
  content_text?: string;
  content_html?: string;
  summary?: string;
  image?: string;
  banner_image?: string;
  date_published?: string;
  date_modified?: string;
  authors?: FeedAuthor[];
  tags?: string[];
  language?: string;
  /** The asskomm-widgets extension; each widget defines its fields in its own schema. */
  _kpr?: Record<string, unknown>;
}

/** An item after validation, with what every widget needs to place it. */
export interface LoadedItem extends FeedItem {
  /** The URL of the feed it came from: the base for its relative URLs and the origin its images may use. */
  source: string;
  published?: Date;
  modified?: Date;
}

export type FeedFormat = 'json-feed' | 'rss' | 'atom' | 'icalendar' | 'oparl';

/**
 * What a reader found, as data beside its console message: where it is and what the reader did about it. One shape
 * for every reader (the feed readers' warnings below, the goal overview's and the calendar's `warn`): the console
 * shows the message, the validator works from the code and this, and never reads the message.
 */
export interface ProblemData {
  /**
   * The field it is about, from the entry the reader reads: `items[3].id` in a feed, `_kpr.end` or
   * `_kpr.indicators[0].series[2].value` in an item, `DTEND` in an iCalendar event, `start` in an OParl meeting; ''
   * for the entry, or the whole source.
   */
  path: string;
  /** `error` when the reader leaves the entry out, or the part `part` names; otherwise (`warning`) it reads on. */
  severity?: 'error' | 'warning';
  /** What is left out when it is less than the entry: `_kpr.location`, `_kpr.recurrence.exdates[1]`, `_kpr.measures[2]`. */
  part?: string;
  /**
   * What is wrong, in English, without naming the source or the entry: for a report that names them itself by
   * `path` (the validator's). The console's message names them in words.
   */
  reason: string;
  /** The iCalendar event: its line in the file and its UID (a feed item is named by its place in the feed). */
  line?: number;
  uid?: string;
}

/** How a reader tells of a problem: its code, a line for the console, and the data. */
export type Warn = (code: ProblemCode, message: string, data: ProblemData) => void;

/**
 * Something odd in a feed that the readers read anyway, as browsers and feed readers do: the widgets name it in
 * the console and the validator as a warning, so the webmaster can put it right before a stricter reader refuses it.
 */
export interface FeedWarning {
  /** What it is, for the validator's advice: stable, unlike the message. */
  code: Extract<ProblemCode, 'text-before-xml' | 'atom-0.3' | 'entry-without-id' | 'item-without-guid'>;
  /** Where: `items[3].id`, or '' for the whole feed (as `ProblemData.path`). */
  path: string;
  /** What is wrong, without naming the feed (as `ProblemData.reason`): the console names it. Always a warning. */
  message: string;
}

/** A parsed feed whose items are not validated yet: validation belongs to the widget that shows them. */
export interface FeedDocument {
  url: string;
  format: FeedFormat;
  title: string;
  homePageUrl?: string;
  /** The feed's language (JSON Feed `language`, RSS `<language>`, Atom `xml:lang`): items without their own inherit it. */
  language?: string;
  /** Feed items, still to be validated; for OParl the list's objects (meetings), which the calendar reads itself. */
  items: unknown[];
  /** The file itself, for formats a widget reads on its own (iCalendar). */
  text?: string;
  /** The next page of a paged list (OParl `links.next`), absolute. */
  next?: string;
  warnings?: FeedWarning[];
}
