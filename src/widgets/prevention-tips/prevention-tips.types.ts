import schema from '../../schemas/kpr-tips.schema.json';

/** The topics, in the order the widget groups them: the schema's list is the one source. */
export const TOPICS = schema.properties.topic.enum as readonly Topic[];
export type Topic =
  | 'burglary' | 'fraud-older-people' | 'online-fraud' | 'bicycle-theft' | 'violence' | 'domestic-violence'
  | 'moral-courage' | 'youth-protection' | 'traffic' | 'vandalism' | 'other';

export const AUDIENCES = schema.properties.audience.items.enum as readonly Audience[];
export type Audience = 'older-people' | 'parents' | 'young-people' | 'businesses' | 'everyone';

export type Season = 'spring' | 'summer' | 'autumn' | 'winter' | 'dark-months';

/** `list`: every tip, grouped by topic, to filter and search; `spotlight`: one tip, a different one each day. */
export type TipsMode = 'list' | 'spotlight';

/** What the widget shows of one tip, derived once from a feed item. */
export interface TipEntry {
  id: string;
  title: string;
  summary?: string;
  body: { html?: string; text?: string };
  topic: Topic;
  audience: Audience[];
  season?: Season;
  links: { title: string; href: string }[];
  phones: { label: string; number: string; href: string }[];
  downloads: { title: string; href: string; type?: string; size?: number }[];
  /** The tip in Leichte Sprache (`_kpr.easy`): shown in its place field by field, when the reader asks for it. */
  easy?: { title?: string; summary?: string; text: string };
  /** Title, teaser, text, tags and the Leichte-Sprache words, prepared for search (made when first read). */
  readonly haystack: string;
  source: string;
  /** The tip's language (its own, or its feed's), for `lang` where it is not the widget's. */
  language?: string;
}

/** Which words an open tip shows, and the reader's button that switches them. */
export interface TipReading {
  /** Its Leichte-Sprache version (when it has one). */
  easy: boolean;
  /** The reader switched the words with the button: the panel says which it shows now. */
  switched: boolean;
  switch: () => void;
}
