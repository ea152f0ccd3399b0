import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { FeedController } from '../../core/feed/feed-controller.js';
import { textLanguage } from '../../core/feed/language.js';
import { LATER_FEED_WINS } from '../../core/feed/merge-rules.js';
import type { LoadedItem } from '../../core/feed/types.js';
import { formatList, formatNumber } from '../../core/format.js';
import { I18nController, type Translations } from '../../core/i18n.js';
import { loadOnce } from '../../core/load-once.js';
import { logWarning } from '../../core/log.js';
import { renderEmpty, renderFailure, renderLoading } from '../../core/states.js';
import { baseStyles, stateStyles } from '../../core/styles.js';
import de from '../../locales/de/goals.json';
import { GOAL_SCHEMA } from './goal-schema.js';
import { goalOverviewStyles } from './goal-overview.styles.js';
import { STATUSES, type GoalEntry, type GoalLayout } from './goal-overview.types.js';
import type { Labels } from './indicator.js';

/**
 * Reading goals from feed items and drawing their icons and charts is needed only once the feed is there, so
 * that code loads with the feed (the feed controller's `prepare`) and is always there when the feed is ready.
 */
let parts: { entries: typeof import('./goal-entry.js'); indicator: typeof import('./indicator.js'); icons: typeof import('./icons.js'); measures: typeof import('./measures.js') };
const loadParts = loadOnce(async () => {
  const [entries, indicator, icons, measures] = await Promise.all([import('./goal-entry.js'), import('./indicator.js'), import('./icons.js'), import('./measures.js')]);
  parts = { entries, indicator, icons, measures };
});

const TRANSLATIONS: Translations = {
  name: 'goals',
  de,
  load: {
    en: () => import('../../locales/en/goals.json'),
    cs: () => import('../../locales/cs/goals.json'),
    pl: () => import('../../locales/pl/goals.json'),
    uk: () => import('../../locales/uk/goals.json'),
    ar: () => import('../../locales/ar/goals.json'),
    ls: () => import('../../locales/ls/goals.json'),
  },
};

/** Goals by their `order`, then in feed order (the merge keeps feed order for equal keys). */
const byOrder = (a: LoadedItem, b: LoadedItem) => orderOf(a) - orderOf(b);
const orderOf = (item: LoadedItem) => (typeof item._kpr?.order === 'number' ? item._kpr.order : Number.MAX_VALUE);

