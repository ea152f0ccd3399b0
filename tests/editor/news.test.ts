// The news form: a news item with its text, date, image and text alternative, tags and link; HTML from an opened
// feed kept read-only. At the suite's instant, Tuesday, 24 November 2026, 10:00 in Berlin.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { checkFeed } from '../../src/validator/check-feed.js';
import type { FeedEditor } from '../../src/editor/feed-editor/feed-editor.js';
import { $, catchDownload, focusedId, mountEditor, press, pressDownload, previewShows, previewWidget, startFrom, typeInto } from './editor-support.js';

const ITEM = '#field-items_0';
const ALT = `${ITEM}_kpr_image_alt`;

async function settle(editor: FeedEditor): Promise<void> {
  await editor.check.done;
  await editor.updateComplete;
}

async function download(editor: FeedEditor): Promise<{ name: string; text: string; feed: { items: Array<Record<string, unknown>> } }> {
  await pressDownload(editor);
  expect(focusedId()).to.equal('editor-review-heading');
  const file = await catchDownload(() => press(editor, '#editor-download-now'));
  return { ...file, feed: JSON.parse(file.text) };
}

async function newsItem(editor: FeedEditor): Promise<void> {
  await startFrom(editor, 'news');
  await press(editor, '#field-items-add');
  expect(focusedId()).to.equal('field-items_0_title');
  await typeInto(editor, `${ITEM}_title`, 'Neue Leuchten am Fußweg zum Bahnhof', false);
  await typeInto(editor, `${ITEM}_summary`, 'Sechs zusätzliche Leuchten machen den Weg abends heller.');
  await typeInto(editor, `${ITEM}_content_text`, 'Die Gemeinde hat sechs Leuchten aufgestellt.');
}

