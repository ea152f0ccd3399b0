import { fixture, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/news-feed.js';
import type { KprNewsFeed } from '../../src/news-feed.js';

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

/** Records console output of one kind while a test runs, still passing it through. */
export function captureConsole(kind: 'error' | 'warn' | 'info'): { messages: string[]; restore: () => void } {
  const original = console[kind];
  const messages: string[] = [];
  console[kind] = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
  };
  return { messages, restore: () => (console[kind] = original) };
}
