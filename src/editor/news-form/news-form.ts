// <asskomm-news-form>: the KPR's news for <kpr-news-feed>: title, summary, text in plain paragraphs (HTML from an
// opened feed is kept and shown read-only), the date it is published (a later date schedules it), an image with its
// text alternative, tags and a link. Light DOM, as the other forms.
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { now } from '../../core/clock.js';
import { DEFAULT_TIME_ZONE, formatDay, formatTime } from '../../core/format.js';
import { dayOf, offsetDateTime, parseDay, zonedInstant } from '../../core/time.js';
import { ItemsForm, ITEMS } from '../fields/items-form.js';
import { customField, problemsOf, textField } from '../fields/fields.js';
import { fieldId, getAt, type JsonObject } from '../model/paths.js';
import { freshId } from '../model/templates.js';
import { readDay, readTime, shownDay, split } from '../event-form/event-times.js';

export class NewsForm extends ItemsForm {
  protected readonly itemKey = 'news';
  /** The date and time fields' texts while they have the focus (as in the events form). */
  private readonly typed = new Map<string, string>();
  private typedFeed?: JsonObject;

  protected override render(): TemplateResult | typeof nothing {
    if (!this.context) return nothing;
    const { t, draft } = this.context;
    if (draft.feed !== this.typedFeed) this.typed.clear();
    const items = getAt(draft.feed, ITEMS);
    const news = Array.isArray(items) ? items : [];
    // Dated now, so that a new item appears at once; a later date schedules it.
    const newItem = (): JsonObject => ({ id: freshId('meldung', news), title: '', content_text: '', date_published: offsetDateTime(new Date(Math.floor(now().getTime() / 60_000) * 60_000), DEFAULT_TIME_ZONE) });
    return html`<section class="editor-list" aria-labelledby="editor-news-heading">
      <h2 id="editor-news-heading">${t('news.heading')}</h2>
      <p class="editor-hint">${t('news.intro')}</p>
      ${problemsOf(this.context, ITEMS)}
      ${news.map((_, index) => this.renderItem(index))}
      ${this.lists.addButton(ITEMS, t('news.add'), newItem, this.names())}
    </section>`;
  }

  private renderItem(index: number): TemplateResult {
    const context = this.context;
    const { t, draft } = context;
    const path = [...ITEMS, index];
    const item = getAt(draft.feed, path) as JsonObject | undefined;
    const title = item?.title;
    const html_ = typeof item?.content_html === 'string' ? item.content_html : undefined;
    return html`<article class="editor-entry editor-news">
      ${this.lists.entryHeader(ITEMS, index, this.names(), typeof title === 'string' ? title : '', 3)}
      ${textField(context, { path: [...path, 'title'], label: t('news.title'), required: true })}
      ${textField(context, { path: [...path, 'summary'], label: t('news.summary'), hint: t('news.summaryHint'), type: 'textarea' })}
      ${html_ === undefined || typeof item?.content_text === 'string'
        ? textField(context, { path: [...path, 'content_text'], label: t('news.text'), hint: t('news.textHint'), type: 'textarea', required: html_ === undefined })
        : nothing}
      ${html_ !== undefined
        ? html`<div class="editor-field">
            <label for="${fieldId([...path, 'content_html'])}">${t('news.html')}</label>
            <p class="editor-hint" id="${fieldId([...path, 'content_html'])}-hint">${t('news.htmlHint')}</p>
            <textarea id="${fieldId([...path, 'content_html'])}" data-path="${`items[${index}].content_html`}" rows="4" readonly aria-describedby="${fieldId([...path, 'content_html'])}-hint" .value=${html_}></textarea>
          </div>`
        : nothing}
      ${this.renderDate(index)}
      ${this.renderImage(index, item)}
      ${textField(context, { path: [...path, 'tags'], label: t('news.tags'), hint: t('news.tagsHint'), as: 'lines' })}
      ${textField(context, { path: [...path, 'url'], label: t('news.url'), hint: t('news.urlHint'), type: 'url' })}
      ${textField(context, { path: [...path, 'id'], label: t('news.id'), hint: t('news.idHint'), size: 'medium', required: true })}
    </article>`;
  }

