import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { FeedController } from '../../core/feed/feed-controller.js';
import type { LoadedItem } from '../../core/feed/types.js';
import { formatList, timeZoneFor } from '../../core/format.js';
import { I18nController, type Translations } from '../../core/i18n.js';
import { logWarning } from '../../core/log.js';
import { renderEmpty, renderFailure, renderLoading } from '../../core/states.js';
import { baseStyles, stateStyles } from '../../core/styles.js';
import { parseHosts } from '../../core/urls.js';
import type { Schema } from '../../core/validate.js';
import de from '../../locales/de/news.json';
import newsSchema from '../../schemas/kpr-news.schema.json';
import { newsFeedStyles } from './news-feed.styles.js';
import type { ArticleContext, NewsEntry, NewsLayout } from './news-feed.types.js';
import { nowMs } from '../../core/clock.js';

/**
 * What an article shows is derived from its feed item, so that code is needed only once the feed is there: it loads
 * with the feed (the feed controller's `prepare`) and is always set when the controller is ready.
 */
let newsEntries: typeof import('./news-entry.js');
// The text helpers that news-entry imports (a chunk shared with the tips) are asked for with it: both arrive in one
// round trip instead of two, so the first articles, and the first screen's image, do not wait for a second one.
const loadNewsEntries = async () => (newsEntries ??= (await Promise.all([import('./news-entry.js'), import('../../core/text.js')]))[0]);

const TRANSLATIONS: Translations = {
  name: 'news',
  de,
  load: {
    en: () => import('../../locales/en/news.json'),
    cs: () => import('../../locales/cs/news.json'),
    pl: () => import('../../locales/pl/news.json'),
    uk: () => import('../../locales/uk/news.json'),
    ar: () => import('../../locales/ar/news.json'),
    ls: () => import('../../locales/ls/news.json'),
  },
};

/** Timers cannot wait longer than this; a news item scheduled further ahead appears on the next page load. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * @tagname kpr-news-feed
 * @summary The news of a prevention council, from a JSON Feed 1.1, RSS (2.0 or 1.0) or Atom (1.0 or 0.3) feed.
 *
 * @slot - Fallback content, for example a link to the news page: shown before the widget has loaded and kept when the feed cannot be loaded.
 *
 * @event kpr-load - The feeds were loaded. `detail`: `{ items, sources, skipped }`.
 * @event kpr-error - A feed could not be loaded or used. `detail`: `{ url, kind, code, status, message }`; `code` says what went wrong, stably (docs/problem-codes.md).
 *
 * @csspart base - The wrapper around everything.
 * @csspart list - The list of articles.
 * @csspart item - One article.
 * @csspart title - An article's heading.
 * @csspart link - The link in an article's heading.
 * @csspart meta - The line with date and authors.
 * @csspart image - An article's image.
 * @csspart summary - An article's teaser or text.
 * @csspart tags - The list of an article's tags.
 * @csspart tag - One tag.
 * @csspart more-button - The "show more" button.
 * @csspart status - The loading, empty or error message.
 * @csspart retry-button - The button that loads a failed feed again.
 *
 * @cssprop --kpr-news-feed-gap - Space between articles. Default: `var(--kpr-space-l, 1.5rem)`.
 * @cssprop --kpr-news-feed-card-min-width - Narrowest card in the `cards` layout. Default: `16rem`.
 * @cssprop --kpr-news-feed-image-ratio - Aspect ratio of article images. Default: `16 / 9`.
 * @cssprop --kpr-news-feed-title-size - Font size of article headings. Default: `1.125em`.
 * @cssprop --kpr-color-primary - Buttons, progress bars, charts, chips and other highlights; links too, unless `--kpr-color-link` is set. Default: `#00508c`, or `#9cc9f5` in dark mode.
 * @cssprop --kpr-color-on-primary - Text on buttons in the primary colour. Default: white, or `#0b1d2e` in dark mode.
 * @cssprop --kpr-color-link - Links. Default: the primary colour.
 * @cssprop --kpr-color-focus - The outline around whatever has the keyboard focus. Default: `#00508c`, or `#9cc9f5` in dark mode.
 * @cssprop --kpr-color-text - Text. Default: inherited from the page.
 * @cssprop --kpr-color-text-muted - Secondary text: dates, hints, sources. Default: inherited from the page.
 * @cssprop --kpr-color-surface - Background of cards, tips, fields and panels. Default: transparent.
 * @cssprop --kpr-color-border - Borders and dividing lines. Default: `#767676`, or `#9a9a9a` in dark mode.
 * @cssprop --kpr-radius - Corner radius of buttons, cards and fields. Default: `0.375rem`.
 * @cssprop --kpr-space-xs - The smallest spacing step. Default: `0.25rem`.
 * @cssprop --kpr-space-s - The small spacing step. Default: `0.5rem`.
 * @cssprop --kpr-space-m - The middle spacing step. Default: `1rem`.
 * @cssprop --kpr-space-l - The large spacing step, between sections. Default: `1.5rem`.
 * @cssprop --kpr-font-family - The font. Default: inherited from the page.
 * @cssprop --kpr-line-height - Line height. Default: `1.5`.
 */
