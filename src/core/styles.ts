import { css } from 'lit';

/**
 * Global tokens every widget reads. Each widget maps them to private `--_x` properties, with its own
 * `--kpr-<widget>-*` tier in between. Colours default through `light-dark()`, which follows the page's own
 * `color-scheme`: a page that never opted into dark mode keeps light widgets, whatever the visitor's system.
 * Text colour and font are inherited from the page unless set.
 */
export const baseStyles = css`
  :host {
    --_primary: var(--kpr-color-primary, light-dark(#00508c, #9cc9f5));
    --_on-primary: var(--kpr-color-on-primary, light-dark(#ffffff, #0b1d2e));
    --_text: var(--kpr-color-text, inherit);
    --_muted: var(--kpr-color-text-muted, inherit);
    --_surface: var(--kpr-color-surface, transparent);
    --_border: var(--kpr-color-border, light-dark(#767676, #9a9a9a));
    --_focus: var(--kpr-color-focus, light-dark(#00508c, #9cc9f5));
    --_link: var(--kpr-color-link, var(--kpr-color-primary, light-dark(#00508c, #9cc9f5)));
    --_radius: var(--kpr-radius, 0.375rem);
    --_space-xs: var(--kpr-space-xs, 0.25rem);
    --_space-s: var(--kpr-space-s, 0.5rem);
    --_space-m: var(--kpr-space-m, 1rem);
    --_space-l: var(--kpr-space-l, 1.5rem);

    display: block;
    container-type: inline-size;
    font-family: var(--kpr-font-family, inherit);
    line-height: var(--kpr-line-height, 1.5);
    color: var(--_text);
    overflow-wrap: break-word;
    hyphens: auto;
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  a {
    color: var(--_link);
    text-underline-offset: 0.15em;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    border-radius: 2px;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  .button {
    min-height: 2.75rem;
    padding: var(--_space-s) var(--_space-m);
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .button.secondary {
    background: transparent;
    color: var(--_primary);
  }
`;

/** The loading skeleton, the empty and the error state, shared by every widget. */
export const stateStyles = css`
  .status {
    padding: var(--_space-m) 0;
  }
  .status p {
    margin: 0 0 var(--_space-m);
  }
  /* The webmaster's fallback (for example a link to the news page) on its own line below the retry button. */
  .status ::slotted(*) {
    display: block;
    margin-top: var(--_space-m);
  }
  .skeleton {
    display: grid;
    gap: var(--_space-l);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .skeleton span {
    display: block;
    height: 1em;
    margin-block: var(--_space-s);
    border-radius: var(--_radius);
    background: color-mix(in srgb, currentColor 12%, transparent);
  }
  .skeleton span:first-child {
    width: 60%;
    height: 1.4em;
  }
  .skeleton span:last-child {
    width: 85%;
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton span {
      animation: kpr-pulse 1.6s ease-in-out infinite;
    }
  }
  @keyframes kpr-pulse {
    50% {
      opacity: 0.45;
    }
  }
  @media (forced-colors: active) {
    .skeleton span {
      border: 1px solid CanvasText;
    }
  }
`;
