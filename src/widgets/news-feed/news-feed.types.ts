import type { ReactiveElement } from 'lit';

/** `list`: one article under the other; `cards`: a grid of cards; `compact`: headlines and dates only. */
export type NewsLayout = 'list' | 'cards' | 'compact';

/** What the widget shows of one article, derived once from a feed item. */
export interface NewsEntry {
  heading: string;
  link?: string;
  external: boolean;
  date?: Date;
  authors?: string[];
  summary?: string;
  /** Shown in full only when the article has no page of its own to link to. */
  body?: { html?: string; text?: string };
  image?: { src: string; alt: string };
  tags: string[];
  language?: string;
  source: string;
}

/** What every article of one render shares, resolved once per render. */
export interface ArticleContext {
  /** All of the below that an article depends on, as one string: an article written for the same key is kept as it is. */
  key: string;
  /** Renders again once feed HTML can be shown (DOMPurify loads on first use). */
  host: ReactiveElement;
  /** The widget's language and direction, and the locale its dates are written in. */
  language: string;
  dir: 'ltr' | 'rtl';
  locale: string;
  timeZone: string;
  level: number;
  compact: boolean;
  tagsLabel: string;
  imageHosts: string[];
  /** "Von A und B", in the widget's language. */
  by(authors: string[]): string;
}
