import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { formatNumber } from '../../core/format.js';
import { I18nController, type Translations } from '../../core/i18n.js';
import { logWarning } from '../../core/log.js';
import { renderWhenNear } from '../../core/render-when-near.js';
import { rich } from '../../core/rich-text.js';
import { baseStyles } from '../../core/styles.js';
import { safeLink } from '../../core/urls.js';
import de from '../../locales/de/contact.json';
import { contactStyles } from './contact.styles.js';
import { DEFAULT_TOPICS, EMPTY_DRAFT, MAX_LENGTH, type ContactDraft, type ContactMode, type FieldName, type TopicOption } from './contact.types.js';
import { DraftStore } from './draft.js';
import { describedBy, renderField } from './fields.js';
import type { ProofOfWork } from './proof-of-work.js';
import type { Sender } from './sender.js';

const TRANSLATIONS: Translations = {
  name: 'contact',
  de,
  load: {
    en: () => import('../../locales/en/contact.json'),
    cs: () => import('../../locales/cs/contact.json'),
    pl: () => import('../../locales/pl/contact.json'),
    uk: () => import('../../locales/uk/contact.json'),
    ar: () => import('../../locales/ar/contact.json'),
    ls: () => import('../../locales/ls/contact.json'),
  },
};
const ONLINE_POLICE_STATION = 'https://www.polizei.sachsen.de/onlinewache/';

/**
 * @tagname kpr-contact
 * @summary A form to reach the prevention council that never loses what a resident typed.
 *
 * @slot - Fallback content, shown until the form comes near the screen and is drawn (say, the KPR's e-mail address).
 * @slot notice - Replaces the built-in notice on where emergencies, crimes and parking go.
 *
 * @event kpr-submit - The message has arrived (or went to the mail program). `detail`: `{ mode, reference }`.
 * @event kpr-error - The message could not be sent. `detail`: `{ url, kind, code, status, message }`; `code` is `network-failed`, `http-error`, or `endpoint-missing` (kind `config`) for a form without `endpoint`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart notice - The notice before the form.
 * @csspart form - The form.
 * @csspart error-summary - The list of problems shown after sending failed validation.
 * @csspart submit-button - The send button.
 * @csspart result - The message after sending: thanks with the reference, or what went wrong.
 *
 * @cssprop --kpr-contact-max-width - The widest the form gets. Default: `40rem`.
 * @cssprop --kpr-color-error - Error messages and invalid fields. Default: a dark red.
 * @cssprop --kpr-color-primary - Buttons, progress bars, charts, chips and other highlights; links too, unless `--kpr-color-link` is set. Default: `#00508c`, or `#9cc9f5` in dark mode.
 * @cssprop --kpr-color-on-primary - Text on buttons in the primary colour. Default: white, or `#0b1d2e` in dark mode.
 * @cssprop --kpr-color-link - Links. Default: the primary colour.
 * @cssprop --kpr-color-focus - The outline around whatever has the keyboard focus. Default: `#00508c`, or `#9cc9f5` in dark mode.
 * @cssprop --kpr-color-text - Text. Default: inherited from the page.
 * @cssprop --kpr-color-text-muted - Secondary text: dates, hints, sources. Default: inherited from the page.
 * @cssprop --kpr-color-surface - Background of cards, tips, fields and panels. Default: transparent.
 * @cssprop --kpr-color-border - Borders and dividing lines. Default: `#767676`, or `#9a9a9a` in dark mode.
 * @cssprop --kpr-radius - Corner radius of buttons, cards and fields. Default: `0.375rem`.
 * @cssprop --kpr-space-xs - The smallest spacing step. Default: `0.25rem`.
 * @cssprop --kpr-space-s - The small spacing step. Default: `0.5rem`.
 * @cssprop --kpr-space-m - The middle spacing step. Default: `1rem`.
 * @cssprop --kpr-space-l - The large spacing step, between sections. Default: `1.5rem`.
 * @cssprop --kpr-font-family - The font. Default: inherited from the page.
 * @cssprop --kpr-line-height - Line height. Default: `1.5`.
 */
export class KprContact extends LitElement {
  static override styles = [baseStyles, contactStyles];

