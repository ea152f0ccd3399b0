import { css } from 'lit';

export const preventionTipsStyles = css`
  :host {
    --_gap: var(--kpr-prevention-tips-gap, var(--_space-l));
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s) var(--_space-m);
    margin-bottom: var(--_gap);
  }
  .filters label {
    display: grid;
    gap: var(--_space-xs);
    flex: 1 1 12rem;
    font-weight: 600;
  }
  input,
  select {
    min-height: 2.75rem;
    padding: var(--_space-xs) var(--_space-s);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    font: inherit;
    font-weight: 400;
  }
  .groups {
    display: grid;
    gap: var(--_gap);
  }
  .group-title {
    margin: 0 0 var(--_space-s);
    font-size: 1.25em;
    font-weight: 700;
  }
  .tip {
    border-top: 1px solid var(--_border);
  }
  /*
   * Tips far from the viewport are laid out only when scrolled near (they stay in the DOM, the accessibility tree
   * and find-in-page): 500 collapsed tips took longer to lay out than everything else the first render does.
   * A skipped tip keeps the height of a closed one-line tip, then the height it last had. The clip margin keeps
   * the focus ring (3px, 2px outside the button) visible, which the containment would cut off; browsers without
   * the margin lay out every tip.
   */
  @supports (overflow-clip-margin: 5px) {
    .tip {
      content-visibility: auto;
      contain-intrinsic-size: auto 2.75rem;
      overflow-clip-margin: 5px;
    }
  }
  .tip:last-child {
    border-bottom: 1px solid var(--_border);
  }
  [part='tip-button'] {
    display: flex;
    justify-content: space-between;
    gap: var(--_space-m);
    width: 100%;
    min-height: 2.75rem;
    padding: var(--_space-s) 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    font-weight: 600;
    text-align: start;
    cursor: pointer;
  }
  [part='tip-button']::after {
    content: '+';
    flex: none;
    color: var(--_primary);
    font-weight: 700;
  }
  [part='tip-button'][aria-expanded='true']::after {
    content: '−';
  }
  .panel {
    padding: 0 0 var(--_space-m);
  }
  .panel p,
  .more ul {
    margin: 0 0 var(--_space-s);
  }
  .summary {
    font-weight: 600;
  }
  .more ul {
    padding-inline-start: 1.25em;
  }
  .spotlight {
    padding: var(--_space-m);
    border: 1px solid var(--_border);
    border-inline-start: 6px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .eyebrow {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .spotlight-title {
    margin: var(--_space-xs) 0 var(--_space-s);
    font-size: 1.25em;
    font-weight: 700;
  }
  /* Feed text takes its direction from its own letters: German titles in an Arabic widget read correctly. */
  [part='tip-button'],
  .summary,
  .body,
  .spotlight-title {
    unicode-bidi: plaintext;
  }
`;
