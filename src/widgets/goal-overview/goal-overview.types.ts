import type { IconName } from './icons.js';

export type MeasureStatus = 'planned' | 'running' | 'done';
/** The order in which a goal's measures are listed: what is happening now first. */
export const STATUSES: readonly MeasureStatus[] = ['running', 'planned', 'done'];

/** `cards`: a responsive grid of goal cards; `list`: one goal below the other, full width. */
export type GoalLayout = 'cards' | 'list';

export interface MeasureEntry {
  title: string;
  description?: string;
  status: MeasureStatus;
  partners: string[];
  /** "2024-03" or "2024-03-01", as in the feed. */
  start?: string;
  end?: string;
  /** Only http(s). */
  href?: string;
}

/** One period of an indicator; `value` is null where the feed has no usable number. */
export interface SeriesPoint {
  period: string;
  value: number | null;
}

export interface IndicatorEntry {
  name: string;
  unit: string;
  series: SeriesPoint[];
  /** The value the council started from; its period need not be one of the series'. */
  baseline?: SeriesPoint & { value: number };
  target?: number;
  better?: 'up' | 'down';
  chart: 'line' | 'bar';
  source?: string;
  note?: string;
}

/** What the widget shows of one goal, derived once from a feed item. */
export interface GoalEntry {
  id: string;
  title: string;
  description?: string;
  icon: IconName;
  /** 0–100: the council's own assessment, else the share of measures done; undefined without either. */
  progress?: number;
  /** True when `progress` is the council's own assessment rather than counted from the measures. */
  assessed: boolean;
  measures: MeasureEntry[];
  counts: Record<MeasureStatus, number>;
  indicators: IndicatorEntry[];
  /** The goal's language (its own, or its feed's), for `lang` where it is not the widget's. */
  language?: string;
}

/** How an indicator developed from its baseline, or else its first period with a value, to its last. */
export interface Trend {
  direction: 'up' | 'down' | 'flat';
  from: SeriesPoint & { value: number };
  /** True when `from` is the baseline, which the sentence names as such. */
  fromBaseline: boolean;
  to: SeriesPoint & { value: number };
  /** How the change is best said: relative ("12 %"), in percentage points (unit `%`), or in the unit (from 0). */
  change: { kind: 'relative' | 'points' | 'absolute'; amount: number };
  /** Only when the feed says which direction is better. */
  judgement?: 'good' | 'bad';
}
