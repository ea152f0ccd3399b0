import { expect, fixture, html } from '@open-wc/testing';
import type { KprErrorDetail } from '../../src/core/events.js';
import '../../src/event-calendar.js';
import '../../src/news-feed.js';
import { captureConsole, fresh, settled } from '../support/helpers.js';

/*
 * `kpr-error` tells the page what went wrong by a stable code (docs/problem-codes.md), the same the console names,
 * so that a page can act on it without reading the English message (issue 14, point 8).
 */
async function errorsOf(tag: 'kpr-news-feed' | 'kpr-event-calendar', src: string): Promise<{ details: KprErrorDetail[]; console: string[] }> {
  const details: KprErrorDetail[] = [];
  const errors = captureConsole('error');
  const warnings = captureConsole('warn');
  try {
    // Listened for on the wrapper: the event bubbles out of the widget, as a page listens for it on document.
    const wrapper = await fixture<HTMLElement>(html`<div @kpr-error=${(event: CustomEvent<KprErrorDetail>) => details.push(event.detail)}></div>`);
    const el = document.createElement(tag);
    el.setAttribute('eager', '');
    el.setAttribute('src', src);
    wrapper.append(el);
    await settled(el);
  } finally {
    errors.restore();
    warnings.restore();
  }
  return { details, console: errors.messages };
}

describe('kpr-error', () => {
  it('names an HTML page given to the news feed html-page, as the console does', async () => {
    const page = '<!DOCTYPE html><html><head><title>Anmeldung</title></head><body><form>Login</form></body></html>';
    const src = fresh(`/test-api/echo?type=text/html&body=${encodeURIComponent(page)}`);
    const { details, console } = await errorsOf('kpr-news-feed', src);
    expect(details.map(({ code, kind }) => ({ code, kind }))).to.deep.equal([{ code: 'html-page', kind: 'format' }]);
    expect(details[0]!.url).to.include('/test-api/echo');
    expect(console.join('\n')).to.include('[html-page] could not use the feed');
  });

  it('names a feed the server does not have http-error, with its status', async () => {
    const { details } = await errorsOf('kpr-news-feed', fresh('/test-api/status/404'));
    expect(details.map(({ code, kind, status }) => ({ code, kind, status }))).to.deep.equal([{ code: 'http-error', kind: 'http', status: 404 }]);
  });

  it('names a news feed given to the calendar items-of-another-widget, in the event and in the console', async () => {
    const { details, console } = await errorsOf('kpr-event-calendar', fresh('/tests/fixtures/calendar/news-not-events.json'));
    expect(details.map(({ code, kind }) => ({ code, kind }))).to.deep.equal([{ code: 'items-of-another-widget', kind: 'format' }]);
    expect(console).to.have.length(1);
    expect(console[0]).to.include('<kpr-event-calendar> [items-of-another-widget] src:');
  });

  it('names an iCalendar file the calendar cannot read ics-not-readable', async () => {
    const { details, console } = await errorsOf('kpr-event-calendar', fresh('/tests/fixtures/calendar/truncated.ics'));
    expect(details.map(({ code, kind }) => ({ code, kind }))).to.deep.equal([{ code: 'ics-not-readable', kind: 'parse' }]);
    expect(console.join('\n')).to.include('[ics-not-readable] could not use the calendar');
  });
});
