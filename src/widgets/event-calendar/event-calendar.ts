import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { FeedController } from '../../core/feed/feed-controller.js';
import { EVERY_ITEM, FEED_ORDER } from '../../core/feed/merge-rules.js';
import { timeZoneFor } from '../../core/format.js';
import { I18nController, type Translations } from '../../core/i18n.js';
import { matchesQuery, searchKey } from '../../core/search.js';
import { renderEmpty, renderFailure, renderLoading } from '../../core/states.js';
import { baseStyles, stateStyles } from '../../core/styles.js';
import { addDays, addMonths, dayOf, monthGrid } from '../../core/time.js';
import de from '../../locales/de/calendar.json';
import { renderDayDetails, renderEventDetails } from './details.js';
import { eventCalendarStyles } from './event-calendar.styles.js';
import type { CalendarEvent, DayRange } from './event-calendar.types.js';
import { EventDialogController } from './dialog-controller.js';
import type { ListPagesController } from './list-pages.js';
import { icsFileName } from './ics-export.js';
import { CALENDAR_FORMATS, EventSourcesController } from './sources.js';
import { agendaDays, dayForKey, groupByDay, headingLevels, renderAgenda, renderList, renderMonth, renderToolbar, type ViewContext } from './views.js';
import { now, nowMs } from '../../core/clock.js';
import { loadOnce } from '../../core/load-once.js';

/** What the calendar needs once a feed is there: it loads while the first feed is in flight, and is kept. */
const loadParts = loadOnce(() => Promise.all([import('./json-events.js'), import('./list-pages.js'), import('./json-ld.js')]));

const TRANSLATIONS: Translations = {
  name: 'calendar',
  de,
  load: {
    en: () => import('../../locales/en/calendar.json'),
    cs: () => import('../../locales/cs/calendar.json'),
    pl: () => import('../../locales/pl/calendar.json'),
    uk: () => import('../../locales/uk/calendar.json'),
    ar: () => import('../../locales/ar/calendar.json'),
    ls: () => import('../../locales/ls/calendar.json'),
  },
};
export type CalendarView = 'month' | 'list' | 'upcoming';
/**
 * Below this width the month grid has no room for readable chips (about 100 px a day), so the list is shown unless
 * `view` says otherwise: 720 px is a 1,440 px screen at 200 % zoom.
 */
