import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { emit } from '../../core/events.js';
import type { I18nController, Translations } from '../../core/i18n.js';
import { logError } from '../../core/log.js';
import de from '../../locales/de/contact-sending.json';
import type { KprContact } from './contact.js';
import type { ContactDraft, FieldError, TopicOption } from './contact.types.js';
import type { ProofOfWork } from './proof-of-work.js';
import { contractBody, mailtoLink, NO_ENDPOINT, sendJson, sendOpen311, type SendOutcome } from './submit.js';
import { validateDraft } from './validation.js';

/** The texts of checking and sending: the error messages, the thanks and what went wrong. */
const TEXTS: Translations = {
  name: 'contact-sending',
  de,
  load: {
    en: () => import('../../locales/en/contact-sending.json'),
    cs: () => import('../../locales/cs/contact-sending.json'),
    pl: () => import('../../locales/pl/contact-sending.json'),
    uk: () => import('../../locales/uk/contact-sending.json'),
    ar: () => import('../../locales/ar/contact-sending.json'),
    ls: () => import('../../locales/ls/contact-sending.json'),
  },
};

export type SendStatus = 'editing' | 'sending' | 'sent' | 'failed';

/** What the form lends its sender: its settings (the element's attributes), its texts and the resident's draft. */
export interface ContactForm {
  host: KprContact;
  i18n: I18nController;
  draft(): ContactDraft;
  topics(): TopicOption[];
  proofOfWork(): Promise<ProofOfWork> | undefined;
  /** Milliseconds since the form was shown, or since the last message arrived. */
  fillMs(): number;
  /** The message has arrived: the form starts empty. */
  sent(): void;
}

/** Loads the sender and its texts in the form's language; the form loads it when a resident starts on it. */
export async function createSender(form: ContactForm): Promise<Sender> {
  await form.i18n.addTexts(TEXTS);
  return new Sender(form);
}

/**
 * Checks a resident's message, sends it and says how it went: the part of `<kpr-contact>` that is needed only once
 * a resident starts on the form, so it is not in the form's first download. The text stays until the message has
 * arrived; a retry of the same text carries the same idempotency key.
 */
export class Sender implements ReactiveController {
  status: SendStatus = 'editing';
  errors: readonly FieldError[] = [];
  /** The thanks, or what went wrong, in the resident's language. */
  result = '';
  /** The endpoint's reference for the message, or the `mailto:` link handed to the mail program. */
  reference?: string;
  /** The idempotency key and the body it was made for: a retry of the same text reuses it. */
  private attempt?: { key: string; body: string };
  private focusAfterUpdate?: 'summary' | 'result';

  constructor(private readonly form: ContactForm) {
    form.host.addController(this);
  }

