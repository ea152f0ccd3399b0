import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { formatDate } from '../../core/format-date.js';
import { textLanguage } from '../../core/feed/language.js';
import { placeInOrder } from '../../core/place-in-order.js';
import { safeHtml } from '../../core/sanitize.js';
import type { ArticleContext, NewsEntry } from './news-feed.types.js';

/** The elements of one article that its entry writes to; the rest is the same in every article. */
interface Article {
  item: HTMLLIElement;
  article: HTMLElement;
  title: HTMLElement;
  link: HTMLAnchorElement;
  meta: HTMLElement;
  time: HTMLTimeElement;
  authors: HTMLElement;
  summary: HTMLElement;
  tags: HTMLElement;
  image?: HTMLImageElement;
  body?: HTMLElement;
  /** The render (`ArticleContext.key`) the article was last written for; undefined while its HTML is pending. */
  written?: string;
}

function element(tag: string, attributes: Record<string, string>, ...children: Node[]): HTMLElement {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  made.append(...children);
  return made;
}

/**
 * One empty article for the render's context (heading level, the tags' label), cloned for each: a feed may have a
 * thousand, and one native clone of a finished tree costs less than a template instance with a score of bindings.
 * The same elements, classes and parts as always.
 */
let blank: { key: string; item: HTMLLIElement } | undefined;
const tag = () => element('li', { part: 'tag' });
function blankArticle({ key, level, tagsLabel }: ArticleContext): HTMLLIElement {
  if (blank?.key !== key) {
    const item = element('li', { class: 'item', part: 'item' },
      element('article', { tabindex: '-1' },
        element('div', { role: 'heading', 'aria-level': String(level), class: 'title', part: 'title' }, element('a', { part: 'link' })),
        element('p', { class: 'meta', part: 'meta' }, element('time', {}), element('span', {})),
        element('p', { class: 'summary', part: 'summary' }),
        element('ul', { class: 'tags', part: 'tags', 'aria-label': tagsLabel }, tag(), tag(), tag()),
      ),
    ) as HTMLLIElement;
    blank = { key, item };
  }
  return blank.item.cloneNode(true) as HTMLLIElement;
}

function newArticle(context: ArticleContext): Article {
  const item = blankArticle(context);
  const article = item.firstElementChild as HTMLElement;
  const title = article.firstElementChild as HTMLElement;
  const meta = title.nextElementSibling as HTMLElement;
  const summary = meta.nextElementSibling as HTMLElement;
  const time = meta.firstElementChild as HTMLTimeElement;
  return { item, article, title, link: title.firstElementChild as HTMLAnchorElement, meta, time, authors: time.nextElementSibling as HTMLElement, summary, tags: summary.nextElementSibling as HTMLElement };
}

/**
 * Sets or removes an attribute, as Lit's `ifDefined` did. A new article has none of the optional attributes, so only
 * those with a value are written there: these calls are most of the work for a thousand articles.
 */
function attribute(target: Element, name: string, value: string | undefined, fresh: boolean): void {
  if (value !== undefined) target.setAttribute(name, value);
  else if (!fresh) target.removeAttribute(name);
}

/** Sets a text, where a new article's empty element would not already show it. */
function text(target: Node, value: string, fresh: boolean): void {
  if (value || !fresh) target.textContent = value;
}

