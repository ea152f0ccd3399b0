import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/contact.js';
import contactSchema from '../../../src/schemas/kpr-contact.schema.json';
import type { KprContact } from '../../../src/contact.js';
import { expectVisible, expectVisibleBorder, expectVisibleFocusRing, inForcedColours, startSide, tabInto } from '../../support/forced-colors.js';
import { captureConsole, focused, shadow } from '../../support/helpers.js';

interface Mailbox {
  requests: { key: string; type: string; body: string }[];
  messages: { reference: string; body: Record<string, unknown> }[];
}

/** A fresh mailbox on the test server's contact endpoint for each test. */
function endpoint(scenario = 'ok') {
  const box = Math.random().toString(36).slice(2);
  return {
    url: `/test-api/contact/${scenario}?box=${box}`,
    log: async (): Promise<Mailbox> => (await fetch(`/test-api/contact/log?box=${box}`)).json() as Promise<Mailbox>,
  };
}

async function contactForm(attributes: Record<string, string>): Promise<KprContact> {
  const el = document.createElement('kpr-contact');
  el.setAttribute('privacy-url', '/datenschutz');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const wrapper = await fixture(html`<div></div>`);
  wrapper.append(el);
  el.scrollIntoView(); // as a resident scrolls to it: the form is drawn when it comes near the screen
  await el.updateComplete;
  return el;
}

const control = <T extends HTMLElement = HTMLInputElement>(el: HTMLElement, name: string) => shadow(el).querySelector<T>(`#field-${name}`)!;
const spoken = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

