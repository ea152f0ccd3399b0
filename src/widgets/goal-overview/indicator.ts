import { html, nothing, type TemplateResult } from 'lit';
import { formatNumber } from '../../core/format.js';
import type { I18nController } from '../../core/i18n.js';
import { renderChart } from './chart.js';
import { Phrases } from './phrases.js';
import { plainChildren, textsKey } from './plain-children.js';
import { latest, targetReached, trendOf } from './trend.js';
import type { IndicatorEntry, Trend } from './goal-overview.types.js';

/** A value with its unit: `%` as a percentage ("39,7 %"), any other unit after the number ("12 Fälle"). */
export function formatValue(value: number, unit: string, locale: string): string {
  if (unit === '%') return formatNumber(value / 100, locale, { style: 'percent', maximumFractionDigits: 1 });
  return unit ? `${formatNumber(value, locale)} ${unit}` : formatNumber(value, locale);
}

/**
 * Stands in a translated sentence for a figure that is put in afterwards: a private-use character, which neither
 * a translation nor a feed contains.
 */
const FIGURE = '\uE000';

/**
 * A figure with the feed's unit ("379 Fälle") isolated in a `<bdi>`: in a right-to-left sentence the bidi
 * algorithm would otherwise move the number to the far side of the unit and of what follows ("Fälle (2025) 379").
 * Percentages are written by Intl for the widget's own language and need no isolation.
 */
function figure(value: number, unit: string, locale: string): TemplateResult | string {
  const text = formatValue(value, unit, locale);
  return unit && unit !== '%' ? html`<bdi>${text}</bdi>` : text;
}

/** A translated sentence with the figure put in where the sentence has FIGURE. */
function withFigure(sentence: string, shown: TemplateResult | string): TemplateResult {
  const [before, ...after] = sentence.split(FIGURE);
  return after.length ? html`${before}${shown}${after.join('')}` : html`${sentence}`;
}

/** The trend in words, for example "Seit 2022 um 12 % gesunken: eine gute Entwicklung." */
export function describeTrend(indicator: IndicatorEntry, phrases: Phrases, trend = trendOf(indicator)): TemplateResult {
  const { i18n } = phrases;
  if (!trend) return html`${i18n.t(latest(indicator) ? 'goals.trend.single' : 'goals.trend.none')}`;
  const { change } = trend;
  const amount = change.kind === 'absolute' ? figure(change.amount, indicator.unit, i18n.locale) : describeChange(trend, phrases);
  const words = `goals.trend.${trend.fromBaseline ? 'fromBaseline.' : ''}${trend.direction}`;
  const judgement = `goals.trend.${trend.judgement ?? 'neutral'}`;
  // The judgement's sentence with the trend's put in, made once per render and kind of trend.
  const sentence = phrases.fill(`${words} ${judgement}`, { period: trend.from.period }, (marks) => i18n.t(judgement, { trend: i18n.t(words, { ...marks, change: FIGURE }) }));
  return withFigure(sentence, amount);
}

function describeChange({ change }: Trend, phrases: Phrases): string {
  const { locale } = phrases.i18n;
  if (change.kind === 'relative') return formatNumber(change.amount, locale, { style: 'percent', maximumFractionDigits: 0 });
  return phrases.t('goals.points', { value: formatNumber(change.amount, locale) }, change.amount);
}

/**
 * The words of a render: those of every indicator's table, looked up once per render rather than once per indicator
 * or value, and its sentences with values (`phrases`).
 */
export interface Labels {
  periodColumn: string;
  valueColumn: string;
  noValue: string;
  phrases: Phrases;
}

export function labels(i18n: I18nController): Labels {
  return { periodColumn: i18n.t('goals.periodColumn'), valueColumn: i18n.t('goals.valueColumn'), noValue: i18n.t('goals.noValue'), phrases: new Phrases(i18n) };
}

/** A row of an indicator's table: its period, its value, and whether the value is isolated, as `figure` does. */
type Row = readonly [period: string, value: string, isolated: boolean];

/** A finished empty row of each kind, cloned for every row: a native clone costs less than a template instance. */
let blankRows: Record<'plain' | 'isolated', HTMLTableRowElement> | undefined;
function blankRow(isolated: boolean): HTMLTableRowElement {
  blankRows ??= { plain: makeRow(false), isolated: makeRow(true) };
  return blankRows[isolated ? 'isolated' : 'plain'].cloneNode(true) as HTMLTableRowElement;
}
function makeRow(isolated: boolean): HTMLTableRowElement {
  const row = document.createElement('tr');
  const head = row.appendChild(document.createElement('th'));
  head.scope = 'row';
  const cell = row.appendChild(document.createElement('td'));
  if (isolated) cell.append(document.createElement('bdi'));
  return row;
}

/** An indicator's table rows from finished blank rows with their texts set. */
function tableRows(rows: readonly Row[]): HTMLTableRowElement[] {
  return rows.map(([period, value, isolated]) => {
    const row = blankRow(isolated);
    row.firstChild!.textContent = period;
    (isolated ? row.lastChild!.firstChild! : row.lastChild!).textContent = value;
    return row;
  });
}

/**
 * One indicator: its name, latest value, a small chart, the trend in words, baseline, target and source. The figures
 * are also a table: read by screen readers in place of the chart, and printed.
 */
export function renderIndicator(indicator: IndicatorEntry, words: Labels): TemplateResult {
  const { phrases } = words;
  const { i18n } = phrases;
  const isolated = indicator.unit !== '' && indicator.unit !== '%';
  const value = (number: number) => figure(number, indicator.unit, i18n.locale);
  const last = latest(indicator);
  const trend = trendOf(indicator);
  const reached = targetReached(indicator);
  const targetKey = reached === undefined ? 'goals.target' : reached ? 'goals.targetReached' : 'goals.targetOpen';
  const target = indicator.target === undefined ? undefined : withFigure(phrases.t(targetKey, { value: FIGURE }), value(indicator.target));
  const { baseline } = indicator;
  const rows = indicator.series.map(({ period, value }): Row =>
    value === null ? [period, words.noValue, false] : [period, formatValue(value, indicator.unit, i18n.locale), isolated]);
  return html`<figure class="indicator" part="indicator">
    <figcaption class="indicator-name">${indicator.name}</figcaption>
    ${last ? html`<p class="latest">${withFigure(phrases.t('goals.latest', { value: FIGURE, period: last.period }), value(last.value))}</p>` : nothing}
    ${renderChart(indicator, baseline && phrases.t('goals.baselineLabel', { period: baseline.period }))}
    <div class="data"><table>
      <caption>${phrases.t('goals.tableCaption', { name: indicator.name })}</caption>
      <thead><tr><th scope="col">${words.periodColumn}</th><th scope="col">${words.valueColumn}</th></tr></thead>
      <tbody ${plainChildren(textsKey(rows), () => tableRows(rows))}></tbody>
    </table></div>
    <p class="trend" data-judgement=${trend?.judgement ?? 'none'}>${describeTrend(indicator, phrases, trend)}</p>
    ${baseline ? html`<p class="baseline">${withFigure(phrases.t('goals.baseline', { value: FIGURE, period: baseline.period }), value(baseline.value))}</p>` : nothing}
    ${target ? html`<p class="target">${target}</p>` : nothing}
    ${indicator.note ? html`<p class="note">${indicator.note}</p>` : nothing}
    ${indicator.source ? html`<p class="source">${phrases.t('goals.source', { source: indicator.source })}</p>` : nothing}
  </figure>`;
}
