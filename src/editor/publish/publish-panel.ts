// <asskomm-publish-panel>: publishing the draft to the town's server (docs/editor.md, "6. Publish"), for towns that
// run the reference server. Loaded in a chunk of its own when the coordinator opens it, so that the editor's first
// load does not grow: it imports nothing the first load has but Lit (the editor lends it the change summary and its
// live region), so that the bundler need not move the editor's own modules into shared chunks. Light DOM, styled by
// the editor's stylesheet (demo/editor.css) under its strict CSP, with the form's own classes (editor-field,
// editor-hint, editor-error-summary, editor-review).
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Translations } from '../../core/i18n.js';
import de from '../../locales/de/editor-publish.json';
import { describeChange } from '../model/changes.js';
import type { FeedKind } from '../model/templates.js';
import { FEED_NAMES, type PublishFailure, type PublishedVersion } from './publish-client.js';
import { PublishController, type PublishEditor, type SettingsField } from './publish-controller.js';

export const PUBLISH_CLOSE_EVENT = 'publish-close';

/** The panel's texts, added to the editor's when the panel loads (src/locales/<language>/editor-publish.json). */
const none = () => Promise.resolve({ default: {} });
export const PUBLISH_TRANSLATIONS: Translations = {
  name: 'editor-publish',
  de,
  load: { en: () => import('../../locales/en/editor-publish.json'), cs: none, pl: none, uk: none, ar: none, ls: none },
};

export class PublishPanel extends LitElement {
  static override properties = { editor: { attribute: false }, kind: { attribute: false } };
  declare editor: PublishEditor;
  /** The draft's kind: another one is another feed on the server. (The editor draws the panel again on each of
   * its own updates: an edit changes the changes shown, and a change of language the texts.) */
  declare kind: FeedKind;
  private publishing?: PublishController;
  /** The version whose restore waits for "yes": a restore replaces what residents see, so it is asked first. */
  private confirming?: number;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private get controller(): PublishController {
    return (this.publishing ??= new PublishController(this, this.editor));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another kind of feed is another feed on the server: its versions are loaded anew.
    if (changed.has('kind') && changed.get('kind') !== undefined) this.controller.reset();
  }

  private t(key: string, options?: Record<string, unknown>): string {
    return this.editor.t(key, options);
  }

  /** Focus on the panel's heading, as it opens. */
  override focus(): void {
    this.querySelector<HTMLElement>('#publish-heading')?.focus();
  }

  private async connect(): Promise<void> {
    if (this.controller.busy) return;
    const connected = await this.controller.connect();
    await this.afterRequest(connected, '#publish-state');
  }

  private async publish(): Promise<void> {
    if (this.controller.busy) return;
    const result = await this.controller.publish();
    if (result === 'errors') {
      this.editor.say(this.t('publish.hasErrors'));
      await this.editor.updateComplete; // the summary is drawn with the problems of this check
      this.editor.focusErrorSummary();
      return;
    }
    await this.afterRequest(result === 'published', '#publish-now');
  }

  private async askRestore(version: number): Promise<void> {
    if (this.controller.busy) return;
    this.confirming = version;
    this.requestUpdate();
    await this.updateComplete;
    this.querySelector<HTMLElement>('#publish-restore-confirm')?.focus();
  }

  /** Back to the list without restoring: the focus returns to the version's own button. */
  private async cancelRestore(): Promise<void> {
    const version = this.confirming;
    this.confirming = undefined;
    this.requestUpdate();
    await this.updateComplete;
    this.querySelector<HTMLElement>(`#publish-restore-${version}`)?.focus();
  }

  private async restore(version: number): Promise<void> {
    if (this.controller.busy) return;
    this.confirming = undefined;
    await this.afterRequest(await this.controller.restore(version), '#publish-state');
  }

  private async forget(): Promise<void> {
    this.controller.forgetToken();
    // Emptied here: the field's value is bound one way, and what was typed into it is not the bound value.
    this.querySelector<HTMLInputElement>('#publish-token')!.value = '';
    await this.afterRequest(true, '#publish-token');
  }

  /**
   * Where the focus goes when a request is done: a wrong field's control, the failure's box (which a screen reader
   * then reads), or `target`, with the outcome said in the editor's live region.
   */
  private async afterRequest(ok: boolean, target: string): Promise<void> {
    await this.updateComplete;
    const { fieldErrors, outcome } = this.controller;
    const wrong = (['server', 'town', 'token'] as const).find((field) => fieldErrors[field]);
    if (wrong) return this.querySelector<HTMLElement>(`#publish-${wrong}`)?.focus();
    if (!ok) return this.querySelector<HTMLElement>('#publish-failure')?.focus();
    if (outcome?.kind === 'done') this.editor.say(outcome.text);
    this.querySelector<HTMLElement>(target)?.focus();
  }

