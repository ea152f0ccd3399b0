// <asskomm-feed-editor>: the coordinator's editor (demo/editor.html): open or start a feed, edit it in a form,
// see the problems the validator finds and the real widget showing the draft, and save it. Light DOM, so the page's
// stylesheet (demo/editor.css) styles it under a strict CSP and the error summary can link to every field.
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { I18nController } from '../../core/i18n.js';
import type { FeedProblem } from '../../validator/check-feed.js';
import { CheckController } from '../controllers/check-controller.js';
import { DraftController, type Draft } from '../controllers/draft-controller.js';
import { ANNOUNCE_EVENT, announce } from '../controllers/list-controller.js';
import { problemTargets, type ProblemTarget } from '../controllers/problem-targets.js';
import { SaveController } from '../controllers/save-controller.js';
import { EDITOR_TRANSLATIONS } from '../editor-i18n.js';
import type { ErrorSummary } from '../error-summary/error-summary.js';
import type { FormContext } from '../fields/fields.js';
import { changesBetween, type Change } from '../model/changes.js';
import type { JsonObject } from '../model/paths.js';
import { serializeFeed } from '../model/serialize.js';
import type { FeedKind } from '../model/templates.js';
import { feedFields } from './feed-fields.js';
import { OPEN_EVENT } from '../editor-open/editor-open.js';
import { newsFormChecks } from '../news-form/news-checks.js';

/** The publish panel's chunk (src/editor/publish/): loaded when the coordinator opens it, not with the editor. */
const loadPublishPanel = () => import('../publish/publish-panel.js');
/** Its closing event's name, repeated here so that the first load does not import the chunk for it. */
const PUBLISH_CLOSE_EVENT = 'publish-close';

/** The form for each kind of feed. */
const FORMS: Partial<Record<FeedKind, (context: FormContext) => TemplateResult>> = {
  'goal-overview': (context) => html`<asskomm-goal-form .context=${context}></asskomm-goal-form>`,
  'prevention-tips': (context) => html`<asskomm-tip-form .context=${context}></asskomm-tip-form>`,
  'event-calendar': (context) => html`<asskomm-event-form .context=${context}></asskomm-event-form>`,
  'news-feed': (context) => html`<asskomm-news-form .context=${context}></asskomm-news-form>`,
};
/** The form elements, for waiting until they have drawn the draft. */
const FORM_ELEMENTS = 'asskomm-goal-form, asskomm-tip-form, asskomm-event-form, asskomm-news-form';

/** What a form asks beyond the validator, checked with it (CheckController.formChecks). */
const FORM_CHECKS: Partial<Record<FeedKind, (text: string) => FeedProblem[]>> = {
  'news-feed': newsFormChecks,
};

export class FeedEditor extends LitElement {
  static override properties = { ui: { type: String, reflect: true, attribute: 'lang' }, confirmDiscard: { state: true }, publishOpen: { state: true } };
  /** The editor's own language: German, or English. */
  declare ui: 'de' | 'en';
  declare confirmDiscard: boolean;
  /** The publish panel is open (its chunk loaded on the first opening). */
  declare publishOpen: boolean;

  private readonly i18n = new I18nController(this, EDITOR_TRANSLATIONS);
  readonly draft = new DraftController(this);
  readonly check = new CheckController(this);
  private readonly save = new SaveController(this, this.draft, this.check, (key, options) => this.t(key, options));
  private serialized?: { feed: object; text: string };
  private targets: ReadonlyMap<FeedProblem, ProblemTarget> = new Map();
  private byField: ReadonlyMap<string, readonly FeedProblem[]> = new Map();
  private targetsKey = '';
  /** The problems last placed, and the form they were placed in (placeProblems). */
  private placed?: { problems: readonly FeedProblem[]; form: string };

  constructor() {
    super();
    Object.assign(this, { ui: 'de', confirmDiscard: false, publishOpen: false });
    this.addEventListener(PUBLISH_CLOSE_EVENT, () => void this.closePublish());
    this.addEventListener(ANNOUNCE_EVENT, (event) => this.say((event as CustomEvent<string>).detail));
    this.addEventListener(OPEN_EVENT, (event) => this.open((event as CustomEvent<Draft>).detail));
    this.check.formChecks = (text, kind) => FORM_CHECKS[kind]?.(text) ?? [];
  }

  // Ctrl+Z anywhere on the page is the draft's undo: the browser's own would undo typing in a field that the draft has
  // already left behind (it keeps one history per page, and the focus may be on the page after a removal).
  private readonly keyListener = (event: KeyboardEvent) => this.onKey(event);

