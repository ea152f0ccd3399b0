import { singleton } from '../singleton.js';
import { fetchBytes, type FetchTextOptions } from './fetch-body.js';
import type { FeedDocument } from './types.js';
import { nowMs } from '../clock.js';
import { loadOnce } from '../load-once.js';

interface SharedRequest {
  /** The answer while it is on its way (and an offered text's for good); once read, `kept` holds the document. */
  result?: Promise<FeedDocument>;
  /** Aborts the underlying fetch; used only when no widget waits any more. */
  controller: AbortController;
  waiting: number;
  settled: boolean;
  loadedAt: number;
  /**
   * The document once read, held weakly: the page keeps it for widgets that ask later while one that shows it is
   * still there, and not beyond. A page that shows feeds one after another (a single-page app, the benchmark's
   * fresh URL per run) would otherwise keep every feed it ever read, for minutes, and pay for them in every GC.
   */
  kept?: WeakRef<FeedDocument>;
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
  let request = requests.get(url);
  let answer = request && answerOf(request);
  if (!request || !answer) {
    request = start(url, options);
    answer = request.result!;
  }
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
    answer.then(
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
  share(url, loadReading().then(({ parseFeed }) => parseFeed(text, url)), new AbortController(), { offered: true });
}

/** Forgets a URL so the next load asks the server again (the retry button). */
export function forgetFeed(url: string): void {
  requests.delete(url);
}

/** The answer another widget can share: one on its way, or one read not long ago whose document a widget still holds. */
function answerOf(request: SharedRequest): Promise<FeedDocument> | undefined {
  if (request.settled && nowMs() - request.loadedAt > REUSE_MS) return undefined;
  if (!request.kept) return request.result;
  const document = request.kept.deref();
  return document && Promise.resolve(document);
}

function start(url: string, options: LoadOptions): SharedRequest {
  // Forget the answers nobody can use any more, so that the page does not collect URLs for ever.
  for (const [key, request] of requests) if (!answerOf(request)) requests.delete(key);
  const controller = new AbortController();
  const result = Promise.all([fetchBytes(url, { ...options, signal: controller.signal }), loadReading()])
    .then(([{ bytes, contentType }, { decodeFeedBytes, parseFeed }]) => parseFeed(decodeFeedBytes(bytes, contentType), url));
  return share(url, result, controller);
}

/**
 * The request for `url` that every widget asking for it shares, until it fails or grows old, or no widget holds its
 * document any more. An offered text (`offered`) is kept as it is, failure included, until `forgetFeed`.
 */
function share(url: string, result: Promise<FeedDocument>, controller: AbortController, { offered = false } = {}): SharedRequest {
  const request = { controller, waiting: 0, settled: false, loadedAt: 0 } as SharedRequest;
  request.result = result.finally(() => {
    request.settled = true;
    request.loadedAt = nowMs();
  });
  request.result.then(
    (document) => {
      if (offered) return;
      request.kept = new WeakRef(document);
      request.result = undefined;
    },
    // A failed request is not reused: the next widget or the retry button asks again.
    () => {
      if (!offered && requests.get(url) === request) requests.delete(url);
    },
  );
  requests.set(url, request);
  return request;
}
