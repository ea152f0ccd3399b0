// What the embed builder knows about the five widgets, and the snippet it writes. Pure functions: the page
// (embed-builder.ts) renders them, the tests check them.

import { WIDGET_NAMES, type WidgetName } from '../../src/validator/check-feed.js';
import { AUDIENCES, TOPICS } from '../../src/widgets/prevention-tips/prevention-tips.types.js';

export type { WidgetName };
export const WIDGETS = WIDGET_NAMES;

/** One attribute the builder offers; `default` is what the widget does without it, so it is left out then. */
export type Field =
  | { kind: 'select'; name: string; options: readonly string[]; default: string }
  | { kind: 'number'; name: string; min: number; max: number; default: number }
  | { kind: 'text'; name: string; default: ''; inputMode?: 'url' | 'email'; required?: true }
  | { kind: 'boolean'; name: string; default: false };

const headingLevel = (max: number, fallback: number): Field => ({
  kind: 'select',
  name: 'heading-level',
  options: Array.from({ length: max - 1 }, (_, index) => String(index + 2)),
  default: String(fallback),
});

/** The topics and audiences of kpr-tips.schema.json, as the widget reads them. */
export const TIP_TOPICS = TOPICS;
export const TIP_AUDIENCES = AUDIENCES;

/**
 * The main attributes of each widget (README and each widget's `static properties`), in the order a webmaster
 * decides them. `src`, `lang` and the colours are common and handled apart; `eager`, `timeout` and `time-zone`
 * have good defaults and stay out of the builder.
 */
export const FIELDS: Record<WidgetName, readonly Field[]> = {
  'news-feed': [
    { kind: 'select', name: 'layout', options: ['list', 'cards', 'compact'], default: 'list' },
    { kind: 'number', name: 'limit', min: 0, max: 100, default: 0 },
    { kind: 'text', name: 'tag', default: '' },
    headingLevel(6, 3),
  ],
  'prevention-tips': [
    { kind: 'select', name: 'mode', options: ['list', 'spotlight'], default: 'list' },
    { kind: 'select', name: 'topic', options: ['', ...TIP_TOPICS], default: '' },
    { kind: 'select', name: 'audience', options: ['', ...TIP_AUDIENCES], default: '' },
    { kind: 'boolean', name: 'season', default: false },
    { kind: 'boolean', name: 'single', default: false },
    { kind: 'boolean', name: 'deep-links', default: false },
    headingLevel(5, 3),
  ],
  'goal-overview': [
    { kind: 'select', name: 'layout', options: ['cards', 'list'], default: 'cards' },
    { kind: 'text', name: 'goals', default: '' },
    { kind: 'boolean', name: 'expanded', default: false },
    headingLevel(5, 3),
  ],
  'event-calendar': [
    { kind: 'select', name: 'view', options: ['', 'month', 'list', 'upcoming'], default: '' },
    { kind: 'number', name: 'limit', min: 1, max: 50, default: 5 },
    { kind: 'text', name: 'date', default: '' },
    { kind: 'text', name: 'category', default: '' },
    { kind: 'boolean', name: 'url-state', default: false },
    headingLevel(5, 2),
  ],
  contact: [
    { kind: 'select', name: 'mode', options: ['json', 'open311', 'mailto'], default: 'json' },
    { kind: 'text', name: 'mailto', default: '', inputMode: 'email' },
    // Required: the consent names the privacy notice, and without the address it names it without a link.
    { kind: 'text', name: 'privacy-url', default: '', inputMode: 'url', required: true },
    { kind: 'text', name: 'challenge-url', default: '', inputMode: 'url' },
    { kind: 'boolean', name: 'persist-draft', default: false },
  ],
};

/** Required fields left empty: the snippet can still be copied, but the widget lacks something residents need. */
export function missingFields(state: BuilderState): Field[] {
  return FIELDS[state.widget].filter((field) => field.kind === 'text' && field.required && !String(fieldValue(state, field)).trim());
}

/** The contact form posts to an endpoint; every other widget reads feeds. */
export const sourceAttribute = (widget: WidgetName): 'src' | 'endpoint' => (widget === 'contact' ? 'endpoint' : 'src');