  static override properties = {
    endpoint: { type: String },
    mode: { type: String },
    mailto: { type: String },
    privacyUrl: { type: String, attribute: 'privacy-url' },
    topics: { type: String },
    serviceCode: { type: String, attribute: 'service-code' },
    apiKey: { type: String, attribute: 'api-key' },
    persistDraft: { type: Boolean, attribute: 'persist-draft' },
    challengeUrl: { type: String, attribute: 'challenge-url' },
    timeout: { type: Number },
    eager: { type: Boolean },
    draft: { state: true },
  };

  /** Where messages are posted: our contract (`mode="json"`) or an Open311 `requests.json` (`mode="open311"`). */
  declare endpoint: string;
  declare mode: ContactMode;
  /** The address for `mode="mailto"`. */
  declare mailto: string;
  /** The privacy notice the consent links to. */
  declare privacyUrl: string;
  /** The topics to choose from: a JSON list of ids or of `{ "id", "label" }`; the survey's topics by default. */
  declare topics: string;
  /** Open311: the service code requests are filed under, and the API key if the system needs one. */
  declare serviceCode: string;
  declare apiKey: string;
  /** Keep the draft over a reload in `sessionStorage` (needs a reason under TDDDG § 25; see the docs). */
  declare persistDraft: boolean;
  /** Where the endpoint issues ALTCHA challenges: messages then carry an invisible proof of work. */
  declare challengeUrl: string;
  /** Seconds until sending is given up. */
  declare timeout: number;
  /** Draw the form at once instead of when it comes near the viewport (read when the form joins the page). */
  declare eager: boolean;
  private declare draft: ContactDraft;

  private readonly i18n = new I18nController(this, TRANSLATIONS);
  /** When the form was drawn (and after each message sent): how long filling it took goes along with the message. */
  private shownAt = 0;
  private store?: DraftStore;
  /**
   * Checking and sending, with the texts of errors and outcomes (sender.ts): loaded when the resident starts on the
   * form (or presses send), not part of its first download.
   */
  private sender?: Sender;
  private senderLoading?: Promise<Sender>;
  private proofOfWork?: Promise<ProofOfWork>;
  /** The count read out to screen readers: only once typing pauses, not at every key. */
  private spokenCount = '';
  private countTimer?: ReturnType<typeof setTimeout>;

  constructor() {
    super();
    Object.assign(this, { endpoint: '', mode: 'json', mailto: '', privacyUrl: '', topics: '', serviceCode: '', apiKey: '', persistDraft: false, challengeUrl: '', timeout: 15, eager: false });
    this.draft = { ...EMPTY_DRAFT };
    // A contact form is mostly at the foot of a page: until the resident scrolls near it, it costs the page's
    // start-up nothing, and the page shows the webmaster's fallback content (say, the KPR's e-mail address).
    renderWhenNear(this);
  }

  protected override willUpdate(changed: PropertyValues): void {
    // The consent names the "Datenschutzhinweis"; without privacy-url it cannot link to it, which residents cannot
    // see is missing. The webmaster learns it here (the builder asks for the address as well).
    if (changed.has('privacyUrl') && !safeLink(this.privacyUrl, location.href)) {
      logWarning(this, 'has no privacy-url (an http(s) address), so the consent text names the privacy notice without a link to it; add privacy-url="https://…/datenschutz/"');
    }
    if (changed.has('challengeUrl')) {
      const url = this.challengeUrl.trim() ? safeLink(this.challengeUrl, location.href) : undefined;
      this.proofOfWork = undefined;
      // Loaded only for forms with a challenge; solving starts when the resident starts on the form.
      if (url) this.proofOfWork = import('./proof-of-work.js').then(({ ProofOfWork }) => new ProofOfWork(url, 15_000));
    }
    if (changed.has('persistDraft') || changed.has('endpoint')) {
      this.store = this.persistDraft ? new DraftStore(`asskomm-widgets:contact-draft:${location.pathname}:${this.endpoint || this.mailto}`) : undefined;
      const stored = this.store?.load();
      if (stored) this.draft = stored;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.countTimer);
  }

  protected override firstUpdated(): void {
    this.shownAt = performance.now();
  }

