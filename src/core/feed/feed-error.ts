import type { ProblemCode } from './problems.js';

export type FeedErrorKind =
  | 'config' // the element is set up wrongly (no src)
  | 'network' // the request failed: offline, DNS, CORS
  | 'timeout'
  | 'http' // the server answered with an error status
  | 'too-large'
  | 'parse' // the body is not valid JSON or XML
  | 'format' // valid JSON or XML, but not a feed we read
  | 'invalid'; // a feed whose items all failed validation

/** The code of each kind where the one who throws names none (the bridge's own errors). */
const CODES: Record<FeedErrorKind, ProblemCode> = {
  config: 'src-missing',
  network: 'network-failed',
  timeout: 'timeout',
  http: 'http-error',
  'too-large': 'too-large',
  parse: 'not-a-feed',
  format: 'not-a-feed',
  invalid: 'no-valid-items',
};

/**
 * Why a feed could not be used. The message is for the webmaster's console, in English, never for residents;
 * `code` says what it is, stably (src/core/feed/problems.ts): the console names it, and the widget chooses by it
 * what residents see.
 */
export class FeedError extends Error {
  readonly code: ProblemCode;

  constructor(
    readonly kind: FeedErrorKind,
    readonly url: string,
    message: string,
    readonly status?: number,
    code?: ProblemCode,
  ) {
    super(message);
    this.name = 'FeedError';
    this.code = code ?? CODES[kind];
  }

  /** Network failures and server errors may pass; everything else will fail the same way again. */
  get retryable(): boolean {
    return this.kind === 'network' || (this.kind === 'http' && (this.status ?? 0) >= 500);
  }
}