  override connectedCallback(): void {
    super.connectedCallback();
    this.ownerDocument.addEventListener('keydown', this.keyListener);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.ownerDocument.removeEventListener('keydown', this.keyListener);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  t(key: string, options?: Record<string, unknown>): string {
    return this.i18n.t(`editor.${key}`, options);
  }

  /** The draft as the download writes it: pretty-printed, keys in a fixed order. */
  get text(): string {
    const feed = this.draft.feed;
    if (!feed) return '';
    if (this.serialized?.feed !== feed) this.serialized = { feed, text: serializeFeed(feed) };
    return this.serialized.text;
  }

  /** Done when the forms inside have drawn the draft too, and the problems are at their fields. */
  protected override async getUpdateComplete(): Promise<boolean> {
    while (!(await super.getUpdateComplete()));
    await Promise.all([...this.querySelectorAll<LitElement>(`${FORM_ELEMENTS}, asskomm-error-summary, asskomm-editor-preview`)].map((element) => element.updateComplete));
    this.placeProblems();
    while (!(await super.getUpdateComplete()));
    return true;
  }

  /** What the draft changes against `feed`: the download's change summary, lent to the publish panel. */
  changesSince(feed: JsonObject | undefined): Change[] {
    return changesBetween(feed, this.draft.feed!);
  }

  focusErrorSummary(): void {
    this.querySelector<ErrorSummary>('asskomm-error-summary')?.focus();
  }

  private open(draft: Draft): void {
    this.draft.start(draft);
    this.say(this.t('open.opened', { name: draft.name }));
    void this.updateComplete.then(() => this.querySelector<HTMLElement>('#editor-feed-heading')?.focus());
  }

  /** Says a sentence in the editor's live region (also for the publish panel). */
  say(text: string): void {
    const region = this.querySelector('#editor-status');
    if (!region) return;
    // Emptied first, so that the same sentence twice in a row is read twice.
    region.textContent = '';
    requestAnimationFrame(() => (region.textContent = text));
  }

  private onKey(event: KeyboardEvent): void {
    if (!this.draft.draft || !(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    const redo = (key === 'z' && event.shiftKey) || key === 'y';
    if (key !== 'z' && key !== 'y') return;
    event.preventDefault();
    this.history(redo ? 'redo' : 'undo');
  }

  private history(direction: 'undo' | 'redo'): void {
    if (direction === 'undo' ? this.draft.undo() : this.draft.redo()) this.say(this.t(direction === 'undo' ? 'history.undone' : 'history.redone'));
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.draft.draft) void this.check.check(this.text, this.draft.draft.kind, this.draft.draft.name);
  }

  protected override updated(): void {
    // The forms draw after this element: the problems are placed once they have (getUpdateComplete).
    void this.updateComplete;
    // The publish panel shows what the draft changes, in the editor's language: drawn again with the editor.
    this.querySelector<LitElement>('asskomm-publish-panel')?.requestUpdate();
  }

  /**
   * Ties each problem to the field drawn for it; draws again when that changed. A keystroke between two checks
   * changes a value, not which fields there are: with the same problems and the same form (kind, language, lists
   * of the same lengths) each problem keeps its field, and the form is not searched again. The next check, a
   * moment later, places them anew (and the places' names, which a title typed into may have changed).
   */
  private placeProblems(): void {
    const form = `${this.ui}|${this.draft.draft?.kind}|${listLengths(this.draft.feed)}`;
    if (this.placed?.problems === this.check.problems && this.placed.form === form) return;
    this.placed = { problems: this.check.problems, form };
    this.targets = problemTargets(this, this.check.problems);
    const key = JSON.stringify([...this.targets].map(([problem, target]) => [problem.path, problem.message, target.id]).concat([[String(this.check.problems.length)]]));
    if (key === this.targetsKey) return;
    this.targetsKey = key;
    const byField = new Map<string, FeedProblem[]>();
    for (const [problem, target] of this.targets) byField.set(target.path, [...(byField.get(target.path) ?? []), problem]);
    this.byField = byField;
    this.requestUpdate();
  }

  private changeKind(kind: FeedKind): void {
    if (!this.draft.draft) return;
    this.draft.start({ ...this.draft.draft, kind });
  }

  protected override render(): TemplateResult {
    const draft = this.draft.draft;
    const t = (key: string, options?: Record<string, unknown>) => this.t(key, options);
    const context: FormContext = { draft: this.draft, t, problems: this.byField, settled: () => this.updateComplete };
    return html`<div class="editor-header">
        <h1>${t('title')}</h1>
        <button type="button" class="editor-button-secondary" lang=${this.ui === 'de' ? 'en' : 'de'} @click=${() => (this.ui = this.ui === 'de' ? 'en' : 'de')}>${t('otherLanguage')}</button>
      </div>
      <p class="editor-intro">${t('intro')}</p>
      <div id="editor-status" class="editor-visually-hidden" role="status"></div>
      ${this.draft.restored && draft ? html`<div class="editor-notice" role="note"><p>${t('draft.restored', { name: draft.name })}</p></div>` : nothing}
      ${draft
        ? html`<details class="editor-open-again"><summary>${t('open.again')}</summary><asskomm-editor-open></asskomm-editor-open></details>`
        : html`<asskomm-editor-open></asskomm-editor-open>`}
      ${draft ? this.renderDraft(draft, context) : nothing}`;
  }

  private renderDraft(draft: Draft, context: FormContext): TemplateResult {
    const t = context.t;
    const form = FORMS[draft.kind];
    return html`<div class="editor-toolbar" role="group" aria-label=${t('toolbar')}>
        <button type="button" class="editor-button-secondary" id="editor-undo" ?disabled=${!this.draft.canUndo} @click=${() => this.history('undo')} aria-keyshortcuts="Control+Z">${t('history.undo')}</button>
        <button type="button" class="editor-button-secondary" id="editor-redo" ?disabled=${!this.draft.canRedo} @click=${() => this.history('redo')} aria-keyshortcuts="Control+Shift+Z">${t('history.redo')}</button>
        <button type="button" class="editor-button" id="editor-download" @click=${() => this.save.startDownload()}>${t('save.download')}</button>
        <button type="button" class="editor-button-secondary" id="editor-copy" @click=${() => this.save.copy()}>${t('save.copy')}</button>
        <button type="button" class="editor-button-secondary" id="editor-publish" aria-expanded=${this.publishOpen ? 'true' : 'false'} @click=${() => this.openPublish()}>${t('publish.open')}</button>
        ${this.confirmDiscard
          ? html`<span class="editor-confirm" role="group" aria-label=${t('draft.discard')}>${t('draft.confirm')}
              <button type="button" class="editor-button-warning" id="editor-discard-yes" @click=${() => this.discard()}>${t('draft.discardYes')}</button>
              <button type="button" class="editor-button-secondary" @click=${() => this.cancelDiscard()}>${t('draft.keep')}</button></span>`
          : html`<button type="button" class="editor-button-warning" id="editor-discard" @click=${() => this.askDiscard()}>${t('draft.discard')}</button>`}
      </div>
      ${this.save.renderReview()}
      ${this.publishOpen ? html`<asskomm-publish-panel .editor=${this} .kind=${draft.kind}></asskomm-publish-panel>` : nothing}
      <asskomm-error-summary .problems=${this.check.problems} .targets=${this.targets}></asskomm-error-summary>
      <div class="editor-columns">
        <div class="editor-form">
          ${feedFields(context, draft.kind, (kind) => this.changeKind(kind))}
          ${form ? form(context) : html`<p class="editor-notice">${t('form.later')}</p>`}
        </div>
        <asskomm-editor-preview .text=${this.text} .kind=${draft.kind}></asskomm-editor-preview>
      </div>`;
  }

  private async openPublish(): Promise<void> {
    if (this.publishOpen) return this.querySelector<HTMLElement>('asskomm-publish-panel')?.focus();
    try {
      const { PUBLISH_TRANSLATIONS } = await loadPublishPanel();
      await this.i18n.addTexts(PUBLISH_TRANSLATIONS);
    } catch {
      return this.say(this.t('publish.loadFailed'));
    }
    this.publishOpen = true;
    await this.updateComplete;
    const panel = this.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>('asskomm-publish-panel');
    await panel?.updateComplete;
    panel?.focus();
  }

  private async closePublish(): Promise<void> {
    this.publishOpen = false;
    await this.updateComplete;
    this.querySelector<HTMLElement>('#editor-publish')?.focus();
  }

  private async askDiscard(): Promise<void> {
    this.confirmDiscard = true;
    await this.updateComplete;
    this.querySelector<HTMLElement>('#editor-discard-yes')?.focus();
  }

  private async cancelDiscard(): Promise<void> {
    this.confirmDiscard = false;
    await this.updateComplete;
    this.querySelector<HTMLElement>('#editor-discard')?.focus();
  }

  private async discard(): Promise<void> {
    this.confirmDiscard = false;
    this.draft.discard();
    announce(this, this.t('draft.discarded'));
    await this.updateComplete;
    this.querySelector<HTMLElement>('#editor-template-goals')?.focus();
  }
}

/** The lengths of every list in the feed, in order: what decides, besides kind and language, which fields a form draws. */
function listLengths(value: unknown): string {
  if (Array.isArray(value)) return `[${value.length}${value.map(listLengths).join('')}]`;
  if (value && typeof value === 'object') return Object.values(value).map(listLengths).join('');
  return '';
}
