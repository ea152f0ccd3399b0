// The feed check the builder shows: src/validator/check-feed.ts (its API, written against until it lands).
import type { WidgetName } from './model.js';

export interface FeedProblem {
  severity: 'error' | 'warning';
  path: string;
  message: string;
  fix: string;
}
export interface FeedReport {
  source: string;
  format: string;
  widget?: WidgetName;
  items: number;
  shown: number;
  problems: FeedProblem[];
  ok: boolean;
}
export type CheckFeed = (text: string, options: { source: string; widget?: WidgetName }) => Promise<FeedReport>;
