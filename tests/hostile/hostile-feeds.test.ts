import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import { captureConsole, fresh, settled, shadow, visibleText } from '../support/helpers.js';

interface DripLog {
  sent: number;
  closed: boolean;
  complete: boolean;
  requests: number;
}

const dripLog = async (key: string): Promise<DripLog | null> => (await fetch(`/test-api/drip-log/${key}`)).json() as Promise<DripLog | null>;
const key = () => Math.random().toString(36).slice(2);

/** Nesting far deeper than any parser's or renderer's recursion could take, written as text (JSON.stringify would recurse). */
const DEPTH = 100_000;
const deepArray = `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`;
const deepObject = `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`;
const deepHtml = `${'<div><b>'.repeat(5000)}Tief verschachtelt${'</b></div>'.repeat(5000)}`;
const inMemory = (text: string) => URL.createObjectURL(new Blob([text], { type: 'application/feed+json' }));

/** A valid feed whose items and top level also carry deeply nested extension data. */
function deepFeed(item: Record<string, unknown>): string {
  const itemJson = JSON.stringify(item).replace(/^\{/, `{"_deep_array":${deepArray},"_deep_object":${deepObject},`);
  return `{"version":"https://jsonfeed.org/version/1.1","title":"Tief","_deep":${deepArray},"items":[${itemJson}]}`;
}

describe('hostile feeds', () => {
  let silence: ReturnType<typeof captureConsole>[] = [];
  beforeEach(() => (silence = [captureConsole('warn'), captureConsole('error')]));
  afterEach(() => silence.forEach((capture) => capture.restore()));

  describe('a feed that arrives one byte a second', () => {
    for (const [tag, template] of [
      ['kpr-news-feed', (src: string) => html`<kpr-news-feed eager timeout="1" src=${src}></kpr-news-feed>`],
      ['kpr-prevention-tips', (src: string) => html`<kpr-prevention-tips eager timeout="1" src=${src}></kpr-prevention-tips>`],
      ['kpr-event-calendar', (src: string) => html`<kpr-event-calendar eager view="list" timeout="1" src=${src}></kpr-event-calendar>`],
    ] as const) {
      it(`${tag} gives up after its timeout, says so, and hangs up`, async () => {
        const name = key();
        const src = `${location.origin}/test-api/drip/${name}?feed=${tag === 'kpr-event-calendar' ? 'events.json' : tag === 'kpr-prevention-tips' ? 'tips-central.json' : 'news.json'}`;
        const el = await fixture<HTMLElement>(template(src));
        await settled(el);
        expect(visibleText(el)).to.include('Die Inhalte können gerade nicht geladen werden.');
        const errors = silence[1]!.messages.join('\n');
        expect(errors).to.include(src);
        expect(errors).to.include('no complete answer within 1 s');
        // The browser hung up: the server stops sending, so a slow feed costs neither memory nor a connection.
        await waitUntil(async () => (await dripLog(name))?.closed, `the browser to close the connection: ${JSON.stringify(await dripLog(name))}`, { timeout: 5000 });
        const log = (await dripLog(name))!;
        expect(log.complete).to.equal(false);
        expect(log.requests, "requests").to.equal(1);
        expect(log.sent).to.be.below(10);
      });
    }
  });

  describe('deeply nested JSON', () => {
    const cases = [
      {
        tag: 'kpr-news-feed',
        item: { id: 'tief-1', title: 'Sprechstunde der Bürgerpolizistin', content_html: `<p>Erste Zeile.</p>${deepHtml}`, date_published: '2026-11-02T10:00:00+01:00' },
        mount: (src: string) => html`<kpr-news-feed eager src=${src}></kpr-news-feed>`,
        shows: ['Sprechstunde der Bürgerpolizistin', 'Erste Zeile.'],
      },
      {
        tag: 'kpr-prevention-tips',
        item: { id: 'tipp-1', title: 'Haustür immer abschließen', content_html: deepHtml, _kpr: { topic: 'burglary' } },
        mount: (src: string) => html`<kpr-prevention-tips eager src=${src}></kpr-prevention-tips>`,
        shows: ['Haustür immer abschließen'],
      },
      {
        tag: 'kpr-goal-overview',
        item: { id: 'ziel-1', title: 'Sicherheitsgefühl stärken', content_text: 'Mehr Menschen fühlen sich sicher.', _kpr: { measures: [{ title: 'Bessere Beleuchtung am Bahnhof', status: 'running' }] } },
        mount: (src: string) => html`<kpr-goal-overview eager expanded src=${src}></kpr-goal-overview>`,
        shows: ['Bessere Beleuchtung am Bahnhof'],
      },
      {
        tag: 'kpr-event-calendar',
        item: { id: 'termin-1', title: 'Präventionstag', content_html: deepHtml, _kpr: { start: '2026-12-05T10:00:00+01:00', end: '2026-12-05T15:00:00+01:00' } },
        mount: (src: string) => html`<kpr-event-calendar eager view="list" date="2026-12" src=${src}></kpr-event-calendar>`,
        shows: ['Präventionstag'],
      },
    ];
    for (const { tag, item, mount, shows } of cases) {
      it(`${tag} shows a feed whose items carry 100,000 levels of nesting, and ignores the nesting`, async () => {
        const el = await fixture<HTMLElement>(mount(inMemory(deepFeed(item))));
        await settled(el);
        // Some widgets read an item's details (and clean its HTML) a moment after the feed has loaded.
        for (const text of shows) await waitUntil(() => visibleText(el).includes(text), `"${text}" in ${tag}`, { timeout: 5000 });
      });
    }

    it('the sanitised HTML keeps its text and is no deeper than the browser\'s own parser allows', async () => {
      const el = await fixture<HTMLElement>(cases[0]!.mount(inMemory(deepFeed(cases[0]!.item))));
      await settled(el);
      // (WebKit lays out no text nested hundreds of levels deep, on any page: this checks the text, not the drawing.)
      await waitUntil(() => shadow(el).querySelector('.body')?.textContent?.includes('Tief verschachtelt'), 'the sanitised HTML of the article', { timeout: 5000 });
      // Measured from the innermost element, the one around the text, against what this browser's own HTML
      // parser makes of the same markup (Chromium and Firefox flatten beyond 512 levels; WebKit keeps more).
      const textDepth = (root: Node) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        let depth = -1;
        while (walker.nextNode()) {
          if (!walker.currentNode.textContent!.includes('Tief verschachtelt')) continue;
          depth = 0;
          for (let node = walker.currentNode.parentElement; node && node !== root; node = node.parentElement) depth++;
        }
        return depth;
      };
      const parsed = new DOMParser().parseFromString(deepHtml, 'text/html').body;
      expect(textDepth(shadow(el).querySelector('.body')!)).to.be.within(100, textDepth(parsed));
    });

    it('a feed that is only nesting is an error with its cause, not a hang', async () => {
      const el = await fixture<HTMLElement>(html`<kpr-news-feed eager src=${inMemory(deepArray)}></kpr-news-feed>`);
      await settled(el);
      // No feed at all: asking again cannot mend it, so no retry is offered (the code chooses, issue 14, point 8).
      expect(visibleText(el)).to.include('Die Inhalte können hier nicht angezeigt werden, weil sie nicht richtig eingebunden sind.');
      expect(shadow(el).querySelector('[part="retry-button"]')).to.equal(null);
      expect(silence[1]!.messages.join('\n')).to.match(/\[not-a-feed\] could not use the feed blob:\S+: not a feed: expected JSON Feed, RSS, Atom or iCalendar, got "\[\[\[/);
    });
  });

  it('a 200 answer that is an HTML page (a CMS error page) is an error with its cause', async () => {
    const page = '<!DOCTYPE html><html><head><title>Seite nicht gefunden</title></head><body><h1>404</h1></body></html>';
    const src = fresh(`/test-api/echo?type=text/html&body=${encodeURIComponent(page)}`);
    const el = await fixture<HTMLElement>(html`<kpr-news-feed eager src=${src}></kpr-news-feed>`);
    await settled(el);
    expect(visibleText(el)).to.include('Die Inhalte können hier nicht angezeigt werden, weil sie nicht richtig eingebunden sind.');
    expect(shadow(el).querySelector('[part="retry-button"]')).to.equal(null);
    expect(silence[1]!.messages.join('\n')).to.include('[html-page] could not use the feed').and.include('the server sent an HTML page, not a feed');
  });
});
