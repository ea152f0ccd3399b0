// <asskomm-goal-form>: the goals of a goal-overview feed, each with its measures and indicators. Rendered into the
// light DOM (demo/editor.css styles it; its ids are the page's, for the error summary's links).
//
// A keystroke changes one value: the draft is updated immutably along its path (model/paths.ts), so every goal,
// measure and indicator it did not touch is the same object as before. Each of them is drawn under `guard` with
// that object, its place, the length of its list, the problems shown inside it and the language: a keystroke in
// one measure draws that measure and its goal's own fields again, not the other 39 measures and 11 indicators.
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { ItemsForm, ITEMS } from '../fields/items-form.js';
import { selectField, textField } from '../fields/fields.js';
import { getAt, type Json, type Path } from '../model/paths.js';
import { newItem } from '../model/templates.js';
import { indicatorFields, indicatorNames, measureFields, measureNames, newIndicator, newMeasure, problemsKey } from './measure-fields.js';

/** The icons of the goal overview (its schema's list). */
export const GOAL_ICONS = ['shield', 'scales', 'eye', 'heart', 'people', 'sun', 'home', 'lamp', 'school', 'target'] as const;

/** Goals keep their `order` in step with the list when the feed uses it, so moving a goal moves it in the widget too. */
function renumber(list: Json[]): void {
  if (!list.some((item) => item && typeof item === 'object' && !Array.isArray(item) && item._kpr && typeof item._kpr === 'object' && 'order' in item._kpr)) return;
  list.forEach((item, index) => {
    if (item && typeof item === 'object' && !Array.isArray(item)) list[index] = { ...item, _kpr: { ...((item._kpr as object) ?? {}), order: index + 1 } };
  });
}

export class GoalForm extends ItemsForm {
  protected readonly itemKey = 'goal';

  /**
   * The editor's language, for redrawing every goal when it changes: its `lang`, and a text in it, since another
   * language's texts arrive a moment after the switch (the goals are drawn again then too).
   */
  private get language(): string {
    return `${this.closest('[lang]')?.getAttribute('lang') ?? ''}:${this.context.t('goal.heading')}`;
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.context) return nothing;
    const { t, draft, problems } = this.context;
    const items = getAt(draft.feed, ITEMS);
    const goals = Array.isArray(items) ? items : [];
    const language = this.language;
    return html`<section class="editor-list" aria-labelledby="editor-goals-heading">
      <h2 id="editor-goals-heading">${t('goal.heading')}</h2>
      <p class="editor-hint">${t('goal.intro')}</p>
      ${goals.map((goal, index) => guard([goal, index, goals.length, problemsKey(problems, [...ITEMS, index]), language], () => this.renderGoal(index, language)))}
      ${this.lists.addButton(ITEMS, t('goal.add'), () => newItem('goal-overview', goals), this.names())}
    </section>`;
  }

  private renderGoal(index: number, language: string): TemplateResult {
    const context = this.context;
    const { t, problems } = context;
    const path = [...ITEMS, index];
    const title = getAt(context.draft.feed, [...path, 'title']);
    const measuresPath = [...path, '_kpr', 'measures'];
    const indicatorsPath = [...path, '_kpr', 'indicators'];
    const measures = getAt(context.draft.feed, measuresPath);
    const indicators = getAt(context.draft.feed, indicatorsPath);
    return html`<article class="editor-entry editor-goal">
      ${this.lists.entryHeader(ITEMS, index, this.names(), typeof title === 'string' ? title : '', 3, renumber)}
      ${textField(context, { path: [...path, 'title'], label: t('goal.title'), required: true })}
      ${textField(context, { path: [...path, 'content_text'], label: t('goal.text'), hint: t('goal.textHint'), type: 'textarea', required: true })}
      <div class="editor-row">
        ${selectField(context, { path: [...path, '_kpr', 'icon'], label: t('goal.icon'), choices: GOAL_ICONS.map((value) => ({ value, label: t(`goal.icons.${value}`) })), empty: t('goal.noIcon') })}
        ${textField(context, { path: [...path, '_kpr', 'progress'], label: t('goal.progress'), hint: t('goal.progressHint'), as: 'number', size: 'short' })}
        ${textField(context, { path: [...path, 'id'], label: t('goal.id'), hint: t('goal.idHint'), size: 'medium', required: true })}
      </div>
      <div class="editor-sublist">
        <h4 id=${this.headingId(path, 'measures')}>${t('measure.heading')}</h4>
        ${Array.isArray(measures)
          ? measures.map((entry, measure) =>
              guard([entry, measure, measures.length, problemsKey(problems, [...measuresPath, measure]), language], () => measureFields(context, this.lists, measuresPath, measure)))
          : nothing}
        ${this.lists.addButton(measuresPath, t('measure.add'), newMeasure, measureNames(t))}
        <asskomm-table-import .context=${context} .kind=${'measures'} .path=${measuresPath} .level=${5}></asskomm-table-import>
      </div>
      <div class="editor-sublist">
        <h4 id=${this.headingId(path, 'indicators')}>${t('indicator.heading')}</h4>
        ${Array.isArray(indicators)
          ? indicators.map((entry, indicator) =>
              guard([entry, indicator, indicators.length, problemsKey(problems, [...indicatorsPath, indicator]), language], () => indicatorFields(context, this.lists, indicatorsPath, indicator)))
          : nothing}
        ${this.lists.addButton(indicatorsPath, t('indicator.add'), newIndicator, indicatorNames(t))}
      </div>
    </article>`;
  }

  private headingId(path: Path, list: string): string {
    return `editor-${path.join('-')}-${list}`;
  }
}
