import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { changesBetween, describeChange, type Change } from '../model/changes.js';
import { downloadName, downloadText } from '../model/download.js';
import type { CheckController } from './check-controller.js';
import type { DraftController } from './draft-controller.js';
import { announce } from './list-controller.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly text: string; focusErrorSummary(): void };

/**
 * Saving: a download of the draft after a look at what changed against the opened file (or, with errors, the error
 * summary instead), and a copy to the clipboard. The text is the one the preview and the check read.
 */
export class SaveController implements ReactiveController {
  /** The changes shown before the download; undefined while the panel is closed. */
  review?: Change[];

  constructor(private readonly host: Host, private readonly draft: DraftController, private readonly check: CheckController, private readonly t: (key: string, options?: Record<string, unknown>) => string) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The download button: the error summary when the feed has errors, else the changes to confirm. */
  async startDownload(): Promise<void> {
    await this.check.check(this.host.text, this.draft.draft!.kind, this.draft.draft!.name, true);
    await this.host.updateComplete;
    if (this.check.errors.length) {
      this.review = undefined;
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.host.focusErrorSummary();
      return;
    }
    this.review = changesBetween(this.draft.draft!.original, this.draft.feed!);
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.querySelector<HTMLElement>('#editor-review-heading')?.focus();
  }

  download(): void {
    const name = downloadName(this.draft.draft!.name);
    downloadText(this.host.text, name, this.host.ownerDocument);
    this.close(false);
    announce(this.host, this.t('save.downloaded', { name }));
  }

  async close(focusButton = true): Promise<void> {
    this.review = undefined;
    this.host.requestUpdate();
    await this.host.updateComplete;
    if (focusButton) this.host.querySelector<HTMLElement>('#editor-download')?.focus();
  }

  async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.host.text);
      announce(this.host, this.t('save.copied'));
    } catch {
      announce(this.host, this.t('save.copyFailed'));
    }
  }

  renderReview(): TemplateResult | typeof nothing {
    if (!this.review) return nothing;
    const { template } = this.draft.draft!;
    return html`<section class="editor-review" aria-labelledby="editor-review-heading">
      <h2 id="editor-review-heading" tabindex="-1">${this.t('save.reviewHeading')}</h2>
      <p>${template ? this.t('save.fromTemplate') : this.t('save.against', { name: this.draft.draft!.name })}</p>
      ${this.review.length
        ? html`<ul>${this.review.map((change) => html`<li>${describeChange(change, (key, options) => this.t(key, options))}</li>`)}</ul>`
        : html`<p>${this.t('save.noChanges')}</p>`}
      <div class="editor-actions">
        <button type="button" class="editor-button" id="editor-download-now" @click=${() => this.download()}>${this.t('save.downloadNow', { name: downloadName(this.draft.draft!.name) })}</button>
        <button type="button" class="editor-button-secondary" @click=${() => this.close()}>${this.t('save.back')}</button>
      </div>
    </section>`;
  }
}
