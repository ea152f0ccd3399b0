import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/prevention-tips.js';
import type { KprPreventionTips } from '../../../src/prevention-tips.js';
import { expectVisible, expectVisibleBorder, expectVisibleFocusRing, inForcedColours, startSide, tabInto } from '../../support/forced-colors.js';
import { captureConsole, fresh, settled, shadow } from '../../support/helpers.js';
import { atInstant } from '../../support/clock.js';

const central = () => fresh('/tests/fixtures/tips-central.json');
const local = () => fresh('/tests/fixtures/tips-local.json');

async function tipsWidget(attributes: Record<string, string> = {}, src = `${central()} ${local()}`): Promise<KprPreventionTips> {
  const el = document.createElement('kpr-prevention-tips');
  el.setAttribute('eager', '');
  el.setAttribute('src', src);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const wrapper = await fixture(html`<div></div>`);
  wrapper.append(el);
  await settled(el);
  return el;
}

const titles = (el: HTMLElement) => [...shadow(el).querySelectorAll('[part="tip-button"]')].map((b) => b.textContent!.trim());
const groups = (el: HTMLElement) => [...shadow(el).querySelectorAll('[part="group-title"]')].map((g) => g.textContent!.trim());
const button = (el: HTMLElement, title: string) =>
  [...shadow(el).querySelectorAll<HTMLButtonElement>('[part="tip-button"]')].find((b) => b.textContent!.trim() === title)!;
const focusedTitle = (el: HTMLElement) => shadow(el).activeElement?.textContent?.trim();

