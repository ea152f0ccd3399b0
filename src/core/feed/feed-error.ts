export type FeedErrorKind =
  | 'config' // the element is set up wrongly (no src)
  | 'network' // the request failed: offline, DNS, CORS
  | 'timeout'
  | 'http' // the server answered with an error status
  | 'too-large'
  | 'parse' // the body is not valid JSON or XML
  | 'format' // valid JSON or XML, but not a feed we read
  | 'invalid'; // a feed whose items all failed validation

/** Why a feed could not be used. The message is for the webmaster's console, in English, never for residents. */
export class FeedError extends Error {
  constructor(
    readonly kind: FeedErrorKind,
    readonly url: string,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'FeedError';
  }

  /** Network failures and server errors may pass; everything else will fail the same way again. */
  get retryable(): boolean {
    return this.kind === 'network' || (this.kind === 'http' && (this.status ?? 0) >= 500);
  }
}