/** Writes what an entry shows into its article; optional parts (image, HTML body, a fourth tag on) come and go. */
function write(view: Article, entry: NewsEntry, context: ArticleContext): void {
  const fresh = !('written' in view);
  const { date, image, body } = entry;
  const { compact, host } = context;
  const authors = !compact && entry.authors?.length ? context.by(entry.authors) : '';
  const summary = compact || body?.html ? '' : (body?.text ?? entry.summary ?? '');
  const tags = compact ? [] : entry.tags;
  // The article is in the item's language where it differs from the widget's; its date and authors line is the widget's.
  const { lang, dir } = textLanguage(entry.language, context.language, context.dir);
  attribute(view.article, 'lang', lang, fresh);
  attribute(view.article, 'dir', dir, fresh);
  attribute(view.link, 'href', entry.link, fresh);
  attribute(view.link, 'rel', entry.external ? 'noopener noreferrer' : undefined, fresh);
  text(view.link, entry.heading, fresh);
  if (!date && !authors) view.meta.hidden = true;
  else if (!fresh) view.meta.hidden = false;
  attribute(view.meta, 'lang', lang && context.language, fresh);
  attribute(view.meta, 'dir', dir && context.dir, fresh);
  attribute(view.time, 'datetime', date?.toISOString(), fresh);
  if (!date) view.time.hidden = true;
  else if (!fresh) view.time.hidden = false;
  text(view.time, date ? formatDate(date, context.locale, context.timeZone) : '', fresh);
  text(view.authors, authors, fresh);
  if (!fresh) {
    // Written for another render: the parts every article shares may have changed too.
    view.title.setAttribute('aria-level', String(context.level));
    view.tags.setAttribute('aria-label', context.tagsLabel);
  }

  if (image && !compact) {
    // Lazy, without referrer, before its address is set: a detached image would otherwise load at once.
    view.image ??= element('img', { part: 'image', loading: 'lazy', decoding: 'async', referrerpolicy: 'no-referrer' }) as HTMLImageElement;
    view.image.alt = image.alt;
    if (view.image.getAttribute('src') !== image.src) view.image.src = image.src;
    if (!view.image.parentNode) view.summary.before(view.image);
  } else if (view.image) {
    view.image.remove();
    view.image = undefined;
  }
  text(view.summary, summary, fresh);

  let pending = false;
  if (body?.html && !compact) {
    // Until DOMPurify has loaded this is nothing; the host renders again once it is there.
    const nodes = safeHtml(entry, body.html, { source: entry.source, hosts: context.imageHosts }, host);
    pending = !Array.isArray(nodes);
    view.body ??= element('div', { class: 'summary body', part: 'summary' });
    view.body.replaceChildren(...(Array.isArray(nodes) ? nodes : []));
    if (!view.body.parentNode) view.summary.after(view.body);
  } else if (view.body) {
    view.body.remove();
    view.body = undefined;
  }

  if (!tags.length) view.tags.hidden = true;
  else if (!fresh) view.tags.hidden = false;
  // Three places for tags always (empty ones are hidden by CSS); a fourth tag and more get places of their own.
  let place = view.tags.firstElementChild;
  for (let index = 0; index < Math.max(3, tags.length); index++, place = place!.nextElementSibling) {
    place ??= view.tags.appendChild(tag());
    text(place, tags[index] ?? '', fresh);
  }
  while (place) {
    const after = place.nextElementSibling;
    place.remove();
    place = after;
  }
  view.written = pending ? undefined : context.key;
}

/**
 * The articles of the list, on the `<ul>` itself: each entry's article is made once and rewritten only when the
 * render's context (language, layout, time zone …) changed, and the list keeps the articles' elements across renders,
 * so "show more" only adds and the keyboard focus stays where it was. (An article filtered out is made anew when it
 * comes back.)
 */
class ArticleList extends Directive {
  /** The articles of the last render (a Map, rebuilt each render: a WeakMap of a thousand keys costs the GC more). */
  private articles = new Map<NewsEntry, Article>();
  /** The one image that loads at once and first. */
  private first?: HTMLImageElement;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('articleList() belongs on the list element');
  }

  render(_entries: readonly NewsEntry[], _context: ArticleContext): unknown {
    return noChange;
  }

  override update(part: ElementPart, [entries, context]: [readonly NewsEntry[], ArticleContext]): unknown {
    const list = part.element;
    const kept = new Map<NewsEntry, Article>();
    for (const entry of entries) {
      const view = this.articles.get(entry) ?? newArticle(context);
      kept.set(entry, view);
      if (view.written !== context.key) write(view, entry, context);
    }
    placeInOrder(list, [...kept.values()].map((view) => view.item), list.firstChild);
    this.articles = kept;
    // The first image of a feed at the top of the page (`eager`) is often the largest thing on the screen when it opens:
    // it loads at once and ahead of the rest, the others only when scrolled near.
    let first: HTMLImageElement | undefined;
    if ((context.host as { eager?: boolean }).eager) for (const view of kept.values()) if ((first = view.image)) break;
    if (first !== this.first) {
      this.first?.setAttribute('loading', 'lazy');
      this.first?.removeAttribute('fetchpriority');
      first?.setAttribute('loading', 'eager');
      first?.setAttribute('fetchpriority', 'high');
      this.first = first;
    }
    return noChange;
  }
}

export const articleList = directive(ArticleList);
