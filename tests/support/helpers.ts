import { fixture, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/news-feed.js';
import type { KprNewsFeed } from '../../src/news-feed.js';

/** The engine the tests run in, for the few tests a browser driver cannot serve everywhere. */
export const engine: 'chromium' | 'firefox' | 'webkit' = / Firefox\//.test(navigator.userAgent) ? 'firefox' : /Chrome\//.test(navigator.userAgent) ? 'chromium' : 'webkit';

/** A URL nobody has asked for yet, so the page-wide feed cache cannot answer it from an earlier test. */
export function fresh(path: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}t=${Math.random().toString(36).slice(2)}`;
}

export async function mount(template: TemplateResult): Promise<KprNewsFeed> {
  return fixture<KprNewsFeed>(template);
}

export function shadow(element: HTMLElement): ShadowRoot {
  return element.shadowRoot!;
}

/** Waits until the widget is no longer busy: it shows its articles, the empty state or the error state. */
export async function settled(element: HTMLElement, message = 'the widget to finish loading'): Promise<void> {
  await waitUntil(() => shadow(element).querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false', message, { timeout: 6000 });
  await (element as KprNewsFeed).updateComplete;
}

export function headings(element: HTMLElement): string[] {
  return [...shadow(element).querySelectorAll('[part="title"]')].map((h) => h.textContent!.trim());
}

export function visibleText(element: HTMLElement): string {
  return (shadow(element).querySelector('[part="base"]') as HTMLElement).innerText;
}

/**
 * One period in which the browser is idle, as the calendar's idle work waits for it. WebKit has no
 * requestIdleCallback; the calendar waits 50 ms there, and so does this, a little longer.
 */
export function idlePeriod(): Promise<unknown> {
  return new Promise((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(resolve) : setTimeout(resolve, 60)));
}

/** Records console output of one kind while a test runs, still passing it through. */
export function captureConsole(kind: 'error' | 'warn' | 'info'): { messages: string[]; restore: () => void } {
  const original = console[kind];
  const messages: string[] = [];
  console[kind] = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
  };
  return { messages, restore: () => (console[kind] = original) };
}

/**
 * How many requests for a URL have reached the test server (tests/support/test-api.mjs counts them), so give each
 * test its own URL (`fresh`). Counted by the server rather than the browser's Resource Timing, which in WebKit now
 * and then records one entry for a retry's two requests.
 */
export async function requestsFor(url: string): Promise<number> {
  const { pathname, search } = new URL(url, location.href);
  const answer = await fetch(`/test-api/count?url=${encodeURIComponent(pathname + search)}`);
  return ((await answer.json()) as { count: number }).count;
}

/**
 * The request count once at least `expected` requests have arrived (or three seconds have passed): a request the widget
 * sends without waiting for it may still be on its way. The exact count is then asserted by the test.
 */
export async function recordedRequests(url: string, expected: number): Promise<number> {
  await waitUntil(async () => (await requestsFor(url)) >= expected, `${expected} request(s) for ${url}`, { timeout: 3000 }).catch(() => undefined);
  // Asked once more: on a busy machine the wait can end before its first answer has come back.
  return requestsFor(url);
}

/** A JSON Feed served by the test server exactly as given, so a test can shape any feed it needs. */
export function served(feed: unknown, type = 'application/feed+json'): string {
  const body = typeof feed === 'string' ? feed : JSON.stringify(feed);
  return fresh(`/test-api/echo?type=${encodeURIComponent(type)}&body=${encodeURIComponent(body)}`);
}

export interface ItemSeed {
  id?: string | number;
  title?: string;
  date?: string;
  [field: string]: unknown;
}

/** A valid JSON Feed 1.1 around the given items; fields not given are filled in plausibly. */
export function jsonFeed(items: ItemSeed[], title = 'Testfeed'): Record<string, unknown> {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title,
    items: items.map(({ id, date, ...rest }, index) => ({
      id: String(id ?? `item-${index}`),
      content_text: `Text ${index}`,
      ...(date ? { date_published: date } : {}),
      ...rest,
    })),
  };
}

/**
 * Which element of the widget has focus, described by its part or text. (Comparing elements directly makes
 * a failing assertion try to print whole DOM trees, which can take the test browser down.)
 */
export function focused(element: HTMLElement): string | null {
  const active = shadow(element).activeElement as HTMLElement | null;
  if (!active) return null;
  return `${active.getAttribute('part') ?? active.localName}: ${active.textContent?.trim().slice(0, 40)}`;
}
