import type { IndicatorEntry, SeriesPoint, Trend } from './goal-overview.types.js';

const hasValue = (point: SeriesPoint): point is SeriesPoint & { value: number } => point.value !== null && point.value !== undefined;

/** The latest period with a value. */
export function latest(indicator: IndicatorEntry): (SeriesPoint & { value: number }) | undefined {
  return indicator.series.findLast(hasValue);
}

/**
 * The trend from the baseline, or without one from the first period with a value, to the last period with a
 * value. A change is said relatively ("12 %") unless the values are percentages (then in percentage points) or
 * start at zero (then in the unit). A change that would round to nothing is "flat". A baseline of the latest
 * period itself says nothing about a change, so the series' own first value is taken then.
 */
export function trendOf(indicator: IndicatorEntry): Trend | undefined {
  const points = indicator.series.filter(hasValue);
  const to = points.at(-1);
  const { baseline } = indicator;
  const fromBaseline = baseline !== undefined && to !== undefined && to.period !== baseline.period;
  const from = fromBaseline ? baseline : points[0];
  if (!from || !to || (!fromBaseline && points.length < 2)) return undefined;
  const difference = to.value - from.value;
  const change: Trend['change'] =
    indicator.unit === '%' ? { kind: 'points', amount: Math.abs(difference) }
    : from.value === 0 ? { kind: 'absolute', amount: Math.abs(difference) }
    : { kind: 'relative', amount: Math.abs(difference / from.value) };
  const flat = change.kind === 'relative' ? change.amount < 0.005 : change.amount < 0.05;
  const direction = flat ? 'flat' : difference > 0 ? 'up' : 'down';
  const judgement = direction === 'flat' || !indicator.better ? undefined : direction === indicator.better ? 'good' : 'bad';
  return { direction, from, to, fromBaseline, change, judgement };
}

/** Whether the latest value has reached the target, in the direction that is better. */
export function targetReached(indicator: IndicatorEntry): boolean | undefined {
  const last = latest(indicator);
  if (indicator.target === undefined || !last || !indicator.better) return undefined;
  return indicator.better === 'down' ? last.value <= indicator.target : last.value >= indicator.target;
}