  private topicOptions(): TopicOption[] {
    if (!this.topics.trim()) return DEFAULT_TOPICS.map((id) => ({ id }));
    try {
      const list = JSON.parse(this.topics) as (string | TopicOption)[];
      return list.map((entry) => (typeof entry === 'string' ? { id: entry, label: this.i18n.t(`contact.topics.${entry}`, { defaultValue: entry }) } : entry));
    } catch {
      logWarning(this, `topics is not a JSON list such as ["graffiti", {"id": "spielplatz", "label": "Spielplatz"}]; using the default topics`);
      return DEFAULT_TOPICS.map((id) => ({ id }));
    }
  }

  protected override render(): TemplateResult {
    const t = (key: string, options?: Record<string, unknown>) => this.i18n.t(key, options);
    const { draft } = this;
    const errors = this.sender?.errors ?? [];
    const errorOf = (field: FieldName) => errors.find((error) => error.field === field);
    const field = (name: FieldName, control: TemplateResult, options: { label?: TemplateResult | string; hint?: string; required?: boolean; after?: TemplateResult } = {}) =>
      renderField({ name, label: options.label ?? t(`contact.${name}`), hint: options.hint, required: options.required, error: errorOf(name), after: options.after, i18n: this.i18n }, control);
    const input = (name: 'place' | 'name' | 'email' | 'phone', type: string, autocomplete: string) =>
      html`<input id="field-${name}" name=${name} type=${type} autocomplete=${autocomplete} .value=${draft[name]} maxlength=${MAX_LENGTH[name]}
        aria-invalid=${errorOf(name) ? 'true' : 'false'} aria-describedby=${describedBy(name, { hint: name === 'place', error: errorOf(name) })} @input=${this.edit} />`;
    const privacy = safeLink(this.privacyUrl, location.href);
    const left = MAX_LENGTH.message - draft.message.length;
    const count = t(left >= 0 ? 'contact.charactersLeft' : 'contact.charactersOver', { count: Math.abs(left), formatted: formatNumber(Math.abs(left), this.i18n.locale) });
    const sending = this.sender?.status === 'sending';
    return html`<div part="base" class="base" lang=${this.i18n.language} dir=${this.i18n.dir}>
      <div class="notice" part="notice"><slot name="notice">${this.renderNotice()}</slot></div>
      ${this.renderResult()}
      ${this.sender?.renderSummary() ?? nothing}
      <form part="form" novalidate aria-label=${t('contact.formLabel')} @submit=${this.submit} @focusin=${this.started}>
        ${field('topic', html`<select id="field-topic" name="topic" @change=${this.edit}>
          <option value="" ?selected=${!draft.topic}>${t('contact.chooseTopic')}</option>
          ${this.topicOptions().map(({ id, label }) => html`<option value=${id} ?selected=${draft.topic === id}>${label ?? t(`contact.topics.${id}`, { defaultValue: id })}</option>`)}
        </select>`)}
        ${field('message', html`<textarea id="field-message" name="message" rows="6" .value=${draft.message} aria-invalid=${errorOf('message') ? 'true' : 'false'}
          aria-describedby=${describedBy('message', { hint: true, error: errorOf('message'), count: true })} @input=${this.edit}></textarea>`, {
          hint: t('contact.messageHint'), required: true,
          after: html`<p class="count ${left < 0 ? 'over' : ''}" id="count-message">${count}</p><p class="visually-hidden" aria-live="polite">${this.spokenCount}</p>`,
        })}
        ${field('place', input('place', 'text', 'off'), { hint: t('contact.placeHint') })}
        <p class="anonymous">${t('contact.anonymous')}</p>
        ${field('name', input('name', 'text', 'name'))}
        ${field('wantsAnswer', html`<input id="field-wantsAnswer" name="wantsAnswer" type="checkbox" .checked=${draft.wantsAnswer} aria-describedby="hint-wantsAnswer" @change=${this.edit} />`, { hint: t('contact.wantsAnswerHint') })}
        ${field('email', input('email', 'email', 'email'), { required: draft.wantsAnswer && !draft.phone.trim() })}
        ${field('phone', input('phone', 'tel', 'tel'), { required: draft.wantsAnswer && !draft.email.trim() })}
        ${field('consent', html`<input id="field-consent" name="consent" type="checkbox" .checked=${draft.consent} aria-invalid=${errorOf('consent') ? 'true' : 'false'}
          aria-describedby=${describedBy('consent', { error: errorOf('consent') })} @change=${this.edit} />`, {
          label: rich(t('contact.consent'), (text) => (privacy ? html`<a href=${privacy} target="_blank" rel="noopener">${text}</a>` : html`${text}`)),
          required: true,
        })}
        <div class="hp" aria-hidden="true">
          <label>${t('contact.honeypot')}<input name="kpr-website" tabindex="-1" autocomplete="off" data-1p-ignore data-lpignore="true" data-form-type="other" .value=${draft.website} @input=${this.edit} /></label>
        </div>
        <button type="submit" class="button" part="submit-button" aria-disabled=${sending}>${t(sending ? 'contact.sending' : 'contact.send')}</button>
      </form>
    </div>`;
  }