  hostUpdated(): void {
    const target = this.focusAfterUpdate === 'summary' ? '[part="error-summary"]' : this.focusAfterUpdate === 'result' ? '[part="result"]' : '';
    this.focusAfterUpdate = undefined;
    if (target) this.form.host.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  /** The problems found when the resident pressed send, each a link to its field; the summary takes the focus. */
  renderSummary(): TemplateResult | typeof nothing {
    if (!this.errors.length) return nothing;
    const { i18n } = this.form;
    return html`<div class="error-summary" part="error-summary" tabindex="-1" role="group" aria-labelledby="summary-title">
      <h2 id="summary-title">${i18n.t('contact.errorSummary')}</h2>
      <ul>${this.errors.map((error) => html`<li><a href="#field-${error.field}" @click=${this.jumpToField}>${i18n.t(`contact.errors.${error.key}`, error.values)}</a></li>`)}</ul>
    </div>`;
  }

  /** The resident changed the form: thanks for the last message give way to the new one. */
  edited(): void {
    if (this.status === 'sent') this.show('editing');
  }

  async send(): Promise<void> {
    if (this.status === 'sending') return; // a double click sends once
    const { host } = this.form;
    const draft = this.form.draft();
    this.errors = validateDraft(draft);
    if (this.errors.length) {
      this.focusAfterUpdate = 'summary';
      this.show(this.status);
      return;
    }
    this.result = '';
    this.show('sending');
    if (host.mode === 'mailto') return this.finish({ sent: true, reference: this.mailtoUrl(draft) });
    if (!host.endpoint) return this.finish(NO_ENDPOINT);
    const timeoutMs = (host.timeout > 0 ? host.timeout : 15) * 1000;
    this.finish(host.mode === 'open311' ? await sendOpen311(host.endpoint, draft, host.serviceCode, host.apiKey, timeoutMs) : await this.sendContract(draft, timeoutMs));
  }

  private async sendContract(draft: ContactDraft, timeoutMs: number): Promise<SendOutcome> {
    const body = contractBody(draft, this.form.fillMs(), this.form.i18n.language);
    const text = JSON.stringify({ ...body, fillMs: 0 });
    if (this.attempt?.body !== text) this.attempt = { key: crypto.randomUUID(), body: text };
    const proofOfWork = this.form.proofOfWork();
    if (proofOfWork) {
      try {
        body.altcha = await (await proofOfWork).take();
      } catch (error) {
        return { sent: false, reason: 'network', detail: String((error as Error).message ?? error) };
      }
    }
    return sendJson(this.form.host.endpoint, body, this.attempt.key, timeoutMs);
  }

  private mailtoUrl(draft: ContactDraft): string {
    const t = (key: string) => this.form.i18n.t(key);
    const topic = this.form.topics().find((option) => option.id === draft.topic);
    const lines = [draft.message.trim(), '', ...[[t('contact.place'), draft.place], [t('contact.name'), draft.name], [t('contact.phone'), draft.phone]].filter(([, value]) => value?.trim()).map(([label, value]) => `${label} ${value!.trim()}`)];
    return mailtoLink(this.form.host.mailto, [t('contact.formLabel'), topic ? topic.label ?? t(`contact.topics.${topic.id}`) : ''].filter(Boolean).join(': '), lines);
  }

  private finish(outcome: SendOutcome): void {
    const { host, i18n } = this.form;
    const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, options);
    this.focusAfterUpdate = 'result';
    if (outcome.sent) {
      this.reference = outcome.reference;
      this.result = host.mode === 'mailto' ? t('contact.mailOpened') : outcome.reference ? t('contact.success', { reference: outcome.reference }) : t('contact.successNoReference');
      if (host.mode === 'mailto') location.href = outcome.reference!;
      this.attempt = undefined;
      this.form.sent();
      this.show('sent');
      emit(host, 'kpr-submit', { mode: host.mode, ...(host.mode !== 'mailto' && outcome.reference ? { reference: outcome.reference } : {}) });
      return;
    }
    const { reason } = outcome;
    // Set up wrongly (no endpoint): a code of its own, and the console names the attribute and the fix.
    const kind = reason === 'config' || reason === 'network' ? reason : 'http';
    const code = kind === 'config' ? 'endpoint-missing' : kind === 'network' ? 'network-failed' : 'http-error';
    logError(host, `could not send the message: ${outcome.detail}`, code);
    this.result = reason === 'busy' ? t('contact.tooMany', { minutes: Math.max(1, Math.ceil((outcome.retryAfter ?? 60) / 60)) }) : t(reason === 'rejected' ? 'contact.rejected' : kind === 'config' ? 'contact.notConfigured' : 'contact.failed');
    this.show('failed');
    emit(host, 'kpr-error', { url: host.endpoint, kind, code, message: outcome.detail });
  }

  private readonly jumpToField = (event: Event): void => {
    event.preventDefault();
    const id = (event.currentTarget as HTMLAnchorElement).hash.slice(1);
    this.form.host.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  };

  private show(status: SendStatus): void {
    this.status = status;
    this.form.host.requestUpdate();
  }
}
