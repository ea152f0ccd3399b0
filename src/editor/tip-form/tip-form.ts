// <asskomm-tip-form>: the tips of a prevention-tips feed: title, teaser, text, topic, audience, season, links,
// phone numbers and a Leichte-Sprache version. Light DOM, like the goal form.
import { html, nothing, type TemplateResult } from 'lit';
import type { ListNames } from '../controllers/list-controller.js';
import { ItemsForm, ITEMS } from '../fields/items-form.js';
import { checkboxesField, problemsOf, selectField, textField } from '../fields/fields.js';
import { fieldId, getAt, pathString, type Json, type Path } from '../model/paths.js';
import { newItem } from '../model/templates.js';

/** The tips schema's lists (kpr-tips.schema.json), in its order. */
export const TOPICS = ['burglary', 'fraud-older-people', 'online-fraud', 'bicycle-theft', 'violence', 'domestic-violence', 'moral-courage', 'youth-protection', 'traffic', 'vandalism', 'other'] as const;
export const AUDIENCES = ['everyone', 'older-people', 'parents', 'young-people', 'businesses'] as const;
export const SEASONS = ['dark-months', 'spring', 'summer', 'autumn', 'winter'] as const;

export class TipForm extends ItemsForm {
  protected readonly itemKey = 'tip';

  protected override render(): TemplateResult | typeof nothing {
    if (!this.context) return nothing;
    const { t, draft } = this.context;
    const items = getAt(draft.feed, ITEMS);
    const tips = Array.isArray(items) ? items : [];
    return html`<section class="editor-list" aria-labelledby="editor-tips-heading">
      <h2 id="editor-tips-heading">${t('tip.heading')}</h2>
      <p class="editor-hint">${t('tip.intro')}</p>
      ${problemsOf(this.context, ITEMS)}
      ${tips.map((_, index) => this.renderTip(index))}
      ${this.lists.addButton(ITEMS, t('tip.add'), () => newItem('prevention-tips', tips), this.names())}
    </section>`;
  }

  private renderTip(index: number): TemplateResult {
    const context = this.context;
    const { t } = context;
    const path = [...ITEMS, index];
    const kpr = [...path, '_kpr'];
    const title = getAt(context.draft.feed, [...path, 'title']);
    return html`<article class="editor-entry editor-tip">
      ${this.lists.entryHeader(ITEMS, index, this.names(), typeof title === 'string' ? title : '', 3)}
      ${textField(context, { path: [...path, 'title'], label: t('tip.title'), required: true })}
      ${textField(context, { path: [...path, 'summary'], label: t('tip.summary'), hint: t('tip.summaryHint') })}
      ${textField(context, { path: [...path, 'content_text'], label: t('tip.text'), type: 'textarea', required: true })}
      <div class="editor-row">
        ${selectField(context, { path: [...kpr, 'topic'], label: t('tip.topic'), choices: TOPICS.map((value) => ({ value, label: t(`tip.topics.${value}`) })) })}
        ${selectField(context, { path: [...kpr, 'season'], label: t('tip.season'), empty: t('tip.noSeason'), choices: SEASONS.map((value) => ({ value, label: t(`tip.seasons.${value}`) })) })}
        ${textField(context, { path: [...path, 'id'], label: t('tip.id'), hint: t('tip.idHint'), size: 'medium', required: true })}
      </div>
      ${checkboxesField(context, { path: [...kpr, 'audience'], legend: t('tip.audience'), hint: t('tip.audienceHint'), choices: AUDIENCES.map((value) => ({ value, label: t(`tip.audiences.${value}`) })) })}
      ${this.pairs(index, 'links', ['title', 'url'])}
      ${this.pairs(index, 'phones', ['label', 'number'])}
      ${this.easy(index)}
    </article>`;
  }

  /**
   * The tip in Leichte Sprache (`_kpr.easy`), behind a disclosure because most tips have none. It opens by itself
   * when the tip has one, so an opened file shows it and the error summary's links reach its fields.
   */
  private easy(index: number): TemplateResult {
    const context = this.context;
    const { t } = context;
    const path = [...ITEMS, index, '_kpr', 'easy'];
    const id = fieldId(path);
    const present = getAt(context.draft.feed, path) !== undefined;
    return html`<details class="editor-easy" ?open=${present}>
      <summary id="${id}-summary">${t('tip.easy.heading')}</summary>
      <fieldset id=${id} data-path=${pathString(path)} tabindex="-1" aria-describedby="${id}-hint">
        <legend>${t('tip.easy.legend')}</legend>
        <p class="editor-hint" id="${id}-hint">${t('tip.easy.hint')}</p>
        ${problemsOf(context, path)}
        ${textField(context, { path: [...path, 'title'], label: t('tip.easy.title'), hint: t('tip.easy.titleHint') })}
        ${textField(context, { path: [...path, 'summary'], label: t('tip.easy.summary'), hint: t('tip.easy.summaryHint') })}
        ${textField(context, { path: [...path, 'content_text'], label: t('tip.easy.text'), hint: t('tip.easy.textHint'), type: 'textarea', required: present })}
        ${present ? html`<button type="button" class="editor-button-secondary" @click=${() => this.removeEasy(path)}>${t('tip.easy.remove')}</button>` : nothing}
      </fieldset>
    </details>`;
  }

  /** Removes the Leichte-Sprache version: its group closes, and the focus goes to the group's summary that stays. */
  private async removeEasy(path: Path): Promise<void> {
    this.context.draft.set(path, undefined);
    await this.context.settled();
    this.querySelector<HTMLElement>(`#${fieldId(path)}-summary`)?.focus();
  }

  /** A tip's links or phone numbers: pairs of fields, each a list entry. */
  private pairs(index: number, list: 'links' | 'phones', [first, second]: [string, string]): TemplateResult {
    const context = this.context;
    const { t } = context;
    const listPath = [...ITEMS, index, '_kpr', list];
    const entries = getAt(context.draft.feed, listPath);
    const names: ListNames = { noun: t(`tip.${list}.noun`), firstField: [first] };
    const blank = (): Json => ({ [first]: '', [second]: '' });
    return html`<fieldset class="editor-pairs" id=${fieldId(listPath)} data-path=${pathString(listPath)} tabindex="-1">
      <legend>${t(`tip.${list}.heading`)}</legend>
      ${problemsOf(context, listPath)}
      ${Array.isArray(entries)
        ? entries.map(
            (_, entry) => html`<div class="editor-entry editor-pair">
              ${this.lists.entryHeader(listPath, entry, names, '', 4)}
              <div class="editor-row">
                ${textField(context, { path: [...listPath, entry, first], label: t(`tip.${list}.${first}`), required: true })}
                ${textField(context, { path: [...listPath, entry, second], label: t(`tip.${list}.${second}`), required: true, type: list === 'links' ? 'url' : 'text', autocomplete: 'off' })}
              </div>
            </div>`,
          )
        : nothing}
      ${this.lists.addButton(listPath, t(`tip.${list}.add`), blank, names)}
    </fieldset>`;
  }
}
