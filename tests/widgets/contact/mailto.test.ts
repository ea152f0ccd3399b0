import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/contact.js';
import type { KprContact } from '../../../src/contact.js';
import { engine, shadow } from '../../support/helpers.js';

// A file of its own: handing a mailto: link to the browser must leave the page where it is, and if it ever did
// not, only this file would be lost.
describe('<kpr-contact mode="mailto">', () => {
  it('fills in a mail to the council, with the message, place and phone, when there is no endpoint', async function () {
    // WebKitGTK's MiniBrowser has no mail program to hand the link to: it loads the mailto: URL as a page, and the
    // test page is gone. (Safari and Epiphany hand it to the mail program.)
    if (engine === 'webkit') this.skip();
    const el = await fixture<KprContact>(html`<kpr-contact mode="mailto" mailto="praevention@bannewitz.example" privacy-url="/datenschutz"></kpr-contact>`);
    const field = (name: string) => shadow(el).querySelector<HTMLElement>(`#field-${name}`)!;
    const topic = field('topic') as HTMLSelectElement;
    topic.value = 'lighting';
    topic.dispatchEvent(new Event('change'));
    field('message').focus();
    await sendKeys({ type: 'Die Laterne ist aus.' });
    field('place').focus();
    await sendKeys({ type: 'Am Hang 3' });
    field('consent').click();
    await el.updateComplete;
    shadow(el).querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
    await waitUntil(() => shadow(el).querySelector('[part="result"].sent'), 'the mail to be handed over');
    const link = shadow(el).querySelector<HTMLAnchorElement>('[part="result"] a')!;
    const mail = new URL(link.href);
    expect(mail.protocol).to.equal('mailto:');
    expect(mail.pathname).to.equal('praevention@bannewitz.example');
    expect(mail.searchParams.get('subject')).to.equal('Nachricht an den Präventionsrat: Beleuchtung');
    expect(mail.searchParams.get('body')).to.equal('Die Laterne ist aus.\r\n\r\nWo? Am Hang 3');
    expect(shadow(el).querySelector('[part="result"]')!.textContent).to.include('Ihr E-Mail-Programm sollte sich jetzt');
  });
});