async function search(el: KprPreventionTips, text: string) {
  const input = shadow(el).querySelector('input')!;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

describe('<kpr-prevention-tips>', () => {
  it('groups tips by topic, and a local tip replaces the central one with the same id', async () => {
    const el = await tipsWidget();
    expect(groups(el)).to.deep.equal(['Einbruchschutz', 'Betrug an älteren Menschen', 'Betrug im Internet', 'Fahrraddiebstahl', 'Verkehrssicherheit']);
    expect(titles(el)).to.include('Der Enkeltrick – so reagieren Sie in Bannewitz').and.not.include('Der Enkeltrick');
    expect(titles(el)).to.have.length(5);
  });

  it('opens and closes a tip from the keyboard, as a disclosure', async () => {
    const el = await tipsWidget();
    const tip = button(el, 'Licht an, wenn Sie unterwegs sind');
    tip.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(tip.getAttribute('aria-expanded')).to.equal('true');
    const panel = shadow(el).getElementById(tip.getAttribute('aria-controls')!)!;
    expect(panel.hidden).to.equal(false);
    expect(panel.textContent).to.include('Zeitschaltuhr');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(tip.getAttribute('aria-expanded')).to.equal('false');
    expect(panel.hidden).to.equal(true);
  });

  it('keeps an open tip open, with its content and the keyboard focus, while a search takes the others out and puts them back', async () => {
    const el = await tipsWidget();
    const all = titles(el);
    const tip = button(el, 'Licht an, wenn Sie unterwegs sind');
    tip.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await search(el, 'zeitschaltuhr');
    expect(titles(el)).to.deep.equal(['Licht an, wenn Sie unterwegs sind']);
    await search(el, '');
    expect(titles(el)).to.deep.equal(all);
    expect(button(el, 'Licht an, wenn Sie unterwegs sind'), 'the same button').to.equal(tip);
    expect(tip.getAttribute('aria-expanded')).to.equal('true');
    expect(shadow(el).getElementById(tip.getAttribute('aria-controls')!)!.textContent).to.include('Zeitschaltuhr');
    // The other tips came back closed and empty.
    const closed = [...shadow(el).querySelectorAll<HTMLElement>('[part="tip-panel"]')].filter((panel) => panel.hidden);
    expect(closed).to.have.length(all.length - 1);
    expect(closed.every((panel) => panel.childElementCount === 0)).to.equal(true);
  });

  it('keeps the whole focus ring of a tip, whose layout waits until it comes near the viewport', async () => {
    const el = await tipsWidget();
    const tip = button(el, 'Fahrrad codieren lassen');
    tip.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowUp' });
    expectVisibleFocusRing(tip, 'the tip\'s button');
    const ring = parseFloat(getComputedStyle(tip).outlineWidth) + parseFloat(getComputedStyle(tip).outlineOffset);
    const box = getComputedStyle(tip.closest('[part="tip"]')!);
    // A tip that is laid out only when near paints nothing outside its clip margin: the ring must fit in it.
    if (box.contentVisibility === 'auto') expect(parseFloat(box.overflowClipMargin), 'the room for the ring around a tip').to.be.at.least(ring);
  });

  it('moves between tips with the arrow keys, Home and End', async () => {
    const el = await tipsWidget();
    button(el, 'Licht an, wenn Sie unterwegs sind').focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedTitle(el)).to.equal('Der Enkeltrick – so reagieren Sie in Bannewitz');
    await sendKeys({ press: 'End' });
    expect(focusedTitle(el)).to.equal('Dunkle Straße melden');
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedTitle(el)).to.equal('Licht an, wenn Sie unterwegs sind');
    await sendKeys({ press: 'ArrowUp' });
    expect(focusedTitle(el)).to.equal('Dunkle Straße melden');
    await sendKeys({ press: 'Home' });
    expect(focusedTitle(el)).to.equal('Licht an, wenn Sie unterwegs sind');
  });

  it('keeps several tips open, or one with `single`', async () => {
    const many = await tipsWidget();
    button(many, 'Licht an, wenn Sie unterwegs sind').click();
    button(many, 'Fahrrad codieren lassen').click();
    await many.updateComplete;
    expect(shadow(many).querySelectorAll('[aria-expanded="true"]')).to.have.length(2);
    const one = await tipsWidget({ single: '' });
    button(one, 'Licht an, wenn Sie unterwegs sind').click();
    button(one, 'Fahrrad codieren lassen').click();
    await one.updateComplete;
    expect([...shadow(one).querySelectorAll('[aria-expanded="true"]')].map((b) => b.textContent!.trim())).to.deep.equal(['Fahrrad codieren lassen']);
  });

  describe('search and filters', () => {
    for (const [query, expected] of [
      ['einbruch', ['Licht an, wenn Sie unterwegs sind']], // a word part finds "Einbruchschutz"
      ['STRASSE', ['Dunkle Straße melden']], // ß typed as ss, any case
      ['haeuser', ['Licht an, wenn Sie unterwegs sind']], // ä typed as ae ("Häusern")
      ['hauser zeitschaltuhr', ['Licht an, wenn Sie unterwegs sind']], // every word, accents ignored
      ['gibt es nicht', []],
    ] as const) {
      it(`"${query}" finds ${expected.length ? expected.join(', ') : 'nothing, and says so'}`, async () => {
        const el = await tipsWidget();
        await search(el, query);
        expect(titles(el)).to.deep.equal([...expected]);
        if (!expected.length) expect(shadow(el).textContent).to.include('Kein Tipp passt zu Ihrer Auswahl.');
        expect(shadow(el).querySelector('[role="status"]')!.textContent).to.equal(expected.length === 1 ? '1 Tipp' : `${expected.length} Tipps`);
      });
    }

    it('filters by topic and by audience; tips for everyone are always for you', async () => {
      const el = await tipsWidget({ audience: 'older-people' });
      expect(titles(el)).to.deep.equal([
        'Licht an, wenn Sie unterwegs sind', // for everyone
        'Der Enkeltrick – so reagieren Sie in Bannewitz',
        'Vorsicht bei Links in Nachrichten', // no audience given: for everyone
        'Dunkle Straße melden',
      ]);
      const [topic] = shadow(el).querySelectorAll('select');
      topic!.value = 'fraud-older-people';
      topic!.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['Der Enkeltrick – so reagieren Sie in Bannewitz']);
    });
  });

  it('shows phone numbers as links that dial, only safe links, and downloads with type and size', async () => {
    const el = await tipsWidget({}, central());
    button(el, 'Der Enkeltrick').click();
    button(el, 'Vorsicht bei Links in Nachrichten').click();
    await el.updateComplete;
    const hrefs = [...shadow(el).querySelectorAll('.panel a')].map((a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal(['tel:110', 'tel:116006', 'https://www.polizei-beratung.de/', new URL('/merkblatt.pdf', location.href).href]);
    expect(shadow(el).textContent).to.include('Merkblatt (PDF, 1,2 MB)');
  });

  describe('spotlight', () => {
    const spotlight = async (date: string, extra: Record<string, string> = {}) => {
      const el = await tipsWidget({ mode: 'spotlight', date, ...extra });
      return shadow(el).querySelector('.spotlight-title')!.textContent!.trim();
    };

    it('shows the same tip all day for everyone, and another one the next day', async () => {
      const today = await spotlight('2026-11-24');
      expect(await spotlight('2026-11-24')).to.equal(today);
      expect(await spotlight('2026-11-25')).to.not.equal(today);
    });

    describe('without `date`, on the town\'s day: 25 November has begun in Berlin at 0:30, while the browser in New York still has the 24th', () => {
      atInstant('2026-11-24T23:30:00Z');

      it('shows the tip of 25 November', async () => {
        const el = await tipsWidget({ mode: 'spotlight' });
        expect(shadow(el).querySelector('.spotlight-title')!.textContent!.trim()).to.equal(await spotlight('2026-11-25'));
        expect(await spotlight('2026-11-25')).to.not.equal(await spotlight('2026-11-24'));
      });
    });

    it('prefers tips for the season with `season`', async () => {
      for (const day of ['2026-11-24', '2026-11-25', '2026-12-01']) {
        expect(await spotlight(day, { season: '' })).to.equal('Licht an, wenn Sie unterwegs sind'); // the dark months
      }
      expect(await spotlight('2026-04-10', { season: '' })).to.equal('Fahrrad codieren lassen'); // spring
    });
  });

  it('puts the tips for the season first in their topic with `season`, in the list too', async () => {
    const tip = (id: string, title: string, season?: string) => ({ id, title, content_text: 'Text.', _kpr: { topic: 'burglary', ...(season ? { season } : {}) } });
    const feed = { version: 'https://jsonfeed.org/version/1.1', title: 'Tipps', items: [tip('a', 'Fenster sichern'), tip('b', 'Urlaub planen', 'summer'), tip('c', 'Licht an', 'dark-months')] };
    const src = URL.createObjectURL(new Blob([JSON.stringify(feed)], { type: 'application/feed+json' }));
    expect(titles(await tipsWidget({}, src))).to.deep.equal(['Fenster sichern', 'Licht an', 'Urlaub planen'], 'by title');
    expect(titles(await tipsWidget({ season: '', date: '2026-11-24' }, src))).to.deep.equal(['Licht an', 'Fenster sichern', 'Urlaub planen']);
    expect(titles(await tipsWidget({ season: '', date: '2026-07-10' }, src))).to.deep.equal(['Urlaub planen', 'Fenster sichern', 'Licht an']);
  });

  it('opens the tip in the address (#tip-<id>) and moves focus to it', async () => {
    history.replaceState(null, '', '#tip-fahrrad-codieren');
    try {
      const el = await tipsWidget({ 'deep-links': '' });
      await waitUntil(() => focusedTitle(el) === 'Fahrrad codieren lassen', 'focus on the linked tip');
      expect(button(el, 'Fahrrad codieren lassen').getAttribute('aria-expanded')).to.equal('true');
      // Opening another tip updates the address, so residents can share it.
      button(el, 'Licht an, wenn Sie unterwegs sind').click();
      expect(location.hash).to.equal('#tip-einbruch-licht');
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });

  it('skips a tip without a _kpr object (one item of an RSS feed, say) and shows the others, naming the item in the console', async () => {
    const warnings = captureConsole('warn');
    const el = await tipsWidget({}, fresh('/tests/fixtures/invalid/tip-without-kpr.json'));
    warnings.restore();
    expect(titles(el)).to.deep.equal(['Haustür abschließen']);
    expect(warnings.messages.join('\n')).to.match(/skipped item 1 \(id "tipp-2"\) of .*tip-without-kpr\.json.*: _kpr is missing; this widget needs it, with topic/);
  });

  it('is axe-clean with tips open, in spotlight mode and in English', async () => {
    const el = await tipsWidget();
    button(el, 'Der Enkeltrick – so reagieren Sie in Bannewitz').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    const spot = await tipsWidget({ mode: 'spotlight', date: '2026-11-24' });
    await expect(spot).to.be.accessible();
    const english = await tipsWidget({ lang: 'en' });
    await waitUntil(() => shadow(english).textContent!.includes('Burglary protection'), 'English topics');
    await expect(english).to.be.accessible();
  });

  describe('in forced colours', () => {
    inForcedColours();

    it('keeps the fields, the lines between tips, the open/closed sign and keyboard focus visible, and stays axe-clean', async () => {
      const el = await tipsWidget();
      for (const field of shadow(el).querySelectorAll('input, select')) expectVisibleBorder(field, 'bottom', `the ${field.localName}`);
      const tips = [...shadow(el).querySelectorAll('[part="tip"]')];
      for (const tip of tips) expectVisibleBorder(tip, 'top', 'the line above a tip');
      expectVisibleBorder(tips.at(-1)!, 'bottom', 'the line below the last tip');
      const tip = button(el, 'Licht an, wenn Sie unterwegs sind');
      expectVisible(getComputedStyle(tip, '::after').color, 'the + of a closed tip');
      expect(getComputedStyle(tip, '::after').content).to.equal('"+"');
      expectVisibleFocusRing(await tabInto(el), 'the search field');
      tip.focus();
      await sendKeys({ press: 'ArrowDown' });
      expectVisibleFocusRing(shadow(el).activeElement!, 'the next tip\'s button');
      await expect(el).to.be.accessible();
    });

    it('frames the spotlight tip', async () => {
      const el = await tipsWidget({ mode: 'spotlight', date: '2026-11-24' });
      const spotlight = shadow(el).querySelector('[part="spotlight"]')!;
      for (const side of ['top', 'right', 'bottom', 'left'] as const) expectVisibleBorder(spotlight, side, 'the spotlight');
      expect(parseFloat(getComputedStyle(spotlight).getPropertyValue(`border-${startSide(spotlight)}-width`)), 'its thick start').to.be.at.least(6);
      await expect(el).to.be.accessible();
    });
  });
});

describe('<kpr-prevention-tips>: the language of each tip (WCAG 3.1.2)', () => {
  it('marks a tip in another language than the widget, from the tip or from its feed; its own language is not marked', async () => {
    const feed = {
      version: 'https://jsonfeed.org/version/1.1', title: 'Tips', language: 'de',
      items: [
        { id: 'a', title: 'Lock the door', language: 'en', summary: 'Always.', content_text: 'Twice.', _kpr: { topic: 'burglary' } },
        { id: 'b', title: 'Tür abschließen', summary: 'Immer.', content_text: 'Zweimal.', _kpr: { topic: 'burglary' } },
        { id: 'c', title: 'أغلق الباب', language: 'ar', summary: 'دائما.', content_text: 'مرتين.', _kpr: { topic: 'burglary' } },
      ],
    };
    const src = fresh(`/test-api/echo?type=application/feed%2Bjson&body=${encodeURIComponent(JSON.stringify(feed))}`);
    const el = await tipsWidget({ single: '' }, src);
    const buttons = () => [...shadow(el).querySelectorAll<HTMLElement>('[part="tip-button"]')];
    expect(buttons().map((b) => [b.textContent!.trim(), b.getAttribute('lang'), b.getAttribute('dir')])).to.deep.equal([
      ['Lock the door', 'en', null], ['Tür abschließen', null, null], ['أغلق الباب', 'ar', 'rtl'],
    ]);
    buttons()[0]!.click();
    await settled(el);
    expect(shadow(el).querySelector('[part="tip-panel"]:not([hidden]) .summary')!.getAttribute('lang')).to.equal('en');
    const english = await tipsWidget({ lang: 'en' }, src);
    // The tips' titles are the same in both languages: wait for the widget's own language, which may come after the feed.
    await waitUntil(() => shadow(english).querySelector('[part="base"]')?.getAttribute('lang') === 'en' && shadow(english).querySelector('[part="tip-button"]'), 'the English widget');
    expect([...shadow(english).querySelectorAll('[part="tip-button"]')].map((b) => b.getAttribute('lang'))).to.deep.equal([null, 'de', 'ar']);
  });
});