export class KprNewsFeed extends LitElement {
  static override styles = [baseStyles, stateStyles, newsFeedStyles];

  static override properties = {
    src: { type: String },
    limit: { type: Number },
    tag: { type: String },
    layout: { type: String, reflect: true },
    timeZone: { type: String, attribute: 'time-zone' },
    imageHosts: { type: String, attribute: 'image-hosts' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    eager: { type: Boolean },
    timeout: { type: Number },
  };

  /** One feed URL, or several separated by spaces: their articles are merged. */
  declare src: string;
  /** How many articles to show at first; a button shows the next ones. 0 shows all. */
  declare limit: number;
  /** Show only articles with this tag. */
  declare tag: string;
  declare layout: NewsLayout;
  /** The IANA time zone for dates. Default: Europe/Berlin. */
  declare timeZone: string;
  /** Hosts besides the feed's own that images may come from, separated by spaces. */
  declare imageHosts: string;
  /** The level of the article headings (2–6), to fit the page's outline. */
  declare headingLevel: number;
  /** Load the feed at once instead of when the widget comes near the viewport. */
  declare eager: boolean;
  /** Seconds until a feed request is given up. */
  declare timeout: number;
  /** How many of the matching articles are shown: `limit`, then more with each "show more". */
  private shown = Infinity;

  private readonly i18n = new I18nController(this, TRANSLATIONS);
  private readonly feed = new FeedController(this, { extension: newsSchema as Schema, prepare: loadNewsEntries });
  /**
   * What each item shows, derived once, for the items of the last load (a Map: a thousand keys in a WeakMap cost the
   * garbage collector more); it depends on `image-hosts`, so a change of that starts afresh.
   */
  private entries = new Map<LoadedItem, NewsEntry>();
  private entriesOf: readonly LoadedItem[] = [];
  private readonly warned = new WeakSet<LoadedItem>();
  private announcement = '';
  private focusAfterUpdate?: number | 'base' | 'retry';
  private retrying = false;
  private scheduled?: ReturnType<typeof setTimeout>;

  constructor() {
    super();
    this.src = '';
    this.limit = 0;
    this.tag = '';
    this.layout = 'list';
    this.timeZone = '';
    this.imageHosts = '';
    this.headingLevel = 3;
    this.eager = false;
    this.timeout = 10;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.scheduled);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('limit') || changed.has('tag') || changed.has('src')) this.shown = this.limit > 0 ? this.limit : Infinity;
    if (changed.has('imageHosts') || this.entriesOf !== this.feed.items) {
      this.entries = new Map();
      this.entriesOf = this.feed.items;
    }
    const { status } = this.feed;
    if (this.retrying && (status === 'ready' || status === 'error')) {
      // Focus sat on the wrapper while loading; now it goes back to the retry button, or the result is read out.
      this.retrying = false;
      if (status === 'error') this.focusAfterUpdate = 'retry';
      else this.announcement = this.i18n.t('state.loaded', { count: this.feed.items.length });
    }
  }

  protected override render(): TemplateResult {
    const { status } = this.feed;
    const busy = status === 'idle' || status === 'loading';
    return html`<div part="base" class="base" tabindex="-1" lang=${this.i18n.language} dir=${this.i18n.dir} aria-busy=${busy}>
      ${status === 'error' ? renderFailure(this.i18n, this.feed.errors, this.retry) : status === 'ready' ? this.renderArticles() : renderLoading(this.i18n)}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </div>`;
  }

  protected override updated(): void {
    const target = this.focusAfterUpdate;
    if (target === undefined) return;
    this.focusAfterUpdate = undefined;
    const root = this.renderRoot;
    if (target === 'retry') root.querySelector<HTMLElement>('[part="retry-button"]')?.focus();
    else if (target === 'base') root.querySelector<HTMLElement>('[part="base"]')?.focus();
    else {
      const article = root.querySelectorAll<HTMLElement>('article')[target];
      (article?.querySelector<HTMLElement>('[part="link"][href]') ?? article)?.focus();
    }
  }

  private visibleEntries(): LoadedItem[] {
    const now = nowMs();
    // A removed attribute leaves null, which shows every article, as an empty one does.
    const tag = (this.tag ?? '').trim().toLocaleLowerCase();
    let next = Infinity;
    const visible = this.feed.items.filter((item) => {
      const time = item.published?.getTime() ?? 0;
      if (time > now) next = Math.min(next, time); // scheduled news: hidden until its date
      if (newsEntries.isBlank(item)) {
        if (!this.warned.has(item)) logWarning(this, `skipped item "${item.id}" of ${item.source}: it has neither a title nor any text`);
        this.warned.add(item);
        return false;
      }
      return time <= now && (!tag || item.tags?.some((t) => t.trim().toLocaleLowerCase() === tag));
    });
    clearTimeout(this.scheduled);
    if (next - now < MAX_TIMER_MS) this.scheduled = setTimeout(() => this.requestUpdate(), next - now + 50);
    return visible;
  }

  private entry(item: LoadedItem, imageHosts: readonly string[]): NewsEntry {
    let entry = this.entries.get(item);
    if (!entry) this.entries.set(item, (entry = newsEntries.toNewsEntry(item, imageHosts)));
    return entry;
  }

  private renderArticles(): TemplateResult {
    const items = this.visibleEntries();
    const { i18n } = this;
    const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, options);
    if (items.length === 0) return renderEmpty(this.tag ? t('news.emptyTag', { tag: this.tag }) : t('news.empty'));
    const shown = items.slice(0, this.shown);
    const remaining = items.length - shown.length;
    const documents = this.feed.documents;
    const label = documents.length === 1 && documents[0]!.title ? documents[0]!.title : t('news.listLabel');
    // Resolved once per render, not once per article: a feed may have a thousand.
    const timeZone = timeZoneFor(this, this.timeZone);
    const level = Math.min(6, Math.max(2, Math.round(this.headingLevel) || 3));
    const imageHosts = parseHosts(this.imageHosts);
    const { language, dir, locale } = i18n;
    const context: ArticleContext = {
      key: [language, dir, locale, timeZone, level, this.layout, imageHosts.join(' ')].join('|'),
      host: this,
      language,
      dir,
      locale,
      timeZone,
      level,
      compact: this.layout === 'compact',
      tagsLabel: t('news.tags'),
      imageHosts,
      by: (authors) => t('news.by', { authors: formatList(authors, locale) }),
    };
    // The articles are written by articleList, loaded with the feed: one clone of a finished article each, where a
    // template instance per article cost a score of bindings (and the code is not part of the first download).
    return html`<ul class="articles ${this.layout}" part="list" aria-label=${label} ${newsEntries.articleList(shown.map((item) => this.entry(item, imageHosts)), context)}></ul>
      ${remaining > 0
        ? html`<button type="button" class="button more" part="more-button" @click=${this.showMore}>
            ${t('news.showMore', { count: Math.min(remaining, this.limit) })}
          </button>`
        : nothing}`;
  }

  private readonly showMore = (): void => {
    const remaining = this.visibleEntries().length - this.shown;
    const count = Math.min(remaining, this.limit);
    this.focusAfterUpdate = this.shown;
    this.shown += this.limit;
    this.announce(this.i18n.t('news.shownMore', { count }));
  };

  private readonly retry = (): void => {
    this.retrying = true;
    this.focusAfterUpdate = 'base';
    this.feed.reload();
  };

  private announce(message: string): void {
    this.announcement = message;
    this.requestUpdate();
  }
}
