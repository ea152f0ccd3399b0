// <asskomm-embed-builder>: the page where a webmaster puts an embed together (demo/builder.html). It renders into
// the light DOM, so demo/builder.css styles it and its headings belong to the page's outline. The widgets of the
// preview come from the library loaded on the page; this module only creates the element.
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { FeedError } from '../../src/core/feed/feed-error.js';
import { fetchText } from '../../src/core/feed/fetch-text.js';
import { parseUrl } from '../../src/core/urls.js';
import { checkFeed, type FeedReport } from '../../src/validator/check-feed.js';
import {
  attributesOf,
  clampNumber,
  COLOURS,
  fieldValue,
  FIELDS,
  hasFallback,
  initialState,
  isSafeLink,
  isSafeStyleValue,
  LANGUAGE_TAGS,
  previewElementOf,
  RADIUS,
  sampleSource,
  snippetOf,
  sourceAttribute,
  WIDGETS,
  type BuilderState,
  type FallbackTexts,
  type Field,
  type WidgetName,
  missingFields,
} from './model.js';
import { TEXTS, type Texts, type UiLanguage } from './texts.js';

/**
 * What the check panel shows for one source: the validator's report, or why the feed could not be read. The
 * validator's messages are English (like the widgets' console messages) and are marked so.
 */
type Check = { source: string; report: FeedReport } | { source: string; failure: string };
/**
 * Whether an image or a page on this site loads: undefined when it does, else the HTTP status. Read through the
 * widgets' fetchText, stopped at the first byte (an answer over the 0-byte limit is one that loads).
 */
async function probeOnce(url: string, signal: AbortSignal): Promise<string | undefined> {
  try {
    await fetchText(url, { signal, timeoutMs: 5_000, maxBytes: 0, retryDelayMs: 300 });
    return undefined;
  } catch (error) {
    if (signal.aborted) return undefined; // the feed changed: this check no longer counts
    return error instanceof FeedError && error.kind === 'too-large' ? undefined : (error as Error).message;
  }
}

type CheckState = { status: 'none' } | { status: 'nothing' } | { status: 'checking' } | { status: 'done'; checks: Check[] };

export class EmbedBuilder extends LitElement {
  static override properties = {
    ui: { type: String, reflect: true, attribute: 'lang' },
    state: { state: true },
    check: { state: true },
    copyStatus: { state: true },
    dragging: { state: true },
  };

  /** The builder's own language (its `lang` attribute): German, or English. */
  declare ui: UiLanguage;
  declare state: BuilderState;
  declare check: CheckState;
  declare copyStatus: string;
  declare dragging: boolean;

  private preview?: { key: string; element: HTMLElement };
  private checkedKey = '';
  private checkRun = 0;
  private checkAbort?: AbortController;

  constructor() {
    super();
    Object.assign(this, { ui: 'de', state: initialState(), check: { status: 'none' }, copyStatus: '', dragging: false });
  }

