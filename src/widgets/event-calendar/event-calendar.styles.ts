import { css } from 'lit';

export const eventCalendarStyles = css`
  :host {
    --_today: var(--kpr-event-calendar-today, color-mix(in srgb, var(--_primary) 10%, transparent));
    --_s0: var(--kpr-event-calendar-source-1-color, var(--_primary));
    --_s1: var(--kpr-event-calendar-source-2-color, light-dark(#7a3e00, #f0b36b));
    --_s2: var(--kpr-event-calendar-source-3-color, light-dark(#1a6b2f, #8fd19e));
    --_s3: var(--kpr-event-calendar-source-4-color, light-dark(#6b2f8a, #d2a8ee));
    --_s4: var(--kpr-event-calendar-source-5-color, light-dark(#8a1c3b, #f1a7bc));
    --_s5: var(--kpr-event-calendar-source-6-color, light-dark(#3d4f5c, #b7c6d1));
  }
  .source-1 { --_source: var(--_s1); }
  .source-2 { --_source: var(--_s2); }
  .source-3 { --_source: var(--_s3); }
  .source-4 { --_source: var(--_s4); }
  .source-5 { --_source: var(--_s5); }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-s) var(--_space-m);
    margin-bottom: var(--_space-m);
  }
  .nav,
  .views,
  .categories {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
  }
  /* The arrows point the way the month goes: Chromium does not mirror a lone ‹ › in a right-to-left button. */
  .nav [aria-hidden] {
    display: inline-block;
    direction: ltr;
  }
  [dir='rtl'] .nav [aria-hidden] {
    transform: scaleX(-1);
  }
  .heading {
    font-size: 1.3em;
    font-weight: 700;
  }
  .button {
    min-width: 2.75rem;
  }
  [aria-pressed='true'].button {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .categories {
    margin-bottom: var(--_space-m);
  }
  .toggle {
    min-height: 2.75rem;
    padding: var(--_space-xs) var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: transparent;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  .toggle[aria-pressed='true'] {
    border-color: var(--_primary);
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .toggle[aria-pressed='true']::before {
    content: '✓ ' / '';
  }
  .month {
    width: 100%;
    table-layout: fixed;
    border-collapse: collapse;
  }
  .month th {
    padding: var(--_space-xs);
    font-weight: 600;
    text-align: start;
  }
  .day {
    height: 6.5rem;
    padding: var(--_space-xs);
    border: 1px solid color-mix(in srgb, var(--_border) 50%, transparent);
    vertical-align: top;
    overflow: hidden;
  }
  .day.outside {
    color: var(--_muted);
    background: color-mix(in srgb, currentColor 4%, transparent);
  }
  .day.outside .day-number {
    opacity: 0.7;
  }
  .day.today {
    background: var(--_today);
  }
  .day.today .day-number {
    display: inline-grid;
    place-items: center;
    min-width: 1.75em;
    border-radius: 999px;
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 700;
  }
  .day:focus-visible {
    outline-offset: -3px;
  }
  .chips {
    display: grid;
    /* The column is as wide as the cell, never as wide as a title's longest word. */
    grid-template-columns: minmax(0, 1fr);
    gap: 2px;
    margin: var(--_space-xs) 0 0;
    padding: 0;
    list-style: none;
  }
  .chip {
    width: 100%;
    padding: 0 var(--_space-xs);
    border: 0;
    border-inline-start: 3px solid var(--_source, var(--_s0));
    border-radius: 2px;
    background: color-mix(in srgb, var(--_source, var(--_s0)) 12%, transparent);
    color: inherit;
    font: inherit;
    font-size: 0.8em;
    line-height: 1.3;
    text-align: start;
    /*
     * Two lines, then an ellipsis: enough to recognise an event; the whole title is one click away. A word longer
     * than the cell is hyphenated where the browser knows the language, else broken, rather than cut at the border.
     */
    overflow-wrap: anywhere;
    hyphens: auto;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
    cursor: pointer;
  }
  .chip.all-day {
    background: color-mix(in srgb, var(--_source, var(--_s0)) 30%, transparent);
  }
  .chip.more {
    border: 0;
    background: none;
    text-decoration: underline;
  }
  .cancelled .event-button,
  .chip.cancelled {
    text-decoration: line-through;
  }
  .month-empty {
    margin: var(--_space-m) 0 0;
  }
  .search {
    display: grid;
    gap: var(--_space-xs);
    max-width: 24rem;
    margin-bottom: var(--_space-m);
    font-weight: 600;
  }
  input {
    min-height: 2.75rem;
    padding: var(--_space-xs) var(--_space-s);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    font: inherit;
    font-weight: 400;
  }
  .agenda {
    display: grid;
    gap: var(--_space-l);
  }
  /* Days far below the fold are laid out only when scrolled to: a list of a busy month stays quick. */
  .agenda-day {
    content-visibility: auto;
    contain-intrinsic-size: auto 12rem;
  }
  .agenda.compact {
    gap: var(--_space-m);
  }
  .agenda-date {
    margin-bottom: var(--_space-xs);
    font-weight: 700;
  }
  .agenda-events {
    display: grid;
    gap: var(--_space-s);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .agenda-event {
    display: grid;
    grid-template-columns: 6.5rem 1fr;
    gap: var(--_space-m);
    padding-inline-start: var(--_space-s);
    border-inline-start: 4px solid var(--_source, var(--_s0));
  }
  .compact .agenda-event {
    grid-template-columns: 1fr;
    gap: 0;
  }
  .agenda-main {
    display: grid;
  }
  .event-button {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_link);
    font: inherit;
    font-weight: 600;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }
  .agenda-meta,
  .agenda-time {
    color: var(--_muted);
  }
  .more-button {
    justify-self: start;
  }
  .earlier-button {
    justify-self: start;
    display: inline-flex;
    align-items: center;
    gap: var(--_space-s);
  }
  /* A triangle that points along the reading direction when closed, down when open. */
  .earlier-button::before {
    content: '▸' / '';
  }
  [dir='rtl'] .earlier-button::before {
    content: '◂' / '';
  }
  .earlier-button[aria-expanded='true']::before {
    content: '▾' / '';
  }
  .earlier-days {
    padding-bottom: var(--_space-l);
    border-bottom: 1px solid var(--_border);
  }
  .earlier-days[hidden] {
    display: none;
  }
  /*
   * Days already past step back: the muted text colour (the one a theme sets for dates and hints, so it keeps its
   * contrast), titles in normal weight, a dashed mark. "Past" is also said in words in each day's heading.
   */
  .past .agenda-date,
  .past .event-button {
    color: var(--_muted);
    font-weight: 400;
  }
  .past .agenda-event {
    border-inline-start-style: dashed;
  }
  .none-later {
    margin: 0;
  }
  dialog {
    width: min(40rem, calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    padding: var(--_space-l);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--kpr-color-dialog, light-dark(#ffffff, #1c1f24));
    color: var(--kpr-color-dialog-text, light-dark(#1a1a1a, #eceff3));
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  .close {
    float: inline-end;
    margin-inline-start: var(--_space-m);
  }
  .dialog-title {
    margin: 0 0 var(--_space-m);
    font-size: 1.3em;
  }
  .status-note {
    display: inline-block;
    padding: var(--_space-xs) var(--_space-s);
    border: 2px solid currentColor;
    border-radius: var(--_radius);
    font-weight: 700;
  }
  /* Plain-text descriptions keep their lines (an OParl agenda is one item a line). */
  p.description {
    white-space: pre-line;
  }
  .facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--_space-xs) var(--_space-m);
  }
  .facts dt {
    font-weight: 600;
  }
  .facts dd {
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s) var(--_space-m);
  }
  a.button {
    display: inline-flex;
    align-items: center;
    text-decoration: none;
  }
  @container (max-width: 30rem) {
    .agenda-event {
      grid-template-columns: 1fr;
      gap: 0;
    }
    .facts {
      grid-template-columns: 1fr;
    }
  }
  @media (forced-colors: active) {
    .chip,
    .agenda-event,
    .toggle {
      border-color: CanvasText;
    }
    .day.today .day-number,
    .toggle[aria-pressed='true'],
    [aria-pressed='true'].button {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
  @media print {
    .toolbar .nav,
    .views,
    .categories,
    .search,
    .earlier-button,
    dialog {
      display: none;
    }
    .event-button {
      color: inherit;
      text-decoration: none;
    }
  }
  /* Feed text takes its direction from its own letters: German titles in an Arabic widget read correctly. */
  .chip,
  .event-button,
  .dialog-title,
  .description,
  .agenda-meta {
    unicode-bidi: plaintext;
  }
`;
