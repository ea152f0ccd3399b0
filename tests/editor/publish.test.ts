// The publish panel (src/editor/publish/) against a server that answers as the feed routes do (docs/contact-api.md,
// "Published feeds"), by keyboard: what the coordinator reads when something goes wrong, in German and English, where
// the focus goes, and what is sent where. The same panel against the real server: publish-server.test.mjs.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { SETTINGS_STORAGE_KEY, TOKEN_STORAGE_KEY } from '../../src/editor/publish/publish-settings.js';
import type { FeedEditor } from '../../src/editor/feed-editor/feed-editor.js';
import { $, focusedId, mountEditor, press, startFrom } from './editor-support.js';

const SERVER = 'https://kontakt.praevention-sachsen.example';
const FEED = `${SERVER}/towns/bannewitz/feeds/goals`;

interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

describe('feed editor: the publish panel', function () {
  // Typing key by key, and the checker and the panel's chunk load on first use: as the other typing tests.
  this.timeout(30_000);
  const realFetch = window.fetch;
  let seen: Seen[];
  /** The next answers of the fake server, by method and path; a missing one is a 404. */
  let answers: Map<string, () => Response>;
  const json = (status: number, body: unknown) => () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  const version1 = { version: 1, etag: '"1-aaaaaaaaaaaaaaaa"', publishedAt: '2026-11-20T08:30:00.000Z', bytes: 900, restoredFrom: null };

  beforeEach(() => {
    seen = [];
    answers = new Map();
    localStorage.removeItem(SETTINGS_STORAGE_KEY);
    sessionStorage.removeItem(TOKEN_STORAGE_KEY);
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      // The preview reads the draft through a Blob URL: that is the page's own, not the server's.
      if (request.url.startsWith('blob:')) return realFetch(input, init);
      seen.push({ method: request.method, url: request.url, headers: Object.fromEntries(request.headers), body: typeof init?.body === 'string' ? init.body : '' });
      const answer = answers.get(`${request.method} ${request.url}`);
      if (answer === undefined && request.url.startsWith('https://nowhere.example')) throw new TypeError('Failed to fetch');
      return (answer ?? json(404, { error: 'not found' }))();
    };
  });

  afterEach(() => {
    window.fetch = realFetch;
  });

  async function openPanel(lang: 'de' | 'en' = 'de'): Promise<FeedEditor> {
    const editor = await mountEditor({ lang });
    await startFrom(editor, 'goals');
    await press(editor, '#editor-publish');
    await waitUntil(() => focusedId() === 'publish-heading', 'the panel did not take the focus', { timeout: 10_000 });
    return editor;
  }

  async function fill(editor: FeedEditor, server: string, town: string, token: string): Promise<void> {
    for (const [id, text] of [['publish-server', server], ['publish-town', town], ['publish-token', token]] as const) {
      $<HTMLInputElement>(editor, `#${id}`).focus();
      await sendKeys({ type: text });
    }
  }

  /** Presses a button of the panel and waits until the focus has moved on (the request's outcome). */
  async function pressAndWait(editor: FeedEditor, selector: string, focus: string): Promise<void> {
    await press(editor, selector);
    await waitUntil(() => focusedId() === focus, `the focus is on "${focusedId()}", not on ${focus}`, { timeout: 10_000 });
  }

  it('says at each field what it needs, tied to the field, and asks nothing of the server', async () => {
    const editor = await openPanel();
    await fill(editor, 'http://kontakt.gemeinde.de', 'Bannewitz', '');
    await pressAndWait(editor, '#publish-connect', 'publish-server');
    expect($(editor, '#publish-server-error').textContent).to.include('Die Adresse muss mit https:// beginnen');
    expect($(editor, '#publish-town-error').textContent).to.include('Kleinbuchstaben, Ziffern und Bindestrichen');
    expect($(editor, '#publish-token-error').textContent).to.include('Geben Sie den Token Ihrer Gemeinde ein.');
    expect($(editor, '#publish-town').getAttribute('aria-invalid')).to.equal('true');
    expect($(editor, '#publish-town').getAttribute('aria-describedby')).to.equal('publish-town-hint publish-town-error');
    expect($(editor, '#publish-token').getAttribute('type')).to.equal('password');
    expect(seen).to.deep.equal([]);
    await expect(editor).to.be.accessible();
  });

  it('loads the published version with the token in the Authorization header only, and publishes over it', async () => {
    answers.set(`GET ${FEED}/versions`, json(200, { feed: 'goals', versions: [{ ...version1, current: true }] }));
    answers.set(`GET ${FEED}/versions/1`, json(200, { ...version1, text: JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Alt', items: [] }) }));
    const editor = await openPanel();
    await fill(editor, `${SERVER}/`, 'bannewitz', 'geheim-123');
    await pressAndWait(editor, '#publish-connect', 'publish-state');
    expect($(editor, '#publish-state').textContent).to.include('Veröffentlicht ist Version 1 vom 20. November 2026 um 09:30.');
    expect($(editor, '.editor-publish').textContent).to.include('Neu: „Weniger Straftaten, und weniger schwere“');
    expect(seen.map((request) => `${request.method} ${request.url}`)).to.deep.equal([`GET ${FEED}/versions`, `GET ${FEED}/versions/1`]);
    expect(seen.every((request) => request.headers.authorization === 'Bearer geheim-123' && !request.url.includes('geheim'))).to.equal(true);
    expect(localStorage.getItem(SETTINGS_STORAGE_KEY)).to.equal(JSON.stringify({ server: `${SERVER}/`, town: 'bannewitz' }));
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).to.equal('geheim-123');

    answers.set(`PUT ${FEED}`, json(201, { ...version1, version: 2, etag: '"2-bbbbbbbbbbbbbbbb"', warnings: [] }));
    answers.set(`GET ${FEED}/versions`, json(200, { feed: 'goals', versions: [{ ...version1, version: 2, etag: '"2-bbbbbbbbbbbbbbbb"', current: true }, version1] }));
    answers.set(`GET ${FEED}/versions/2`, json(200, { ...version1, version: 2, text: editor.text }));
    await pressAndWait(editor, '#publish-now', 'publish-now');
    const put = seen.find((request) => request.method === 'PUT')!;
    expect(put.headers['if-match']).to.equal(version1.etag);
    expect(put.headers['content-type']).to.equal('application/feed+json; charset=utf-8');
    expect(put.body).to.equal(editor.text);
    await waitUntil(() => $(editor, '#editor-status').textContent === 'Version 2 ist veröffentlicht.', 'not announced');
    expect($(editor, '.editor-publish').textContent).to.include('Nichts hat sich geändert.');
    expect($(editor, '#publish-restore-1').getAttribute('aria-label')).to.equal('Version 1 wiederherstellen');
  });

  it('asks before a restore: Escape and "Abbrechen" go back to the version’s button, "Ja" restores it', async () => {
    const version2 = { ...version1, version: 2, etag: '"2-bbbbbbbbbbbbbbbb"', publishedAt: '2026-11-21T08:30:00.000Z' };
    const version3 = { ...version1, version: 3, etag: '"3-cccccccccccccccc"', publishedAt: '2026-11-22T08:30:00.000Z', restoredFrom: 1 };
    const text = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Alt', items: [] });
    answers.set(`GET ${FEED}/versions`, json(200, { feed: 'goals', versions: [{ ...version2, current: true }, version1] }));
    answers.set(`GET ${FEED}/versions/2`, json(200, { ...version2, text }));
    const editor = await openPanel();
    await fill(editor, SERVER, 'bannewitz', 'geheim-123');
    await pressAndWait(editor, '#publish-connect', 'publish-state');

    await pressAndWait(editor, '#publish-restore-1', 'publish-restore-confirm');
    expect($(editor, '[role="group"][aria-labelledby="publish-restore-question"]').textContent).to.include(
      'Version 1 wieder veröffentlichen? Sie ersetzt Version 2, und die Website zeigt sie innerhalb einer Minute.',
    );
    expect($(editor, '#publish-restore-confirm').textContent).to.equal('Ja, Version 1 veröffentlichen');
    await expect(editor).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => focusedId() === 'publish-restore-1', `the focus is on "${focusedId()}"`);
    await pressAndWait(editor, '#publish-restore-1', 'publish-restore-confirm');
    await pressAndWait(editor, '#publish-restore-cancel', 'publish-restore-1');
    expect(seen.some((request) => request.method === 'POST')).to.equal(false, 'nothing restored before "Ja"');

    answers.set(`POST ${FEED}/versions/1/restore`, json(201, version3));
    answers.set(`GET ${FEED}/versions`, json(200, { feed: 'goals', versions: [{ ...version3, current: true }, version2, version1] }));
    answers.set(`GET ${FEED}/versions/3`, json(200, { ...version3, text }));
    await pressAndWait(editor, '#publish-restore-1', 'publish-restore-confirm');
    await pressAndWait(editor, '#publish-restore-confirm', 'publish-state');
    const restore = seen.find((request) => request.method === 'POST')!;
    expect(restore.url).to.equal(`${FEED}/versions/1/restore`);
    expect(restore.headers['if-match']).to.equal(version2.etag);
    await waitUntil(() => $(editor, '#editor-status').textContent === 'Version 1 ist wiederhergestellt und jetzt als Version 3 veröffentlicht.', 'not announced');
  });

  it('shows the server’s problems (422) in English, and each failure in a box that takes the focus', async () => {
    answers.set(`GET ${FEED}/versions`, json(200, { feed: 'goals', versions: [] }));
    answers.set(`PUT ${FEED}`, json(422, { error: 'the feed has 1 error(s)', problems: [{ severity: 'error', code: 'link-not-allowed', path: 'items[0]._kpr.measures[0].url', message: '"javascript:x" is not shown: only http(s) links are', fix: 'Link to a web page.' }], warnings: [] }));
    const editor = await openPanel('en');
    await fill(editor, SERVER, 'bannewitz', 'geheim-123');
    await pressAndWait(editor, '#publish-connect', 'publish-state');
    expect($(editor, '#publish-state').textContent).to.include('Nothing has been published for this feed yet.');
    expect(seen.find((request) => request.method === 'PUT')).to.equal(undefined, 'nothing published while only loading');
    await pressAndWait(editor, '#publish-now', 'publish-failure');
    const box = $(editor, '#publish-failure');
    expect(box.textContent).to.include('The server found errors in the feed and did not publish it:');
    expect(box.textContent).to.include('items[0]._kpr.measures[0].url');
    expect(box.querySelector('[lang="en"]')?.textContent).to.include('only http(s) links are');
    expect(seen.filter((request) => request.method === 'PUT')[0]?.headers['if-match']).to.equal(undefined, 'the first version needs no If-Match');
    await expect(editor).to.be.accessible();
  });

  it('publishes nothing while the draft has errors: the error summary takes the focus', async () => {
    answers.set(`GET ${FEED}/versions`, json(200, { feed: 'goals', versions: [] }));
    const editor = await openPanel();
    await fill(editor, SERVER, 'bannewitz', 'geheim-123');
    await pressAndWait(editor, '#publish-connect', 'publish-state');
    await press(editor, '#field-items_0_kpr_measures-add'); // a measure without its name: an error
    await press(editor, '#publish-now');
    await waitUntil(() => document.activeElement?.matches('[aria-labelledby="editor-error-summary-title"]') ?? false, 'the error summary did not take the focus', { timeout: 10_000 });
    await waitUntil(() => $(editor, '#editor-status').textContent?.includes('Der Feed hat Fehler und wurde nicht veröffentlicht.'), 'not announced');
    expect(seen.some((request) => request.method === 'PUT')).to.equal(false);
  });

  it('a wrong token, and a server that does not answer, say what to check', async () => {
    answers.set(`GET ${FEED}/versions`, json(401, { error: 'a valid coordinator token is required' }));
    const editor = await openPanel();
    await fill(editor, SERVER, 'bannewitz', 'falsch');
    await pressAndWait(editor, '#publish-connect', 'publish-failure');
    expect($(editor, '#publish-failure').textContent).to.include('Der Token passt nicht zu dieser Gemeinde.');
    expect(editor.querySelector('#publish-now')).to.equal(null, 'nothing to publish over');

    $<HTMLInputElement>(editor, '#publish-server').select();
    await sendKeys({ type: 'https://nowhere.example' });
    await pressAndWait(editor, '#publish-connect', 'publish-failure');
    expect($(editor, '#publish-failure').textContent).to.include('Der Server hat nicht geantwortet.');
    expect($(editor, '#publish-failure').textContent).to.include('Content-Security-Policy');
  });

  it('speaks the editor’s other language when the coordinator switches to it, the panel open', async () => {
    const editor = await openPanel();
    expect($(editor, '#publish-heading').textContent).to.equal('Auf dem Server der Gemeinde veröffentlichen');
    await press(editor, '.editor-header button[lang="en"]');
    await waitUntil(() => $(editor, '#publish-heading').textContent === "Publish on the town's server", `the heading says "${$(editor, '#publish-heading').textContent}"`, { timeout: 10_000 });
    expect($(editor, '#publish-forget').textContent).to.equal('Forget token');
  });

  it('forgets the token at once, and keeps it in this tab only', async () => {
    const editor = await openPanel();
    await fill(editor, SERVER, 'bannewitz', 'geheim-123');
    await press(editor, '#publish-connect');
    await waitUntil(() => sessionStorage.getItem(TOKEN_STORAGE_KEY) === 'geheim-123', 'the token is not kept for the tab');
    expect(JSON.stringify(localStorage)).not.to.include('geheim-123');
    await pressAndWait(editor, '#publish-forget', 'publish-token');
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).to.equal(null);
    expect($<HTMLInputElement>(editor, '#publish-token').value).to.equal('');
    await waitUntil(() => $(editor, '#editor-status').textContent?.includes('Der Token ist vergessen.'), 'not announced');
    await pressAndWait(editor, '#publish-close', 'editor-publish');
    expect(editor.querySelector('asskomm-publish-panel')).to.equal(null);
  });
});