  /** When it is published: a day and a time in the town's zone; a later date schedules the item. */
  private renderDate(index: number): TemplateResult {
    const context = this.context;
    const { t, draft } = context;
    const datePath = [...ITEMS, index, 'date_published'];
    const stored = getAt(draft.feed, datePath);
    const shown = split(typeof stored === 'string' ? stored : undefined, DEFAULT_TIME_ZONE, false);
    const write = (date: string, time: string): string | undefined => {
      if (!date.trim() && !time.trim()) return undefined;
      const day = readDay(date);
      const clock = readTime(time.trim() || '00:00');
      return day && clock ? offsetDateTime(zonedInstant({ ...parseDay(day), ...clock, second: 0 }, DEFAULT_TIME_ZONE), DEFAULT_TIME_ZONE) : `${day ?? date.trim()}T${time.trim()}`;
    };
    const dateId = fieldId(datePath);
    const timeId = `${dateId}-time`;
    const input = (id: string, value: string, a11y: { path?: string; describedBy?: string; invalid?: 'true' }, change: (text: string) => string | undefined) =>
      html`<input id=${id} data-path=${ifDefined(a11y.path)} class="editor-input-short" type="text" autocomplete="off" spellcheck="false"
        aria-describedby=${ifDefined(a11y.describedBy)} aria-invalid=${ifDefined(a11y.invalid)}
        .value=${live(this.typed.get(id) ?? value)}
        @input=${(event: Event) => {
          const text = (event.target as HTMLInputElement).value;
          this.typed.set(id, text);
          draft.set(datePath, change(text), id);
          this.typedFeed = draft.feed;
        }}
        @blur=${() => this.typed.delete(id) && this.requestUpdate()} />`;
    const instant = typeof stored === 'string' && /[Zz]|[+-]\d{2}:\d{2}$/.test(stored) ? new Date(Date.parse(stored)) : undefined;
    const scheduled = instant && !Number.isNaN(instant.getTime()) && instant > now();
    const locale = t('locale');
    return html`<fieldset class="editor-when">
      <legend>${t('news.published')}</legend>
      <p class="editor-hint">${t('news.publishedHint')}</p>
      <div class="editor-row">
        ${customField(context, { path: datePath, label: t('news.date'), hint: t('event.dateHint') }, (a11y) =>
          input(a11y.id, shownDay(shown.date), a11y, (text) => write(text, this.typed.get(timeId) ?? shown.time)))}
        <div class="editor-field">
          <label for=${timeId}>${t('news.time')}</label>
          <p class="editor-hint" id="${timeId}-hint">${t('news.timeHint')}</p>
          ${input(timeId, shown.time, { describedBy: `${timeId}-hint` }, (text) => write(this.typed.get(dateId) ?? shown.date, text))}
        </div>
      </div>
      ${scheduled
        ? html`<p class="editor-notice" id="${dateId}-scheduled">${t('news.scheduled', { day: formatDay(dayOf(instant!, DEFAULT_TIME_ZONE), locale, 'long'), time: formatTime(instant!, locale, DEFAULT_TIME_ZONE) })}</p>`
        : nothing}
    </fieldset>`;
  }

  /** The image and its text alternative, or the mark that it is decorative (an empty `image_alt`). */
  private renderImage(index: number, item: JsonObject | undefined): TemplateResult {
    const context = this.context;
    const { t, draft } = context;
    const path = [...ITEMS, index];
    const altPath = [...path, '_kpr', 'image_alt'];
    const hasImage = typeof item?.image === 'string' && item.image.trim() !== '';
    const alt = getAt(draft.feed, altPath);
    const decorative = alt === '';
    const decorativeId = `${fieldId(altPath)}-decorative`;
    return html`<div class="editor-image">
      ${textField(context, { path: [...path, 'image'], label: t('news.image'), hint: t('news.imageHint'), type: 'url' })}
      ${hasImage || typeof alt === 'string'
        ? html`${decorative ? nothing : textField(context, { path: altPath, label: t('news.imageAlt'), hint: t('news.imageAltHint'), type: 'textarea' })}
            <div class="editor-choice">
              <input type="checkbox" id=${decorativeId} .checked=${live(decorative)}
                @change=${(event: Event) => draft.set(altPath, (event.target as HTMLInputElement).checked ? '' : undefined)} />
              <label for=${decorativeId}>${t('news.decorative')}</label>
            </div>`
        : nothing}
    </div>`;
  }
}