  private field(field: SettingsField, type: 'url' | 'text' | 'password', autocomplete: string): TemplateResult {
    const id = `publish-${field}`;
    const error = this.controller.fieldErrors[field];
    const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="editor-field ${error ? 'editor-field-error' : ''}">
      <label for=${id}>${this.t(`publish.${field}`)}</label>
      <p class="editor-hint" id="${id}-hint">${this.t(`publish.${field}Hint`)}</p>
      ${error ? html`<p class="editor-error" id="${id}-error"><span class="editor-visually-hidden">${this.t('check.errorPrefix')} </span>${this.t(error)}</p>` : nothing}
      <input id=${id} type=${type} autocomplete=${autocomplete} spellcheck="false" .value=${this.controller.settings[field]}
        aria-describedby=${describedBy} aria-invalid=${error ? 'true' : 'false'}
        @input=${(event: Event) => this.controller.update(field, (event.target as HTMLInputElement).value)} />
    </div>`;
  }

  private renderFailure(failure: PublishFailure): TemplateResult {
    const current = failure.current;
    return html`<div class="editor-error-summary" id="publish-failure" tabindex="-1" aria-labelledby="publish-failure-title">
      <h3 id="publish-failure-title">${this.t('publish.failureTitle')}</h3>
      <p>${this.t(`publish.failure.${failure.kind}`, { status: failure.status ?? '', version: current?.version ?? '', when: current ? this.controller.when(current.publishedAt) : '' })}</p>
      ${failure.problems.length
        ? html`<ul>${failure.problems.map((problem) => html`<li><code>${problem.path}</code>: <span lang="en">${problem.message}</span></li>`)}</ul>`
        : nothing}
      ${failure.kind === 'conflict' ? html`<button type="button" class="editor-button-secondary" @click=${() => this.connect()}>${this.t('publish.reload')}</button>` : nothing}
    </div>`;
  }

  private renderVersion(version: PublishedVersion): TemplateResult {
    const label = this.t('publish.version', { version: version.version, when: this.controller.when(version.publishedAt) });
    return html`<li>
      ${label}${version.restoredFrom ? ` ${this.t('publish.restoredFrom', { version: version.restoredFrom })}` : ''}
      ${version.current
        ? html`<strong>${this.t('publish.currentMark')}</strong>`
        : this.confirming === version.version
          ? this.renderConfirm(version.version)
          : html`<button type="button" class="editor-button-secondary" id="publish-restore-${version.version}" aria-disabled=${this.controller.busy ? 'true' : 'false'}
              aria-label=${this.t('publish.restoreLabel', { version: version.version })} @click=${() => this.askRestore(version.version)}>${this.t('publish.restore')}</button>`}
    </li>`;
  }

  /** The question before a restore, in the version's own entry: "yes" restores, "no" or Escape goes back. */
  private renderConfirm(version: number): TemplateResult {
    return html`<div class="editor-publish-confirm" role="group" aria-labelledby="publish-restore-question"
        @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && (event.stopPropagation(), this.cancelRestore())}>
      <p id="publish-restore-question">${this.t('publish.restoreQuestion', { version, current: this.controller.current?.version ?? '' })}</p>
      <div class="editor-actions">
        <button type="button" class="editor-button-warning" id="publish-restore-confirm" aria-disabled=${this.controller.busy ? 'true' : 'false'}
          @click=${() => this.restore(version)}>${this.t('publish.restoreYes', { version })}</button>
        <button type="button" class="editor-button-secondary" id="publish-restore-cancel" @click=${() => this.cancelRestore()}>${this.t('publish.restoreNo')}</button>
      </div>
    </div>`;
  }

  private renderConnected(versions: PublishedVersion[]): TemplateResult {
    const controller = this.controller;
    const current = controller.current;
    const kind = this.editor.draft.draft!.kind;
    const changes = controller.changes;
    return html`<p id="publish-state" tabindex="-1">
        ${current ? this.t('publish.current', { version: current.version, when: controller.when(current.publishedAt) }) : this.t('publish.nothingYet')}
      </p>
      ${controller.feedUrl ? html`<p class="editor-hint">${this.t('publish.address')} <code>${controller.feedUrl}</code></p>` : nothing}
      <h3>${current ? this.t('publish.changesHeading', { version: current.version }) : this.t('publish.changesFirst')}</h3>
      ${changes.length ? html`<ul>${changes.map((change) => html`<li>${describeChange(change, (key, options) => this.t(key, options))}</li>`)}</ul>` : html`<p>${this.t('save.noChanges')}</p>`}
      <div class="editor-actions">
        <button type="button" class="editor-button" id="publish-now" aria-disabled=${controller.busy ? 'true' : 'false'} @click=${() => this.publish()}>${this.t('publish.now', { name: FEED_NAMES[kind] })}</button>
      </div>
      ${versions.length
        ? html`<h3>${this.t('publish.versionsHeading')}</h3>
            <p class="editor-hint">${this.t('publish.versionsHint')}</p>
            <ol class="editor-publish-versions" reversed>${versions.map((version) => this.renderVersion(version))}</ol>`
        : nothing}`;
  }

  protected override render(): TemplateResult {
    const controller = this.controller;
    const outcome = controller.outcome;
    return html`<section class="editor-review editor-publish" aria-labelledby="publish-heading" aria-busy=${controller.busy ? 'true' : 'false'}>
      <h2 id="publish-heading" tabindex="-1">${this.t('publish.heading')}</h2>
      <p>${this.t('publish.intro')}</p>
      <form novalidate @submit=${(event: Event) => (event.preventDefault(), this.connect())}>
        ${this.field('server', 'url', 'url')} ${this.field('town', 'text', 'off')} ${this.field('token', 'password', 'off')}
        <div class="editor-actions">
          <button type="submit" class="editor-button-secondary" id="publish-connect" aria-disabled=${controller.busy ? 'true' : 'false'}>${this.t(controller.versions ? 'publish.reload' : 'publish.connect')}</button>
          <button type="button" class="editor-button-warning" id="publish-forget" @click=${() => this.forget()}>${this.t('publish.forget')}</button>
          <button type="button" class="editor-button-secondary" id="publish-close" @click=${() => this.dispatchEvent(new CustomEvent(PUBLISH_CLOSE_EVENT, { bubbles: true }))}>${this.t('publish.close')}</button>
        </div>
      </form>
      ${outcome?.kind === 'failure' ? this.renderFailure(outcome.failure) : nothing}
      ${controller.versions ? this.renderConnected(controller.versions) : nothing}
    </section>`;
  }
}

if (!customElements.get('asskomm-publish-panel')) customElements.define('asskomm-publish-panel', PublishPanel);
