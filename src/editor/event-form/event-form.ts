// <asskomm-event-form>: the KPR's own events for <kpr-event-calendar>: when (a day and a time in the town's zone, or
// all day), where, what kind, registration, cancelled or postponed, and a recurrence written as the RRULE the calendar
// reads (recurrence-fields.ts). Light DOM, as the other forms: its ids are the page's, for the error summary's links.
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { ItemsForm, ITEMS } from '../fields/items-form.js';
import { customField, problemsOf, selectField, textField } from '../fields/fields.js';
import { fieldId, getAt, pathString, type JsonObject } from '../model/paths.js';
import { freshId } from '../model/templates.js';
import { readTimes, shownDay, withTimes, type EventTimes } from './event-times.js';
import { recurrenceFields, type TypedTexts } from './recurrence-fields.js';

export const EVENT_STATUSES = ['cancelled', 'postponed', 'moved-online'] as const;

export class EventForm extends ItemsForm {
  protected readonly itemKey = 'event';
  /**
   * What is typed into a date or time field while it has the focus: shown as typed, not as the feed then says it
   * ("1.12.2026" would become "01.12.2026" under the cursor). Forgotten when the field is left or the draft changes
   * otherwise (undo).
   */
  private readonly typed: TypedTexts = { texts: new Map(), feed: undefined };

  protected override render(): TemplateResult | typeof nothing {
    if (!this.context) return nothing;
    const { t, draft } = this.context;
    if (draft.feed !== this.typed.feed) this.typed.texts.clear();
    const items = getAt(draft.feed, ITEMS);
    const events = Array.isArray(items) ? items : [];
    const newEvent = (): JsonObject => ({ id: freshId('termin', events), title: '', content_text: '', _kpr: { start: '' } });
    return html`<section class="editor-list" aria-labelledby="editor-events-heading">
      <h2 id="editor-events-heading">${t('event.heading')}</h2>
      <p class="editor-hint">${t('event.intro')}</p>
      ${problemsOf(this.context, ITEMS)}
      ${events.map((_, index) => this.renderEvent(index))}
      ${this.lists.addButton(ITEMS, t('event.add'), newEvent, this.names())}
    </section>`;
  }

  private kprOf(index: number): JsonObject {
    const kpr = getAt(this.context.draft.feed, [...ITEMS, index, '_kpr']);
    return kpr && typeof kpr === 'object' && !Array.isArray(kpr) ? kpr : {};
  }

  private renderEvent(index: number): TemplateResult {
    const context = this.context;
    const { t } = context;
    const path = [...ITEMS, index];
    const kpr = [...path, '_kpr'];
    const title = getAt(context.draft.feed, [...path, 'title']);
    return html`<article class="editor-entry editor-event">
      ${this.lists.entryHeader(ITEMS, index, this.names(), typeof title === 'string' ? title : '', 3)}
      ${textField(context, { path: [...path, 'title'], label: t('event.title'), required: true })}
      ${this.renderTimes(index)}
      ${textField(context, { path: [...path, 'content_text'], label: t('event.text'), type: 'textarea', required: true })}
      <div class="editor-row">
        ${textField(context, { path: [...kpr, 'location', 'name'], label: t('event.place'), hint: t('event.placeHint') })}
        ${textField(context, { path: [...kpr, 'location', 'address'], label: t('event.address'), hint: t('event.addressHint') })}
      </div>
      <div class="editor-row">
        ${textField(context, { path: [...kpr, 'category'], label: t('event.category'), hint: t('event.categoryHint'), size: 'medium' })}
        ${selectField(context, { path: [...kpr, 'status'], label: t('event.status'), empty: t('event.statuses.scheduled'), choices: EVENT_STATUSES.map((value) => ({ value, label: t(`event.statuses.${value}`) })) })}
      </div>
      ${textField(context, { path: [...kpr, 'registration_url'], label: t('event.registration'), hint: t('event.registrationHint'), type: 'url' })}
      ${textField(context, { path: [...path, 'url'], label: t('event.url'), hint: t('event.urlHint'), type: 'url' })}
      ${textField(context, { path: [...kpr, 'accessibility'], label: t('event.accessibility'), hint: t('event.accessibilityHint'), type: 'textarea' })}
      <fieldset class="editor-pairs">
        <legend>${t('event.organizer')}</legend>
        <p class="editor-hint">${t('event.organizerHint')}</p>
        ${textField(context, { path: [...kpr, 'organizer', 'name'], label: t('event.organizerName'), hint: t('event.organizerNameHint') })}
        <div class="editor-row">
          ${textField(context, { path: [...kpr, 'organizer', 'email'], label: t('event.organizerEmail'), autocomplete: 'off' })}
          ${textField(context, { path: [...kpr, 'organizer', 'url'], label: t('event.organizerUrl'), type: 'url' })}
        </div>
      </fieldset>
      ${recurrenceFields(this, context, this.typed, path, this.kprOf(index), () => this.requestUpdate())}
      ${textField(context, { path: [...path, 'id'], label: t('event.id'), hint: t('event.idHint'), size: 'medium', required: true })}
    </article>`;
  }

