// The form's controls in the GOV.UK pattern: a label, an optional hint, the field's problems (tied to the control
// with aria-describedby and aria-invalid), then the control. Each control carries `data-path`, the validator's path
// of the value it edits, so that a problem can be linked to it.
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { FeedProblem } from '../../validator/check-feed.js';
import type { DraftController } from '../controllers/draft-controller.js';
import { fieldId, getAt, pathString, type Json, type Path } from '../model/paths.js';

export interface FormContext {
  draft: DraftController;
  t: (key: string, options?: Record<string, unknown>) => string;
  /** The problems shown at each field, by the field's path. */
  problems: ReadonlyMap<string, readonly FeedProblem[]>;
  /** Resolves when the editor has drawn the latest draft, for moving the focus afterwards. */
  settled: () => Promise<unknown>;
}

interface FieldOptions {
  path: Path;
  label: string;
  hint?: string;
  /** A required field is kept as "" when emptied, so the validator names it; an optional one is removed. */
  required?: boolean;
  /** How the text is stored: as typed, as a number, or one entry per line. */
  as?: 'text' | 'number' | 'lines';
  type?: 'text' | 'url' | 'textarea';
  /** Extra classes, for short fields such as dates and numbers. */
  size?: 'short' | 'medium';
  autocomplete?: string;
}

const describedBy = (id: string, hint: boolean, problems: readonly FeedProblem[]) =>
  [hint ? `${id}-hint` : '', problems.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

function frame(context: FormContext, id: string, label: string, hint: string | undefined, path: Path, control: TemplateResult): TemplateResult {
  const problems = context.problems.get(pathString(path)) ?? [];
  return html`<div class="editor-field ${problems.some((p) => p.severity === 'error') ? 'editor-field-error' : ''}">
    <label for=${id}>${label}</label>
    ${hint ? html`<p class="editor-hint" id="${id}-hint">${hint}</p>` : nothing}
    ${problems.length ? html`<div class="editor-field-problems" id="${id}-error">${problems.map((problem) => html`<p class="editor-${problem.severity}"><span class="editor-visually-hidden">${context.t(problem.severity === 'error' ? 'check.errorPrefix' : 'check.warningPrefix')} </span><span lang="en">${problem.message}</span></p>`)}</div>` : nothing}
    ${control}
  </div>`;
}

/**
 * A control the form draws itself (a date, a time, a choice of weekdays) in the frame of a text field: its label,
 * hint and problems, with the ids and states the control needs to be tied to them.
 */
export function customField(
  context: FormContext,
  options: { path: Path; label: string; hint?: string; id?: string },
  control: (a11y: { id: string; path: string; describedBy?: string; invalid?: 'true' }) => TemplateResult,
): TemplateResult {
  const { path, label, hint } = options;
  const id = options.id ?? fieldId(path);
  const problems = context.problems.get(pathString(path)) ?? [];
  const a11y = {
    id,
    path: pathString(path),
    describedBy: describedBy(id, Boolean(hint), problems),
    invalid: problems.some((problem) => problem.severity === 'error') ? ('true' as const) : undefined,
  };
  return frame(context, id, label, hint, path, control(a11y));
}

/** The problems of a group of fields (a list's), shown at its top. */
export function problemsOf(context: FormContext, path: Path): TemplateResult | typeof nothing {
  const problems = context.problems.get(pathString(path)) ?? [];
  return problems.length
    ? html`<div class="editor-field-problems" id="${fieldId(path)}-error">${problems.map((problem) => html`<p class="editor-${problem.severity}"><span class="editor-visually-hidden">${context.t(problem.severity === 'error' ? 'check.errorPrefix' : 'check.warningPrefix')} </span><span lang="en">${problem.message}</span></p>`)}</div>`
    : nothing;
}

/** German decimal commas and points both read as numbers; text that is no number stays text for the validator to name. */
export function readNumber(text: string): Json | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const normalised = /^-?[\d.]+,\d+$/.test(trimmed) ? trimmed.replaceAll('.', '').replace(',', '.') : trimmed.replace(',', '.');
  const value = Number(normalised);
  return Number.isFinite(value) && /^-?\d/.test(normalised) ? value : trimmed;
}

const shown = (value: Json | undefined, as: FieldOptions['as']): string =>
  value === undefined || value === null ? '' : as === 'lines' && Array.isArray(value) ? value.join('\n') : String(value);

/** What was last typed into each number field, by its id. */
const typedNumbers = new Map<string, string>();

/**
 * A number field's text. "41," reads as 41 on the way to "41,5": were the field drawn with the stored 41, the comma
 * would vanish under the coordinator's fingers and "5" make it 415. So the text is shown as typed while it still
 * reads as the stored value, and the stored value once something else (undo, an import) changed it.
 */
export function numberText(id: string, value: Json | undefined): string {
  const typed = typedNumbers.get(id);
  return typed !== undefined && readNumber(typed) === value ? typed : shown(value, 'number');
}

/** Remembers a number field's text as typed, for `numberText`; returns the number it reads as. */
export function readTypedNumber(id: string, text: string): Json | undefined {
  typedNumbers.set(id, text);
  return readNumber(text);
}