const NARROW_PX = 720;
const HASH = /^#kpr-date=(\d{4}-\d{2})(-\d{2})?$/;
/**
 * @tagname kpr-event-calendar
 * @summary Meetings, prevention days and events by month, as a list or as the next few, with "add to my calendar".
 *
 * @slot - Fallback content, for example a link to the town's events page: shown before the widget has loaded and kept when the feed cannot be loaded.
 *
 * @event kpr-load - The feeds were loaded. `detail`: `{ items, sources, skipped }`.
 * @event kpr-error - A feed could not be loaded or used. `detail`: `{ url, kind, code, status, message }`; `code` says what went wrong, stably (docs/problem-codes.md).
 *
 * @csspart base - The wrapper around everything.
 * @csspart toolbar - Month navigation, the month's name and the view switch.
 * @csspart month - The month grid.
 * @csspart list - A list of days with their events.
 * @csspart earlier-button - In the list of this month, the button that shows or hides the days already past.
 * @csspart more-button - Below a long list, the button that shows its next entries.
 * @csspart day-heading - A day's heading in a list.
 * @csspart event - One event in a list.
 * @csspart event-button - The button that opens an event's details.
 * @csspart dialog - The details dialog.
 * @csspart ics-link - The "add to my calendar" link in the dialog.
 * @csspart status - The loading, empty or error message.
 * @csspart retry-button - The button that loads a failed feed again.
 *
 * @cssprop --kpr-event-calendar-source-1-color - Colour of the first source's events (the first feed in `src`).
 * @cssprop --kpr-event-calendar-source-2-color - Colour of the second source's events.
 * @cssprop --kpr-event-calendar-source-3-color - Colour of the third source's events.
 * @cssprop --kpr-event-calendar-source-4-color - Colour of the fourth source's events.
 * @cssprop --kpr-event-calendar-source-5-color - Colour of the fifth source's events.
 * @cssprop --kpr-event-calendar-source-6-color - Colour of the sixth source's events.
 * @cssprop --kpr-event-calendar-today - Background of today's cell.
 * @cssprop --kpr-color-dialog - Background of the details dialog. Default: white, or near black in dark mode.
 * @cssprop --kpr-color-dialog-text - Text of the details dialog.
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
export class KprEventCalendar extends LitElement {
  static override styles = [baseStyles, stateStyles, eventCalendarStyles];

  static override properties = {
    src: { type: String },
    view: { type: String, reflect: true },
    date: { type: String },
    limit: { type: Number },
    category: { type: String },
    urlState: { type: Boolean, attribute: 'url-state' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    timeZone: { type: String, attribute: 'time-zone' },
    eager: { type: Boolean },
    timeout: { type: Number },
    cursor: { state: true },
    narrow: { state: true },
    active: { state: true },
    query: { state: true },
    earlierOpen: { state: true },
  };

  /** Feed URLs separated by spaces: KPR event feeds (JSON Feed), iCalendar files and OParl meeting lists, merged. */
  declare src: string;
  /** `month`, `list` or `upcoming`; without it, the month, or the list when the widget is narrower than about 720 px. */
  declare view: '' | CalendarView;
  /** The month shown first (`2026-12`) or a day (`2026-12-03`); this month by default. */
  declare date: string;
  /** How many events `upcoming` shows. */
  declare limit: number;
  /** Categories selected at first, separated by commas. */
  declare category: string;
  /** Writes the month into the address (`#kpr-date=2026-12`), so a reload or a shared link opens it. */
  declare urlState: boolean;
  declare headingLevel: number;
  declare timeZone: string;
  declare eager: boolean;
  declare timeout: number;
  private declare cursor: string;
  private declare narrow: boolean;
  private declare active: ReadonlySet<string>;
  private declare query: string;
  /** Whether the list of this month shows its days already past (the disclosure button above it). */
  private declare earlierOpen: boolean;

  private readonly i18n = new I18nController(this, TRANSLATIONS);
  // The events reader and the list's pages load while the feed is in flight: nothing is drawn before it has come.
  // The calendar reads each event feed itself (json-events.ts): an event's `_kpr` is checked against the schema when
  // the event is first on screen, not for every item up front, and the order is by occurrence, not by item.
  private readonly feed = new FeedController(this, { formats: CALENDAR_FORMATS, compare: FEED_ORDER, merge: EVERY_ITEM, prepare: () => this.prepare() });
  private readonly events = new EventSourcesController(this, this.feed);
  private readonly resize = new ResizeObserver(([entry]) => (this.narrow = (entry?.contentRect.width ?? NARROW_PX) < NARROW_PX));
  private readonly dialog = new EventDialogController(this);
  private pages?: ListPagesController;
  /** Writes the events on screen as JSON-LD for search engines: loaded with the feed, as nothing is written before. */
  private writeJsonLd?: typeof import('./json-ld.js').writeJsonLd;
  private focusCursor = false;
  private shown: readonly CalendarEvent[] = [];

  constructor() {
    super();
    Object.assign(this, { src: '', view: '', date: '', limit: 5, category: '', urlState: false, headingLevel: 2, timeZone: '', eager: false, timeout: 10 });
    Object.assign(this, { cursor: '', narrow: false, active: new Set<string>(), query: '', earlierOpen: false });
  }

  private async prepare(): Promise<void> {
    const [, { ListPagesController }, { writeJsonLd }] = await loadParts();
    this.pages ??= new ListPagesController(this);
    this.writeJsonLd = writeJsonLd;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
    window.addEventListener('hashchange', this.followHash);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
    window.removeEventListener('hashchange', this.followHash);
  }

  private get zone(): string {
    return timeZoneFor(this, this.timeZone);
  }

  private get today(): string {
    return dayOf(now(), this.zone);
  }

  private get currentView(): CalendarView {
    return this.view === 'month' || this.view === 'list' || this.view === 'upcoming' ? this.view : this.narrow ? 'list' : 'month';
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('date') || !this.cursor) {
      const match = this.urlState ? HASH.exec(location.hash) : null;
      const wanted = match ? `${match[1]}${match[2] ?? '-01'}` : /^\d{4}-\d{2}(-\d{2})?$/.test(this.date) ? (this.date.length === 7 ? `${this.date}-01` : this.date) : '';
      this.cursor = wanted || this.today;
    }
    if (changed.has('category')) this.active = new Set(this.category.split(',').map((c) => c.trim()).filter(Boolean));
  }

  protected override render(): TemplateResult {
    const { state } = this.events;
    const body = state === 'failed' ? renderFailure(this.i18n, this.events.failures, () => this.feed.reload(), this.i18n.t('calendar.misconfigured'))
      : state === 'loading' ? renderLoading(this.i18n) : this.renderCalendar();
    // Busy also while a source loads further pages for the days on screen (an OParl list); they show as they come.
    return html`<div part="base" class="base" lang=${this.i18n.language} dir=${this.i18n.dir} aria-busy=${state === 'loading' || this.events.loading}>${body}
      <dialog part="dialog" aria-labelledby="dialog-title" @close=${this.dialog.closed} @keydown=${this.dialog.keepFocus}>
        <button type="button" class="close button secondary" autofocus @click=${this.dialog.close}>${this.i18n.t('calendar.close')}</button>
        ${this.renderDialogContent()}
      </dialog>
    </div>`;
  }

  private range(view: CalendarView, cursor = this.cursor): DayRange {
    if (view === 'upcoming') return { from: this.today, to: addDays(this.today, 366) };
    if (view === 'list') return { from: addMonths(cursor, 0), to: addMonths(cursor, 1) };
    const grid = monthGrid(cursor);
    return { from: grid[0]!, to: addDays(grid.at(-1)!, 1) };
  }

  private context(byDay: Map<string, CalendarEvent[]>): ViewContext {
    return {
      i18n: this.i18n, timeZone: this.zone, today: this.today, cursor: this.cursor, byDay, headingLevel: headingLevels(this.headingLevel, this.currentView).day,
      openEvent: (event, opener) => this.dialog.open({ event }, opener),
      openDay: (day, opener) => this.dialog.open({ day }, opener),
    };
  }

  private renderCalendar(): TemplateResult {
    const t = (key: string, options?: Record<string, unknown>) => this.i18n.t(key, options);
    const view = this.currentView;
    const range = this.range(view);
    const all = this.events.occurrences(range, this.zone);
    // A loop, not flatMap: no array for each of a month's thousand events.
    const found = new Set(this.active);
    for (const event of all) if (event.category) found.add(event.category);
    const categories = [...found].sort((a, b) => a.localeCompare(b, this.i18n.locale));
    const query = view === 'list' ? searchKey(this.query.trim()) : '';
    let events = this.active.size || query
      ? all.filter((e) => (!this.active.size || this.active.has(e.category ?? '')) && (!query || matchesQuery(searchKey(`${e.title ?? ''} ${e.description ?? ''} ${e.location?.name ?? ''} ${e.category ?? ''}`), query)))
      : all;
    if (view === 'upcoming') events = events.filter((e) => e.end.getTime() > nowMs()).slice(0, Math.max(1, this.limit));
    this.shown = events;
    // Only the month's grid looks events up by day; the lists group their own days (agendaDays).
    const context = this.context(view === 'month' ? groupByDay(events, range) : new Map());
    if (view === 'upcoming') {
      const days = agendaDays(events, range);
      return days.length ? renderAgenda(days, context, true) : renderEmpty(t('calendar.noUpcoming'));
    }
    const filtered = Boolean(query || this.active.size);
    // A list of another month, search or choice of categories starts with its first page (and says nothing yet).
    if (view === 'list') this.pages?.limitFor(`${range.from}|${query}|${[...this.active].join(',')}`);
    return html`${renderToolbar(context, view, headingLevels(this.headingLevel, view).month, {
        move: (day) => this.moveTo(day),
        show: (v) => (this.view = v),
      })}
      ${categories.length > 1 || this.active.size ? html`<div class="categories" role="group" aria-label=${t('calendar.categories')}>
        ${categories.map((c) => html`<button type="button" class="toggle" aria-pressed=${this.active.has(c)} @click=${() => this.toggleCategory(c)}>${c}</button>`)}
      </div>` : nothing}
      ${view === 'month'
        ? html`<div @keydown=${this.moveInGrid}>${renderMonth(context, 'month-heading')}</div>${events.length ? nothing : html`<p class="month-empty">${t('calendar.noEventsMonth')}</p>`}`
        : html`<label class="search">${t('calendar.search')}<input type="search" .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} /></label>
          <p class="visually-hidden" role="status">${query ? t('calendar.found', { count: events.length }) : this.pages?.announcement}</p>
          ${events.length ? this.renderMonthList(events, range, context, filtered) : renderEmpty(t(filtered ? 'calendar.noMatch' : 'calendar.noEventsMonth'))}`}`;
  }

  /**
   * The list of a month. This month's starts at today, with the days already past behind a button: an event that
   * ended before today is there, one still running is under today. Other months, and this one on its first day,
   * are listed from their first day. A long list shows its first entries and a button for the next (ListPagesController).
   */
  private renderMonthList(events: readonly CalendarEvent[], month: DayRange, context: ViewContext, filtered: boolean): TemplateResult {
    const today = this.today;
    const thisMonth = today > month.from && today < month.to;
    const { days, rest } = this.pages!.firstEntries(agendaDays(thisMonth ? events.filter((e) => e.endDay >= today) : events, thisMonth ? { from: today, to: month.to } : month));
    const more = rest ? {
      label: this.i18n.t('calendar.showMore'),
      show: () => this.pages!.showMore(this.i18n.t('calendar.moreShown', { count: Math.min(rest, this.pages!.pageSize) })),
    } : undefined;
    if (!thisMonth) return renderList(days, undefined, context, more);
    return renderList(days, {
      days: agendaDays(events.filter((e) => e.endDay < today), { from: month.from, to: today }),
      open: this.earlierOpen,
      toggle: () => (this.earlierOpen = !this.earlierOpen),
      noneLater: this.i18n.t(filtered ? 'calendar.noLaterMatch' : 'calendar.noLaterEvents'),
    }, context, more);
  }

  private renderDialogContent(): TemplateResult | typeof nothing {
    const content = this.dialog.content;
    if (!content) return nothing;
    const context = this.context(new Map());
    if ('day' in content) {
      const events = this.shown.filter((e) => e.startDay <= content.day && content.day <= e.endDay);
      return renderDayDetails(content.day, events, context);
    }
    const source = this.events.sources[content.event.sourceIndex];
    return renderEventDetails(content.event, { ...context, host: this, icsUrl: this.dialog.icsUrl, icsName: icsFileName(content.event), subscribeUrl: source?.subscribeUrl });
  }

  protected override updated(): void {
    const ready = this.events.state === 'ready';
    this.writeJsonLd?.(this, ready ? this.shown : []);
    const view = this.currentView;
    // The months before and after, worked out while the browser is idle: "next" and "previous" then only draw.
    if (ready && view !== 'upcoming') this.events.prepare([1, -1].map((step) => this.range(view, addMonths(this.cursor, step))), this.zone);
    if (this.focusCursor) {
      this.focusCursor = false;
      this.renderRoot.querySelector<HTMLElement>(`td[data-day="${this.cursor}"]`)?.focus();
    }
  }

  private moveTo(day: string): void {
    this.cursor = day;
    if (this.urlState) history.replaceState(history.state, '', `#kpr-date=${day.slice(0, 7)}`);
  }

  private toggleCategory(category: string): void {
    const next = new Set(this.active);
    if (!next.delete(category)) next.add(category);
    this.active = next;
  }

  /** The date grid's keys: arrows by day and week, Home/End to the week's ends, PageUp/PageDown by month, Enter opens the day. */
  private readonly moveInGrid = (event: KeyboardEvent): void => {
    const cell = (event.composedPath()[0] as HTMLElement).closest?.('td');
    if (!cell) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.dialog.open({ day: this.cursor }, cell);
      return;
    }
    const day = dayForKey(event.key, this.cursor, this.i18n.dir === 'rtl');
    if (!day) return;
    event.preventDefault();
    this.focusCursor = true;
    this.moveTo(day);
  };

  private readonly followHash = (): void => {
    const match = this.urlState ? HASH.exec(location.hash) : null;
    if (match) this.cursor = `${match[1]}${match[2] ?? '-01'}`;
  };
}