  /** Light DOM: the page's stylesheet applies, with no style element of our own (the CSP allows none inline). */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.checkAbort?.abort();
    if (this.state.file) URL.revokeObjectURL(this.state.file.url);
  }

  private get t(): Texts {
    return TEXTS[this.ui] ?? TEXTS.de;
  }

  /**
   * The fallback link's words. The link goes into the town's page, so it follows the widget's language where the
   * builder has texts for it (German for the others, and the builder's own language for "as the page"); the
   * comment that asks for the link is for the webmaster, in the builder's language.
   */
  private get fallbackTexts(): FallbackTexts {
    const { lang, widget } = this.state;
    const linkLanguage: UiLanguage = lang === '' ? this.ui : lang.startsWith('en') ? 'en' : 'de';
    return { link: TEXTS[linkLanguage].fallbackLinks[widget]!, comment: this.t.fallbackComment };
  }

  /** The snippet as it stands: what the copy button copies. */
  get snippet(): string {
    return snippetOf(this.state, this.fallbackTexts);
  }

  /** The element in the preview (for tests and for the page's own scripts). */
  get previewElement(): HTMLElement | undefined {
    return this.preview?.element;
  }

  private change(changes: Partial<BuilderState>): void {
    this.state = { ...this.state, ...changes };
  }

  protected override willUpdate(): void {
    this.refreshPreview();
    this.refreshCheck();
  }

  /** A new element when the widget or an attribute changes; colours are applied to the one there is. */
  private refreshPreview(): void {
    const key = JSON.stringify([this.state.widget, attributesOf(this.state, 'preview'), this.state.fallbackUrl, this.fallbackTexts.link]);
    const hasSource = attributesOf(this.state, 'preview').some(([name]) => name === sourceAttribute(this.state.widget));
    if (!hasSource && this.state.widget !== 'contact') {
      this.preview = undefined;
      return;
    }
    if (this.preview?.key !== key) {
      this.preview = { key, element: previewElementOf(this.state, this.fallbackTexts) };
      return;
    }
    const fresh = previewElementOf(this.state, this.fallbackTexts);
    this.preview.element.style.cssText = '';
    for (const property of [...COLOURS.map((colour) => colour.name), RADIUS]) {
      const value = fresh.style.getPropertyValue(property);
      if (value) this.preview.element.style.setProperty(property, value);
    }
  }

  /** Checks the feed again when what the preview reads has changed. */
  private refreshCheck(): void {
    const { widget, file, source } = this.state;
    const sources = widget === 'contact' ? [] : file ? [file.url] : source.trim().split(/\s+/).filter(Boolean);
    const key = JSON.stringify([widget, sources]);
    if (key === this.checkedKey) return;
    this.checkedKey = key;
    this.checkAbort?.abort();
    if (widget === 'contact') {
      this.check = { status: 'nothing' };
      return;
    }
    if (!sources.length) {
      this.check = { status: 'none' };
      return;
    }
    this.check = { status: 'checking' };
    const run = ++this.checkRun;
    const abort = (this.checkAbort = new AbortController());
    void Promise.all(sources.map((url) => this.checkOne(url, file && url === file.url ? file.name : url, widget, abort.signal))).then((checks) => {
      if (run === this.checkRun) this.check = { status: 'done', checks };
    });
  }

  /** The builder reads the feed itself (a widget never shows why a feed failed in such detail). */
  private async checkOne(url: string, source: string, widget: WidgetName, signal: AbortSignal): Promise<Check> {
    const absolute = parseUrl(url, document.baseURI)?.href;
    if (!absolute) return { source, failure: this.t.invalidAddress };
    let text: string;
    try {
      text = await fetchText(absolute, { signal, timeoutMs: 10_000, maxBytes: 5_000_000, retryDelayMs: 500 });
    } catch (error) {
      return { source, failure: this.failureOf(error, absolute) };
    }
    // The validator resolves the feed's relative links against its address, as the widget does; a file has none.
    // A feed on this page's own site has its images and links there asked for too: cheap, and no CORS in the way.
    const probe = new URL(absolute).origin === location.origin ? (target: string) => probeOnce(target, signal) : undefined;
    return { source, report: await checkFeed(text, { source: url.startsWith('blob:') ? source : absolute, widget, ...(probe ? { probe } : {}) }) };
  }

  private failureOf(error: unknown, url: string): string {
    const kind = error instanceof FeedError ? error.kind : 'network';
    if (kind === 'http') return this.t.httpStatus(String((error as FeedError).status ?? ''));
    if (kind === 'timeout') return this.t.timeout;
    if (kind === 'too-large') return this.t.tooLarge;
    // A failed fetch does not say why. An http: feed from another site is blocked before CORS matters (mixed
    // content on an https: page; this page's connect-src allows only https:), so that is what to fix first.
    const { protocol, origin } = new URL(url);
    if (protocol === 'http:' && origin !== location.origin) return this.t.insecure;
    // From another site, missing CORS headers are by far the likeliest cause.
    return this.t.cors;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    return html`
      <div class="builder-header">
        <h1>${t.title}</h1>
        <button type="button" class="builder-language" lang=${t.otherLanguageTag} @click=${() => (this.ui = this.ui === 'de' ? 'en' : 'de')}>
          ${t.otherLanguage}
        </button>
      </div>
      <p>${t.intro}</p>
      <div class="builder-columns">
        <form class="builder-settings" aria-label=${t.settings} @submit=${(event: Event) => event.preventDefault()}>
          ${this.renderWidgetChoice()} ${this.renderSource()} ${this.renderAppearance()} ${this.renderColours()}
        </form>
        <div class="builder-results">
          <section>
            <h2 id="builder-preview-heading">${t.previewHeading}</h2>
            <!-- Scrolls when the widget is long, so the feed check stays near; focusable to scroll by keyboard. -->
            <div class="builder-preview" role="region" tabindex="0" aria-labelledby="builder-preview-heading">
              ${this.preview?.element ?? html`<p>${t.previewEmpty}</p>`}
            </div>
          </section>
          ${this.renderCheck()} ${this.renderSnippet()}
        </div>
      </div>
    `;
  }

  private renderWidgetChoice(): TemplateResult {
    return html`<fieldset>
      <legend>${this.t.widgetLegend}</legend>
      ${WIDGETS.map(
        (widget) => html`<div class="builder-choice">
          <input type="radio" name="builder-widget" id="builder-widget-${widget}" value=${widget} .checked=${this.state.widget === widget} @change=${() => this.chooseWidget(widget)} />
          <label for="builder-widget-${widget}">${this.t.widgets[widget]} <code>&lt;kpr-${widget}&gt;</code></label>
        </div>`,
      )}
    </fieldset>`;
  }

  private chooseWidget(widget: WidgetName): void {
    const { source, widget: previous } = this.state;
    // The demo's sample source follows the widget; an address the webmaster typed stays.
    const sampleKept = source === sampleSource(previous) || source === '';
    this.change({ widget, attributes: {}, ...(sampleKept ? { source: sampleSource(widget) } : {}) });
    if (widget === 'contact' && this.state.file) this.removeFile();
  }

  private renderSource(): TemplateResult {
    const t = this.t;
    const contact = this.state.widget === 'contact';
    const { file } = this.state;
    return html`<fieldset>
      <legend>${contact ? t.endpointLegend : t.sourceLegend}</legend>
      <div class="builder-field">
        <label for="builder-source">${contact ? t.endpointLabel : t.sourceLabel}</label>
        <p class="builder-hint" id="builder-source-hint">${contact ? t.endpointHint : t.sourceHint}</p>
        <input
          id="builder-source"
          type="text"
          inputmode="url"
          autocomplete="url"
          spellcheck="false"
          aria-describedby="builder-source-hint"
          .value=${this.state.source}
          ?disabled=${Boolean(file)}
          @change=${(event: Event) => this.change({ source: (event.target as HTMLInputElement).value })}
        />
      </div>
      ${contact
        ? nothing
        : html`<div
              class="builder-drop ${this.dragging ? 'dragging' : ''}"
              @dragover=${(event: DragEvent) => {
                event.preventDefault();
                this.dragging = true;
              }}
              @dragleave=${() => (this.dragging = false)}
              @drop=${(event: DragEvent) => {
                event.preventDefault();
                this.dragging = false;
                const dropped = event.dataTransfer?.files[0];
                if (dropped) this.chooseFile(dropped);
              }}
            >
              <label for="builder-file">${t.fileLabel}</label>
              <p class="builder-hint" id="builder-file-hint">${t.dropHint}</p>
              <input id="builder-file" type="file" accept=".json,.rss,.atom,.xml,.ics,application/json,application/feed+json,application/rss+xml,application/atom+xml,text/calendar" aria-describedby="builder-file-hint" @change=${(event: Event) => {
                const chosen = (event.target as HTMLInputElement).files?.[0];
                if (chosen) this.chooseFile(chosen);
              }} />
            </div>
            ${file
              ? html`<p>${t.fileChosen(file.name)}</p>
                  <div class="builder-field">
                    <label for="builder-upload-path">${t.uploadPathLabel}</label>
                    <p class="builder-hint" id="builder-upload-path-hint">${t.uploadPathHint}</p>
                    <input id="builder-upload-path" type="text" inputmode="url" spellcheck="false" aria-describedby="builder-upload-path-hint" .value=${this.state.uploadPath} @change=${(event: Event) => this.change({ uploadPath: (event.target as HTMLInputElement).value })} />
                  </div>
                  <button type="button" @click=${() => this.removeFile(true)}>${t.removeFile}</button>`
              : nothing}`}
      ${hasFallback(this.state.widget) ? this.renderFallback() : nothing}
    </fieldset>`;
  }

  private renderFallback(): TemplateResult {
    const t = this.t;
    const { fallbackUrl } = this.state;
    const invalid = fallbackUrl.trim() !== '' && !isSafeLink(fallbackUrl);
    return html`<div class="builder-field">
      <label for="builder-fallback">${t.fallbackLabel}</label>
      <p class="builder-hint" id="builder-fallback-hint">${t.fallbackHint}</p>
      <input
        id="builder-fallback"
        type="text"
        inputmode="url"
        spellcheck="false"
        aria-describedby="builder-fallback-hint ${invalid ? 'builder-fallback-error' : ''}"
        aria-invalid=${invalid ? 'true' : 'false'}
        .value=${fallbackUrl}
        @change=${(event: Event) => this.change({ fallbackUrl: (event.target as HTMLInputElement).value })}
      />
      ${invalid ? html`<p class="builder-error" id="builder-fallback-error">${t.fallbackInvalid}</p>` : nothing}
    </div>`;
  }

  /** A local file: the preview reads it through a Blob URL; the snippet names where it will be uploaded. */
  chooseFile(file: File): void {
    if (this.state.file) URL.revokeObjectURL(this.state.file.url);
    this.change({ file: { name: file.name, url: URL.createObjectURL(file) }, uploadPath: `/praevention/${file.name.replace(/[^\w.-]+/g, '-')}` });
  }

  /** Back to the address field; `refocus` when the button that did it disappears with the file. */
  private removeFile(refocus = false): void {
    if (this.state.file) URL.revokeObjectURL(this.state.file.url);
    this.change({ file: undefined, uploadPath: '' });
    const input = this.querySelector<HTMLInputElement>('#builder-file');
    if (input) input.value = '';
    if (refocus) void this.updateComplete.then(() => this.querySelector<HTMLInputElement>('#builder-source')?.focus());
  }

  private renderAppearance(): TemplateResult {
    const t = this.t;
    return html`<fieldset>
      <legend>${t.optionsLegend}</legend>
      <div class="builder-field">
        <label for="builder-lang">${t.langLabel}</label>
        <select id="builder-lang" @change=${(event: Event) => this.change({ lang: (event.target as HTMLSelectElement).value })}>
          ${LANGUAGE_TAGS.map((tag) => html`<option value=${tag} ?selected=${this.state.lang === tag}>${t.languages[tag]}</option>`)}
        </select>
      </div>
      ${FIELDS[this.state.widget].map((field) => this.renderField(field))}
    </fieldset>`;
  }

  private fieldLabel(field: Field): string {
    return this.t.fields[`${this.state.widget}.${field.name}`] ?? field.name;
  }

  private renderField(field: Field): TemplateResult {
    const { widget } = this.state;
    const id = `builder-attr-${field.name}`;
    const label = this.t.fields[`${widget}.${field.name}`] ?? field.name;
    const value = fieldValue(this.state, field);
    const set = (next: string | boolean) => this.change({ attributes: { ...this.state.attributes, [field.name]: next } });
    const name = html`<code class="builder-attribute">${field.name}</code>`;
    switch (field.kind) {
      case 'boolean':
        return html`<div class="builder-choice">
          <input type="checkbox" id=${id} .checked=${value === true} @change=${(event: Event) => set((event.target as HTMLInputElement).checked)} />
          <label for=${id}>${label} ${name}</label>
        </div>`;
      case 'select':
        return html`<div class="builder-field">
          <label for=${id}>${label} ${name}</label>
          <select id=${id} @change=${(event: Event) => set((event.target as HTMLSelectElement).value)}>
            ${field.options.map(
              (option) => html`<option value=${option} ?selected=${value === option}>
                ${field.name === 'heading-level' ? this.t.headingLevel(option) : (this.t.options[`${widget}.${field.name}.${option}`] ?? option)}
              </option>`,
            )}
          </select>
        </div>`;
      case 'number':
        return html`<div class="builder-field">
          <label for=${id}>${label} ${name}</label>
          <input
            type="number"
            id=${id}
            min=${field.min}
            max=${field.max}
            step="1"
            inputmode="numeric"
            .value=${live(String(value))}
            @change=${(event: Event) => set(clampNumber(field, (event.target as HTMLInputElement).value))}
          />
        </div>`;
      default: {
        // A required field left empty is an error at the field (and in the check), not a lock on the copy button.
        const missing = field.required === true && !String(value).trim();
        return html`<div class="builder-field">
          <label for=${id}>${label} ${name} ${field.required ? html`<span class="builder-required">(${this.t.required})</span>` : nothing}</label>
          <input
            type="text"
            id=${id}
            spellcheck="false"
            inputmode=${field.inputMode ?? 'text'}
            ?required=${field.required === true}
            aria-invalid=${missing ? 'true' : 'false'}
            aria-describedby=${missing ? `${id}-error` : nothing}
            .value=${String(value)}
            @change=${(event: Event) => set((event.target as HTMLInputElement).value)}
          />
          ${missing ? html`<p class="builder-error" id="${id}-error">${this.t.missing[`${widget}.${field.name}`] ?? this.t.required}</p>` : nothing}
        </div>`;
      }
    }
  }

  private setStyle(name: string, value: string | undefined): void {
    const styles = { ...this.state.styles };
    if (value) styles[name] = value;
    else delete styles[name];
    this.change({ styles });
  }

  private renderColours(): TemplateResult {
    const t = this.t;
    const radius = this.state.styles[RADIUS] ?? '';
    const radiusInvalid = radius !== '' && !isSafeStyleValue(RADIUS, radius);
    return html`<fieldset>
      <legend>${t.coloursLegend}</legend>
      ${COLOURS.map(({ name, key, start }) => {
        const value = this.state.styles[name];
        const label = t.colours[key]!;
        return html`<div class="builder-colour">
          <label for="builder-colour-${key}">${label} <code class="builder-attribute">${name}</code></label>
          <p class="builder-hint" id="builder-colour-${key}-state">${value ? t.colourChanged(value) : t.colourDefaults[key]}</p>
          <div class="builder-colour-row">
            <input type="color" id="builder-colour-${key}" aria-describedby="builder-colour-${key}-state" .value=${value ?? start} @input=${(event: Event) => this.setStyle(name, (event.target as HTMLInputElement).value)} />
            ${value ? html`<button type="button" aria-label=${t.reset(label)} @click=${() => this.setStyle(name, undefined)}>${t.resetShort}</button>` : nothing}
          </div>
        </div>`;
      })}
      <div class="builder-field">
        <label for="builder-radius">${t.radiusLabel} <code class="builder-attribute">${RADIUS}</code></label>
        <p class="builder-hint" id="builder-radius-hint">${t.radiusHint}</p>
        <input
          type="text"
          id="builder-radius"
          spellcheck="false"
          aria-describedby="builder-radius-hint ${radiusInvalid ? 'builder-radius-error' : ''}"
          aria-invalid=${radiusInvalid ? 'true' : 'false'}
          .value=${radius}
          @change=${(event: Event) => this.setStyle(RADIUS, (event.target as HTMLInputElement).value.trim() || undefined)}
        />
        ${radiusInvalid ? html`<p class="builder-error" id="builder-radius-error">${t.radiusInvalid}</p>` : nothing}
      </div>
    </fieldset>`;
  }

  private renderCheck(): TemplateResult {
    const t = this.t;
    const { check } = this;
    let summary = '';
    if (check.status === 'nothing') summary = t.checkNothing;
    else if (check.status === 'none') summary = t.checkNoSource;
    else if (check.status === 'checking') summary = t.checking;
    else {
      const problems = check.checks.flatMap((c) => ('report' in c ? c.report.problems : [{ severity: 'error' }]));
      const errors = problems.filter((p) => p.severity === 'error').length;
      summary = problems.length ? t.checkProblems(errors, problems.length - errors) : t.checkOk(check.checks.length);
    }
    // Required fields left empty come first: each named and linked to its field, where the error says more.
    const missing = missingFields(this.state);
    if (missing.length) summary = `${t.checkMissing(missing.length)} ${missing.map((field) => this.fieldLabel(field)).join(', ')}. ${summary}`;
    return html`<section aria-labelledby="builder-check-heading" class="builder-check">
      <h2 id="builder-check-heading">${t.checkHeading}</h2>
      <p role="status" class="builder-check-summary">${summary}</p>
      ${missing.length
        ? html`<ul class="builder-problems builder-missing">
            ${missing.map((field) => html`<li class="error"><strong>${t.error}:</strong> <a href="#builder-attr-${field.name}">${this.fieldLabel(field)}</a> (<code>${field.name}</code>)</li>`)}
          </ul>`
        : nothing}
      ${check.status === 'done' ? check.checks.map((c) => this.renderReport(c)) : nothing}
    </section>`;
  }

  private renderReport(check: Check): TemplateResult {
    const t = this.t;
    if ('failure' in check) {
      return html`<h3 class="builder-source">${check.source}</h3>
        <ul class="builder-problems">
          <li class="error"><strong>${t.error}:</strong> ${t.loadFailed} ${check.failure}</li>
        </ul>`;
    }
    const { report } = check;
    return html`<h3 class="builder-source">${check.source}</h3>
      <p>${t.reportFacts(t.formats[report.format] ?? report.format, report.items, report.shown)}</p>
      ${report.problems.length
        ? html`<ul class="builder-problems">
            ${report.problems.map(
              (problem) => html`<li class=${problem.severity}>
                <p><strong>${problem.severity === 'error' ? t.error : t.warning}:</strong> <span lang="en">${problem.message}</span></p>
                <p>${t.where}: <code>${problem.path}</code></p>
                <p>${t.fix}: <span lang="en">${problem.fix}</span></p>
              </li>`,
            )}
          </ul>`
        : html`<p>${t.noProblems}</p>`}`;
  }

  private renderSnippet(): TemplateResult {
    const t = this.t;
    const snippet = this.snippet;
    return html`<section aria-labelledby="builder-snippet-heading">
      <h2 id="builder-snippet-heading">${t.snippetHeading}</h2>
      <div class="builder-field">
        <label for="builder-script-src">${t.scriptSrcLabel}</label>
        <p class="builder-hint" id="builder-script-src-hint">${t.whereToGet}</p>
        <input id="builder-script-src" type="text" inputmode="url" spellcheck="false" aria-describedby="builder-script-src-hint" .value=${this.state.scriptSrc} @change=${(event: Event) => this.change({ scriptSrc: (event.target as HTMLInputElement).value })} />
      </div>
      <div class="builder-field">
        <label for="builder-snippet">${t.snippetLabel}</label>
        <textarea id="builder-snippet" readonly spellcheck="false" rows=${snippet.split('\n').length + 1} .value=${snippet}></textarea>
      </div>
      ${snippet.includes('<style>') ? html`<p class="builder-hint">${t.styleNote}</p>` : nothing}
      <div class="builder-copy">
        <button type="button" @click=${() => this.copy()}>${t.copy}</button>
        <p role="status" class="builder-copy-status">${this.copyStatus}</p>
      </div>
    </section>`;
  }

  /** Copies the snippet; where the browser allows no clipboard, selects it and says how to copy. */
  async copy(): Promise<void> {
    // Emptied first, so that a second copy is announced again.
    this.copyStatus = '';
    await this.updateComplete;
    try {
      await navigator.clipboard.writeText(this.snippet);
      const missing = missingFields(this.state);
      this.copyStatus = missing.length ? this.t.copiedIncomplete(missing.map((field) => this.fieldLabel(field)).join(', ')) : this.t.copied;
    } catch {
      const area = this.querySelector<HTMLTextAreaElement>('#builder-snippet')!;
      area.focus();
      area.select();
      this.copyStatus = this.t.copyFallback;
    }
  }
}