async function type(el: KprContact, name: string, text: string) {
  const field = control(el, name);
  field.focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

async function tick(el: KprContact, name: string) {
  control(el, name).click();
  await el.updateComplete;
}

/**
 * Presses send. The code that checks and sends loads when a resident starts on the form, so a press on a form nobody
 * has focused (a click that does not focus the button) waits for it: until the form shows its answer.
 */
async function submit(el: KprContact) {
  const button = shadow(el).querySelector<HTMLButtonElement>('[part="submit-button"]')!;
  button.click();
  await waitUntil(
    () => shadow(el).querySelector('[part="error-summary"], [part="result"].sent, [part="result"].failed') || button.getAttribute('aria-disabled') === 'true',
    'the form to answer the press',
    { timeout: 5000 },
  );
  await el.updateComplete;
}

const resultText = (el: HTMLElement) => spoken(shadow(el).querySelector('[part="result"]')!.textContent);
const waitForResult = (el: KprContact, status: 'sent' | 'failed') =>
  waitUntil(() => shadow(el).querySelector(`[part="result"].${status}`), `the message to be ${status}`, { timeout: 5000 });

describe('<kpr-contact>', () => {
  it('tells residents where emergencies and crimes go before the form', async () => {
    const el = await contactForm({ endpoint: endpoint().url });
    const notice = shadow(el).querySelector('[part="notice"]')!;
    expect(notice.querySelector<HTMLAnchorElement>('a[href="tel:110"]')!.textContent).to.equal('110');
    expect(notice.querySelector<HTMLAnchorElement>('a[href^="https://www.polizei.sachsen.de/"]')).to.not.equal(null);
    expect(spoken(notice.textContent)).to.include('Bitte nennen Sie keine anderen Personen');
  });

  it('lists every problem in a summary that takes focus, ties each message to its field, and sends nothing', async () => {
    const { url, log } = endpoint();
    const el = await contactForm({ endpoint: url });
    await tick(el, 'wantsAnswer');
    await type(el, 'email', 'kein-at-zeichen');
    await submit(el);
    const summary = shadow(el).querySelector<HTMLElement>('[part="error-summary"]')!;
    expect(focused(el)).to.match(/^error-summary: Bitte prüfen Sie Ihre Angaben/);
    expect([...summary.querySelectorAll('a')].map((a) => spoken(a.textContent))).to.deep.equal([
      'Bitte schreiben Sie Ihre Nachricht.',
      'Bitte geben Sie eine E-Mail-Adresse wie name@beispiel.de an.',
      'Bitte stimmen Sie dem Datenschutzhinweis zu, damit wir Ihre Nachricht bearbeiten dürfen.',
    ]);
    const message = control(el, 'message');
    expect(message.getAttribute('aria-invalid')).to.equal('true');
    const described = message.getAttribute('aria-describedby')!.split(' ').map((id) => spoken(shadow(el).getElementById(id)!.textContent));
    expect(described).to.include('Bitte schreiben Sie Ihre Nachricht.');
    // A link in the summary moves focus to its field.
    summary.querySelector('a')!.click();
    expect(focused(el)).to.match(/^textarea/);
    expect((await log()).requests).to.have.length(0);
  });

  it('sends an anonymous message once, shows the reference in a live region and clears the form', async () => {
    const { url, log } = endpoint();
    const el = await contactForm({ endpoint: url });
    const events: string[] = [];
    el.addEventListener('kpr-submit', (e) => events.push(e.detail.reference ?? ''));
    control<HTMLSelectElement>(el, 'topic').value = 'graffiti';
    control(el, 'topic').dispatchEvent(new Event('change'));
    await type(el, 'message', 'Die Unterführung am Bahnhof ist wieder beschmiert.');
    await type(el, 'place', 'Bahnhofstraße');
    await tick(el, 'consent');
    await submit(el);
    await waitForResult(el, 'sent');
    expect(resultText(el)).to.equal('Danke! Ihre Nachricht ist angekommen. Ihre Nummer: KPR-2026-0001.');
    expect(shadow(el).querySelector('[part="result"] [role="status"]')!.textContent).to.include('KPR-2026-0001');
    expect(control<HTMLTextAreaElement>(el, 'message').value).to.equal('');
    expect(events).to.deep.equal(['KPR-2026-0001']);
    const { requests, messages } = await log();
    expect(requests).to.have.length(1);
    expect(requests[0]!.type).to.equal('application/json');
    expect(requests[0]!.key).to.match(/^[0-9a-f-]{36}$/);
    const body = messages[0]!.body;
    expect(body).to.include({ topic: 'graffiti', message: 'Die Unterführung am Bahnhof ist wieder beschmiert.', place: 'Bahnhofstraße', consent: true, wantsAnswer: false, language: 'de' });
    expect(body).to.not.have.any.keys('name', 'email', 'phone', 'website');
  });

  it('asks for an e-mail address or phone number when the resident wants an answer', async () => {
    const { url, log } = endpoint();
    const el = await contactForm({ endpoint: url });
    await type(el, 'message', 'Die Laterne am Spielplatz ist seit Wochen dunkel.');
    await tick(el, 'wantsAnswer');
    await tick(el, 'consent');
    expect(spoken(shadow(el).querySelector('label[for="field-email"]')!.textContent)).to.equal('E-Mail-Adresse (Pflichtfeld)');
    await submit(el);
    expect(spoken(shadow(el).querySelector('[part="error-summary"] a')!.textContent)).to.equal('Für eine Antwort brauchen wir Ihre E-Mail-Adresse oder Telefonnummer.');
    await type(el, 'phone', '0351 123456');
    await submit(el);
    await waitForResult(el, 'sent');
    expect((await log()).messages[0]!.body).to.include({ wantsAnswer: true, phone: '0351 123456' });
  });

  it('keeps the text when the answer is lost, and a retry sends the message once', async () => {
    const { url, log } = endpoint('lost');
    const el = await contactForm({ endpoint: url, timeout: '1' });
    const errors = captureConsole('error');
    try {
      await type(el, 'message', 'Am Sportplatz liegt wieder Müll.');
      await tick(el, 'consent');
      await submit(el);
      await waitForResult(el, 'failed');
      expect(resultText(el)).to.include('Ihr Text ist noch da');
      expect(control<HTMLTextAreaElement>(el, 'message').value).to.equal('Am Sportplatz liegt wieder Müll.');
      expect(errors.messages.join()).to.include('could not send the message');
      shadow(el).querySelector<HTMLButtonElement>('[part="result"] button')!.click();
      await waitForResult(el, 'sent');
      expect(resultText(el)).to.include('KPR-2026-0001');
    } finally {
      errors.restore();
    }
    const { requests, messages } = await log();
    expect(requests).to.have.length(2);
    expect(requests[0]!.key).to.equal(requests[1]!.key);
    expect(messages).to.have.length(1);
  });

  it('sends once however often the button is pressed', async () => {
    const { url, log } = endpoint();
    const el = await contactForm({ endpoint: url });
    await type(el, 'message', 'Eine Idee für den Präventionstag.');
    await tick(el, 'consent');
    const button = shadow(el).querySelector<HTMLButtonElement>('[part="submit-button"]')!;
    button.click();
    button.click();
    button.click();
    await waitForResult(el, 'sent');
    expect((await log()).requests).to.have.length(1);
  });

  it('without an endpoint, says the form is not set up yet and names the attribute and its fix in one console error, with its own code', async () => {
    const errors = captureConsole('error');
    const failures: Array<{ kind: string; code: string }> = [];
    const listener = (event: Event) => failures.push((event as CustomEvent<{ kind: string; code: string }>).detail);
    document.addEventListener('kpr-error', listener);
    try {
      const el = await contactForm({});
      await type(el, 'message', 'Eine Idee für den Präventionstag.');
      await tick(el, 'consent');
      await submit(el);
      await waitForResult(el, 'failed');
      expect(resultText(el)).to.include('Das Kontaktformular ist noch nicht eingerichtet.');
      expect(control<HTMLTextAreaElement>(el, 'message').value).to.equal('Eine Idee für den Präventionstag.');
      expect(failures.map(({ kind, code }) => [kind, code])).to.deep.equal([['config', 'endpoint-missing']]);
      expect(errors.messages).to.have.length(1);
      expect(errors.messages[0]).to.include('<kpr-contact> [endpoint-missing] could not send the message: it has no endpoint').and.include('endpoint="https://').and.include('mode="mailto"');
    } finally {
      document.removeEventListener('kpr-error', listener);
      errors.restore();
    }
  });

  it('says when the endpoint is busy or down, keeping the text', async () => {
    const errors = captureConsole('error');
    try {
      const busy = await contactForm({ endpoint: endpoint('busy').url });
      await type(busy, 'message', 'Text');
      await tick(busy, 'consent');
      await submit(busy);
      await waitForResult(busy, 'failed');
      expect(resultText(busy)).to.include('in 2 Minuten noch einmal');
      const down = await contactForm({ endpoint: endpoint('down').url });
      await type(down, 'message', 'Text');
      await tick(down, 'consent');
      await submit(down);
      await waitForResult(down, 'failed');
      expect(resultText(down)).to.include('konnte nicht gesendet werden');
      expect(control<HTMLTextAreaElement>(down, 'message').value).to.equal('Text');
      await expect(down).to.be.accessible();
      expect(errors.messages.join('\n')).to.include('HTTP 503');
    } finally {
      errors.restore();
    }
  });

  it('marks a message whose honeypot was filled, so the endpoint can set it aside', async () => {
    const { url, log } = endpoint();
    const el = await contactForm({ endpoint: url });
    const honeypot = shadow(el).querySelector<HTMLInputElement>('input[name="kpr-website"]')!;
    expect(honeypot.closest('[aria-hidden="true"]')).to.not.equal(null);
    expect(honeypot.tabIndex).to.equal(-1);
    expect(honeypot.autocomplete).to.equal('off');
    honeypot.value = 'https://spam.example';
    honeypot.dispatchEvent(new Event('input'));
    await type(el, 'message', 'Billige Uhren');
    await tick(el, 'consent');
    await submit(el);
    await waitForResult(el, 'sent');
    expect((await log()).messages[0]!.body.website).to.equal('https://spam.example');
  });

  it('keeps a draft over a reload only with persist-draft', async () => {
    sessionStorage.clear();
    const without = await contactForm({ endpoint: endpoint().url });
    await type(without, 'message', 'Nicht speichern');
    expect(sessionStorage.length).to.equal(0);

    const { url } = endpoint();
    const first = await contactForm({ endpoint: url, 'persist-draft': '' });
    await type(first, 'message', 'Bitte aufheben');
    await type(first, 'place', 'Spielplatz');
    first.remove(); // the page is left or reloaded
    const again = await contactForm({ endpoint: url, 'persist-draft': '' });
    expect(control<HTMLTextAreaElement>(again, 'message').value).to.equal('Bitte aufheben');
    expect(control(again, 'place').value).to.equal('Spielplatz');
    await tick(again, 'consent');
    await submit(again);
    await waitForResult(again, 'sent');
    expect(sessionStorage.length).to.equal(0);
  });

  it('posts an Open311 service request in open311 mode', async () => {
    const { url, log } = endpoint('open311');
    const el = await contactForm({ endpoint: url, mode: 'open311', 'service-code': 'graffiti' });
    await type(el, 'message', 'Schmiererei an der Turnhalle');
    await type(el, 'name', 'Erika Mustermann');
    await tick(el, 'consent');
    await submit(el);
    await waitForResult(el, 'sent');
    expect(resultText(el)).to.include('4711');
    const [request] = (await log()).requests;
    expect(request!.type).to.equal('application/x-www-form-urlencoded');
    const fields = Object.fromEntries(new URLSearchParams(request!.body));
    expect(fields).to.deep.equal({ service_code: 'graffiti', description: 'Schmiererei an der Turnhalle', first_name: 'Erika', last_name: 'Mustermann' });
  });

  it('counts the characters left, in the resident\'s number format', async () => {
    const el = await contactForm({ endpoint: endpoint().url });
    expect(spoken(shadow(el).querySelector('#count-message')!.textContent)).to.equal('Noch 2.000 Zeichen');
    await type(el, 'message', 'Hallo');
    expect(spoken(shadow(el).querySelector('#count-message')!.textContent)).to.equal('Noch 1.995 Zeichen');
  });

  it('lets a resident type no more into a field than the endpoint accepts', async () => {
    const el = await contactForm({ endpoint: endpoint().url });
    const limits = contactSchema.properties;
    for (const name of ['place', 'name', 'email', 'phone'] as const) expect(control(el, name).maxLength, name).to.equal(limits[name].maxLength);
    expect(spoken(shadow(el).querySelector('#count-message')!.textContent)).to.equal(`Noch ${limits.message.maxLength.toLocaleString('de')} Zeichen`);
  });

  it('says what to put right in the language of the page, also when it changes after sending', async () => {
    const el = await contactForm({ endpoint: endpoint().url, lang: 'en' });
    await waitUntil(() => shadow(el).textContent!.includes('Send message'), 'English', { timeout: 5000 });
    await submit(el);
    const summary = () => [...shadow(el).querySelectorAll('[part="error-summary"] :is(h2, a)')].map((part) => spoken(part.textContent));
    expect(summary()).to.deep.equal(['Please check your details', 'Please write your message.', 'Please agree to the privacy notice so that we may deal with your message.']);
    el.setAttribute('lang', 'pl');
    await waitUntil(() => shadow(el).textContent!.includes('Wyślij wiadomość'), 'Polish', { timeout: 5000 });
    expect(summary()).to.deep.equal([
      'Prosimy sprawdzić wprowadzone dane',
      'Prosimy wpisać wiadomość.',
      'Prosimy zaakceptować informację o ochronie danych, abyśmy mogli rozpatrzyć Państwa wiadomość.',
    ]);
  });

  it('is axe-clean empty, with errors, after sending and in English', async () => {
    const el = await contactForm({ endpoint: endpoint().url });
    await expect(el).to.be.accessible();
    await submit(el);
    await expect(el).to.be.accessible();
    await type(el, 'message', 'Danke');
    await tick(el, 'consent');
    await submit(el);
    await waitForResult(el, 'sent');
    await expect(el).to.be.accessible();
    const english = await contactForm({ endpoint: endpoint().url, lang: 'en' });
    await waitUntil(() => shadow(english).textContent!.includes('Send message'), 'English');
    expect(spoken(shadow(english).querySelector('label[for="field-message"]')!.textContent)).to.equal('Your message (required)');
    await expect(english).to.be.accessible();
  });

  it('is right to left and axe-clean in Arabic, with the links in the notes kept', async () => {
    const el = await contactForm({ endpoint: '/test-api/contact/ok?box=x', 'privacy-url': '/d', lang: 'ar' });
    await waitUntil(() => shadow(el).textContent!.includes('إرسال الرسالة'), 'Arabic');
    expect(shadow(el).querySelector('[part="base"]')!.getAttribute('dir')).to.equal('rtl');
    expect(shadow(el).querySelector('a[href$="/d"]')!.textContent).to.equal('إشعار حماية البيانات');
    await expect(el).to.be.accessible();
    await submit(el);
    await expect(el).to.be.accessible();
  });

  it('far below the screen, shows its fallback content until the resident scrolls near it, then the form', async () => {
    window.scrollTo(0, 0);
    const page = await fixture(html`<div><div style="height: 4000px"></div>
      <kpr-contact endpoint="/test-api/contact/ok" privacy-url="/datenschutz"><a href="mailto:praevention@example.org">praevention@example.org</a></kpr-contact>
      <kpr-contact eager endpoint="/test-api/contact/ok" privacy-url="/datenschutz"><a href="mailto:praevention@example.org">E-Mail</a></kpr-contact>
    </div>`);
    const [near, eager] = [...page.querySelectorAll<KprContact>('kpr-contact')] as [KprContact, KprContact];
    const fallback = near.querySelector('a')!;
    await eager.updateComplete;
    expect(control(eager, 'message'), 'the eager form drawn at once').to.exist;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(fallback.getClientRects().length, 'the fallback link shown').to.be.greaterThan(0);
    expect(control(near, 'message'), 'the form drawn before it is near').to.equal(null);
    near.scrollIntoView();
    await near.updateComplete;
    expect(control(near, 'message'), 'the form drawn once near').to.exist;
    expect(fallback.getClientRects().length, 'the fallback link gone').to.equal(0);
    window.scrollTo(0, 0);
  });

  describe('in forced colours', () => {
    inForcedColours();
    const sides = ['top', 'right', 'bottom', 'left'] as const;

    it('keeps the notice, the fields, the marks of invalid fields, the error summary and keyboard focus visible', async () => {
      const el = await contactForm({ endpoint: endpoint().url });
      const notice = shadow(el).querySelector('[part="notice"]')!;
      expectVisibleBorder(notice, startSide(notice), 'the notice\'s mark');
      expectVisibleFocusRing(await tabInto(el), 'the first link of the notice');
      for (const field of shadow(el).querySelectorAll('select, textarea, input:not([type="checkbox"]):not([tabindex="-1"])')) {
        if (field.closest('.hp')) continue; // the honeypot is off screen
        expectVisibleBorder(field, 'bottom', `the field ${field.id}`);
      }
      await submit(el);
      const summary = shadow(el).querySelector('[part="error-summary"]')!;
      for (const side of sides) expectVisibleBorder(summary, side, 'the error summary');
      const invalid = [...shadow(el).querySelectorAll('.field.invalid')];
      expect(invalid.length).to.be.greaterThan(0);
      // The red is gone: the thick mark beside a field and its message say that it needs attention.
      for (const field of invalid) {
        expectVisibleBorder(field, startSide(field), 'the mark beside an invalid field');
        expect(parseFloat(getComputedStyle(field).getPropertyValue(`border-${startSide(field)}-width`))).to.be.at.least(4);
        expectVisible(getComputedStyle(field.querySelector('.error-message')!).color, 'an error message');
      }
      await expect(el).to.be.accessible();
    });

    it('frames the answer once a message is sent', async () => {
      const el = await contactForm({ endpoint: endpoint().url });
      await type(el, 'message', 'Die Laterne am Markt ist aus.');
      await tick(el, 'consent');
      await submit(el);
      await waitForResult(el, 'sent');
      const result = shadow(el).querySelector('[part="result"]')!;
      for (const side of sides) expectVisibleBorder(result, side, 'the answer');
      await expect(el).to.be.accessible();
    });
  });
});
