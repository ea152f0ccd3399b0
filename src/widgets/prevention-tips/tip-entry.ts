import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { textLanguage, type TextLanguage } from '../../core/feed/language.js';
import type { LoadedItem } from '../../core/feed/types.js';
import { formatBytes } from '../../core/format.js';
import { LEICHTE_SPRACHE, type I18nController } from '../../core/i18n.js';
import { safeHtml } from '../../core/sanitize.js';
import { searchKey } from '../../core/search.js';
import { dayNumber } from '../../core/time.js';
import { plainText } from '../../core/text.js';
import { safeLink } from '../../core/urls.js';
import type { Audience, Season, TipEntry, TipReading, Topic } from './prevention-tips.types.js';

interface TipExtension {
  topic: Topic;
  audience?: Audience[];
  season?: Season;
  links?: { title: string; url: string }[];
  phones?: { label: string; number: string }[];
  downloads?: { title: string; url: string; type?: string; size?: number }[];
  easy?: { title?: string; summary?: string; content_text: string };
}

/** Turns a validated feed item into what the tips widget shows; links that are not http(s) are dropped. */
export function toTipEntry(item: LoadedItem): TipEntry {
  const extension = item._kpr as unknown as TipExtension;
  // The search text (with the body's HTML turned into text) is made on the first search, not for every tip when
  // the feed arrives: it was a tenth of the first render's time and most of its garbage, and most visitors never search.
  let haystack: string | undefined;
  const { easy } = extension;
  return {
    id: item.id,
    title: item.title?.trim() || item.id,
    summary: item.summary?.trim() || undefined,
    body: { html: item.content_html, text: item.content_html ? undefined : item.content_text },
    topic: extension.topic,
    audience: extension.audience ?? [],
    season: extension.season,
    links: (extension.links ?? []).flatMap(({ title, url }) => {
      const href = webLink(url, item.source);
      return href ? [{ title, href }] : [];
    }),
    // A dialling link keeps only what a phone understands: digits and a leading plus.
    phones: (extension.phones ?? []).map(({ label, number }) => ({ label, number, href: `tel:${number.replace(/(?!^\+)[^\d]/g, '')}` })),
    downloads: (extension.downloads ?? []).flatMap(({ title, url, type, size }) => {
      const href = webLink(url, item.source);
      return href ? [{ title, href, type, size }] : [];
    }),
    get haystack() {
      return (haystack ??= searchKey([item.title, item.summary, bodyText(item), ...(item.tags ?? []), easy?.title, easy?.summary, easy?.content_text].join(' ')));
    },
    // An empty easy title or teaser is no title: the standard one stands in for it.
    easy: easy && { title: easy.title?.trim() || undefined, summary: easy.summary?.trim() || undefined, text: easy.content_text },
    source: item.source,
    language: item.language,
  };
}

/** A link of the tip's, only when it leads to a web page (http or https). */
function webLink(url: string, source: string): string | undefined {
  const href = safeLink(url, source);
  return href?.startsWith('http') ? href : undefined;
}

const bodyText = (item: LoadedItem) => item.content_text ?? (item.content_html ? plainText(item.content_html) : '');

/**
 * What an open tip (or the tip of the day) shows below its title: the button to read it in Leichte Sprache (or
 * back), its teaser, text, phone numbers, links and downloads. Here, with the feed's reading, because nothing is
 * open before a feed has come.
 */
export function renderContent(tip: TipEntry, i18n: I18nController, host: ReactiveElement, reading: TipReading): TemplateResult {
  const list = (label: string, items: TemplateResult[]) => (items.length ? html`<div class="more"><strong>${label}</strong><ul>${items}</ul></div>` : nothing);
  // The feed's words (teaser, text, labels and titles of links) are in the tip's language; the headings the widget's.
  const { lang, dir } = textLanguage(tip.language, i18n.language, i18n.dir);
  const easy = reading.easy ? tip.easy : undefined;
  const summary = easy?.summary ? words(easy.summary, easyLanguage(i18n)) : tip.summary ? words(tip.summary, { lang, dir }) : undefined;
  return html`${tip.easy ? renderSwitch(i18n, reading) : nothing}
    ${summary ? html`<p class="summary" lang=${ifDefined(summary.lang)} dir=${ifDefined(summary.dir)}>${summary.text}</p>` : nothing}
    ${easy ? renderEasyText(easy.text, easyLanguage(i18n)) : tip.body.html ? html`<div class="body" lang=${ifDefined(lang)} dir=${ifDefined(dir)}>${safeHtml(tip, tip.body.html, { source: tip.source, hosts: [] }, host)}</div>` : tip.body.text ? html`<p lang=${ifDefined(lang)} dir=${ifDefined(dir)}>${tip.body.text}</p>` : nothing}
    ${list(i18n.t('tips.phones'), tip.phones.map((p) => html`<li><span lang=${ifDefined(lang)} dir=${ifDefined(dir)}>${p.label}</span>: <a href=${p.href}>${p.number}</a></li>`))}
    ${list(i18n.t('tips.links'), tip.links.map((l) => html`<li><a href=${l.href} rel="noopener noreferrer" lang=${ifDefined(lang)} dir=${ifDefined(dir)}>${l.title}</a></li>`))}
    ${list(i18n.t('tips.downloads'), tip.downloads.map((d) => html`<li><a href=${d.href} rel="noopener noreferrer" download lang=${ifDefined(lang)} dir=${ifDefined(dir)}>${d.title}</a>${d.type || d.size ? ` (${[d.type, d.size ? formatBytes(d.size, i18n.locale) : ''].filter(Boolean).join(', ')})` : ''}</li>`))}`;
}

