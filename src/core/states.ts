import { html, type TemplateResult } from 'lit';
import type { FeedError } from './feed/feed-error.js';
import type { I18nController } from './i18n.js';

/** A skeleton in the shape of the content; the spoken text says what is happening. */
export function renderLoading(i18n: I18nController, rows = 3): TemplateResult {
  return html`<div class="status" part="status">
    <span class="visually-hidden">${i18n.t('state.loading')}</span>
    <ul class="skeleton" aria-hidden="true">
      ${Array.from({ length: rows }, () => html`<li><span></span><span></span><span></span></li>`)}
    </ul>
  </div>`;
}

export function renderEmpty(message: string): TemplateResult {
  return html`<div class="status" part="status"><p>${message}</p></div>`;
}

/**
 * A widget set up wrongly (no feed given, or a feed of another kind): a plain sentence in the resident's words, then
 * the webmaster's fallback content, and no retry button, which could not help. The console says what to fix.
 */
export function renderConfigError(message: string): TemplateResult {
  return html`<div class="status" part="status"><p>${message}</p><slot></slot></div>`;
}

/**
 * The error a resident sees: a plain sentence and a retry button, then the webmaster's fallback content
 * (for example a link to the news page). The technical cause is in the console, not here.
 */
export function renderError(i18n: I18nController, onRetry: () => void): TemplateResult {
  return html`<div class="status" part="status">
    <p>${i18n.t('state.error')}</p>
    <button type="button" class="button secondary" part="retry-button" @click=${onRetry}>${i18n.t('state.retry')}</button>
    <slot></slot>
  </div>`;
}

/**
 * What residents see when no feed could be used, chosen by the problems' codes: a failure that may pass (the
 * network, a slow or failing server, a file cut off while it was written) gets the retry button; one that asking
 * again cannot mend (no `src`, a web page or another kind of file instead of a feed, a feed the widget does not
 * read, one too large) a plain sentence without it (`misconfigured`, the widget's own words where it has them).
 * Either way the console names the code and the fix. Every widget chooses by this one rule.
 */
export function renderFailure(i18n: I18nController, errors: readonly Pick<FeedError, 'code'>[], onRetry: () => void, misconfigured = i18n.t('state.misconfigured')): TemplateResult {
  return errors.some(({ code }) => MAY_PASS.test(code)) ? renderError(i18n, onRetry) : renderConfigError(misconfigured);
}

/**
 * The codes of problems that asking again may mend: network-failed, timeout, http-error, and a file cut off while it
 * was written, which cannot be read to its end: json-not-well-formed, xml-not-well-formed, ics-not-readable.
 */
const MAY_PASS = /^(network-failed|timeout|http-error)$|-not-(well-formed|readable)$/;
