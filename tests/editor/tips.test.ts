// The tip form's Leichte-Sprache version: written into the feed as `_kpr.easy`, seen in the preview in Leichte
// Sprache, and an emptied easy text named at its field.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { checkFeed } from '../../src/validator/check-feed.js';
import type { FeedEditor } from '../../src/editor/feed-editor/feed-editor.js';
import { $, catchDownload, focusedId, mountEditor, press, pressDownload, previewShows, startFrom, typeInto } from './editor-support.js';

const EASY = '#field-items_0_kpr_easy';

/** A new tip with its title and text, and the Leichte-Sprache group opened by keyboard. */
async function tipWithEasyGroup(editor: FeedEditor): Promise<void> {
  await startFrom(editor, 'tips');
  await press(editor, '#field-items-add');
  await typeInto(editor, '#field-items_0_title', 'Enkeltrick: auflegen', false);
  await typeInto(editor, '#field-items_0_content_text', 'Legen Sie auf und rufen Sie Ihre Familie unter der bekannten Nummer zurück.');
  const disclosure = editor.querySelector<HTMLDetailsElement>('details.editor-easy')!;
  expect(disclosure.open, 'closed while the tip has no easy version').to.equal(false);
  disclosure.querySelector('summary')!.focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => disclosure.open, 'the Leichte-Sprache group to open');
  expect(disclosure.querySelector('legend')!.textContent).to.equal('Der Tipp in Leichter Sprache');
}

describe('feed editor: a tip in Leichte Sprache', () => {
  it('writes the easy title and text into the feed as _kpr.easy, and the preview in Leichte Sprache shows them', async function () {
    this.timeout(30_000); // typed key by key
    const editor = await mountEditor();
    await tipWithEasyGroup(editor);
    await typeInto(editor, `${EASY}_title`, 'Vorsicht bei Anrufen', false);
    await typeInto(editor, `${EASY}_content_text`, 'Jemand ruft an.', false);
    expect($(editor, `${EASY}_content_text`).getAttribute('aria-describedby')).to.equal('field-items_0_kpr_easy_content_text-hint');
    const language = $<HTMLSelectElement>(editor, '#editor-preview-language');
    language.value = 'de-x-ls';
    language.dispatchEvent(new Event('change', { bubbles: true }));
    await previewShows(editor, 'Vorsicht bei Anrufen');
    await pressDownload(editor);
    expect(focusedId()).to.equal('editor-review-heading');
    const file = await catchDownload(() => press(editor, '#editor-download-now'));
    const tip = JSON.parse(file.text).items[0];
    expect(tip._kpr.easy).to.deep.equal({ title: 'Vorsicht bei Anrufen', content_text: 'Jemand ruft an.' });
    const report = await checkFeed(file.text, { source: file.name, widget: 'prevention-tips' });
    expect(report.problems.filter((problem) => problem.severity === 'error')).to.deep.equal([]);
  });

  it('names an emptied easy text at its field, and removing the version takes the problem away and closes the group', async function () {
    this.timeout(30_000);
    const editor = await mountEditor();
    await tipWithEasyGroup(editor);
    await typeInto(editor, `${EASY}_content_text`, 'Jemand ruft an.', false);
    const text = $<HTMLTextAreaElement>(editor, `${EASY}_content_text`);
    text.select();
    await sendKeys({ press: 'Backspace' });
    await editor.updateComplete;
    await editor.check.done;
    await editor.updateComplete;
    const field = $(editor, `${EASY}_content_text`);
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    const error = $(editor, `#${field.getAttribute('aria-describedby')!.split(' ').find((id) => id.endsWith('-error'))!}`);
    expect(error.textContent).to.include('must not be empty');
    await expect(editor).to.be.accessible();
    // Closed with its error, the group opens again when the error summary's link is followed.
    const disclosure = editor.querySelector<HTMLDetailsElement>('details.editor-easy')!;
    disclosure.querySelector('summary')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !disclosure.open, 'the group to close');
    await press(editor, `.editor-error-summary a[href="${EASY}_content_text"]`);
    expect(disclosure.open, 'opened by the link').to.equal(true);
    expect(focusedId()).to.equal('field-items_0_kpr_easy_content_text');
    await press(editor, 'details.editor-easy fieldset > button');
    await editor.check.done;
    await editor.updateComplete;
    expect(focusedId()).to.equal('field-items_0_kpr_easy-summary');
    expect(editor.querySelector<HTMLDetailsElement>('details.editor-easy')!.open, 'closed again').to.equal(false);
    expect(editor.querySelector(`${EASY}_content_text`)!.getAttribute('aria-invalid')).to.equal(null);
  });
});
