import { html, type TemplateResult } from 'lit';
import type { TextLanguage } from '../../core/feed/language.js';
import { formatCalendarDate, formatList } from '../../core/format.js';
import type { Phrases } from './phrases.js';
import { plainChildren, textsKey } from './plain-children.js';
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
    ${measureList(goal.measures.filter((m) => m.status === status).map((measure) => shownMeasure(measure, partners, phrases)), language)}`)}`;
}

/** What a measure shows: its title, its link, when it runs and with whom, its description. */
type Shown = readonly [title: string, href: string, meta: string, description: string];

function shownMeasure(measure: MeasureEntry, partnersLabel: string, phrases: Phrases): Shown {
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
  return [measure.title, measure.href ?? '', [period, partners].filter(Boolean).join(' · '), measure.description ?? ''];
}

function span(className: string, text: string, { lang, dir }: TextLanguage = {}): HTMLSpanElement {
  const made = document.createElement('span');
  made.className = className;
  if (lang) made.lang = lang;
  if (dir) made.dir = dir;
  made.textContent = text;
  return made;
}

/** One measure: its title (a link when it has one), when it runs, its partners and its description. */
function measureItem([title, href, meta, description]: Shown, language: TextLanguage): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'measure';
  const heading = item.appendChild(span('measure-title', href ? '' : title, language));
  if (href) {
    const link = heading.appendChild(document.createElement('a'));
    link.href = href;
    link.rel = 'noopener noreferrer';
    link.textContent = title;
  }
  if (meta) item.append(span('measure-meta', meta));
  if (description) item.append(span('measure-description', description, language));
  return item;
}

/** A status's measures as plain elements, rewritten only when their texts or language change. */
function measureList(measures: readonly Shown[], language: TextLanguage): TemplateResult {
  const key = textsKey([[language.lang, language.dir], ...measures]);
  return html`<ul class="measure-list" ${plainChildren(key, () => measures.map((shown) => measureItem(shown, language)))}></ul>`;
}
