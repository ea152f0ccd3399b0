// <asskomm-editor-open>: where a draft begins: a template, a file from the computer (picker or drag and drop), or
// a feed's web address, read with the widgets' own loader. It sends `editor-open` with the draft it read.
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { fetchText } from '../../core/feed/fetch-text.js';
import { I18nController } from '../../core/i18n.js';
import { parseUrl } from '../../core/urls.js';
import type { Draft } from '../controllers/draft-controller.js';
import { EDITOR_TRANSLATIONS } from '../editor-i18n.js';
import { fetchFailure, readFeedText } from '../model/open-feed.js';
import { TEMPLATE_KIND, TEMPLATE_NAMES, templateFeed, type TemplateName } from '../model/templates.js';

export const OPEN_EVENT = 'editor-open';

/** The largest file the editor opens, as the widgets' loader: 5 MB. */
const MAX_BYTES = 5_000_000;

export class EditorOpen extends LitElement {
  static override properties = { failure: { state: true }, failureAt: { state: true }, dragging: { state: true }, busy: { state: true } };
  declare failure: string;
  /** The control the failure belongs to: its message is tied to it. */
  declare failureAt: 'file' | 'url' | '';
  declare dragging: boolean;
  declare busy: boolean;
  private readonly i18n = new I18nController(this, EDITOR_TRANSLATIONS);

  constructor() {
    super();
    Object.assign(this, { failure: '', failureAt: '', dragging: false, busy: false });
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private t(key: string, options?: Record<string, unknown>): string {
    return this.i18n.t(`editor.${key}`, options);
  }

  private send(draft: Draft): void {
    this.failure = '';
    this.failureAt = '';
    this.dispatchEvent(new CustomEvent<Draft>(OPEN_EVENT, { detail: draft, bubbles: true }));
  }

  startFrom(name: TemplateName): void {
    const feed = templateFeed(name);
    this.send({ feed, original: feed, template: true, kind: TEMPLATE_KIND[name], name: `${this.t(`open.fileNames.${name}`)}.json` });
  }

  /** Opens a feed's text, from a file or an address. */
  async openText(text: string, name: string, from: 'file' | 'url'): Promise<void> {
    const opened = await readFeedText(text, name);
    if (!opened.ok) {
      this.fail(`${this.t(`open.${opened.reason}`)}${opened.detail ? ` (${opened.detail})` : ''}`, from);
      return;
    }
    this.send({ feed: opened.feed, original: opened.feed, kind: opened.kind, name });
  }

  private fail(message: string, at: 'file' | 'url'): void {
    this.failure = message;
    this.failureAt = at;
  }

  private async openFile(file: File | undefined): Promise<void> {
    if (!file) return;
    if (file.size > MAX_BYTES) return this.fail(this.t('open.failTooLarge'), 'file');
    await this.openText(await file.text(), file.name, 'file');
  }

  private async openUrl(event: Event): Promise<void> {
    event.preventDefault();
    const input = this.querySelector<HTMLInputElement>('#editor-open-url')!;
    const url = parseUrl(input.value.trim(), document.baseURI);
    if (!url || !/^https?:$/.test(url.protocol)) return this.fail(this.t('open.invalidUrl'), 'url');
    this.busy = true;
    try {
      const text = await fetchText(url.href, { signal: new AbortController().signal, timeoutMs: 15_000, maxBytes: MAX_BYTES, retryDelayMs: 500 });
      const name = decodeURIComponent(url.pathname.split('/').pop() || 'feed.json');
      await this.openText(text, name.endsWith('.json') ? name : `${name}.json`, 'url');
    } catch (error) {
      this.fail(this.t(fetchFailure(error)), 'url');
    } finally {
      this.busy = false;
    }
  }

  private onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging = false;
    void this.openFile(event.dataTransfer?.files[0]);
  }

  private failureFor(at: 'file' | 'url'): TemplateResult | typeof nothing {
    return this.failureAt === at ? html`<p class="editor-error" id="editor-open-${at}-error"><span class="editor-visually-hidden">${this.t('check.errorPrefix')} </span>${this.failure}</p>` : nothing;
  }

  protected override render(): TemplateResult {
    return html`<section class="editor-open" aria-labelledby="editor-open-heading">
      <h2 id="editor-open-heading">${this.t('open.heading')}</h2>
      <div class="editor-open-columns">
        <div>
          <h3>${this.t('open.templates')}</h3>
          <ul class="editor-templates">
            ${TEMPLATE_NAMES.map((name) => html`<li><button type="button" class="editor-button" id="editor-template-${name}" @click=${() => this.startFrom(name)}>${this.t(`open.template.${name}`)}</button></li>`)}
          </ul>
        </div>
        <div class="editor-drop ${this.dragging ? 'editor-drop-active' : ''}"
          @dragover=${(event: DragEvent) => { event.preventDefault(); this.dragging = true; }}
          @dragleave=${() => (this.dragging = false)} @drop=${(event: DragEvent) => this.onDrop(event)}>
          <h3>${this.t('open.file')}</h3>
          <div class="editor-field ${this.failureAt === 'file' ? 'editor-field-error' : ''}">
            <label for="editor-open-file">${this.t('open.fileLabel')}</label>
            <p class="editor-hint" id="editor-open-file-hint">${this.t('open.fileHint')}</p>
            ${this.failureFor('file')}
            <input type="file" id="editor-open-file" accept=".json,application/json,application/feed+json" aria-describedby="editor-open-file-hint${this.failureAt === 'file' ? ' editor-open-file-error' : ''}"
              @change=${(event: Event) => this.openFile((event.target as HTMLInputElement).files?.[0])} />
          </div>
        </div>
        <form class="editor-open-url" @submit=${(event: Event) => this.openUrl(event)}>
          <h3>${this.t('open.url')}</h3>
          <div class="editor-field ${this.failureAt === 'url' ? 'editor-field-error' : ''}">
            <label for="editor-open-url">${this.t('open.urlLabel')}</label>
            <p class="editor-hint" id="editor-open-url-hint">${this.t('open.urlHint')}</p>
            ${this.failureFor('url')}
            <input type="url" id="editor-open-url" autocomplete="url" spellcheck="false" aria-describedby="editor-open-url-hint${this.failureAt === 'url' ? ' editor-open-url-error' : ''}" />
          </div>
          <button type="submit" class="editor-button-secondary" ?disabled=${this.busy}>${this.t(this.busy ? 'open.loading' : 'open.openUrl')}</button>
        </form>
      </div>
    </section>`;
  }
}
