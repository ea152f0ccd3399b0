import { css } from 'lit';

export const newsFeedStyles = css`
  :host {
    --_gap: var(--kpr-news-feed-gap, var(--_space-l));
    --_card-min: var(--kpr-news-feed-card-min-width, 16rem);
    --_ratio: var(--kpr-news-feed-image-ratio, 16 / 9);
    --_title-size: var(--kpr-news-feed-title-size, 1.125em);
  }
  /* An article's text places that stay empty (no summary, no authors, fewer than three tags) take no room and are
     not read out. !important, because a page's ::part(tag) rules would otherwise win. */
  .summary:empty,
  .meta span:empty,
  [part='tag']:empty {
    display: none !important;
  }
  .articles {
    display: grid;
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  /* A long feed stays quick: articles far from the viewport are not laid out until they come near (they
     stay in the DOM and the accessibility tree, and find-in-page still finds them). */
  .item {
    min-width: 0;
    content-visibility: auto;
    contain-intrinsic-size: auto 10rem;
  }
  .compact .item {
    contain-intrinsic-size: auto 3rem;
  }
  article {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-xs);
    height: 100%;
  }
  .title {
    margin: 0;
    font-size: var(--_title-size);
    font-weight: 700;
    line-height: 1.3;
  }
  .meta,
  .summary {
    margin: 0;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    column-gap: var(--_space-m);
    color: var(--_muted);
    font-size: 0.875em;
  }
  .body img {
    max-width: 100%;
    height: auto;
  }
  img[part='image'] {
    width: 100%;
    aspect-ratio: var(--_ratio);
    object-fit: cover;
    border-radius: var(--_radius);
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
    margin: var(--_space-xs) 0 0;
    padding: 0;
    list-style: none;
    font-size: 0.8125em;
  }
  .tags li {
    /* A tag longer than the widget is wide shrinks and breaks (overflow-wrap) instead of sticking out where the
       browser cannot hyphenate it (WebKitGTK without a German hyphenation dictionary). */
    min-width: 0;
    padding: 0 var(--_space-s);
    border: 1px solid var(--_border);
    border-radius: 999px;
  }
  .more {
    margin-top: var(--_gap);
  }

  /* The image sits beside the text once the widget itself (not the window) is wide enough. */
  @container (min-width: 36rem) {
    .list article:has(img) {
      grid-template-columns: minmax(0, 1fr) minmax(0, 14rem);
      column-gap: var(--_space-m);
    }
    .list article:has(img) > :not(img) {
      grid-column: 1;
    }
    .list img[part='image'] {
      grid-column: 2;
      grid-row: 1 / span 4;
    }
  }

  .cards {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_card-min)), 1fr));
  }
  .cards article {
    align-content: start;
    padding: var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  /* In a card the image comes first visually; in the document the heading stays first for screen readers. */
  .cards img[part='image'] {
    order: -1;
    margin-bottom: var(--_space-s);
  }

  .compact {
    gap: var(--_space-s);
  }
  .compact .title {
    font-size: 1em;
  }

  @media print {
    .more,
    [part='retry-button'] {
      display: none;
    }
  }
  /* Feed text takes its direction from its own letters: German titles in an Arabic widget read correctly. */
  .title,
  .summary {
    unicode-bidi: plaintext;
  }
`;