/**
 * The demo's own feeds, so the preview shows something at once. They lie in `feeds/` beside the page, under
 * `npm start` (/builder.html) as in `dist/builder/`, wherever that is served: the address is the page's path
 * and the feed's (`/feeds/news.json` in the demo). The contact form's is the reference endpoint's usual path.
 * The page moves their dates to the current week as it reads them (main.ts).
 */
export const SAMPLE_FOLDER = 'feeds/';
const SAMPLE_FILES: Record<WidgetName, string> = {
  'news-feed': `${SAMPLE_FOLDER}news.json`,
  'prevention-tips': `${SAMPLE_FOLDER}tips.json`,
  'goal-overview': `${SAMPLE_FOLDER}goals.json`,
  'event-calendar': `${SAMPLE_FOLDER}events.json`,
  contact: '/api/contact/messages',
};
export const sampleSource = (widget: WidgetName): string => new URL(SAMPLE_FILES[widget], document.baseURI).pathname;

/** The languages every widget speaks (README "Languages"); '' leaves the choice to the page. */
export const LANGUAGE_TAGS = ['', 'de', 'de-x-ls', 'en', 'cs', 'pl', 'uk', 'ar'] as const;

/** The main custom properties of README "Theming", with the value the colour field starts from. */
export const COLOURS = [
  { name: '--kpr-color-primary', key: 'primary', start: '#00508c' },
  { name: '--kpr-color-surface', key: 'surface', start: '#ffffff' },
  { name: '--kpr-color-text', key: 'text', start: '#1d1d1b' },
  { name: '--kpr-color-link', key: 'link', start: '#00508c' },
  { name: '--kpr-color-focus', key: 'focus', start: '#00508c' },
] as const;
export const RADIUS = '--kpr-radius';

/** Where README tells webmasters to put the bundle; they change it to wherever they uploaded it. */
export const DEFAULT_SCRIPT_SRC = '/assets/asskomm-widgets/asskomm-widgets.js';

export interface BuilderState {
  widget: WidgetName;
  /** Feed URLs separated by spaces (the endpoint for the contact form). */
  source: string;
  /** A feed file from the webmaster's computer, shown in the preview through its Blob URL. */
  file?: { name: string; url: string };
  /** Where that file will be on the site: what the snippet's `src` says. */
  uploadPath: string;
  lang: string;
  /** Attribute values by name, as the form holds them; a field missing here has its default. */
  attributes: Record<string, string | boolean>;
  /**
   * The page of the site with the same content: the snippet links to it inside the element, where visitors see
   * it while the widget loads, without JavaScript, and when the feed cannot be loaded. Not for the contact form.
   */
  fallbackUrl: string;
  /** Custom properties the webmaster changed, by name. */
  styles: Record<string, string>;
  scriptSrc: string;
}

export function initialState(widget: WidgetName = 'news-feed'): BuilderState {
  return { widget, source: sampleSource(widget), uploadPath: '', fallbackUrl: '', lang: '', attributes: {}, styles: {}, scriptSrc: DEFAULT_SCRIPT_SRC };
}

/**
 * A number field's value as the widget can take it: a whole number within the field's range (what the browser's
 * own min/max only hint at), or the default for anything that is not a number.
 */
export function clampNumber(field: Extract<Field, { kind: 'number' }>, raw: string): string {
  const number = Number.parseFloat(raw);
  if (!Number.isFinite(number)) return String(field.default);
  return String(Math.min(field.max, Math.max(field.min, Math.round(number))));
}

/** The value a field has in the form: the one set, else its default. */
export function fieldValue(state: BuilderState, field: Field): string | boolean {
  return state.attributes[field.name] ?? (field.kind === 'number' ? String(field.default) : field.default);
}

/**
 * The element's attributes, in a stable order, without those equal to their defaults. `preview` gives the
 * Blob URL of a chosen file; the snippet gives the address the file will have on the site.
 */
export function attributesOf(state: BuilderState, target: 'preview' | 'snippet'): [string, string][] {
  const result: [string, string][] = [];
  const source = state.file ? (target === 'preview' ? state.file.url : state.uploadPath) : state.source;
  if (source.trim()) result.push([sourceAttribute(state.widget), source.trim().split(/\s+/).join(' ')]);
  for (const field of FIELDS[state.widget]) {
    const value = fieldValue(state, field);
    if (field.kind === 'boolean') {
      if (value === true) result.push([field.name, '']);
    } else if (typeof value === 'string' && value.trim() !== '') {
      const written = field.kind === 'number' ? clampNumber(field, value) : value.trim();
      if (written !== String(field.default)) result.push([field.name, written]);
    }
  }
  if (state.lang) result.push(['lang', state.lang]);
  return result;
}

