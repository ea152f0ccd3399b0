import { FeedError } from '../../core/feed/feed-error.js';
import { loadValidator } from '../controllers/check-controller.js';
import type { JsonObject } from './paths.js';
import { FEED_KINDS, type FeedKind } from './templates.js';

export type Opened = { ok: true; feed: JsonObject; kind: FeedKind } | { ok: false; reason: 'not-json' | 'not-json-feed' | 'not-editable'; detail?: string };

/**
 * Reads a file's or an address's text as a feed the editor can work on: a JSON Feed, whose kind (goals, tips,
 * events, news) the validator infers as `asskomm-widgets validate` does. Anything else is refused with a reason.
 */
export async function readFeedText(text: string, source: string): Promise<Opened> {
  const body = text.replace(/^\uFEFF/, '');
  let feed: unknown;
  try {
    feed = JSON.parse(body);
  } catch {
    // The validator says where the JSON breaks ("line 3, column 5").
    const report = await (await loadValidator()).checkFeed(body, { source });
    const problem = report.problems.find((candidate) => candidate.severity === 'error');
    return { ok: false, reason: 'not-json', detail: problem ? `${problem.path}: ${problem.message}` : undefined };
  }
  if (!feed || typeof feed !== 'object' || Array.isArray(feed) || !Array.isArray((feed as JsonObject).items)) return { ok: false, reason: 'not-json-feed' };
  const report = await (await loadValidator()).checkFeed(body, { source });
  const kind = report.widget && (FEED_KINDS as readonly string[]).includes(report.widget) ? (report.widget as FeedKind) : undefined;
  if (!kind) return { ok: false, reason: 'not-editable', detail: report.inferredFrom };
  return { ok: true, feed: feed as JsonObject, kind };
}

/** Why an address could not be read, as a key of the editor's texts. */
export function fetchFailure(error: unknown): string {
  const kind = error instanceof FeedError ? error.kind : 'network';
  return kind === 'http' ? 'open.failHttp' : kind === 'timeout' ? 'open.failTimeout' : kind === 'too-large' ? 'open.failTooLarge' : 'open.failNetwork';
}