  /** The start and end: a date and a time each, or days for an all-day event; typed as text, stored as the feed writes them. */
  private renderTimes(index: number): TemplateResult {
    const context = this.context;
    const { t } = context;
    const kprPath = [...ITEMS, index, '_kpr'];
    const kpr = this.kprOf(index);
    const times = readTimes(kpr);
    const startPath = [...kprPath, 'start'];
    const endPath = [...kprPath, 'end'];
    const change = (part: keyof EventTimes, value: string | boolean, id: string) => {
      const next = withTimes(kpr, { ...times, [part]: value });
      context.draft.set(kprPath, next, typeof value === 'string' ? id : false);
      this.typed.feed = context.draft.feed;
    };
    const input = (id: string, part: 'date' | 'time' | 'endDate' | 'endTime', shown: string, a11y: { path?: string; describedBy?: string; invalid?: 'true' }) =>
      html`<input id=${id} data-path=${ifDefined(a11y.path)} class="editor-input-short" type="text" autocomplete="off" spellcheck="false"
        inputmode=${part === 'time' || part === 'endTime' ? 'numeric' : 'text'}
        aria-describedby=${ifDefined(a11y.describedBy)} aria-invalid=${ifDefined(a11y.invalid)}
        .value=${live(this.typed.texts.get(id) ?? shown)}
        @input=${(event: Event) => {
          const value = (event.target as HTMLInputElement).value;
          this.typed.texts.set(id, value);
          change(part, value, id);
        }}
        @blur=${() => this.typed.texts.delete(id) && this.requestUpdate()} />`;
    const startDateId = fieldId(startPath);
    const startErrors = context.problems.get(pathString(startPath))?.length ? `${startDateId}-error` : undefined;
    return html`<fieldset class="editor-when">
      <legend>${t('event.when')}</legend>
      <div class="editor-choice">
        <input type="checkbox" id="${fieldId(kprPath)}-all-day" .checked=${live(times.allDay)} @change=${(event: Event) => change('allDay', (event.target as HTMLInputElement).checked, '')} />
        <label for="${fieldId(kprPath)}-all-day">${t('event.allDay')}</label>
      </div>
      <div class="editor-row">
        ${customField(context, { path: startPath, label: times.allDay ? t('event.firstDay') : t('event.date'), hint: t('event.dateHint') }, (a11y) => input(a11y.id, 'date', shownDay(times.date), a11y))}
        ${times.allDay
          ? customField(context, { path: endPath, label: t('event.lastDay'), hint: t('event.lastDayHint') }, (a11y) => input(a11y.id, 'endDate', shownDay(times.endDate), a11y))
          : html`<div class="editor-field">
                <label for="${startDateId}-time">${t('event.time')}</label>
                <p class="editor-hint" id="${startDateId}-time-hint">${t('event.timeHint')}</p>
                ${input(`${startDateId}-time`, 'time', times.time, { describedBy: [`${startDateId}-time-hint`, startErrors].filter(Boolean).join(' '), invalid: startErrors && context.problems.get(pathString(startPath))!.some((p) => p.severity === 'error') ? 'true' : undefined })}
              </div>
              ${customField(context, { path: endPath, label: t('event.endTime'), hint: t('event.endTimeHint') }, (a11y) => input(a11y.id, 'endTime', times.endTime, a11y))}
              <div class="editor-field">
                <label for="${fieldId(endPath)}-date">${t('event.endDate')}</label>
                <p class="editor-hint" id="${fieldId(endPath)}-date-hint">${t('event.endDateHint')}</p>
                ${input(`${fieldId(endPath)}-date`, 'endDate', shownDay(times.endDate), { describedBy: `${fieldId(endPath)}-date-hint` })}
              </div>`}
      </div>
    </fieldset>`;
  }
}
