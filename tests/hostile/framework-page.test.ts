import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import { fresh, settled, shadow } from '../support/helpers.js';

/**
 * Pages built on a CSS framework, or with `* { all: revert }`: page styles reach the host element, never what
 * is inside. Each part of each widget must keep the look it has on a plain page; only what a widget inherits on
 * purpose (the page's font and text colour) may follow the page.
 */
const LOOK = [
  'display', 'position', 'visibility', 'opacity', 'box-sizing', 'background-color', 'border-top-style', 'border-top-width',
  'border-left-style', 'border-left-width', 'border-top-left-radius', 'padding-top', 'padding-left', 'margin-top', 'margin-left',
  'list-style-type', 'text-decoration-line', 'outline-style', 'cursor', 'appearance', 'vertical-align',
] as const;

/** Each page's sheet, and the text colour it gives its body, which the widgets inherit on purpose (with tints of it). */
const PAGES: Record<string, { sheet: () => HTMLElement; textColor: string }> = {
  'Bootstrap 5 (the base of many TYPO3 sites)': {
    sheet: () => Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/node_modules/bootstrap/dist/css/bootstrap.min.css' }),
    textColor: 'rgb(33, 37, 41)',
  },
  '* { all: revert }': { sheet: () => Object.assign(document.createElement('style'), { textContent: '* { all: revert !important; }' }), textColor: 'black' },
};

async function mountAll(textColor: string): Promise<HTMLElement[]> {
  const wrapper = await fixture(html`<div style="width: 720px; color: ${textColor}">
    <kpr-news-feed eager src=${fresh('/tests/fixtures/news.json')}></kpr-news-feed>
    <kpr-prevention-tips eager src=${fresh('/tests/fixtures/tips-central.json')}></kpr-prevention-tips>
    <kpr-goal-overview eager src=${fresh('/demo/feeds/goals.json')}></kpr-goal-overview>
    <kpr-event-calendar eager view="month" date="2026-12" src=${fresh('/demo/feeds/events.json')}></kpr-event-calendar>
    <kpr-contact eager endpoint="/test-api/contact/ok?box=framework" privacy-url="/datenschutz"></kpr-contact>
  </div>`);
  const widgets = [...wrapper.children] as HTMLElement[];
  for (const el of widgets.slice(0, 4)) await settled(el, `${el.localName} to finish loading`);
  return widgets;
}

/** The look of every part and control inside a widget, by its place in the shadow tree. */
function look(el: HTMLElement): Map<string, Record<string, string>> {
  const parts = new Map<string, Record<string, string>>();
  shadow(el).querySelectorAll<HTMLElement>('[part], button, input, select, textarea, a, td, th').forEach((node, index) => {
    const style = getComputedStyle(node);
    parts.set(`${el.localName} ${index} <${node.localName}${node.getAttribute('part') ? ` part="${node.getAttribute('part')}"` : ''}>`, Object.fromEntries(LOOK.map((p) => [p, style.getPropertyValue(p)])));
  });
  return parts;
}

describe('a page built on a CSS framework', () => {
  for (const [name, { sheet, textColor }] of Object.entries(PAGES)) {
    it(`${name}: every part of every widget looks as on a plain page`, async () => {
      const widgets = await mountAll(textColor);
      const plain = widgets.map(look);
      const baseWidth = (el: HTMLElement) => shadow(el).querySelector('[part="base"]')!.getBoundingClientRect().width;
      const plainWidths = widgets.map(baseWidth);
      const style = sheet();
      const loaded = style instanceof HTMLLinkElement
        ? new Promise((resolve, reject) => {
          style.addEventListener('load', resolve, { once: true });
          style.addEventListener('error', reject, { once: true });
        })
        : undefined;
      document.head.append(style);
      try {
        await loaded;
        const differences: string[] = [];
        widgets.map(look).forEach((parts, w) => {
          for (const [where, now] of parts) {
            const before = plain[w]!.get(where);
            for (const property of LOOK) if (before?.[property] !== now[property]) differences.push(`${where} ${property}: ${before?.[property]} → ${now[property]}`);
          }
        });
        expect(differences, differences.slice(0, 20).join('\n')).to.deep.equal([]);
        // No widget shrinks, even where the page makes its host an inline element (`all: revert` also drops the
        // wrapper's own width, so the widgets may grow).
        widgets.forEach((el, w) => expect(baseWidth(el), el.localName).to.be.at.least(plainWidths[w]! - 1));
      } finally {
        style.remove();
      }
    });
  }
});
