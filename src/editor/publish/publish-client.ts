// The requests of the publish panel to the town's server (the feed routes of docs/contact-api.md), through the
// one place that sends (src/core/send.ts): no cookies, a timeout, and nothing but the address the coordinator
// entered. The token goes in the Authorization header only, never into an address.
import { send, SendError, type SendAnswer } from '../../core/send.js';
import type { FeedProblem } from '../../validator/check-feed.js';
import type { FeedKind } from '../model/templates.js';

/** The feed's name on the server, by the editor's kind of feed. */
export const FEED_NAMES: Record<FeedKind, string> = { 'goal-overview': 'goals', 'prevention-tips': 'tips', 'event-calendar': 'events', 'news-feed': 'news' };

const TIMEOUT_MS = 20_000;

export interface Connection {
  /** The server's address as entered and checked: `https://kontakt.example.de`, maybe with a path, no slash at the end. */
  server: string;
  town: string;
  token: string;
}

export interface PublishedVersion {
  version: number;
  etag: string;
  publishedAt: string;
  bytes: number;
  restoredFrom: number | null;
  current?: boolean;
}

/**
 * What went wrong, by what the coordinator can do about it; each is a text of the editor (publish.failure.*).
 *   network: no answer (offline, a wrong address, or the server does not allow this page: CORS)
 */
export type FailureKind = 'network' | 'timeout' | 'unauthorized' | 'off' | 'not-found' | 'conflict' | 'invalid' | 'too-large' | 'server' | 'unexpected';

export class PublishFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly status?: number,
    /** The server's check (422): the validator's problems. */
    readonly problems: readonly FeedProblem[] = [],
    /** The version published meanwhile (412, 428). */
    readonly current?: PublishedVersion,
  ) {
    super(`${kind}${status ? ` (${status})` : ''}`);
  }
}

/** The feed's address on the server: `<server>/towns/<town>/feeds/<name>`. */
export const feedAddress = (connection: Connection, kind: FeedKind) => `${connection.server}/towns/${encodeURIComponent(connection.town)}/feeds/${FEED_NAMES[kind]}`;

async function request(connection: Connection, url: string, options: { method?: 'GET' | 'POST' | 'PUT'; headers?: Record<string, string>; body?: string } = {}): Promise<SendAnswer> {
  try {
    return await send(url, {
      method: options.method ?? 'GET',
      headers: { Authorization: `Bearer ${connection.token}`, ...options.headers },
      ...(options.body !== undefined ? { body: options.body } : {}),
      timeoutMs: TIMEOUT_MS,
    });
  } catch (error) {
    if (error instanceof SendError) throw new PublishFailure(error.kind === 'timeout' ? 'timeout' : 'network');
    throw error;
  }
}

/** The answer's JSON when it is the expected status, else the failure it means. */
function expect<T>(answer: SendAnswer, ...ok: number[]): T {
  if (ok.includes(answer.status)) return answer.json as T;
  const json = (answer.json ?? {}) as { error?: string; problems?: FeedProblem[]; current?: PublishedVersion };
  // A 404 that says so: the town does not publish (its entry has no token hash); any other: no such town or route.
  const kind: FailureKind =
    answer.status === 401 ? 'unauthorized'
    : answer.status === 404 ? json.error?.startsWith('publishing is off') ? 'off' : 'not-found'
    : answer.status === 412 || answer.status === 428 ? 'conflict'
    : answer.status === 422 ? 'invalid'
    : answer.status === 413 ? 'too-large'
    : answer.status >= 500 ? 'server'
    : 'unexpected';
  throw new PublishFailure(kind, answer.status, json.problems ?? [], json.current ?? undefined);
}

/** The versions kept, newest (the published one) first. */
export async function listVersions(connection: Connection, kind: FeedKind): Promise<PublishedVersion[]> {
  return expect<{ versions: PublishedVersion[] }>(await request(connection, `${feedAddress(connection, kind)}/versions`), 200).versions;
}

/** One version with its text. */
export async function readVersion(connection: Connection, kind: FeedKind, version: number): Promise<PublishedVersion & { text: string }> {
  return expect(await request(connection, `${feedAddress(connection, kind)}/versions/${version}`), 200);
}

/** Publishes the text over the version seen (none: nothing is published yet). */
export async function publishFeed(connection: Connection, kind: FeedKind, text: string, seen: PublishedVersion | undefined): Promise<PublishedVersion & { warnings: FeedProblem[] }> {
  const answer = await request(connection, feedAddress(connection, kind), {
    method: 'PUT',
    headers: { 'Content-Type': 'application/feed+json; charset=utf-8', ...(seen ? { 'If-Match': seen.etag } : {}) },
    body: text,
  });
  return expect(answer, 200, 201);
}

/** Publishes version `version` again, over the current one. */
export async function restoreVersion(connection: Connection, kind: FeedKind, version: number, current: PublishedVersion): Promise<PublishedVersion> {
  return expect(await request(connection, `${feedAddress(connection, kind)}/versions/${version}/restore`, { method: 'POST', headers: { 'If-Match': current.etag } }), 201);
}
