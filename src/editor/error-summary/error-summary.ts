// <asskomm-error-summary>: the GOV.UK error summary: a heading, then each problem as a link that moves the focus to
// its field. Warnings follow as notes: the feed works with them, but the coordinator should know.
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { I18nController } from '../../core/i18n.js';
import type { FeedProblem } from '../../validator/check-feed.js';
import type { ProblemTarget } from '../controllers/problem-targets.js';
import { EDITOR_TRANSLATIONS } from '../editor-i18n.js';

export class ErrorSummary extends LitElement {
  static override properties = { problems: { attribute: false }, targets: { attribute: false } };
  declare problems: readonly FeedProblem[];
  declare targets: ReadonlyMap<FeedProblem, ProblemTarget>;
  private readonly i18n = new I18nController(this, EDITOR_TRANSLATIONS);

  constructor() {
    super();
    Object.assign(this, { problems: [], targets: new Map() });
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Brings the summary into view and focus, as after a failed download: a screen reader reads it at once. */
  override focus(): void {
    const box = this.querySelector<HTMLElement>('.editor-error-summary');
    box?.scrollIntoView({ block: 'start' });
    box?.focus();
  }

  private link(problem: FeedProblem): TemplateResult {
    const target = this.targets.get(problem);
    const text = html`${target?.where ? html`${target.where}: ` : nothing}<span lang="en">${problem.message}</span>`;
    if (!target) return text;
    const go = (event: Event) => {
      event.preventDefault();
      const field = document.getElementById(target.id);
      // A field in a group the coordinator closed (a tip's Leichte Sprache) cannot take the focus until it is open.
      for (let group = field?.closest('details'); group; group = group.parentElement?.closest('details')) group.open = true;
      field?.scrollIntoView({ block: 'center' });
      field?.focus();
    };
    return html`<a href="#${target.id}" @click=${go}>${text}</a>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    const t = (key: string, options?: Record<string, unknown>) => this.i18n.t(`editor.${key}`, options);
    const errors = this.problems.filter((problem) => problem.severity === 'error');
    const warnings = this.problems.filter((problem) => problem.severity === 'warning');
    return html`${errors.length
      ? html`<div class="editor-error-summary" tabindex="-1" aria-labelledby="editor-error-summary-title">
          <h2 id="editor-error-summary-title">${t('check.summaryTitle')}</h2>
          <p>${t('check.summaryIntro', { count: errors.length })}</p>
          <ul>${errors.map((problem) => html`<li>${this.link(problem)}</li>`)}</ul>
        </div>`
      : nothing}
    ${warnings.length
      ? html`<details class="editor-warnings">
          <summary>${t('check.warnings', { count: warnings.length })}</summary>
          <ul>${warnings.map((problem) => html`<li>${this.link(problem)}<br /><span class="editor-hint" lang="en">${problem.fix}</span></li>`)}</ul>
        </details>`
      : nothing}`;
  }
}