/** The custom properties set, in the order of the form. */
export function stylesOf(state: BuilderState): [string, string][] {
  return [...COLOURS.map((colour) => colour.name), RADIUS].filter((name) => state.styles[name]).map((name) => [name, state.styles[name]!]);
}

/** A colour from the colour field (`#rrggbb`) or a length for the radius; anything else is not written. */
export function isSafeStyleValue(name: string, value: string): boolean {
  if (/[;{}<>\\"'`]/.test(value)) return false;
  return name === RADIUS ? CSS.supports('border-radius', value) : /^#[0-9a-f]{6}$/i.test(value);
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Widgets that read a feed show the element's content when it cannot be loaded; the contact form does not. */
export const hasFallback = (widget: WidgetName): boolean => widget !== 'contact';

/**
 * An address the fallback link may have: a web address, or one on the site (`/praevention/`, `aktuelles.html`).
 * `javascript:` and other schemes are not written, as the widgets themselves keep only http(s) links.
 */
export function isSafeLink(value: string): boolean {
  const address = value.trim();
  if (!address || /\s/.test(address)) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(address)?.[1]?.toLowerCase();
  return scheme === undefined || scheme === 'http' || scheme === 'https';
}

/** The words of the fallback: the link's text, and the comment that asks for the link while there is no address. */
export interface FallbackTexts {
  link: string;
  /** Says where the link goes, with an example; `example` is the link as it would be written. */
  comment: (example: string) => string;
}

/** The element's content: the fallback link, or a comment saying where to put it. */
export function fallbackOf(state: BuilderState, texts: FallbackTexts): string | undefined {
  if (!hasFallback(state.widget)) return undefined;
  const link = (href: string) => `<a href="${escapeAttribute(href)}">${escapeText(texts.link)}</a>`;
  if (isSafeLink(state.fallbackUrl)) return link(state.fallbackUrl.trim());
  // A comment cannot hold "--"; the texts have none, and the example's address is ours.
  return `<!-- ${texts.comment(link('/praevention/')).replace(/--/g, '–')} -->`;
}

/** The HTML the webmaster pastes: the script, the chosen colours (if any) and the element with its fallback. */
export function snippetOf(state: BuilderState, fallback: FallbackTexts): string {
  const tag = `kpr-${state.widget}`;
  const attributes = attributesOf(state, 'snippet')
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join('');
  const lines = [`<script type="module" src="${escapeAttribute(state.scriptSrc.trim() || DEFAULT_SCRIPT_SRC)}"></script>`];
  const styles = stylesOf(state).filter(([name, value]) => isSafeStyleValue(name, value));
  if (styles.length) lines.push('<style>', `  ${tag} {`, ...styles.map(([name, value]) => `    ${name}: ${value};`), '  }', '</style>');
  const content = fallbackOf(state, fallback);
  if (content) lines.push(`<${tag}${attributes}>`, `  ${content}`, `</${tag}>`);
  else lines.push(`<${tag}${attributes}></${tag}>`);
  return lines.join('\n');
}

/** The preview element, built with DOM calls (no HTML parsing, so nothing for Trusted Types to object to). */
export function previewElementOf(state: BuilderState, fallback: FallbackTexts): HTMLElement {
  const element = document.createElement(`kpr-${state.widget}`);
  for (const [name, value] of attributesOf(state, 'preview')) element.setAttribute(name, value);
  // The fallback link too, so that the preview of a feed that cannot be loaded shows what visitors would see.
  if (hasFallback(state.widget) && isSafeLink(state.fallbackUrl)) {
    const link = document.createElement('a');
    link.href = state.fallbackUrl.trim();
    link.textContent = fallback.link;
    element.append(link);
  }
  // CSSOM, not a style attribute: a strict style-src allows it.
  for (const [name, value] of stylesOf(state)) if (isSafeStyleValue(name, value)) element.style.setProperty(name, value);
  // The preview loads at once, wherever it is on the screen; as a property, it stays out of the attributes.
  (element as HTMLElement & { eager?: boolean }).eager = true;
  return element;
}
