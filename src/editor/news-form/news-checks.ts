import type { FeedProblem } from '../../validator/check-feed.js';

/**
 * What the news form asks beyond the validator: an item's image needs its text alternative (`_kpr.image_alt`), or
 * the explicit mark that it is decorative (an empty `image_alt`). The schema lets a feed leave it out, for feeds
 * written elsewhere; a coordinator writing a news item decides, so that no image reaches residents unexplained by
 * oversight (WCAG 1.1.1).
 */
export function newsFormChecks(text: string): FeedProblem[] {
  let feed: unknown;
  try {
    feed = JSON.parse(text);
  } catch {
    return []; // the validator names what cannot be read
  }
  const items = feed && typeof feed === 'object' && Array.isArray((feed as { items?: unknown }).items) ? ((feed as { items: unknown[] }).items) : [];
  return items.flatMap((item, index): FeedProblem[] => {
    if (!item || typeof item !== 'object') return [];
    const { image, _kpr: kpr } = item as { image?: unknown; _kpr?: { image_alt?: unknown } };
    if (typeof image !== 'string' || !image.trim() || typeof kpr?.image_alt === 'string') return [];
    return [{
      severity: 'error',
      code: 'schema-required',
      path: `items[${index}]._kpr.image_alt`,
      message: `items[${index}] has an image but no _kpr.image_alt: residents who cannot see the image do not learn what it shows`,
      fix: 'Describe what the picture shows in a sentence, or mark the image as decorative.',
    }];
  });
}
