import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { shadow } from './helpers.js';
import { canEmulateMedia, emulateMedia } from './media.js';

/**
 * Runs the enclosing describe block in forced colours (Windows' contrast themes), and first makes sure they are
 * really on: the query matches, and an author colour is replaced by the palette's, as it is for a visitor.
 */
export function inForcedColours(): void {
  before(async function () {
    if (!canEmulateMedia) this.skip(); // WebKit: WebKitWebDriver cannot emulate media
    await emulateMedia({ forcedColors: 'active' });
    expect(matchMedia('(forced-colors: active)').matches, '(forced-colors: active)').to.equal(true);
    const probe = document.body.appendChild(document.createElement('span'));
    probe.style.color = 'rgb(255, 0, 0)';
    const drawn = getComputedStyle(probe).color;
    probe.remove();
    expect(drawn, 'an author colour in forced colours').to.equal(systemColour('CanvasText'));
  });
  after(async () => {
    if (canEmulateMedia) await emulateMedia({ forcedColors: null });
  });
}

/** What a CSS system colour (CanvasText, Highlight, …) is in the palette in force. */
export function systemColour(keyword: string): string {
  const probe = document.body.appendChild(document.createElement('span'));
  probe.style.color = keyword;
  probe.style.setProperty('forced-color-adjust', 'none');
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}

const transparent = (colour: string) => colour === 'transparent' || /^rgba\(.*,\s*0\)$/.test(colour);

/** A colour that can be seen on the page's background in forced colours: not transparent, not Canvas itself. */
export function expectVisible(colour: string, what: string): void {
  expect(transparent(colour), `${what} (${colour}) is transparent`).to.equal(false);
  expect(colour, `${what} has the background's colour`).to.not.equal(systemColour('Canvas'));
}

/** A border side that is drawn, and in a colour that can be seen. */
export function expectVisibleBorder(element: Element, side: 'top' | 'right' | 'bottom' | 'left', what: string): void {
  const style = getComputedStyle(element);
  const Side = side[0]!.toUpperCase() + side.slice(1);
  expect(style.getPropertyValue(`border-${side}-style`), `${what}: border-${side}-style`).to.not.be.oneOf(['none', 'hidden']);
  expect(parseFloat(style.getPropertyValue(`border-${side}-width`)), `${what}: border-${side}-width`).to.be.at.least(1);
  expectVisible(style.getPropertyValue(`border-${side}-color`), `${what}: border${Side}Color`);
}

/** The start side of a box in the element's writing direction. */
export function startSide(element: Element): 'left' | 'right' {
  return getComputedStyle(element).direction === 'rtl' ? 'right' : 'left';
}

/**
 * Moves focus into the widget with Tab, as a keyboard user does (so that :focus-visible applies), and returns
 * what got it.
 */
export async function tabInto(widget: HTMLElement): Promise<HTMLElement> {
  const start = document.createElement('button');
  start.textContent = 'before';
  widget.before(start);
  start.focus();
  await sendKeys({ press: 'Tab' });
  start.remove();
  const active = shadow(widget).activeElement as HTMLElement | null;
  expect(active, 'Tab moves focus into the widget').to.not.equal(null);
  return active!;
}

/** A focus ring that stays visible in forced colours: drawn, at least 2 px, not in the background's colour. */
export function expectVisibleFocusRing(element: Element, what: string): void {
  const style = getComputedStyle(element);
  expect(element.matches(':focus-visible'), `${what} shows keyboard focus`).to.equal(true);
  expect(style.outlineStyle, `${what}: outline-style`).to.not.equal('none');
  expect(parseFloat(style.outlineWidth), `${what}: outline-width`).to.be.at.least(2);
  expectVisible(style.outlineColor, `${what}: outline colour`);
}
