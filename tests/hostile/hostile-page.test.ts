import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import { fresh, settled, shadow } from '../support/helpers.js';

/**
 * A municipal site's worst global CSS: resets, `!important` colours, `div { display: flex }`, a huge root font
 * size and a framework that shows `[hidden]`. Page styles never reach into a shadow root, but they do reach
 * the widget's host element and what it inherits; the widgets must look and work the same.
 */
const HOSTILE_CSS = `
  html { font-size: 28px !important; }
  * { margin: 9px !important; padding: 4px !important; box-sizing: content-box !important; line-height: 0.9 !important; }
  div { display: flex !important; flex-direction: row-reverse !important; }
  a, button, input, select, textarea { color: #ff00ff !important; background: #ffff00 !important; border: 5px dotted red !important; font-size: 9px !important; }
  ul, li { list-style: square !important; }
  table, td, th { border: 3px solid lime !important; }
  [hidden] { display: block !important; }
  dialog { display: block !important; position: static !important; }
  *:focus { outline: none !important; }
`;

describe('a hostile host page', () => {
  let style: HTMLStyleElement;
  before(() => {
    style = document.createElement('style');
    style.textContent = HOSTILE_CSS;
    document.head.append(style);
  });
  after(() => style.remove());

  it('cannot restyle what is inside the widgets', async () => {
    const wrapper = await fixture(html`<div style="width: 800px">
      <kpr-news-feed eager src=${fresh('/tests/fixtures/news.json')}></kpr-news-feed>
      <kpr-event-calendar eager view="month" date="2026-12" src=${fresh('/demo/feeds/events.json')}></kpr-event-calendar>
      <kpr-contact eager endpoint="/test-api/contact/ok?box=hostile" privacy-url="/d"></kpr-contact>
    </div>`);
    const [news, calendar, contact] = [...wrapper.children] as HTMLElement[];
    await settled(news!);
    await settled(calendar!);
    const inside = (el: HTMLElement, selector: string) => getComputedStyle(shadow(el).querySelector(selector)!);
    for (const [el, selector] of [[news, '[part="title"] a'], [calendar, '.nav button'], [contact, '[part="submit-button"]']] as const) {
      const look = inside(el!, selector);
      expect(look.backgroundColor, selector).to.not.equal('rgb(255, 255, 0)');
      expect(look.borderStyle, selector).to.not.equal('dotted');
      expect(look.fontSize, selector).to.not.equal('9px');
    }
    // Hidden parts stay hidden, and the closed dialog stays closed.
    expect(shadow(calendar!).querySelector('dialog')!.getBoundingClientRect().height).to.equal(0);
    expect(shadow(contact!).querySelector('[part="error-summary"]')).to.equal(null);
    // The month grid keeps seven columns of equal width (the page made the wrapper a flex row, so the widgets
    // share its width: the calendar is asked for its month view, which it would otherwise swap for the list).
    const cells = [...shadow(calendar!).querySelectorAll('tbody tr:first-child td')].map((td) => Math.round(td.getBoundingClientRect().width));
    expect(cells).to.have.length(7);
    expect(Math.max(...cells) - Math.min(...cells)).to.be.at.most(1);
    // And it still works from the keyboard.
    const first = shadow(calendar!).querySelector<HTMLElement>('td[tabindex="0"]')!;
    first.focus();
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => shadow(calendar!).activeElement?.getAttribute('data-day') === '2026-12-02', 'focus on the next day');
    // Focus stays visible inside the widget although the page removes outlines.
    expect(getComputedStyle(shadow(calendar!).activeElement!).outlineStyle).to.not.equal('none');
  });
});
