// A measure's and an indicator's fields inside a goal (goal-form.ts), as template functions of the goal form.
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { FeedProblem } from '../../validator/check-feed.js';
import type { ListController, ListNames } from '../controllers/list-controller.js';
import { now } from '../../core/clock.js';
import { customField, numberText, problemsOf, readTypedNumber, selectField, textField, type FormContext } from '../fields/fields.js';
import { fieldId, fieldId as fieldIdOf, getAt, pathString, type Json, type JsonObject, type Path } from '../model/paths.js';

export const MEASURE_STATUSES = ['planned', 'running', 'done'] as const;

export const measureNames = (t: FormContext['t']): ListNames => ({ noun: t('measure.noun'), firstField: ['title'] });
export const indicatorNames = (t: FormContext['t']): ListNames => ({ noun: t('indicator.noun'), firstField: ['name'] });
export const valueNames = (t: FormContext['t']): ListNames => ({ noun: t('indicator.value'), firstField: ['period'], headless: true });

export const newMeasure = (): JsonObject => ({ title: '', status: 'planned' });
export const newIndicator = (): JsonObject => ({ name: '', series: [{ period: String(now().getFullYear() - 1), value: null }] });

/**
 * The problems shown inside the entry at `path` (its own fields and everything below it), as one string: an entry
 * is drawn again when it changes, and only then (goal-form.ts). The field's path, severity and message say all
 * that a field shows of a problem.
 */
export function problemsKey(problems: ReadonlyMap<string, readonly FeedProblem[]>, path: Path): string {
  const prefix = pathString(path);
  let key = '';
  for (const [at, list] of problems) {
    if (at !== prefix && !at.startsWith(`${prefix}.`) && !at.startsWith(`${prefix}[`)) continue;
    for (const problem of list) key += `${at}\u0000${problem.severity}\u0000${problem.message}\u0001`;
  }
  return key;
}

const titleAt = (context: FormContext, path: Path, key: string) => {
  const value = getAt(context.draft.feed, [...path, key]);
  return typeof value === 'string' ? value : '';
};

export function measureFields(context: FormContext, lists: ListController, listPath: Path, index: number): TemplateResult {
  const { t } = context;
  const path = [...listPath, index];
  return html`<div class="editor-entry editor-measure">
    ${lists.entryHeader(listPath, index, measureNames(t), titleAt(context, path, 'title'), 5)}
    ${textField(context, { path: [...path, 'title'], label: t('measure.title'), required: true })}
    ${selectField(context, { path: [...path, 'status'], label: t('measure.status'), choices: MEASURE_STATUSES.map((value) => ({ value, label: t(`measure.statuses.${value}`) })), empty: t('measure.noStatus') })}
    ${textField(context, { path: [...path, 'partners'], label: t('measure.partners'), hint: t('measure.partnersHint'), as: 'lines' })}
    <div class="editor-row">
      ${textField(context, { path: [...path, 'start'], label: t('measure.start'), hint: t('measure.dateHint'), size: 'short' })}
      ${textField(context, { path: [...path, 'end'], label: t('measure.end'), hint: t('measure.dateHint'), size: 'short' })}
    </div>
    ${textField(context, { path: [...path, 'description'], label: t('measure.description'), type: 'textarea' })}
    ${textField(context, { path: [...path, 'url'], label: t('measure.url'), hint: t('measure.urlHint'), type: 'url' })}
  </div>`;
}

