import { fixture, html } from '@open-wc/testing';
import '../../../src/event-calendar.js';
import type { KprEventCalendar } from '../../../src/event-calendar.js';
import { fresh, settled } from '../../support/helpers.js';

/** The demo's events feed, at a URL of its own so the page-wide feed cache never answers from an earlier test. */
export const demoEvents = () => fresh('/demo/feeds/events.json');

/**
 * A calendar on the page, loaded and settled: the demo's events unless `attributes` names another `src`, in a box
 * `width` wide (below about 720 px it shows the list).
 */
export async function calendar(attributes: Record<string, string> = {}, width = '900px'): Promise<KprEventCalendar> {
  const el = document.createElement('kpr-event-calendar');
  el.setAttribute('eager', '');
  el.setAttribute('src', demoEvents());
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const wrapper = await fixture(html`<div style="width: ${width}"></div>`);
  wrapper.append(el);
  await settled(el);
  return el;
}
