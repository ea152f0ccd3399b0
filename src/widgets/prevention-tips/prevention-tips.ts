import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { FeedController } from '../../core/feed/feed-controller.js';
import { LATER_FEED_WINS } from '../../core/feed/merge-rules.js';
import type { LoadedItem } from '../../core/feed/types.js';
import { timeZoneFor } from '../../core/format.js';
import { dayOf } from '../../core/time.js';
import { I18nController, type Translations } from '../../core/i18n.js';
import { loadOnce } from '../../core/load-once.js';
import { matchesQuery, searchKey } from '../../core/search.js';
import { renderEmpty, renderFailure, renderLoading } from '../../core/states.js';
import { baseStyles, stateStyles } from '../../core/styles.js';
import type { Schema } from '../../core/validate.js';
import de from '../../locales/de/tips.json';
import tipsSchema from '../../schemas/kpr-tips.schema.json';
import { preventionTipsStyles } from './prevention-tips.styles.js';
import type { TipRow } from './tip-list.js';
import { AUDIENCES, TOPICS, type TipEntry, type TipReading, type TipsMode } from './prevention-tips.types.js';
import { now } from '../../core/clock.js';

/**
 * What a tip shows is derived from its feed item, so that code is needed only once the feed is there: it loads
 * with the feed (the feed controller's `prepare`) and is always set when the controller is ready.
 */
let tipEntries: typeof import('./tip-entry.js');
let tipList: typeof import('./tip-list.js');
const loadTipEntries = loadOnce(async () => {
  const [entries, list] = await Promise.all([import('./tip-entry.js'), import('./tip-list.js')]);
  tipEntries = entries;
  tipList = list;
});

const TRANSLATIONS: Translations = {
  name: 'tips',
  de,
  load: {
    en: () => import('../../locales/en/tips.json'),
    cs: () => import('../../locales/cs/tips.json'),
    pl: () => import('../../locales/pl/tips.json'),
    uk: () => import('../../locales/uk/tips.json'),
    ar: () => import('../../locales/ar/tips.json'),
    ls: () => import('../../locales/ls/tips.json'),
  },
};

const byTopicAndTitle = (a: LoadedItem, b: LoadedItem) =>
  TOPICS.indexOf((a._kpr as { topic: never }).topic) - TOPICS.indexOf((b._kpr as { topic: never }).topic) ||
  (a.title ?? '').localeCompare(b.title ?? '', 'de');

