import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { FormContext } from '../fields/fields.js';
import { fieldId, getAt, type Json, type Path } from '../model/paths.js';

/** What an element of the editor says to screen readers: the editor's live region reads it (feed-editor.ts). */
export const ANNOUNCE_EVENT = 'editor-announce';
export function announce(from: HTMLElement, text: string): void {
  from.dispatchEvent(new CustomEvent(ANNOUNCE_EVENT, { detail: text, bubbles: true }));
}

/** How a list's entries are named: "Maßnahme" for the buttons and announcements, and where focus goes on adding. */
export interface ListNames {
  /** The entry's noun, "Maßnahme". */
  noun: string;
  /** The path inside a new entry whose field gets the focus, e.g. ['title']. */
  firstField: Path;
  /** Entries without a heading (a value row): after a removal the focus goes to this field of the next entry. */
  headless?: boolean;
}

export const itemHeadingId = (listPath: Path, index: number) => `${fieldId([...listPath, index])}-heading`;
export const addButtonId = (listPath: Path) => `${fieldId(listPath)}-add`;
export const moveButtonId = (listPath: Path, index: number, direction: 'up' | 'down') => `${fieldId([...listPath, index])}-${direction}`;

/**
 * Adds, removes and moves the entries of the form's lists (goals, measures, indicators, values, tips, links), each
 * a step of the undo history, with the focus where a keyboard user expects it afterwards and a sentence for screen
 * readers: on the new entry's first field; on the moved entry's button; after a removal, on the next entry's heading
 * (the previous one's at the end, the add button when the list is empty).
 */
export class ListController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost & HTMLElement, private readonly context: () => FormContext) {
    host.addController(this);
  }

  hostConnected(): void {}

  private length(listPath: Path): number {
    const list = getAt(this.context().draft.feed, listPath);
    return Array.isArray(list) ? list.length : 0;
  }

  async add(listPath: Path, entry: Json, names: ListNames): Promise<void> {
    const { draft, t } = this.context();
    const index = this.length(listPath);
    draft.changeList(listPath, (list) => list.push(entry));
    announce(this.host, t('list.added', { noun: names.noun, position: index + 1 }));
    await this.focus(fieldId([...listPath, index, ...names.firstField]));
  }

  async remove(listPath: Path, index: number, names: ListNames): Promise<void> {
    const { draft, t } = this.context();
    draft.changeList(listPath, (list) => list.splice(index, 1));
    const left = this.length(listPath);
    announce(this.host, t('list.removed', { noun: names.noun, position: index + 1 }));
    const next = Math.min(index, left - 1);
    await this.focus(left === 0 ? addButtonId(listPath) : names.headless ? fieldId([...listPath, next, ...names.firstField]) : itemHeadingId(listPath, next));
  }

  async move(listPath: Path, index: number, by: -1 | 1, names: ListNames, after?: (list: Json[]) => void): Promise<void> {
    const { draft, t } = this.context();
    const target = index + by;
    if (target < 0 || target >= this.length(listPath)) return;
    draft.changeList(listPath, (list) => {
      const [entry] = list.splice(index, 1);
      list.splice(target, 0, entry!);
      after?.(list);
    });
    const length = this.length(listPath);
    announce(this.host, t('list.moved', { noun: names.noun, position: target + 1, count: length }));
    // The same button as pressed, unless the entry is now at that end of the list: then the other one.
    const atEnd = by < 0 ? target === 0 : target === length - 1;
    const direction = (by < 0) !== atEnd ? 'up' : 'down';
    await this.focus(moveButtonId(listPath, target, direction));
  }

  private async focus(id: string): Promise<void> {
    await this.context().settled();
    (this.host.ownerDocument.getElementById(id) as HTMLElement | null)?.focus();
  }

  /** The heading of an entry (focusable by script, for the focus after a removal) and its move and remove buttons. */
  entryHeader(listPath: Path, index: number, names: ListNames, title: string, level: 2 | 3 | 4 | 5, after?: (list: Json[]) => void): TemplateResult {
    const { t } = this.context();
    const count = this.length(listPath);
    const which = html`<span class="editor-visually-hidden">: ${names.noun} ${index + 1}</span>`;
    const heading = html`${names.noun} ${index + 1}${title ? html`: <span class="editor-entry-title">${title}</span>` : ''}`;
    const headingTag =
      level === 2 ? html`<h2 id=${itemHeadingId(listPath, index)} tabindex="-1">${heading}</h2>`
      : level === 3 ? html`<h3 id=${itemHeadingId(listPath, index)} tabindex="-1">${heading}</h3>`
      : level === 4 ? html`<h4 id=${itemHeadingId(listPath, index)} tabindex="-1">${heading}</h4>`
      : html`<h5 id=${itemHeadingId(listPath, index)} tabindex="-1">${heading}</h5>`;
    return html`<div class="editor-entry-header">
      ${headingTag}
      <div class="editor-entry-actions">
        <button type="button" class="editor-button-secondary" id=${moveButtonId(listPath, index, 'up')} ?disabled=${index === 0} @click=${() => this.move(listPath, index, -1, names, after)}>${t('list.up')}${which}</button>
        <button type="button" class="editor-button-secondary" id=${moveButtonId(listPath, index, 'down')} ?disabled=${index >= count - 1} @click=${() => this.move(listPath, index, 1, names, after)}>${t('list.down')}${which}</button>
        <button type="button" class="editor-button-warning" @click=${() => this.remove(listPath, index, names)}>${t('list.remove')}${which}</button>
      </div>
    </div>`;
  }

  addButton(listPath: Path, label: string, entry: () => Json, names: ListNames): TemplateResult {
    return html`<button type="button" class="editor-button-secondary editor-add" id=${addButtonId(listPath)} @click=${() => this.add(listPath, entry(), names)}>${label}</button>`;
  }
}
