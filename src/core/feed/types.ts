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
 * Something odd in a feed that the readers read anyway, as browsers and feed readers do: the widgets name it in
 * the console and the validator as a warning, so the webmaster can put it right before a stricter reader refuses it.
 */
export interface FeedWarning {
  /** What it is, for the validator's advice: stable, unlike the message. */
  code: Extract<ProblemCode, 'text-before-xml' | 'atom-0.3' | 'entry-without-id' | 'item-without-guid'>;
  /** Where: `items[3].id`, or '' for the whole feed. */
  path: string;
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
