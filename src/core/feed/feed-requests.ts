import { singleton } from '../singleton.js';
import { fetchBytes, type FetchTextOptions } from './fetch-body.js';
import type { FeedDocument } from './types.js';
import { nowMs } from '../clock.js';

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

/** Forgets a URL so the next load asks the server again (the retry button). */
export function forgetFeed(url: string): void {
  requests.delete(url);
}

function start(url: string, options: LoadOptions): SharedRequest {
  const controller = new AbortController();
  const request = { controller, waiting: 0, settled: false, loadedAt: 0 } as SharedRequest;
  // The decoder, the parser and the JSON Feed schema are first needed when the feed has arrived, so they are not
  // part of the widget's first download: they load while the feed is in flight. The validator is asked for beside
  // the parser, which imports it: otherwise it is requested only once the parser has arrived, one round trip later.
  const parser = import('./parse.js');
  request.result = Promise.all([fetchBytes(url, { ...options, signal: controller.signal }), parser, import('../validate.js')])
    .then(([{ bytes, contentType }, { decodeFeedBytes, parseFeed }]) => parseFeed(decodeFeedBytes(bytes, contentType), url))
    .finally(() => {
      request.settled = true;
      request.loadedAt = nowMs();
    });
  // A failed request is not reused: the next widget or the retry button asks again.
  request.result.catch(() => {
    if (requests.get(url) === request) requests.delete(url);
  });
  requests.set(url, request);
  return request;
}
