import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/contact.js';
import { shadow } from '../../support/helpers.js';

// A form in the other direction than its page: the README's own example is an Arabic form on a German page.

async function contactForm(lang: string): Promise<HTMLElement> {
  const el = document.createElement('kpr-contact');
  el.setAttribute('endpoint', '/test-api/contact/ok');
  el.setAttribute('privacy-url', '/datenschutz');
  el.setAttribute('lang', lang);
  const wrapper = await fixture(html`<div></div>`);
  wrapper.append(el);
  // The texts of a language other than German arrive a moment later, with its direction.
  const direction = lang === 'ar' ? 'rtl' : 'ltr';
  await waitUntil(() => shadow(el).querySelector(`[part="base"][dir="${direction}"]`), `the form to be ${direction}`, { timeout: 5000 });
  return el;
}

/** How far the page scrolls sideways beyond its viewport: 0 when nothing sticks out. */
const sidewaysOverflow = () => document.documentElement.scrollWidth - document.documentElement.clientWidth;

describe('<kpr-contact> in a page of the other direction', () => {
  afterEach(() => document.documentElement.removeAttribute('dir'));

  it('keeps a left-to-right page as wide as its viewport with an Arabic form in it', async () => {
    await contactForm('ar');
    expect(sidewaysOverflow()).to.be.at.most(0);
  });

  it('keeps a right-to-left page as wide as its viewport with a German form in it', async () => {
    document.documentElement.setAttribute('dir', 'rtl');
    await contactForm('de');
    expect(sidewaysOverflow()).to.be.at.most(0);
  });

  it('keeps the honeypot out of the keyboard\'s way and away from screen readers', async () => {
    const el = await contactForm('ar');
    const trap = shadow(el).querySelector<HTMLInputElement>('input[name="kpr-website"]')!;
    expect(trap.tabIndex).to.equal(-1);
    expect(trap.closest('[aria-hidden="true"]')).to.not.equal(null);
    // Nothing of it shows: it takes no more than a pixel and draws nothing a resident could see.
    const box = trap.closest('.hp')!.getBoundingClientRect();
    expect(box.width * box.height).to.be.at.most(1);
  });
});
