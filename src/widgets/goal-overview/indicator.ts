import { html, nothing, type TemplateResult } from 'lit';
import { formatNumber } from '../../core/format.js';
import type { I18nController } from '../../core/i18n.js';
import { renderChart } from './chart.js';
import { latest, targetReached, trendOf } from './trend.js';
import type { IndicatorEntry, Trend } from './goal-overview.types.js';

/** A value with its unit: `%` as a percentage ("39,7 %"), any other unit after the number ("12 Fälle"). */
export function formatValue(value: number, unit: string, locale: string): string {
  if (unit === '%') return formatNumber(value / 100, locale, { style: 'percent', maximumFractionDigits: 1 });
  return unit ? `${formatNumber(value, locale)} ${unit}` : formatNumber(value, locale);
}

/** The trend in words, for example "Seit 2022 um 12 % gesunken: eine gute Entwicklung." */
export function describeTrend(indicator: IndicatorEntry, i18n: I18nController): string {
  const trend = trendOf(indicator);
  if (!trend) return i18n.t(latest(indicator) ? 'goals.trend.single' : 'goals.trend.none');
  const words = i18n.t(`goals.trend.${trend.direction}`, { period: trend.from.period, change: describeChange(trend, indicator.unit, i18n) });
  return i18n.t(`goals.trend.${trend.judgement ?? 'neutral'}`, { trend: words });
}

function describeChange({ change }: Trend, unit: string, i18n: I18nController): string {
  if (change.kind === 'relative') return formatNumber(change.amount, i18n.locale, { style: 'percent', maximumFractionDigits: 0 });
  if (change.kind === 'points') return i18n.t('goals.points', { count: change.amount, value: formatNumber(change.amount, i18n.locale) });
  return formatValue(change.amount, unit, i18n.locale);
}

/**
 * One indicator: its name, latest value, a small chart, the trend in words, target and source. The figures
 * are also a table: read by screen readers in place of the chart, and printed.
 */
export function renderIndicator(indicator: IndicatorEntry, i18n: I18nController): TemplateResult {
  const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, options);
  const value = (number: number) => formatValue(number, indicator.unit, i18n.locale);
  const last = latest(indicator);
  const trend = trendOf(indicator);
  const reached = targetReached(indicator);
  const target = indicator.target === undefined ? undefined : t(reached === undefined ? 'goals.target' : reached ? 'goals.targetReached' : 'goals.targetOpen', { value: value(indicator.target) });
  return html`<figure class="indicator" part="indicator">
    <figcaption class="indicator-name">${indicator.name}</figcaption>
    ${last ? html`<p class="latest">${t('goals.latest', { value: value(last.value), period: last.period })}</p>` : nothing}
    ${renderChart(indicator)}
    <div class="data"><table>
      <caption>${t('goals.tableCaption', { name: indicator.name })}</caption>
      <thead><tr><th scope="col">${t('goals.periodColumn')}</th><th scope="col">${t('goals.valueColumn')}</th></tr></thead>
      <tbody>${indicator.series.map((point) => html`<tr><th scope="row">${point.period}</th><td>${point.value === null ? t('goals.noValue') : value(point.value)}</td></tr>`)}</tbody>
    </table></div>
    <p class="trend" data-judgement=${trend?.judgement ?? 'none'}>${describeTrend(indicator, i18n)}</p>
    ${target ? html`<p class="target">${target}</p>` : nothing}
    ${indicator.note ? html`<p class="note">${indicator.note}</p>` : nothing}
    ${indicator.source ? html`<p class="source">${t('goals.source', { source: indicator.source })}</p>` : nothing}
  </figure>`;
}
