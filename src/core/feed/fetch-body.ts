import { FeedError } from './feed-error.js';

export interface FetchTextOptions {
  signal: AbortSignal;
  timeoutMs: number;
  maxBytes: number;
  /** Base delay before the single retry; jitter is added so many widgets do not retry in lockstep. */
  retryDelayMs: number;
  /**
   * Request headers a caller on a server adds: the bridge's User-Agent, the validator's Origin (browsers set both
   * themselves and ignore these).
   */
  headers?: Record<string, string>;
  /** Called with the answer's headers, for the validator's CORS check on the same request. */
  onHeaders?: (headers: Headers) => void;
}

const ACCEPT =
  'application/feed+json, application/json;q=0.9, application/rss+xml, application/atom+xml, text/xml;q=0.8, */*;q=0.1';

/** A feed's body as it came, and the Content-Type to decode it by (`decodeFeedBytes`). */
export interface FeedBytes {
  bytes: Uint8Array;
  contentType: string | null;
}

/**
 * Fetches a feed's bytes. One retry with backoff on network errors and 5xx; a timeout covers the whole transfer,
 * body included; the body is counted while it streams so a huge feed (a cross-origin gzip bomb too) is cut off early.
 * The widgets decode the bytes in the parser's chunk, which loads while the feed is in flight, so the decoder is not
 * part of their first download; `fetchText` (`fetch-text.ts`) does both, for the editor and Node.
 */
export async function fetchBytes(url: string, options: FetchTextOptions): Promise<FeedBytes> {
  try {
    return await attempt(url, options);
  } catch (error) {
    if (!(error instanceof FeedError) || !error.retryable || options.signal.aborted) throw error;
    await wait(options.retryDelayMs * (1 + Math.random() / 2), options.signal);
    return attempt(url, options);
  }
}

async function attempt(url: string, { signal, timeoutMs, maxBytes, headers, onHeaders }: FetchTextOptions): Promise<FeedBytes> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = AbortSignal.any([signal, timeout]);
  const failure = (error: unknown): Error => {
    if (signal.aborted) return signal.reason as Error;
    if (timeout.aborted) return new FeedError('timeout', url, `no complete answer within ${timeoutMs / 1000} s`);
    if (error instanceof FeedError) return error;
    // Node names the cause (ECONNREFUSED, ENOTFOUND, a certificate's); browsers give none, and CORS is likeliest.
    const code = (error as { cause?: { code?: string } }).cause?.code;
    return new FeedError('network', url, code ? `request failed: ${code} (${new URL(url).host})` : `request failed (offline, blocked by CORS or a wrong host?): ${String(error)}`);
  };
  try {
    const response = await fetch(url, { signal: combined, credentials: 'omit', headers: { Accept: ACCEPT, ...headers } });
    onHeaders?.(response.headers);
    if (!response.ok) {
      void response.body?.cancel();
      throw new FeedError('http', url, `HTTP ${response.status} ${response.statusText}`.trim(), response.status);
    }
    const declared = Number(response.headers.get('content-length'));
    if (declared > maxBytes) {
      void response.body?.cancel();
      throw tooLarge(url, maxBytes);
    }
    return { bytes: await readLimited(response, maxBytes, url, combined), contentType: response.headers.get('content-type') };
  } catch (error) {
    throw failure(error);
  }
}

async function readLimited(response: Response, maxBytes: number, url: string, signal: AbortSignal): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  // WebKit does not end a pending read when the fetch is aborted after the headers came: a feed that arrives a
  // byte a second would keep the widget loading for ever. So the abort ends the read here, and hangs up.
  const aborted = new Promise<never>((_, reject) => {
    const stop = () => {
      // Rejected before the cancel: cancelling ends the pending read as if the body were complete.
      reject(signal.reason as Error);
      void reader.cancel(signal.reason).catch(() => {});
    };
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
  aborted.catch(() => {}); // raced below; unhandled only when the body ended first
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await Promise.race([reader.read(), aborted]);
    if (signal.aborted) throw signal.reason as Error; // a cut-off body is never taken for the whole feed
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      void reader.cancel();
      throw tooLarge(url, maxBytes);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(url: string, maxBytes: number): FeedError {
  return new FeedError('too-large', url, `the feed is larger than the limit of ${(maxBytes / 1e6).toFixed(1)} MB`);
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    }, { once: true });
  });
}