  private renderNotice(): TemplateResult {
    const t = (key: string) => this.i18n.t(key);
    return html`<h2 class="notice-title">${t('contact.noticeTitle')}</h2>
      <ul>
        <li>${rich(t('contact.emergency'), (text) => html`<a href="tel:110">${text}</a>`)}</li>
        <li>${rich(t('contact.crime'), (text) => html`<a href=${ONLINE_POLICE_STATION} rel="noopener noreferrer">${text}</a>`)}</li>
        <li>${t('contact.office')}</li>
        <li>${t('contact.kpr')}</li>
      </ul>
      <p><strong>${t('contact.noNames')}</strong></p>`;
  }

  /** Thanks in a status region, failures in an alert region: both always present, so their changes are read out. */
  private renderResult(): TemplateResult {
    const { status = 'editing', result = '', reference } = this.sender ?? {};
    const failed = status === 'failed';
    return html`<div class="result ${status}" part="result" tabindex="-1">
      <div role="status">${status === 'sent' ? html`<p>${result}</p>` : nothing}</div>
      <div role="alert">${failed ? html`<p>${result}</p>` : nothing}</div>
      ${failed ? html`<button type="button" class="button" @click=${this.submit}>${this.i18n.t('contact.retry')}</button>` : nothing}
      ${status === 'sent' && this.mode === 'mailto' && reference ? html`<p><a href=${reference}>${this.mailto}</a></p>` : nothing}
    </div>`;
  }

  private readonly edit = (event: Event): void => {
    const control = event.target as HTMLInputElement;
    const field = (control.name === 'kpr-website' ? 'website' : control.name) as keyof ContactDraft;
    this.draft = { ...this.draft, [field]: control.type === 'checkbox' ? control.checked : control.value };
    if (field === 'message') {
      clearTimeout(this.countTimer);
      this.countTimer = setTimeout(() => {
        this.spokenCount = this.renderRoot.querySelector('#count-message')?.textContent ?? '';
        this.requestUpdate();
      }, 1000);
    }
    this.sender?.edited();
    this.store?.save(this.draft);
  };

  /** The resident starts on the form: the proof of work starts, and the code that checks and sends loads. */
  private readonly started = (): void => {
    void this.proofOfWork?.then((work) => work.start());
    void this.loadSender();
  };

  private readonly submit = (event: Event): void => {
    event.preventDefault();
    // Once loaded, a press is handled at once; the first may wait for the chunk (a double click still sends once).
    if (this.sender) void this.sender.send();
    else void this.loadSender().then((sender) => sender.send());
  };

  private loadSender(): Promise<Sender> {
    this.senderLoading ??= import('./sender.js').then(({ createSender }) =>
      createSender({
        host: this,
        i18n: this.i18n,
        draft: () => this.draft,
        topics: () => this.topicOptions(),
        proofOfWork: () => this.proofOfWork,
        fillMs: () => performance.now() - this.shownAt,
        sent: () => {
          this.draft = { ...EMPTY_DRAFT };
          this.store?.clear();
          this.shownAt = performance.now();
        },
      }).then((sender) => (this.sender = sender)),
    ).catch((error: unknown) => {
      this.senderLoading = undefined; // offline for a moment: the next focus or press tries again
      throw error;
    });
    return this.senderLoading;
  }
}
