import { expect, waitUntil } from '@open-wc/testing';
import '../../../src/event-calendar.js';
import { shadow } from '../../support/helpers.js';
import { calendar } from './calendar-fixture.js';


const centre = (element: Element) => {
  const box = element.getBoundingClientRect();
  return box.left + box.width / 2;
};

/**
 * Which way an arrow button's glyph points on screen, -1 left or +1 right: the character itself, turned round by
 * a transform that flips it. The glyph must be laid out left to right: right to left, Firefox mirrors a lone ‹ ›
 * on its own and Chromium does not, so the same page would point differently in each.
 */
function pointing(button: HTMLElement): number {
  const glyph = button.querySelector<HTMLElement>('[aria-hidden="true"]')!;
  const style = getComputedStyle(glyph);
  expect(style.direction, 'the arrow glyph\'s own direction').to.equal('ltr');
  const drawn = glyph.textContent!.trim() === '‹' ? -1 : 1;
  const flip = style.transform === 'none' ? 1 : Math.sign(new DOMMatrix(style.transform).a);
  return drawn * flip;
}

describe('<kpr-event-calendar> right to left', () => {
  it('points each month arrow toward the side it stands on, in Arabic', async () => {
    const el = await calendar({ lang: 'ar' });
    await waitUntil(() => shadow(el).querySelector('[part="base"][dir="rtl"]'), 'the calendar to be in Arabic');
    const [previous, next] = [...shadow(el).querySelectorAll<HTMLElement>('.nav button')].filter((button) => button.hasAttribute('aria-label'));
    expect(centre(previous!), 'the previous month\'s button stands on the right').to.be.greaterThan(centre(next!));
    expect(pointing(previous!), 'the previous month\'s arrow points right, to its own side').to.equal(1);
    expect(pointing(next!), 'the next month\'s arrow points left, to its own side').to.equal(-1);
  });
});
