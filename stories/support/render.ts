import { html, render, type TemplateResult } from 'lit';

/** Story args that shape the space around a widget instead of being one of its attributes. */
const LAYOUT_ARGS = new Set(['width']);

export type WidgetArgs = Record<string, string | number | boolean | undefined> & { width?: string };

/**
 * A widget with every arg as an attribute, so each attribute control made from custom-elements.json changes
 * what the widget shows, not only the args a story author thought of. `true` sets a boolean attribute; `false`,
 * `''` and `undefined` leave an attribute out, as a page that never wrote it.
 */
export function widget(tagName: string, args: WidgetArgs, content?: TemplateResult): TemplateResult {
  const element = document.createElement(tagName);
  for (const [name, value] of Object.entries(args)) {
    if (LAYOUT_ARGS.has(name) || value === undefined || value === false || value === '') continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  if (content) render(content, element);
  return html`<div style="max-width: ${args.width ?? 'none'}">${element}</div>`;
}

/** A JSON Feed made in the story itself, served from a blob: URL, for states no sample file has. */
export function feedUrl(items: unknown[], title = 'Präventionsrat Bannewitz'): string {
  const json = { version: 'https://jsonfeed.org/version/1.1', title, items };
  return URL.createObjectURL(new Blob([JSON.stringify(json)], { type: 'application/feed+json' }));
}