export function textField(context: FormContext, options: FieldOptions): TemplateResult {
  const { path, label, hint, required = false, as = 'text', type = 'text', size, autocomplete } = options;
  const id = fieldId(path);
  const problems = context.problems.get(pathString(path)) ?? [];
  const value = as === 'number' ? numberText(id, getAt(context.draft.feed, path)) : shown(getAt(context.draft.feed, path), as);
  const store = (text: string) => {
    const stored: Json | undefined =
      as === 'number' ? readTypedNumber(id, text) : as === 'lines' ? text.split('\n').map((line) => line.trim()).filter(Boolean) : text;
    const empty = stored === undefined || stored === '' || (Array.isArray(stored) && stored.length === 0);
    context.draft.set(path, empty ? (required ? '' : undefined) : stored, true);
  };
  const common = {
    id,
    path: pathString(path),
    describedBy: describedBy(id, Boolean(hint), problems),
    invalid: problems.some((problem) => problem.severity === 'error') ? 'true' : undefined,
  };
  const control =
    type === 'textarea' || as === 'lines'
      ? html`<textarea id=${common.id} data-path=${common.path} rows=${as === 'lines' ? 3 : 4} aria-describedby=${ifDefined(common.describedBy)} aria-invalid=${ifDefined(common.invalid)} ?required=${required}
          .value=${live(value)} @input=${(event: Event) => store((event.target as HTMLTextAreaElement).value)}></textarea>`
      : html`<input id=${common.id} data-path=${common.path} class=${ifDefined(size ? `editor-input-${size}` : undefined)} type=${type === 'url' ? 'url' : 'text'}
          inputmode=${ifDefined(as === 'number' ? 'decimal' : undefined)} autocomplete=${autocomplete ?? 'off'} spellcheck=${type === 'url' || as === 'number' ? 'false' : 'true'}
          aria-describedby=${ifDefined(common.describedBy)} aria-invalid=${ifDefined(common.invalid)} ?required=${required}
          .value=${live(value)} @input=${(event: Event) => store((event.target as HTMLInputElement).value)} />`;
  return frame(context, id, label, hint, path, control);
}

export interface Choice {
  value: string;
  label: string;
}

/** A select; with `empty`, a first choice that removes the field. */
export function selectField(context: FormContext, options: { path: Path; label: string; hint?: string; choices: readonly Choice[]; empty?: string }): TemplateResult {
  const { path, label, hint, choices, empty } = options;
  const id = fieldId(path);
  const problems = context.problems.get(pathString(path)) ?? [];
  const current = getAt(context.draft.feed, path);
  const value = typeof current === 'string' ? current : '';
  // A value from an opened file that the form does not offer stays selectable, so opening never changes it.
  const all = value && !choices.some((choice) => choice.value === value) ? [...choices, { value, label: value }] : choices;
  const control = html`<select id=${id} data-path=${pathString(path)} aria-describedby=${ifDefined(describedBy(id, Boolean(hint), problems))}
    aria-invalid=${ifDefined(problems.some((problem) => problem.severity === 'error') ? 'true' : undefined)}
    @change=${(event: Event) => context.draft.set(path, (event.target as HTMLSelectElement).value || undefined)}>
    ${empty !== undefined ? html`<option value="" ?selected=${!value}>${empty}</option>` : nothing}
    ${all.map((choice) => html`<option value=${choice.value} ?selected=${choice.value === value}>${choice.label}</option>`)}
  </select>`;
  return frame(context, id, label, hint, path, control);
}

/** Checkboxes for a list of values (a tip's audience); the fieldset carries the path and the problems. */
export function checkboxesField(context: FormContext, options: { path: Path; legend: string; hint?: string; choices: readonly Choice[] }): TemplateResult {
  const { path, legend, hint, choices } = options;
  const id = fieldId(path);
  const problems = context.problems.get(pathString(path)) ?? [];
  const current = getAt(context.draft.feed, path);
  const values = Array.isArray(current) ? current.filter((value): value is string => typeof value === 'string') : [];
  const toggle = (value: string, on: boolean) => {
    const next = choices.map((choice) => choice.value).filter((choice) => (choice === value ? on : values.includes(choice)));
    context.draft.set(path, next.length ? next : undefined);
  };
  return html`<fieldset class="editor-choices" id=${id} data-path=${pathString(path)} tabindex="-1" aria-describedby=${ifDefined(describedBy(id, Boolean(hint), problems))}>
    <legend>${legend}</legend>
    ${hint ? html`<p class="editor-hint" id="${id}-hint">${hint}</p>` : nothing}
    ${problems.length ? html`<div class="editor-field-problems" id="${id}-error">${problems.map((problem) => html`<p class="editor-${problem.severity}"><span lang="en">${problem.message}</span></p>`)}</div>` : nothing}
    ${choices.map(
      (choice) => html`<div class="editor-choice">
        <input type="checkbox" id="${id}-${choice.value}" .checked=${live(values.includes(choice.value))} @change=${(event: Event) => toggle(choice.value, (event.target as HTMLInputElement).checked)} />
        <label for="${id}-${choice.value}">${choice.label}</label>
      </div>`,
    )}
  </fieldset>`;
}
