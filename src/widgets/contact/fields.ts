import { html, nothing, type TemplateResult } from 'lit';
import type { I18nController } from '../../core/i18n.js';
import type { FieldError, FieldName } from './contact.types.js';

export interface FieldOptions {
  name: FieldName;
  label: TemplateResult | string;
  hint?: string;
  /** Marked "Pflichtfeld"; every other field is marked "freiwillig", so nobody guesses. */
  required?: boolean;
  error?: FieldError;
  /** Shown after the control, for example the character count. */
  after?: TemplateResult;
  i18n: I18nController;
}

/**
 * One labelled field the KoliBri and GOV.UK way: label, hint and error message above the control, each tied to
 * it (`for`, `aria-describedby`), and checkboxes with their label beside them.
 */
export function renderField({ name, label, hint, required, error, after, i18n }: FieldOptions, control: TemplateResult): TemplateResult {
  const checkbox = name === 'wantsAnswer' || name === 'consent';
  const badge = html`<span class="badge">(${i18n.t(required ? 'contact.required' : 'contact.optional')})</span>`;
  const hintText = hint ? html`<p class="hint" id="hint-${name}">${hint}</p>` : nothing;
  const errorText = error ? html`<p class="error-message" id="error-${name}">${i18n.t(`contact.errors.${error.key}`, error.values)}</p>` : nothing;
  const texts = html`${hintText}${errorText}`;
  if (checkbox) {
    // A checkbox's hint follows its label, as the hint explains what ticking it means.
    return html`<div class="field checkbox ${error ? 'invalid' : ''}">
      ${errorText}
      <div class="check">${control}<label for="field-${name}">${label} ${required ? badge : nothing}</label></div>
      ${hint ? html`<p class="hint check-hint" id="hint-${name}">${hint}</p>` : nothing}
    </div>`;
  }
  return html`<div class="field ${error ? 'invalid' : ''}">
    <label for="field-${name}">${label} ${badge}</label>
    ${texts}${control}${after ?? nothing}
  </div>`;
}

/** Hint, error and count, in reading order, for the control's `aria-describedby`; only ids that exist. */
export function describedBy(name: FieldName, parts: { hint?: boolean; error?: FieldError; count?: boolean }): string | typeof nothing {
  const ids = [parts.hint ? `hint-${name}` : '', parts.error ? `error-${name}` : '', parts.count ? `count-${name}` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : nothing;
}
