/**
 * Sends what a resident wrote to the endpoint the webmaster configured: the one place a widget posts data.
 * No cookies go with it (`credentials: 'omit'`), and nothing is retried here: the widget decides, because a
 * retry must carry the same idempotency key and the resident should see that it is happening.
 */
export interface SendOptions {
  /** POST by default; the editor publishes with PUT. */
  method?: 'POST' | 'GET' | 'PUT';
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface SendAnswer {
  status: number;
  /** The answer's JSON, or undefined when it was not JSON. */
  json: unknown;
  /** `Retry-After` in seconds, when the server sent one. */
  retryAfter?: number;
}

/** Why nothing came back: no connection (or CORS), or no answer in time. */
export class SendError extends Error {
  constructor(readonly kind: 'network' | 'timeout', readonly url: string, message: string) {
    super(message);
  }
}

export async function send(url: string, { method = 'POST', headers = {}, body, timeoutMs, signal }: SendOptions): Promise<SendAnswer> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { method, headers: { Accept: 'application/json', ...headers }, body, credentials: 'omit', signal: combined });
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (timeout.aborted) throw new SendError('timeout', url, `no answer within ${timeoutMs / 1000} s`);
    throw new SendError('network', url, `request failed (offline, blocked by CORS or a wrong address?): ${String(error)}`);
  }
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  return { status: response.status, json, ...(retryAfter > 0 ? { retryAfter } : {}) };
}