/**
 * The button that switches a tip between its standard words and Leichte Sprache. Its label says what a press does
 * (so no `aria-pressed`, which would contradict a changing label); the element stays, so the focus stays on it,
 * and the status below says politely which words the tip shows now, once the reader has switched them.
 */
function renderSwitch(i18n: I18nController, reading: TipReading): TemplateResult {
  const now = reading.easy ? 'easy' : 'standard';
  return html`<p><button type="button" class="button secondary" part="easy-button" @click=${reading.switch}>${i18n.t(reading.easy ? 'tips.readStandard' : 'tips.readEasy')}</button></p>
    <p class="visually-hidden" role="status">${reading.switched ? i18n.t(`tips.nowIn.${now}`) : ''}</p>`;
}

/** Leichte Sprache puts one sentence on a line: each line of the easy text is a paragraph of its own. */
function renderEasyText(text: string, { lang, dir }: TextLanguage): TemplateResult {
  return html`<div class="body" lang=${ifDefined(lang)} dir=${ifDefined(dir)}>${text.split(/\n+/).filter((line) => line.trim()).map((line) => html`<p>${line}</p>`)}</div>`;
}

const words = (text: string, language: TextLanguage) => ({ text, ...language });

/**
 * Leichte Sprache is marked as such (`de-x-ls`) in a widget of any other language, as another language would be;
 * it is always written left to right.
 */
function easyLanguage(i18n: I18nController): TextLanguage {
  return i18n.language === LEICHTE_SPRACHE ? {} : { lang: LEICHTE_SPRACHE, dir: i18n.dir === 'rtl' ? 'ltr' : undefined };
}

/** Whether a tip shows its Leichte-Sprache version: as the reader chose with its button, else when the widget speaks Leichte Sprache. */
export function readsEasy(tip: TipEntry, chosen: ReadonlyMap<string, boolean>, i18n: I18nController): boolean {
  return !!tip.easy && (chosen.get(tip.id) ?? i18n.language === LEICHTE_SPRACHE);
}

/** A tip's title as shown (its easy title when it reads in Leichte Sprache and has one), with its `lang` and `dir`. */
export function titleOf(tip: TipEntry, easy: boolean, i18n: I18nController): { text: string } & TextLanguage {
  const title = easy ? tip.easy?.title : undefined;
  return title ? words(title, easyLanguage(i18n)) : words(tip.title, textLanguage(tip.language, i18n.language, i18n.dir));
}

/** Whether a tip is for the chosen audience: tips without an audience, and tips for everyone, always are. */
export function isFor(tip: TipEntry, audience: string): boolean {
  return !audience || tip.audience.length === 0 || tip.audience.includes(audience as Audience) || tip.audience.includes('everyone');
}

/** The seasons a day belongs to, in the municipality's calendar ("2026-11-24" → autumn and the dark months). */
export function seasonsOf(day: string): Season[] {
  const month = Number(day.slice(5, 7));
  const season: Season = month >= 3 && month <= 5 ? 'spring' : month >= 6 && month <= 8 ? 'summer' : month >= 9 && month <= 11 ? 'autumn' : 'winter';
  return month >= 10 || month <= 3 ? [season, 'dark-months'] : [season];
}

/**
 * The tip of the day: the same for every visitor on a given day, another one the next day, and every tip in
 * turn. With `preferSeason`, tips for the current season come first when there are any.
 */
export function spotlightFor(tips: readonly TipEntry[], day: string, preferSeason: boolean): TipEntry | undefined {
  const seasons = seasonsOf(day);
  const seasonal = preferSeason ? tips.filter((tip) => tip.season && seasons.includes(tip.season)) : [];
  const pool = [...(seasonal.length ? seasonal : tips)].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return pool[dayNumber(day) % pool.length];
}
