// <asskomm-editor-preview>: the real widget beside the form, from the widgets' bundle the page loads, reading the
// draft through a Blob URL: the widget's own loader and parser, no second one. A phone or desktop width and any of
// the widgets' languages can be chosen.
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { now } from '../../core/clock.js';
import { forgetFeed, offerFeed } from '../../core/feed/feed-requests.js';
import { DEFAULT_TIME_ZONE } from '../../core/format.js';
import { I18nController } from '../../core/i18n.js';
import { dayOf } from '../../core/time.js';
import { EDITOR_TRANSLATIONS } from '../editor-i18n.js';
import type { FeedKind } from '../model/templates.js';

/** The element each kind of feed is shown with, and what it needs to show everything the form edits. */
const WIDGETS: Record<FeedKind, { tag: string; attributes: Record<string, string> }> = {
  'goal-overview': { tag: 'kpr-goal-overview', attributes: { expanded: '' } },
  'prevention-tips': { tag: 'kpr-prevention-tips', attributes: {} },
  'event-calendar': { tag: 'kpr-event-calendar', attributes: { view: 'list' } },
  'news-feed': { tag: 'kpr-news-feed', attributes: {} },
};

/** The widgets' languages (src/core/i18n.ts), Leichte Sprache by the tag a page uses for it. */
export const PREVIEW_LANGUAGES = ['de', 'en', 'cs', 'pl', 'uk', 'ar', 'de-x-ls'] as const;
export type PreviewWidth = 'phone' | 'desktop';

/**
 * The month the calendar preview opens at: this month while an event of the draft falls in it or a series has begun;
 * otherwise the month of the next event (the coordinator who writes January's meeting in December sees it at once,
 * not an empty December), or of the last one when all are past. Months as written in `_kpr.start` (Berlin dates).
 */
export function calendarMonth(feedText: string, thisMonth = dayOf(now(), DEFAULT_TIME_ZONE).slice(0, 7)): string {
  let items: Array<{ _kpr?: { start?: unknown; recurrence?: unknown } }> = [];
  try {
    const feed = JSON.parse(feedText) as { items?: unknown };
    if (Array.isArray(feed.items)) items = feed.items;
  } catch {
    return thisMonth;
  }
  const starts = items.flatMap((item) => (typeof item?._kpr?.start === 'string' && /^\d{4}-\d{2}/.test(item._kpr.start) ? [{ month: item._kpr.start.slice(0, 7), series: Boolean(item._kpr.recurrence) }] : []));
  if (starts.length === 0 || starts.some(({ month, series }) => month === thisMonth || (series && month < thisMonth))) return thisMonth;
  const later = starts.map(({ month }) => month).filter((month) => month > thisMonth).sort();
  return later[0] ?? starts.map(({ month }) => month).sort().at(-1)!;
}

export class EditorPreview extends LitElement {
  static override properties = {
    text: { attribute: false },
    kind: { attribute: false },
    width: { state: true },
    language: { state: true },
  };

  /** The draft as the download would write it. */
  declare text: string;
  declare kind: FeedKind;
  declare width: PreviewWidth;
  declare language: string;

  private readonly i18n = new I18nController(this, EDITOR_TRANSLATIONS);
  private widget?: { kind: FeedKind; element: HTMLElement };
  private url?: string;
  private shownText?: string;
  /** The month the calendar preview was last moved to, so that the coordinator's own browsing is not undone on each keystroke. */
  private shownMonth?: string;

  constructor() {
    super();
    Object.assign(this, { text: '', kind: 'goal-overview', width: 'desktop', language: 'de' });
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** The widget showing the draft (for tests, and for the page's own scripts). */
  get widgetElement(): HTMLElement | undefined {
    return this.widget?.element;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.release();
    this.shownText = undefined;
  }

  protected override willUpdate(): void {
    if (this.widget?.kind !== this.kind) {
      const { tag, attributes } = WIDGETS[this.kind];
      const element = document.createElement(tag);
      for (const [name, value] of Object.entries({ eager: '', 'heading-level': '3', ...attributes })) element.setAttribute(name, value);
      this.widget = { kind: this.kind, element };
      this.shownText = undefined;
      this.shownMonth = undefined;
    }
    this.widget.element.setAttribute('lang', this.language);
    if (this.text !== this.shownText && this.isConnected) {
      this.shownText = this.text;
      const previous = this.url;
      this.url = URL.createObjectURL(new Blob([this.text], { type: 'application/feed+json' }));
      offerFeed(this.url, this.text); // the widget reads the draft from here, not by fetching the blob
      this.widget.element.setAttribute('src', this.url);
      if (previous) this.forget(previous);
      if (this.kind === 'event-calendar') this.showMonth(calendarMonth(this.text));
    }
  }

  private showMonth(month: string): void {
    if (month === this.shownMonth) return;
    this.shownMonth = month;
    this.widget!.element.setAttribute('date', month);
  }

  /** An old draft's URL: the widget has asked for the new one, and the shared feed cache need not keep the old. */
  private forget(url: string): void {
    forgetFeed(url);
    URL.revokeObjectURL(url);
  }

  private release(): void {
    if (this.url) this.forget(this.url);
    this.url = undefined;
  }

  protected override render(): TemplateResult {
    const t = (key: string) => this.i18n.t(`editor.${key}`);
    return html`<section class="editor-preview" aria-labelledby="editor-preview-heading">
      <h2 id="editor-preview-heading">${t('preview.heading')}</h2>
      <div class="editor-preview-controls">
        <fieldset class="editor-choices editor-inline">
          <legend>${t('preview.width')}</legend>
          ${(['phone', 'desktop'] as const).map(
            (width) => html`<div class="editor-choice">
              <input type="radio" name="editor-preview-width" id="editor-preview-${width}" .checked=${this.width === width} @change=${() => (this.width = width)} />
              <label for="editor-preview-${width}">${t(`preview.widths.${width}`)}</label>
            </div>`,
          )}
        </fieldset>
        <div class="editor-field">
          <label for="editor-preview-language">${t('preview.language')}</label>
          <select id="editor-preview-language" @change=${(event: Event) => (this.language = (event.target as HTMLSelectElement).value)}>
            ${PREVIEW_LANGUAGES.map((language) => html`<option value=${language} ?selected=${language === this.language}>${t(`preview.languages.${language}`)}</option>`)}
          </select>
        </div>
      </div>
      <div class="editor-preview-frame editor-preview-${this.width}">${this.widget?.element ?? nothing}</div>
    </section>`;
  }
}
