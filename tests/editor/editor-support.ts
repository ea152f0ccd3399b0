// Mounting the feed editor in a test, and doing what a coordinator does with it.
import { fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import '../../src/editor/main.js';
import { DRAFT_STORAGE_KEY } from '../../src/editor/controllers/draft-controller.js';
import type { EditorPreview } from '../../src/editor/editor-preview/editor-preview.js';
import type { FeedEditor } from '../../src/editor/feed-editor/feed-editor.js';

/** A fresh editor: no draft from an earlier test, unless `keepDraft`. */
export async function mountEditor(options: { keepDraft?: boolean; lang?: 'de' | 'en' } = {}): Promise<FeedEditor> {
  if (!options.keepDraft) localStorage.removeItem(DRAFT_STORAGE_KEY);
  const editor = await fixture<FeedEditor>(html`<asskomm-feed-editor lang=${options.lang ?? 'de'}></asskomm-feed-editor>`);
  await editor.updateComplete;
  return editor;
}

export const $ = <T extends Element = HTMLElement>(root: ParentNode, selector: string): T => {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};

/**
 * Presses "Herunterladen" and waits for its outcome: the editor checks the feed first (the checker loads on first
 * use, so this takes longer than a frame), then focuses the error summary or the heading of the changes to confirm.
 */
export async function pressDownload(editor: FeedEditor): Promise<void> {
  await press(editor, '#editor-download');
  await waitUntil(
    () => document.activeElement?.matches('.editor-error-summary, #editor-review-heading') ?? false,
    'neither the error summary nor the changes took the focus after "Herunterladen"',
    { timeout: 10_000 },
  );
}

/** Presses a button as a keyboard user does: focus, then Enter. */
export async function press(editor: FeedEditor, selector: string): Promise<void> {
  $(editor, selector).focus();
  await sendKeys({ press: 'Enter' });
  await editor.updateComplete;
}

/** Types into the focused field, or the given one, as a person does (key by key, `input` events). */
export async function typeInto(editor: FeedEditor, selector: string, text: string, replace = true): Promise<void> {
  const field = $<HTMLInputElement>(editor, selector);
  field.focus();
  if (replace) field.select();
  await sendKeys({ type: text });
  await editor.updateComplete;
  await editor.check.done;
  await editor.updateComplete;
}

export async function startFrom(editor: FeedEditor, template: 'goals' | 'tips' | 'events' | 'news'): Promise<void> {
  await press(editor, `#editor-template-${template}`);
}

export const focusedId = () => document.activeElement?.id ?? '';

export function previewWidget(editor: FeedEditor): HTMLElement {
  return $<EditorPreview>(editor, 'asskomm-editor-preview').widgetElement!;
}

/** Waits until the preview's widget shows the text (it reads the draft anew after each change). */
export async function previewShows(editor: FeedEditor, text: string): Promise<void> {
  await waitUntil(() => previewWidget(editor).shadowRoot?.textContent?.includes(text), `the preview to show "${text}"`, { timeout: 5000 });
}

/** The downloaded file: the editor's link to it is caught as it is clicked, and its Blob read. */
export async function catchDownload(start: () => Promise<void>): Promise<{ name: string; text: string }> {
  const original = HTMLAnchorElement.prototype.click;
  let caught: { name: string; text: Promise<string> } | undefined;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    // Read at once: the editor lets go of the Blob's address right after the click.
    if (this.download) caught = { name: this.download, text: fetch(this.href).then((answer) => answer.text()) };
    else original.call(this);
  };
  try {
    await start();
  } finally {
    HTMLAnchorElement.prototype.click = original;
  }
  if (!caught) throw new Error('nothing was downloaded');
  return { name: caught.name, text: await caught.text };
}
