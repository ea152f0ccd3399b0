// One endpoint for many towns (docs/contact-api.md, "Hosting for many towns"): a town's form posts to its own path
// on the shared host. The widget takes `endpoint` as the address to POST to and `challenge-url` as the one to GET
// a challenge from, as they are, so a town's paths need no change in the widget: this shows the requests it sends.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/contact.js';
import type { KprContact } from '../../../src/contact.js';
import { shadow } from '../../support/helpers.js';

const HOST = 'https://kontakt.praevention-sachsen.example';

interface SeenRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** A challenge whose solution is 3: SHA-256 of the salt followed by "3", as the ALTCHA v1 protocol has it. */
async function challengeSolvedBy3() {
  const salt = 'kpr-town-test?expires=4102444800&';
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${salt}3`));
  const challenge = [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return { algorithm: 'SHA-256', challenge, maxnumber: 10, salt, signature: 'signed-by-the-host' };
}

describe('<kpr-contact> on a host for many towns', () => {
  const realFetch = window.fetch;
  let seen: SeenRequest[];

  beforeEach(async () => {
    seen = [];
    const challenge = await challengeSolvedBy3();
    // The shared host, answering as the reference endpoint does on a town's paths.
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      seen.push({ method: request.method, url: request.url, headers: Object.fromEntries(request.headers), body: init?.body as string | undefined });
      const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
      if (request.method === 'GET' && request.url === `${HOST}/towns/bannewitz/challenge`) return json(200, challenge);
      if (request.method === 'POST' && request.url === `${HOST}/towns/bannewitz/messages`) return json(201, { reference: 'KPR-2026-7KQ4MX' });
      return json(404, { error: 'not found' });
    };
  });

  afterEach(() => {
    window.fetch = realFetch;
  });

  it("posts the message to the town's path, with the proof of work from the town's challenge", async () => {
    const el = document.createElement('kpr-contact') as KprContact;
    el.setAttribute('privacy-url', '/datenschutz');
    el.setAttribute('endpoint', `${HOST}/towns/bannewitz/messages`);
    el.setAttribute('challenge-url', `${HOST}/towns/bannewitz/challenge`);
    const wrapper = await fixture(html`<div></div>`);
    wrapper.append(el);
    await el.updateComplete;

    shadow(el).querySelector<HTMLTextAreaElement>('#field-message')!.focus();
    await sendKeys({ type: 'Die Laterne am Spielplatz ist aus.' });
    shadow(el).querySelector<HTMLInputElement>('#field-consent')!.click();
    await el.updateComplete;
    shadow(el).querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
    await waitUntil(() => shadow(el).querySelector('[part="result"].sent'), 'the message to be sent', { timeout: 5000 });

    expect(shadow(el).querySelector('[part="result"]')!.textContent).to.include('KPR-2026-7KQ4MX');
    expect(seen.map((request) => `${request.method} ${request.url}`)).to.deep.equal([`GET ${HOST}/towns/bannewitz/challenge`, `POST ${HOST}/towns/bannewitz/messages`]);
    const post = seen[1];
    expect(post.headers['content-type']).to.equal('application/json');
    expect(post.headers['idempotency-key']).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const body = JSON.parse(post.body!) as { message: string; altcha: string };
    expect(body.message).to.equal('Die Laterne am Spielplatz ist aus.');
    expect(JSON.parse(atob(body.altcha))).to.include({ number: 3, salt: 'kpr-town-test?expires=4102444800&', signature: 'signed-by-the-host' });
  });
});
