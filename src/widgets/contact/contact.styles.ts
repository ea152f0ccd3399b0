import { css } from 'lit';

export const contactStyles = css`
  :host {
    --_max: var(--kpr-contact-max-width, 40rem);
    --_error: var(--kpr-color-error, light-dark(#b3261e, #ffb4ab));
  }
  .base {
    display: grid;
    gap: var(--_space-l);
    max-width: var(--_max);
  }
  .notice {
    padding: var(--_space-m);
    border-inline-start: 4px solid var(--_primary);
    background: color-mix(in srgb, var(--_primary) 6%, transparent);
  }
  .notice-title,
  .error-summary h2 {
    margin: 0 0 var(--_space-s);
    font-size: 1.15em;
  }
  .notice ul {
    margin: 0 0 var(--_space-s);
    padding-inline-start: 1.25rem;
  }
  .notice p {
    margin: 0;
  }
  form {
    display: grid;
    gap: var(--_space-l);
  }
  .field {
    display: grid;
    gap: var(--_space-xs);
  }
  label {
    font-weight: 600;
  }
  .badge,
  .hint,
  .count,
  .anonymous {
    color: var(--_muted);
    font-weight: 400;
  }
  .hint,
  .count,
  .anonymous,
  .error-message {
    margin: 0;
  }
  input:not([type='checkbox']),
  select,
  textarea {
    width: 100%;
    min-height: 2.75rem;
    padding: var(--_space-xs) var(--_space-s);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    font: inherit;
  }
  textarea {
    resize: vertical;
  }
  .check {
    display: flex;
    align-items: flex-start;
    gap: var(--_space-s);
  }
  .check-hint {
    padding-inline-start: calc(1.5rem + var(--_space-s));
  }
  input[type='checkbox'] {
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
    margin: 0.1rem 0 0;
    accent-color: var(--_primary);
  }
  .invalid {
    padding-inline-start: var(--_space-m);
    border-inline-start: 4px solid var(--_error);
  }
  .invalid input,
  .invalid select,
  .invalid textarea {
    border-color: var(--_error);
  }
  .error-message,
  .count.over {
    color: var(--_error);
    font-weight: 700;
  }
  .error-summary {
    padding: var(--_space-m);
    border: 4px solid var(--_error);
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .error-summary a {
    color: var(--_error);
    font-weight: 700;
  }
  /* The live regions stay rendered while empty, so that what is put into them later is read out. */
  .result.sent,
  .result.failed {
    padding: var(--_space-m);
    border: 2px solid var(--_primary);
  }
  .result.failed {
    border-color: var(--_error);
  }
  .result p {
    margin: 0 0 var(--_space-s);
  }
  .button {
    justify-self: start;
  }
  .button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  /*
   * The honeypot: out of sight and out of the accessibility tree; only programs that fill every field find it.
   * It is clipped to nothing where it stands rather than moved off screen: a box pushed 10,000 px to the start
   * side lands to the right in a right-to-left form and made a left-to-right page 11,000 px wide.
   */
  .hp {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    border: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    .invalid,
    .error-summary,
    .result {
      border-color: CanvasText;
    }
  }
`;
