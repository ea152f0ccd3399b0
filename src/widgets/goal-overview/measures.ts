import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { TextLanguage } from '../../core/feed/language.js';
import { formatCalendarDate, formatList } from '../../core/format.js';
import type { Phrases } from './phrases.js';
import { STATUSES, type GoalEntry, type MeasureEntry } from './goal-overview.types.js';

/*
 * A goal's measures, grouped by status. Here, with the goals' reading, and not in the widget's first download:
 * there are no measures to show before a feed has come.
 */

/** The measures of a goal under a heading per status, what is happening now first; `language` is the goal's. */
export function renderMeasures(goal: GoalEntry, level: number, language: TextLanguage, phrases: Phrases): TemplateResult {
  const { i18n } = phrases;
  if (goal.measures.length === 0) return html`<p>${i18n.t('goals.noMeasures')}</p>`;
  const partners = i18n.t('goals.partners');
  return html`${STATUSES.filter((status) => goal.counts[status]).map((status) => html`
    <div role="heading" aria-level=${Math.min(6, level)} class="status-heading">${i18n.t(`goals.statusHeading.${status}`)}</div>
    <ul class="measure-list">${goal.measures.filter((m) => m.status === status).map((measure) => renderMeasure(measure, language, partners, phrases))}</ul>`)}`;
}

/** One measure: its title (a link when it has one), when it runs, its partners and its description. */
function renderMeasure(measure: MeasureEntry, { lang, dir }: TextLanguage, partnersLabel: string, phrases: Phrases): TemplateResult {
  const { i18n } = phrases;
  const t = (key: string, values: Record<string, string>) => phrases.t(key, values);
  const date = (value: string) => formatCalendarDate(value, i18n.locale);
  const period =
    measure.start && measure.start === measure.end ? date(measure.start)
    : measure.start && measure.end ? t('goals.period', { start: date(measure.start), end: date(measure.end) })
    : measure.start ? t(measure.status === 'planned' ? 'goals.from' : 'goals.since', { start: date(measure.start) })
    : measure.end ? t('goals.until', { end: date(measure.end) })
    : '';
  const partners = measure.partners.length ? `${partnersLabel}: ${formatList(measure.partners, i18n.locale)}` : '';
  return html`<li class="measure">
    <span class="measure-title" lang=${ifDefined(lang)} dir=${ifDefined(dir)}>${measure.href ? html`<a href=${measure.href} rel="noopener noreferrer">${measure.title}</a>` : measure.title}</span>
    ${period || partners ? html`<span class="measure-meta">${[period, partners].filter(Boolean).join(' · ')}</span>` : nothing}
    ${measure.description ? html`<span class="measure-description" lang=${ifDefined(lang)} dir=${ifDefined(dir)}>${measure.description}</span>` : nothing}
  </li>`;
}