/**
 * @tagname kpr-goal-overview
 * @summary The prevention council's goals, its measures and their progress, and indicators as small charts.
 *
 * @slot - Fallback content, for example a link to the council's page: shown before the widget has loaded and kept when the feed cannot be loaded.
 *
 * @event kpr-load - The feeds were loaded. `detail`: `{ items, sources, skipped }`.
 * @event kpr-error - A feed could not be loaded or used. `detail`: `{ url, kind, code, status, message }`; `code` says what went wrong, stably (docs/problem-codes.md).
 *
 * @csspart base - The wrapper around everything.
 * @csspart summary - The line counting goals and measures.
 * @csspart goal - One goal's card.
 * @csspart goal-title - A goal's heading.
 * @csspart progress - A goal's progress bar and counts.
 * @csspart indicator - One indicator: name, latest value, chart, trend, target and source.
 * @csspart chart - An indicator's chart.
 * @csspart measures-button - The button that shows and hides a goal's measures.
 * @csspart measures - A goal's measures, grouped by status.
 * @csspart status - The loading, empty or error message.
 * @csspart retry-button - The button that loads a failed feed again.
 *
 * @cssprop --kpr-goal-overview-gap - Space between the goals. Default: `var(--kpr-space-l, 1.5rem)`.
 * @cssprop --kpr-goal-overview-card-min-width - The narrowest a card gets before the grid has fewer columns. Default: `17rem`.
 * @cssprop --kpr-goal-overview-chart-color - Lines and bars of the charts. Default: the primary colour.
 * @cssprop --kpr-color-good - The mark of a good development. Default: a dark green.
 * @cssprop --kpr-color-bad - The mark of a development that is not good. Default: a dark red.
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
export class KprGoalOverview extends LitElement {
  static override styles = [baseStyles, stateStyles, goalOverviewStyles];

  static override properties = {
    src: { type: String },
    layout: { type: String, reflect: true },
    goals: { type: String },
    expanded: { type: Boolean },
    headingLevel: { type: Number, attribute: 'heading-level' },
    eager: { type: Boolean },
    timeout: { type: Number },
    open: { state: true },
  };

  /** One feed URL, or several separated by spaces: a later feed's goal replaces an earlier one with the same id. */
  declare src: string;
  /** `cards` (a grid, the default) or `list` (one goal below the other). */
  declare layout: GoalLayout;
  /** Only these goals, by id, separated by spaces: for a page about one goal. All goals by default. */
  declare goals: string;
  /** Every goal's measures shown at once, for example on a page meant for printing. */
  declare expanded: boolean;
  /** The level of the goal headings (2–5). */
  declare headingLevel: number;
  declare eager: boolean;
  declare timeout: number;
  private declare open: ReadonlySet<string>;

  private readonly i18n = new I18nController(this, TRANSLATIONS);
  private readonly feed = new FeedController(this, { extension: GOAL_SCHEMA, compare: byOrder, merge: LATER_FEED_WINS, prepare: loadParts });
  private readonly entries = new WeakMap<LoadedItem, GoalEntry>();

  constructor() {
    super();
    Object.assign(this, { src: '', layout: 'cards', goals: '', expanded: false, headingLevel: 3, eager: false, timeout: 10, open: new Set<string>() });
  }

  protected override render(): TemplateResult {
    const { status } = this.feed;
    const body = status === 'error' ? renderFailure(this.i18n, this.feed.errors, () => this.feed.reload()) : status === 'ready' ? this.renderGoals() : renderLoading(this.i18n);
    return html`<div part="base" class="base ${this.layout === 'list' ? 'list' : 'cards'}" lang=${this.i18n.language} dir=${this.i18n.dir} aria-busy=${status === 'idle' || status === 'loading'}>${body}</div>`;
  }

  private goalEntries(): GoalEntry[] {
    const wanted = this.goals.split(/\s+/).filter(Boolean);
    return this.feed.items
      .filter((item) => wanted.length === 0 || wanted.includes(item.id))
      .map((item) => {
        let entry = this.entries.get(item);
        if (!entry) this.entries.set(item, (entry = parts.entries.toGoalEntry(item, (code, message) => logWarning(this, message, code))));
        return entry;
      });
  }

  private renderGoals(): TemplateResult {
    const t = (key: string, options?: Record<string, unknown>) => this.i18n.t(key, options);
    const goals = this.goalEntries();
    if (goals.length === 0) return renderEmpty(t('goals.empty'));
    const measures = goals.reduce((sum, goal) => sum + goal.measures.length, 0);
    const counts = STATUSES.map((status) => goals.reduce((sum, goal) => sum + goal.counts[status], 0));
    const level = Math.min(5, Math.max(2, Math.round(this.headingLevel) || 3));
    const words = parts.indicator.labels(this.i18n);
    return html`<p class="summary" part="summary">
        ${t('goals.summary', { goals: t('goals.goalCount', { count: goals.length }), measures: t('goals.measureCount', { count: measures }) })}${measures
          ? html`: ${formatList(STATUSES.flatMap((status, index) => (counts[index] ? [t(`goals.statusCount.${status}`, { count: counts[index] })] : [])), this.i18n.locale)}`
          : nothing}
      </p>
      <ul class="goals" role="list">${goals.map((goal, index) => this.renderGoal(goal, index, level, words))}</ul>`;
  }

  /** Ids inside the card come from the goal's position: a feed's ids may hold spaces, which break ID references. */
  private renderGoal(goal: GoalEntry, index: number, level: number, words: Labels): TemplateResult {
    const t = (key: string, options?: Record<string, unknown>) => this.i18n.t(key, options);
    const open = this.expanded || this.open.has(goal.id);
    const panel = `measures-${index}`;
    // The feed's words (title, description, measures) are in the goal's language; the widget's own in its language.
    const { lang, dir } = textLanguage(goal.language, this.i18n.language, this.i18n.dir);
    return html`<li class="goal ${open ? 'open' : ''}" part="goal" data-goal=${goal.id}>
      <div class="goal-head">
        ${parts.icons.renderIcon(goal.icon)}
        <div role="heading" aria-level=${level} class="goal-title" part="goal-title" id="goal-${index}" lang=${ifDefined(lang)} dir=${ifDefined(dir)}>${goal.title}</div>
      </div>
      ${goal.description ? html`<p class="description" lang=${ifDefined(lang)} dir=${ifDefined(dir)}>${goal.description}</p>` : nothing}
      ${this.renderProgress(goal)}
      ${goal.indicators.length ? html`<div class="indicators">${goal.indicators.map((indicator) => parts.indicator.renderIndicator(indicator, words))}</div>` : nothing}
      ${this.expanded ? nothing : html`<button type="button" class="button secondary" part="measures-button" aria-expanded=${open} aria-controls=${panel} aria-describedby="goal-${index}" @click=${() => this.toggle(goal.id)}>
        ${t(open ? 'goals.hideMeasures' : 'goals.showMeasures')} (${goal.measures.length})
      </button>`}
      <div class="measures" part="measures" id=${panel} ?hidden=${!open}>${parts.measures.renderMeasures(goal, level + 1, { lang, dir }, words.phrases)}</div>
    </li>`;
  }

  private renderProgress(goal: GoalEntry): TemplateResult | typeof nothing {
    if (goal.progress === undefined) return nothing;
    const t = (key: string, options?: Record<string, unknown>) => this.i18n.t(key, options);
    const percent = formatNumber(goal.progress / 100, this.i18n.locale, { style: 'percent', maximumFractionDigits: 0 });
    const label = goal.assessed ? t('goals.progressAssessed', { percent }) : t('goals.progressDone', { done: goal.counts.done, total: goal.measures.length });
    const counts = STATUSES.filter((status) => goal.counts[status]).map((status) => t(`goals.statusCount.${status}`, { count: goal.counts[status] }));
    return html`<div class="progress" part="progress">
      <p class="progress-label"><strong>${t('goals.progress')}:</strong> ${label}</p>
      <svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <rect class="track" width="100" height="8" rx="4" /><rect class="fill" width=${Math.max(0, Math.min(100, goal.progress))} height="8" rx="4" />
      </svg>
      ${counts.length ? html`<p class="counts">${counts.join(' · ')}</p>` : nothing}
    </div>`;
  }

  private toggle(id: string): void {
    const next = new Set(this.open);
    if (!next.delete(id)) next.add(id);
    this.open = next;
  }
}
