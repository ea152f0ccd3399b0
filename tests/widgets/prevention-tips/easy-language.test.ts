import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/prevention-tips.js';
import type { KprPreventionTips } from '../../../src/prevention-tips.js';
import { expectVisibleBorder, expectVisibleFocusRing, inForcedColours } from '../../support/forced-colors.js';
import { focused, served, settled, shadow } from '../../support/helpers.js';

/** Two tips of a German feed: the first with a Leichte-Sprache version (`_kpr.easy`) without a teaser of its own. */
const feed = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Präventionsrat Bannewitz – Tipps',
  language: 'de',
  items: [
    {
      id: 'enkeltrick',
      title: 'Der Enkeltrick',
      summary: 'Betrüger geben sich am Telefon als Verwandte aus.',
      content_text: 'Legen Sie auf und rufen Sie Ihre Familie unter der bekannten Nummer zurück.',
      _kpr: { topic: 'fraud-older-people', easy: { title: 'Vorsicht bei Anrufen', content_text: 'Jemand ruft an.\nEr sagt: Ich bin Ihr Enkel.\nEr will Geld.\nLegen Sie auf.' } },
    },
    { id: 'licht', title: 'Licht an, wenn Sie unterwegs sind', content_text: 'Eine Zeitschaltuhr hilft.', _kpr: { topic: 'burglary' } },
  ],
};

async function tipsWidget(attributes: Record<string, string> = {}): Promise<KprPreventionTips> {
  const el = document.createElement('kpr-prevention-tips');
  el.setAttribute('eager', '');
  el.setAttribute('src', served(feed));
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const wrapper = await fixture(html`<div></div>`);
  wrapper.append(el);
  await settled(el);
  const lang = attributes.lang ?? 'de';
  await waitUntil(() => shadow(el).querySelector('[part="base"]')?.getAttribute('lang') === lang, `the widget in ${lang}`, { timeout: 5000 });
  return el;
}

const tipButton = (el: HTMLElement, index: number) => shadow(el).querySelectorAll<HTMLButtonElement>('[part="tip-button"]')[index]!;
const panel = (el: HTMLElement) => shadow(el).querySelector<HTMLElement>('[part="tip-panel"]:not([hidden])')!;
const easyButton = (el: HTMLElement) => shadow(el).querySelector<HTMLButtonElement>('[part="easy-button"]');
const status = (el: HTMLElement) => panel(el).querySelector('[role="status"]')!.textContent!.trim();
const paragraphs = (el: HTMLElement) => [...panel(el).querySelectorAll('p:not([role="status"])')].map((p) => [p.textContent!.trim(), p.closest('[lang]:not([part="base"])')?.getAttribute('lang') ?? null]);

async function openTip(el: KprPreventionTips, index: number): Promise<void> {
  tipButton(el, index).click();
  await el.updateComplete;
}

describe('<kpr-prevention-tips>: a tip\'s Leichte-Sprache version', () => {
  it('in Leichte Sprache (de-x-ls), shows the easy title and text, the teaser where the easy version has none, and tips without one as they are', async () => {
    const el = await tipsWidget({ lang: 'de-x-ls' });
    expect([...shadow(el).querySelectorAll('[part="tip-button"]')].map((b) => [b.textContent, b.getAttribute('lang')])).to.deep.equal([
      ['Licht an, wenn Sie unterwegs sind', null], ['Vorsicht bei Anrufen', null],
    ]);
    await openTip(el, 1);
    // Leichte Sprache is the widget's own language here, so it is not marked; one sentence a line, as it is written.
    expect(paragraphs(el)).to.deep.equal([
      ['In Alltags-Sprache lesen', null],
      ['Betrüger geben sich am Telefon als Verwandte aus.', null],
      ['Jemand ruft an.', null], ['Er sagt: Ich bin Ihr Enkel.', null], ['Er will Geld.', null], ['Legen Sie auf.', null],
    ]);
    await openTip(el, 0);
    expect(shadow(el).querySelector('[data-tip="licht"] [part="tip-panel"]')!.textContent, 'a tip without an easy version, open').to.include('Zeitschaltuhr');
    expect(shadow(el).querySelectorAll('[part="easy-button"]'), 'a button on the tip with an easy version only').to.have.length(1);
  });

  it('in German, switches an open tip to Leichte Sprache and back by keyboard, keeping the focus on the button and saying so', async () => {
    const el = await tipsWidget();
    await openTip(el, 1);
    expect(paragraphs(el).map(([text]) => text)).to.deep.equal(['In Leichter Sprache lesen', 'Betrüger geben sich am Telefon als Verwandte aus.', 'Legen Sie auf und rufen Sie Ihre Familie unter der bekannten Nummer zurück.']);
    expect(status(el)).to.equal('');
    const button = easyButton(el)!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(focused(el), 'the focus stays on the button').to.equal('easy-button: In Standardsprache lesen');
    expect(button.textContent).to.equal('In Standardsprache lesen');
    expect([tipButton(el, 1).textContent, tipButton(el, 1).getAttribute('lang')]).to.deep.equal(['Vorsicht bei Anrufen', 'de-x-ls']);
    expect(paragraphs(el)).to.deep.equal([
      ['In Standardsprache lesen', null],
      ['Betrüger geben sich am Telefon als Verwandte aus.', null],
      ['Jemand ruft an.', 'de-x-ls'], ['Er sagt: Ich bin Ihr Enkel.', 'de-x-ls'], ['Er will Geld.', 'de-x-ls'], ['Legen Sie auf.', 'de-x-ls'],
    ]);
    expect(status(el)).to.equal('Der Tipp steht jetzt in Leichter Sprache.');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(focused(el)).to.equal('easy-button: In Leichter Sprache lesen');
    expect([button.textContent, tipButton(el, 1).textContent, status(el)]).to.deep.equal(['In Leichter Sprache lesen', 'Der Enkeltrick', 'Der Tipp steht jetzt in Standardsprache.']);
    expect(panel(el).textContent).to.include('bekannten Nummer').and.not.include('Er will Geld');
  });

  it('finds a tip by words of its Leichte-Sprache version', async () => {
    const el = await tipsWidget();
    const input = shadow(el).querySelector('input')!;
    input.value = 'enkel sagt';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect([...shadow(el).querySelectorAll('[part="tip-button"]')].map((b) => b.textContent)).to.deep.equal(['Der Enkeltrick']);
  });

  it('in Arabic (right to left), labels the button in Arabic and marks the easy text as Leichte Sprache, left to right; axe-clean', async () => {
    const el = await tipsWidget({ lang: 'ar' });
    await openTip(el, 1);
    easyButton(el)!.click();
    await el.updateComplete;
    expect(easyButton(el)!.textContent).to.equal('اقرأ بالألمانية العادية');
    const text = panel(el).querySelector('.body')!;
    expect([text.getAttribute('lang'), text.getAttribute('dir'), getComputedStyle(text).direction]).to.deep.equal(['de-x-ls', 'ltr', 'ltr']);
    await expect(el).to.be.accessible();
  });

  describe('in forced colours', () => {
    inForcedColours();

    it('keeps the button\'s border and its focus ring visible', async () => {
      const el = await tipsWidget();
      await openTip(el, 1);
      const button = easyButton(el)!;
      for (const side of ['top', 'bottom'] as const) expectVisibleBorder(button, side, 'the Leichte-Sprache button');
      tipButton(el, 1).focus();
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal('easy-button: In Leichter Sprache lesen');
      expectVisibleFocusRing(button, 'the Leichte-Sprache button');
      await expect(el).to.be.accessible();
    });
  });
});
