import type { LoadedItem } from '../../core/feed/types.js';
import { plainText, firstSentence, shorten } from '../../core/text.js';
import { isExternal, safeImage, safeLink } from '../../core/urls.js';
import type { NewsEntry } from './news-feed.types.js';

// The articles' elements are written by this directive, which is needed as late as the entries and loads with them.
export { articleList } from './article-list.js';

const HEADING_LENGTH = 90;
const SUMMARY_LENGTH = 300;

/** True when an item has nothing to show: no title and no text (the schema docs state this rule). */
export function isBlank(item: LoadedItem): boolean {
  return !item.title?.trim() && !item.summary?.trim() && !item.content_text?.trim() && !item.content_html?.trim();
}

/** Turns a validated feed item into what the news widget shows, applying the rules of kpr-news.schema.json. */
export function toNewsEntry(item: LoadedItem, imageHosts: readonly string[]): NewsEntry {
  const text = () => item.content_text?.trim() || (item.content_html ? plainText(item.content_html) : '');
  const link = safeLink(item.url ?? item.external_url, item.source);
  const heading = item.title?.trim() || firstSentence(item.summary?.trim() || text(), HEADING_LENGTH);
  const summary = item.summary?.trim() || (link ? shorten(text(), SUMMARY_LENGTH) : undefined);
  const imageSrc = safeImage(item.image, { source: item.source, hosts: imageHosts });
  const alt = item._kpr?.image_alt;
  return {
    heading,
    link,
    external: link ? isExternal(link) : false,
    date: item.published ?? item.modified,
    authors: item.authors?.map((a) => a.name?.trim() ?? '').filter(Boolean),
    summary: summary || undefined,
    body: link ? undefined : { html: item.content_html, text: item.content_html ? undefined : item.content_text },
    image: imageSrc ? { src: imageSrc, alt: typeof alt === 'string' ? alt : '' } : undefined,
    tags: item.tags ? trimmed(item.tags) : [],
    language: item.language,
    source: item.source,
  };
}

/** The tags without surrounding white space and without empty ones; a list that is clean already is kept as it is. */
function trimmed(tags: string[]): string[] {
  return tags.every((tag) => tag && tag === tag.trim()) ? tags : tags.map((tag) => tag.trim()).filter(Boolean);
}
