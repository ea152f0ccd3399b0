import type { FeedErrorKind } from './feed/feed-error.js';
import type { ProblemCode } from './feed/problems.js';

/** `kpr-load`: the widget has rendered its feeds. */
export interface KprLoadDetail {
  /** How many items the widget can show after validation, merging and filtering by date. */
  items: number;
  /** The feed URLs that answered. */
  sources: string[];
  /** How many items were skipped because they were invalid (the console says why). */
  skipped: number;
}

/** `kpr-error`: a feed could not be loaded or used. Fired once per failing URL. */
export interface KprErrorDetail {
  url: string;
  kind: FeedErrorKind;
  /**
   * What went wrong, stably (docs/problem-codes.md): `html-page`, `http-error`, `no-valid-items`, … A page may act
   * on it; `message` is English for the console and may be reworded.
   */
  code: ProblemCode;
  status?: number;
  message: string;
}

/** `kpr-submit`: a resident's message has arrived (or, in `mailto` mode, was handed to their mail program). */
export interface KprSubmitDetail {
  mode: 'json' | 'open311' | 'mailto';
  /** The endpoint's reference for the message, when it gave one. */
  reference?: string;
}

declare global {
  interface HTMLElementEventMap {
    'kpr-load': CustomEvent<KprLoadDetail>;
    'kpr-error': CustomEvent<KprErrorDetail>;
    'kpr-submit': CustomEvent<KprSubmitDetail>;
  }
}

/** Widget events bubble and cross shadow roots, so a page can listen on `document`. */
export function emit<K extends 'kpr-load' | 'kpr-error' | 'kpr-submit'>(
  host: HTMLElement,
  name: K,
  detail: HTMLElementEventMap[K]['detail'],
): void {
  host.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}