export function indicatorFields(context: FormContext, lists: ListController, listPath: Path, index: number): TemplateResult {
  const { t } = context;
  const path = [...listPath, index];
  const seriesPath = [...path, 'series'];
  const series = getAt(context.draft.feed, seriesPath);
  const rows = Array.isArray(series) ? series : [];
  const lastPeriod = (): Json => {
    const last = rows.at(-1);
    const period = last && typeof last === 'object' && !Array.isArray(last) ? Number(last.period) : NaN;
    return { period: Number.isInteger(period) ? String(period + 1) : '', value: null };
  };
  return html`<div class="editor-entry editor-indicator">
    ${lists.entryHeader(listPath, index, indicatorNames(t), titleAt(context, path, 'name'), 5)}
    ${textField(context, { path: [...path, 'name'], label: t('indicator.name'), required: true })}
    <div class="editor-row">
      ${textField(context, { path: [...path, 'unit'], label: t('indicator.unit'), hint: t('indicator.unitHint'), size: 'medium' })}
      ${selectField(context, { path: [...path, 'better'], label: t('indicator.better'), empty: t('indicator.betterNone'), choices: ['down', 'up'].map((value) => ({ value, label: t(`indicator.betterChoices.${value}`) })) })}
      ${selectField(context, { path: [...path, 'chart'], label: t('indicator.chart'), empty: t('indicator.chartLine'), choices: [{ value: 'bar', label: t('indicator.chartBar') }] })}
      ${textField(context, { path: [...path, 'target'], label: t('indicator.target'), as: 'number', size: 'short' })}
    </div>
    <div class="editor-row">
      ${baselineField(context, [...path, 'baseline'], 'period')}
      ${baselineField(context, [...path, 'baseline'], 'value')}
    </div>
    <fieldset class="editor-series" id=${fieldId(seriesPath)} data-path=${pathString(seriesPath)} tabindex="-1">
      <legend>${t('indicator.series')}</legend>
      <p class="editor-hint">${t('indicator.seriesHint')}</p>
      ${problemsOf(context, seriesPath)}
      ${rows.map((_, row) => valueRow(context, lists, seriesPath, row, rows.length))}
      ${lists.addButton(seriesPath, t('indicator.addValue'), lastPeriod, valueNames(t))}
      <asskomm-table-import .context=${context} .kind=${'values'} .path=${seriesPath} .level=${6}></asskomm-table-import>
    </fieldset>
    ${textField(context, { path: [...path, 'source'], label: t('indicator.source'), hint: t('indicator.sourceHint') })}
    ${textField(context, { path: [...path, 'note'], label: t('indicator.note'), type: 'textarea' })}
  </div>`;
}

/**
 * The baseline's period or value. The two are one object in the feed: typing into either writes it, emptying both
 * removes it. With only one filled in, the other is kept as "" (the period) or left out (the value), so that the
 * validator names the field still to fill in.
 */
function baselineField(context: FormContext, baselinePath: Path, key: 'period' | 'value'): TemplateResult {
  const { t } = context;
  const path = [...baselinePath, key];
  const value = getAt(context.draft.feed, path);
  const id = fieldId(path);
  const shown = key === 'value' ? numberText(id, value) : value === undefined || value === null ? '' : String(value);
  const store = (text: string) => {
    const old = getAt(context.draft.feed, baselinePath);
    const other = old && typeof old === 'object' && !Array.isArray(old) ? old : {};
    const read = key === 'value' ? readTypedNumber(id, text) : text.trim() ? text : undefined;
    const next: JsonObject = { ...other };
    if (read === undefined) delete next[key];
    else next[key] = read;
    const empty = !next.period && next.value === undefined;
    context.draft.set(baselinePath, empty ? undefined : { ...next, period: next.period ?? '' }, pathString(path));
  };
  const number = key === 'value';
  return customField(context, { path, label: t(`indicator.baseline.${key}`), hint: t(`indicator.baseline.${key}Hint`) }, (a11y) =>
    html`<input id=${a11y.id} data-path=${a11y.path} class="editor-input-short" type="text" inputmode=${ifDefined(number ? 'decimal' : undefined)} autocomplete="off" spellcheck="false"
      aria-describedby=${ifDefined(a11y.describedBy)} aria-invalid=${ifDefined(a11y.invalid)}
      .value=${live(shown)} @input=${(event: Event) => store((event.target as HTMLInputElement).value)} />`);
}

/** One period and its value; the value is a gap in the chart when empty. */
function valueRow(context: FormContext, lists: ListController, seriesPath: Path, row: number, count: number): TemplateResult {
  const { t } = context;
  const path = [...seriesPath, row];
  const names = valueNames(t);
  const which = html`<span class="editor-visually-hidden">: ${names.noun} ${row + 1}</span>`;
  const valuePath = [...path, 'value'];
  const value = getAt(context.draft.feed, valuePath);
  return html`<div class="editor-row editor-value-row">
    ${textField(context, { path: [...path, 'period'], label: `${t('indicator.period')} ${row + 1}`, required: true, size: 'short' })}
    ${textField(context, { path: valuePath, label: `${t('indicator.valueLabel')} ${row + 1}`, as: 'number', size: 'short', hint: value === null || value === undefined ? t('indicator.gap') : undefined })}
    <div class="editor-entry-actions">
      <button type="button" class="editor-button-secondary" id="${fieldIdOf(path)}-up" ?disabled=${row === 0} @click=${() => lists.move(seriesPath, row, -1, names)}>${t('list.up')}${which}</button>
      <button type="button" class="editor-button-secondary" id="${fieldIdOf(path)}-down" ?disabled=${row >= count - 1} @click=${() => lists.move(seriesPath, row, 1, names)}>${t('list.down')}${which}</button>
      <button type="button" class="editor-button-warning" @click=${() => lists.remove(seriesPath, row, names)}>${t('list.remove')}${which}</button>
    </div>
  </div>`;
}