describe('feed editor: news', function () {
  // A coordinator's typing, key by key, on a machine shared with other test runs: more than mocha's 8 s default.
  this.timeout(30_000);

  it('shows the missing text alternative of an image at its field, keeps it from the download, and accepts it once written', async () => {
    const editor = await mountEditor();
    await newsItem(editor);
    await typeInto(editor, `${ITEM}_image`, 'https://www.bannewitz.de/praevention/images/beleuchtung.jpg');
    await settle(editor);
    const alt = $<HTMLTextAreaElement>(editor, ALT);
    expect(alt.getAttribute('aria-invalid')).to.equal('true');
    expect(alt.getAttribute('aria-describedby')!.split(' ')).to.include(`${ALT.slice(1)}-error`);
    expect($(editor, `${ALT}-error`).textContent).to.include('has an image but no _kpr.image_alt');
    const link = $<HTMLAnchorElement>(editor, '.editor-error-summary a');
    expect(link.getAttribute('href')).to.equal(ALT);
    expect(link.textContent).to.include('Meldung 1').and.include('Was zeigt das Bild?');

    // The download shows the error summary instead.
    await pressDownload(editor);
    expect(document.activeElement).to.equal($(editor, '.editor-error-summary'));
    link.click();
    expect(focusedId()).to.equal(ALT.slice(1));

    await typeInto(editor, ALT, 'Ein Fußweg am Abend, von Laternen hell beleuchtet.');
    expect(alt.hasAttribute('aria-invalid')).to.equal(false);
    expect(editor.querySelector('.editor-error-summary')).to.equal(null);
    await typeInto(editor, `${ITEM}_tags`, 'Verkehr');
    await previewShows(editor, 'Neue Leuchten am Fußweg zum Bahnhof');
    await previewShows(editor, 'Verkehr');

    const file = await download(editor);
    expect(file.name).to.equal('neuigkeiten.json');
    const item = file.feed.items[0]!;
    expect(Object.keys(item)).to.deep.equal(['id', 'title', 'summary', 'content_text', 'image', 'date_published', 'tags', '_kpr']);
    expect(item.date_published).to.equal('2026-11-24T10:00:00+01:00');
    expect(item._kpr).to.deep.equal({ image_alt: 'Ein Fußweg am Abend, von Laternen hell beleuchtet.' });
    expect(item.tags).to.deep.equal(['Verkehr']);
    const report = await checkFeed(file.text, { source: file.name, widget: 'news-feed' });
    expect(report.problems.filter((problem) => problem.severity === 'error')).to.deep.equal([]);
  });

  it('marks an image as decorative with an empty text alternative', async () => {
    const editor = await mountEditor();
    await newsItem(editor);
    await typeInto(editor, `${ITEM}_image`, 'https://www.bannewitz.de/praevention/images/linie.svg');
    $(editor, `${ALT}-decorative`).focus();
    await sendKeys({ press: 'Space' });
    await settle(editor);
    expect(editor.querySelector(ALT)).to.equal(null);
    expect(editor.check.errors).to.deep.equal([]);
    const file = await download(editor);
    expect(file.feed.items[0]!._kpr).to.deep.equal({ image_alt: '' });
  });

  it('schedules an item with a later date: it says so, and the preview shows it only from then', async () => {
    const editor = await mountEditor();
    await newsItem(editor);
    await previewShows(editor, 'Neue Leuchten am Fußweg zum Bahnhof');
    await typeInto(editor, `${ITEM}_date_published`, '01.12.2026');
    await typeInto(editor, `${ITEM}_date_published-time`, '08:30');
    // "8:30" or "08:30": the engines' German time formats differ (core/format.ts formatTime).
    expect($(editor, `${ITEM}_date_published-scheduled`).textContent).to.match(/^Geplant: Die Meldung erscheint erst am Dienstag, 1\. Dezember 2026 um 0?8:30 Uhr im Widget\.$/);
    await waitUntil(() => !previewWidget(editor).shadowRoot?.textContent?.includes('Neue Leuchten'), 'the preview to leave the scheduled item out');
    await settle(editor);
    expect(editor.check.warnings.map((problem) => problem.code)).to.include('date-in-future');
    const file = await download(editor);
    expect(file.feed.items[0]!.date_published).to.equal('2026-12-01T08:30:00+01:00');
  });

  it('keeps HTML content of an opened feed, shown read-only', async () => {
    const editor = await mountEditor();
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Neuigkeiten',
      items: [{ id: 'a', title: 'Aus dem CMS', content_html: '<p>Mit <strong>HTML</strong>.</p>', date_published: '2026-11-20T09:00:00+01:00' }],
    };
    editor.draft.start({ feed, original: feed, kind: 'news-feed', name: 'news.json' });
    await editor.updateComplete;
    const html = $<HTMLTextAreaElement>(editor, `${ITEM}_content_html`);
    expect(html.readOnly).to.equal(true);
    expect(html.value).to.equal('<p>Mit <strong>HTML</strong>.</p>');
    expect(editor.querySelector(`${ITEM}_content_text`)).to.equal(null);
    expect($<HTMLInputElement>(editor, `${ITEM}_date_published`).value).to.equal('20.11.2026');
    expect($<HTMLInputElement>(editor, `${ITEM}_date_published-time`).value).to.equal('09:00');
    await typeInto(editor, `${ITEM}_title`, 'Aus dem CMS, ergänzt');
    const file = await download(editor);
    expect(file.feed.items[0]).to.deep.equal({ id: 'a', title: 'Aus dem CMS, ergänzt', content_html: '<p>Mit <strong>HTML</strong>.</p>', date_published: '2026-11-20T09:00:00+01:00' });
  });

  it('is axe-clean with the news form, an image problem and the error summary', async () => {
    const editor = await mountEditor();
    await newsItem(editor);
    await typeInto(editor, `${ITEM}_image`, 'https://www.bannewitz.de/praevention/images/beleuchtung.jpg');
    await settle(editor);
    expect(editor.querySelector('.editor-error-summary')).not.to.equal(null);
    await expect(editor).to.be.accessible();
  });
});
