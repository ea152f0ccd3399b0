import type { LoadedItem } from '../../core/feed/types.js';
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

/** Turns a validated goal item into what the widget shows; `warn` tells the webmaster what was left out and why. */
export function toGoalEntry(item: LoadedItem, warn: (message: string) => void): GoalEntry {
  const extension = (item._kpr ?? {}) as GoalExtension;
  const where = `goal "${item.id}" of ${item.source}`;
  if (extension.icon !== undefined && !isIconName(extension.icon)) {
    warn(`${where}: _kpr.icon "${extension.icon}" is not a built-in icon; showing "${DEFAULT_ICON}"`);
  }
  const measures = valid<MeasureEntry>(extension.measures, MEASURE, '_kpr.measures', where, warn, (raw) => {
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
    const gapped = withGaps(raw, (period, value) => warn(`${where}: ${path}, period "${period}": ${JSON.stringify(value)} is not a number; shown as a gap`));
    return valid<IndicatorEntry>([gapped], INDICATOR, path, where, warn, (checked) => {
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
function valid<T>(list: unknown[] | undefined, schema: Schema, path: string, where: string, warn: (message: string) => void, map: (raw: unknown) => T, single = false): T[] {
  return (list ?? []).flatMap((raw, index) => {
    const at = single ? path : `${path}[${index}]`;
    const problems = validate(raw, schema, at, SCHEMA);
    if (problems.length === 0) return [map(raw)];
    warn(`${where}: left out ${at}: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
    return [];
  });
}

/** An indicator whose series values that are not numbers (text, NaN) are replaced by gaps (null). */
function withGaps(raw: unknown, report: (period: string, value: unknown) => void): unknown {
  const series = (raw as { series?: unknown } | null)?.series;
  if (!Array.isArray(series)) return raw;
  return {
    ...(raw as object),
    series: series.map((point: unknown) => {
      const { period, value } = (point ?? {}) as { period?: unknown; value?: unknown };
      if (value === undefined || value === null || (typeof value === 'number' && Number.isFinite(value))) return point;
      report(String(period), value);
      return { ...(point as object), value: null };
    }),
  };
}
