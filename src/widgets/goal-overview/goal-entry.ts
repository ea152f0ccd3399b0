import type { LoadedItem, ProblemData, Warn } from '../../core/feed/types.js';
import type { ProblemCode } from '../../core/feed/problems.js';
import { plainText } from '../../core/text.js';
import { safeLink } from '../../core/urls.js';
import { validate, type Schema } from '../../core/validate.js';
import goalsSchema from '../../schemas/kpr-goals.schema.json';
import { DEFAULT_ICON, isIconName } from './icons.js';
import type { GoalEntry, IndicatorEntry, MeasureEntry, MeasureStatus } from './goal-overview.types.js';

const SCHEMA = goalsSchema as Schema;
const MEASURE = SCHEMA.$defs!.measure!;
const INDICATOR = SCHEMA.$defs!.indicator!;

/*
 * This module checks and reads goals, so it is needed only once a feed is there: the widget loads it with the
 * feed (the feed controller's `prepare`), not before the first render.
 */

interface GoalExtension {
  icon?: string;
  progress?: number;
  measures?: unknown[];
  indicators?: unknown[];
}

/** A problem of the goal: `reason` and the data, from which the console's line is made. */
type Report = (code: ProblemCode, data: ProblemData) => void;

/**
 * Turns a validated goal item into what the widget shows; `warn` tells the webmaster what was left out and why, with
 * the problem's code and where it is (the validator's report is made from them).
 */
export function toGoalEntry(item: LoadedItem, warn: Warn): GoalEntry {
  const extension = (item._kpr ?? {}) as GoalExtension;
  const where = `goal "${item.id}" of ${item.source}`;
  const report: Report = (code, data) => warn(code, `${where}: ${data.part ? `left out ${data.part}: ` : ''}${data.reason}`, data);
  if (extension.icon !== undefined && !isIconName(extension.icon)) {
    report('goal-icon-unknown', { path: '_kpr.icon', reason: `_kpr.icon "${extension.icon}" is not a built-in icon; showing "${DEFAULT_ICON}"` });
  }
  const measures = valid<MeasureEntry>(extension.measures, MEASURE, '_kpr.measures', report, (raw) => {
    const measure = raw as Omit<MeasureEntry, 'href' | 'partners'> & { url?: string; partners?: string[] };
    const href = safeLink(measure.url, item.source);
    return {
      title: measure.title.trim(),
      description: measure.description?.trim() || undefined,
      status: measure.status,
      partners: (measure.partners ?? []).map((p) => p.trim()).filter(Boolean),
      start: measure.start,
      end: measure.end,
      href: href?.startsWith('http') ? href : undefined,
    };
  });
  const indicators = (extension.indicators ?? []).flatMap((raw, index) => {
    const path = `_kpr.indicators[${index}]`;
    const gapped = withGaps(raw, (at, period, value) => report('goal-value-not-number', {
      path: `${path}.series[${at}].value`,
      reason: `${path}, period "${period}": ${JSON.stringify(value)} is not a number; shown as a gap`,
    }));
    return valid<IndicatorEntry>([gapped], INDICATOR, path, report, (checked) => {
      const indicator = checked as Omit<IndicatorEntry, 'unit' | 'chart'> & { unit?: string; chart?: 'line' | 'bar' };
      return { ...indicator, name: indicator.name.trim(), unit: indicator.unit?.trim() ?? '', chart: indicator.chart ?? 'line' };
    }, true);
  });
  const counts: Record<MeasureStatus, number> = { planned: 0, running: 0, done: 0 };
  for (const measure of measures) counts[measure.status]++;
  const assessed = typeof extension.progress === 'number';
  return {
    id: item.id,
    title: item.title?.trim() || item.id,
    description: item.summary?.trim() || item.content_text?.trim() || (item.content_html ? plainText(item.content_html) : undefined) || undefined,
    icon: isIconName(extension.icon) ? extension.icon : DEFAULT_ICON,
    progress: assessed ? extension.progress : measures.length ? (100 * counts.done) / measures.length : undefined,
    assessed,
    measures,
    counts,
    indicators,
    language: item.language,
  };
}

/** The entries of a list that fit the schema, each turned into what the widget shows; the others are reported. */
function valid<T>(list: unknown[] | undefined, schema: Schema, path: string, report: Report, map: (raw: unknown) => T, single = false): T[] {
  return (list ?? []).flatMap((raw, index) => {
    const at = single ? path : `${path}[${index}]`;
    const problems = validate(raw, schema, at, SCHEMA);
    if (problems.length === 0) return [map(raw)];
    // Named by its first problem: its code and field (the validator finds the schema's expectation there).
    report(problems[0]!.code, { path: problems[0]!.path, severity: 'error', part: at, reason: problems.map((p) => `${p.path} ${p.message}`).join('; ') });
    return [];
  });
}

/** An indicator whose series values that are not numbers (text, NaN) are replaced by gaps (null). */
function withGaps(raw: unknown, report: (index: number, period: string, value: unknown) => void): unknown {
  const series = (raw as { series?: unknown } | null)?.series;
  if (!Array.isArray(series)) return raw;
  return {
    ...(raw as object),
    series: series.map((point: unknown, index) => {
      const { period, value } = (point ?? {}) as { period?: unknown; value?: unknown };
      if (value === undefined || value === null || (typeof value === 'number' && Number.isFinite(value))) return point;
      report(index, String(period), value);
      return { ...(point as object), value: null };
    }),
  };
}
