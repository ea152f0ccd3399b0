import { singleton } from '../singleton.js';
import { fetchBytes, type FetchTextOptions } from './fetch-body.js';
import type { FeedDocument } from './types.js';
import { nowMs } from '../clock.js';
import { loadOnce } from '../load-once.js';

interface SharedRequest {
  result: Promise<FeedDocument>;
  /** Aborts the underlying fetch; used only when no widget waits any more. */
  controller: AbortController;
  waiting: number;
  settled: boolean;
  loadedAt: number;
}

export type LoadOptions = Omit<FetchTextOptions, 'signal'>;

/** A parsed feed is reused by widgets that ask within this time, so a page with twenty widgets sends one request. */
const REUSE_MS = 5 * 60 * 1000;

const requests = singleton('feed-requests', () => new Map<string, SharedRequest>());

/**
 * The decoder, the parser and the JSON Feed schema are first needed when a feed has arrived, so they are not part of
 * a widget's first download: they load while the feed is in flight. The validator is asked for beside the parser,
 * which imports it: otherwise it is requested only once the parser has arrived, one round trip later.
 */
const loadReading = loadOnce(() => Promise.all([import('./parse.js'), import('../validate.js')]).then(([reading]) => reading));

/**
 * Loads and parses a feed, sharing one request per URL across every widget on the page (and across two
 * copies of the library). Each caller passes its own signal: aborting it detaches that caller only; the
 * request itself is aborted when the last caller has gone, never while another widget still waits for it.
 */
export function loadFeed(url: string, signal: AbortSignal, options: LoadOptions): Promise<FeedDocument> {
  let shared = requests.get(url);
  if (shared && shared.settled && nowMs() - shared.loadedAt > REUSE_MS) {
    requests.delete(url);
    shared = undefined;
  }
  if (!shared) shared = start(url, options);
  const request = shared;
  request.waiting++;
  return new Promise((resolve, reject) => {
    const leave = () => {
      request.waiting--;
      signal.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      leave();
      if (!request.settled && request.waiting === 0) {
        request.controller.abort(signal.reason);
        if (requests.get(url) === request) requests.delete(url);
      }
      reject(signal.reason as Error);
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    request.result.then(
      (document) => (leave(), resolve(document)),
      (error: unknown) => (leave(), reject(error as Error)),
    );
  });
}

/**
 * A feed the page already holds, as text, for widgets that ask for `url`: they read it from here, without a
 * request. The editor's preview offers each draft under its blob URL (which stays valid, for anything that fetches
 * it): fetching a blob was half of a keystroke's way to the preview. Read as the parser reads a JSON Feed response.
 */
export function offerFeed(url: string, text: string): void {
  // Kept even when it cannot be read: a widget asking later gets the same error, until forgetFeed (the retry button).
  share(url, loadReading().then(({ parseFeed }) => parseFeed(text, url)), new AbortController(), { keepFailure: true });
}

/** Forgets a URL so the next load asks the server again (the retry button). */
export function forgetFeed(url: string): void {
  requests.delete(url);
}

function start(url: string, options: LoadOptions): SharedRequest {
  const controller = new AbortController();
  const result = Promise.all([fetchBytes(url, { ...options, signal: controller.signal }), loadReading()])
    .then(([{ bytes, contentType }, { decodeFeedBytes, parseFeed }]) => parseFeed(decodeFeedBytes(bytes, contentType), url));
  return share(url, result, controller);
}

/** The request for `url` that every widget asking for it shares, until it fails or grows old. */
function share(url: string, result: Promise<FeedDocument>, controller: AbortController, { keepFailure = false } = {}): SharedRequest {
  const request = { controller, waiting: 0, settled: false, loadedAt: 0 } as SharedRequest;
  request.result = result.finally(() => {
    request.settled = true;
    request.loadedAt = nowMs();
  });
  // A failed request is not reused: the next widget or the retry button asks again.
  request.result.catch(() => {
    if (!keepFailure && requests.get(url) === request) requests.delete(url);
  });
  requests.set(url, request);
  return request;
}