/**
 * @tagname kpr-prevention-tips
 * @summary Prevention advice by topic and audience: an accordion to filter and search, or one tip a day.
 *
 * @slot - Fallback content, for example a link to the advice page: shown before the widget has loaded and kept when the feed cannot be loaded.
 *
 * @event kpr-load - The feeds were loaded. `detail`: `{ items, sources, skipped }`.
 * @event kpr-error - A feed could not be loaded or used. `detail`: `{ url, kind, code, status, message }`; `code` says what went wrong, stably (docs/problem-codes.md).
 *
 * @csspart base - The wrapper around everything.
 * @csspart filters - The search field and the two filters.
 * @csspart group - The tips of one topic.
 * @csspart group-title - A topic's heading.
 * @csspart tip - One tip.
 * @csspart tip-button - The button that opens and closes a tip.
 * @csspart tip-panel - An open tip's content.
 * @csspart easy-button - The button in an open tip (and the spotlight) that shows it in Leichte Sprache, and back.
 * @csspart spotlight - The tip of the day.
 * @csspart status - The loading, empty or error message.
 * @csspart retry-button - The button that loads a failed feed again.
 *
 * @cssprop --kpr-prevention-tips-gap - Space between topics. Default: `var(--kpr-space-l, 1.5rem)`.
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
export class KprPreventionTips extends LitElement {
  static override styles = [baseStyles, stateStyles, preventionTipsStyles];

  static override properties = {
    src: { type: String },
    mode: { type: String, reflect: true },
    topic: { type: String },
    audience: { type: String },
    season: { type: Boolean },
    date: { type: String },
    single: { type: Boolean },
    deepLinks: { type: Boolean, attribute: 'deep-links' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    timeZone: { type: String, attribute: 'time-zone' },
    eager: { type: Boolean },
    timeout: { type: Number },
    query: { state: true },
    open: { state: true },
    easy: { state: true },
  };

  /** One feed URL, or several separated by spaces: a later feed's tip replaces an earlier one with the same id. */
  declare src: string;
  declare mode: TipsMode;
  /** The topic selected at first, for example `burglary`. */
  declare topic: string;
  /** The audience selected at first, for example `older-people`. */
  declare audience: string;
  /** Put the tips for the current season first (burglary protection in the dark months, for example). */
  declare season: boolean;
  /** The day the spotlight and the season are for (`2026-11-24`); today by default. For previews. */
  declare date: string;
  /** Only one tip open at a time. */
  declare single: boolean;
  /** Opening a tip puts `#tip-<id>` into the page address, so residents can share it. */
  declare deepLinks: boolean;
  /** The level of the topic headings (2–5); tips are one level below. */
  declare headingLevel: number;
  declare timeZone: string;
  declare eager: boolean;
  declare timeout: number;
  private declare query: string;
  private declare open: ReadonlySet<string>;
  /** The tips whose reader switched them to Leichte Sprache (true) or back (false) with their button. */
  private declare easy: ReadonlyMap<string, boolean>;

  private readonly i18n = new I18nController(this, TRANSLATIONS);
  private readonly feed = new FeedController(this, { extension: tipsSchema as Schema, compare: byTopicAndTitle, merge: LATER_FEED_WINS, prepare: loadTipEntries });
  private readonly entries = new WeakMap<LoadedItem, TipEntry>();
  private count = '';
  private focusTip?: string;
  private linkFollowed = false;

  constructor() {
    super();
    Object.assign(this, { src: '', mode: 'list', topic: '', audience: '', season: false, date: '', single: false, deepLinks: false });
    Object.assign(this, { headingLevel: 3, timeZone: '', eager: false, timeout: 10, query: '', open: new Set<string>(), easy: new Map() });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.followHash);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.followHash);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('query') || changed.has('topic') || changed.has('audience')) {
      this.count = this.feed.status === 'ready' ? this.i18n.t('tips.count', { count: this.matching().length }) : '';
    }
  }

  protected override updated(): void {
    if (this.feed.status === 'ready' && !this.linkFollowed) {
      this.linkFollowed = true; // the address is followed once on load, then on every hashchange
      this.followHash();
    }
    if (this.focusTip === undefined) return;
    const tip = this.renderRoot.querySelector<HTMLElement>(`[data-tip="${CSS.escape(this.focusTip)}"]`);
    this.focusTip = undefined;
    tip?.scrollIntoView({ block: 'start', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    tip?.querySelector<HTMLElement>('[part="tip-button"]')?.focus();
  }

  protected override render(): TemplateResult {
    const { status } = this.feed;
    const body = status === 'error' ? renderFailure(this.i18n, this.feed.errors, () => this.feed.reload()) : status === 'ready' ? (this.mode === 'spotlight' ? this.renderSpotlight() : this.renderList()) : renderLoading(this.i18n);
    return html`<div part="base" class="base" lang=${this.i18n.language} dir=${this.i18n.dir} aria-busy=${status === 'idle' || status === 'loading'}>${body}</div>`;
  }

  private tips(): TipEntry[] {
    return this.feed.items.map((item) => {
      let entry = this.entries.get(item);
      if (!entry) this.entries.set(item, (entry = tipEntries.toTipEntry(item)));
      return entry;
    });
  }

  private today(): string {
    return /^\d{4}-\d{2}-\d{2}$/.test(this.date) ? this.date : dayOf(now(), timeZoneFor(this, this.timeZone));
  }

  private matching(all = this.tips()): TipEntry[] {
    const query = searchKey(this.query.trim());
    return all.filter((tip) => (!this.topic || tip.topic === this.topic) && tipEntries.isFor(tip, this.audience) && (!query || matchesQuery(tip.haystack, query)));
  }

  private renderList(): TemplateResult {
    const t = (key: string, options?: Record<string, unknown>) => this.i18n.t(key, options);
    const all = this.tips();
    if (all.length === 0) return renderEmpty(t('tips.empty'));
    const topics = TOPICS.filter((topic) => all.some((tip) => tip.topic === topic));
    const audiences = AUDIENCES.filter((audience) => audience !== 'everyone' && all.some((tip) => tip.audience.includes(audience)));
    // With `season`, the tips for this time of year come first in their topic ("dark-months" from October to March).
    const seasons = this.season ? tipEntries.seasonsOf(this.today()) : [];
    const tips = this.matching(all);
    if (seasons.length) tips.sort((a, b) => Number(!!b.season && seasons.includes(b.season)) - Number(!!a.season && seasons.includes(a.season)));
    const level = Math.min(5, Math.max(2, Math.round(this.headingLevel) || 3));
    return html`<div class="filters" part="filters">
        <label>${t('tips.search')}<input type="search" .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} /></label>
        ${this.renderSelect('topic', t('tips.topic'), t('tips.allTopics'), topics.map((topic) => [topic, t(`tips.topics.${topic}`)]))}
        ${audiences.length ? this.renderSelect('audience', t('tips.audience'), t('tips.allAudiences'), audiences.map((a) => [a, t(`tips.audiences.${a}`)])) : nothing}
      </div>
      <p class="count visually-hidden" role="status">${this.count}</p>
      ${tips.length === 0 ? renderEmpty(t('tips.noMatch')) : nothing}
      <div class="groups" @keydown=${this.moveFocus} @click=${this.toggleClicked}>
        ${topics.filter((topic) => tips.some((tip) => tip.topic === topic)).map((topic) => html`<section class="group" part="group"
          ${tipList.tipGroup(t(`tips.topics.${topic}`), level, tips.filter((tip) => tip.topic === topic).map((tip) => this.tipRow(tip)), this)}></section>`)}
      </div>`;
  }

  private renderSelect(filter: 'topic' | 'audience', label: string, all: string, options: string[][]): TemplateResult {
    const change = (e: Event) => (this[filter] = (e.target as HTMLSelectElement).value);
    return html`<label>${label}<select @change=${change}>
      <option value="" ?selected=${!this[filter]}>${all}</option>
      ${options.map(([value, text]) => html`<option value=${value!} ?selected=${value === this[filter]}>${text}</option>`)}
    </select></label>`;
  }

  /** One tip of the accordion: its title as shown, whether it is open, and then its content (`tip-list.ts` writes it). */
  private tipRow(tip: TipEntry): TipRow {
    const open = this.open.has(tip.id);
    const easy = tipEntries.readsEasy(tip, this.easy, this.i18n);
    const { text, lang, dir } = tipEntries.titleOf(tip, easy, this.i18n);
    const content = open ? () => tipEntries.renderContent(tip, this.i18n, this, this.readingOf(tip, easy)) : undefined;
    return { entry: tip, title: text, lang, dir, open, content };
  }

  private renderSpotlight(): TemplateResult {
    const tip = tipEntries.spotlightFor(this.tips().filter((entry) => tipEntries.isFor(entry, this.audience) && (!this.topic || entry.topic === this.topic)), this.today(), this.season);
    if (!tip) return renderEmpty(this.i18n.t('tips.empty'));
    const level = Math.min(6, Math.max(2, Math.round(this.headingLevel) || 3));
    const reading = this.readingOf(tip, tipEntries.readsEasy(tip, this.easy, this.i18n));
    const { text, lang, dir } = tipEntries.titleOf(tip, reading.easy, this.i18n);
    return html`<article class="spotlight" part="spotlight" data-tip=${tip.id}>
      <p class="eyebrow">${this.i18n.t('tips.spotlight')} · ${this.i18n.t(`tips.topics.${tip.topic}`)}</p>
      <div role="heading" aria-level=${level} class="spotlight-title" lang=${ifDefined(lang)} dir=${ifDefined(dir)}>${text}</div>
      ${tipEntries.renderContent(tip, this.i18n, this, reading)}
    </article>`;
  }

  /** Whether an open tip shows its Leichte-Sprache words, and what its button to switch them does. */
  private readingOf(tip: TipEntry, easy: boolean): TipReading {
    return { easy, switched: this.easy.has(tip.id), switch: () => (this.easy = new Map(this.easy).set(tip.id, !easy)) };
  }

  private toggle(id: string, force?: boolean): void {
    const open = force ?? !this.open.has(id);
    const next = new Set(this.single ? [] : this.open);
    if (open) next.add(id);
    else next.delete(id);
    this.open = next;
    if (open && this.deepLinks) history.replaceState(history.state, '', `#tip-${encodeURIComponent(id)}`);
  }

  /** A click on a tip's button (or Enter or Space on it) opens or closes that tip; clicks in an open tip do not. */
  private readonly toggleClicked = (event: MouseEvent): void => {
    const button = (event.composedPath()[0] as Element).closest?.('[part="tip-button"]');
    const id = button?.closest<HTMLElement>('[part="tip"]')?.dataset['tip'];
    if (id !== undefined) this.toggle(id);
  };

  /** `#tip-<id>` in the address opens that tip, scrolls to it and moves focus to it. */
  private readonly followHash = (): void => {
    const id = decodeURIComponent(location.hash.slice('#tip-'.length));
    if (!location.hash.startsWith('#tip-') || !this.feed.items.some((item) => item.id === id)) return;
    Object.assign(this, { query: '', topic: '', audience: '' });
    this.toggle(id, true);
    this.focusTip = id;
  };

  /** The accordion keys of the WAI-ARIA pattern: arrows, Home and End move between the tips' buttons. */
  private readonly moveFocus = (event: KeyboardEvent): void => {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLElement>('[part="tip-button"]')];
    const index = buttons.indexOf(event.composedPath()[0] as HTMLElement);
    const target = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (index < 0 || target === undefined) return;
    event.preventDefault();
    buttons[(target + buttons.length) % buttons.length]?.focus();
  };
}
