import { css } from 'lit';

export const goalOverviewStyles = css`
  :host {
    --_gap: var(--kpr-goal-overview-gap, var(--_space-l));
    --_card-min: var(--kpr-goal-overview-card-min-width, 17rem);
    --_chart: var(--kpr-goal-overview-chart-color, var(--_primary));
    --_good: var(--kpr-color-good, light-dark(#1a6b2f, #8fd19e));
    --_bad: var(--kpr-color-bad, light-dark(#a4262c, #f1a7a9));
  }
  p {
    margin: 0;
  }
  .summary {
    margin-bottom: var(--_space-m);
  }
  .goals {
    display: grid;
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .cards .goals {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_card-min)), 1fr));
    align-items: start;
  }
  .goal {
    display: grid;
    gap: var(--_space-m);
    min-width: 0;
    padding: var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  /* An open card takes the whole row, so its measures have room and the grid keeps its rhythm. */
  .cards .goal.open {
    grid-column: 1 / -1;
  }
  .goal-head {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
  }
  .icon {
    flex: none;
    width: 2rem;
    height: 2rem;
    padding: 0.3rem;
    border-radius: 50%;
    background: color-mix(in srgb, var(--_primary) 12%, transparent);
    color: var(--_primary);
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .goal-title {
    font-size: 1.2em;
    font-weight: 700;
    line-height: 1.3;
  }
  .progress {
    display: grid;
    gap: var(--_space-xs);
  }
  .bar {
    display: block;
    width: 100%;
    height: 0.5rem;
  }
  /* The bar fills from where reading starts. */
  [dir='rtl'] .bar {
    transform: scaleX(-1);
  }
  .track {
    fill: color-mix(in srgb, currentColor 15%, transparent);
  }
  .fill {
    fill: var(--_primary);
  }
  .counts,
  .source,
  .note,
  .measure-meta {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .indicators {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
    gap: var(--_space-m);
  }
  .indicator {
    display: grid;
    gap: var(--_space-xs);
    margin: 0;
    min-width: 0;
  }
  .indicator-name {
    font-weight: 600;
  }
  .latest {
    font-size: 1.1em;
  }
  /*
   * A chart runs left to right in every language, as charts of years conventionally do; in a right-to-left widget
   * its labels would otherwise anchor from the other end and the first and last year would stick out of it.
   */
  .chart {
    direction: ltr;
    display: block;
    width: 100%;
    height: auto;
    max-height: 10rem;
    overflow: visible;
  }
  .chart text {
    fill: currentColor;
    font-size: 12px;
  }
  .axis {
    stroke: currentColor;
    stroke-opacity: 0.5;
  }
  .target-line,
  .baseline-line {
    stroke: currentColor;
    stroke-dasharray: 4 4;
  }
  /* Dotted where the target is dashed, so the two are told apart without colour. */
  .baseline-line {
    stroke-dasharray: 1 3;
  }
  .line {
    fill: none;
    stroke: var(--_chart);
    stroke-width: 2.5;
    stroke-linejoin: round;
  }
  .point,
  .column {
    fill: var(--_chart);
  }
  .trend {
    padding-inline-start: var(--_space-s);
    border-inline-start: 4px solid var(--_border);
  }
  .trend[data-judgement='good'] {
    border-color: var(--_good);
  }
  .trend[data-judgement='bad'] {
    border-color: var(--_bad);
  }
  /*
   * The table is the chart for screen readers and paper; on screen the chart, the latest value and the words
   * say it. It is hidden through a wrapper: a table sizes itself to its content whatever width it is given.
   */
  .data {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  [part='measures-button'] {
    justify-self: start;
  }
  .status-heading {
    margin-top: var(--_space-s);
    font-weight: 700;
  }
  .measure-list {
    display: grid;
    gap: var(--_space-s);
    margin: var(--_space-xs) 0 0;
    padding-inline-start: 1.25rem;
  }
  .measure {
    display: grid;
  }
  .measure-title {
    font-weight: 600;
  }
  @container (max-width: 24rem) {
    .goal {
      padding: var(--_space-s);
    }
  }
  @media (forced-colors: active) {
    .goal {
      border-color: CanvasText;
    }
    .fill,
    .point,
    .column {
      fill: CanvasText;
    }
    .track {
      fill: Canvas;
      stroke: CanvasText;
    }
    .line,
    .axis,
    .target-line,
    .baseline-line {
      stroke: CanvasText;
    }
    .chart text {
      fill: CanvasText;
    }
    .trend {
      border-color: CanvasText;
    }
  }
  @media print {
    .goal {
      break-inside: avoid;
    }
    .data {
      position: static;
      width: auto;
      height: auto;
      clip-path: none;
    }
    .data table {
      border-collapse: collapse;
    }
    .data th,
    .data td {
      padding: 0 0.5em;
      border: 1px solid;
      text-align: start;
    }
    [part='measures-button'] {
      display: none;
    }
    /* On paper nothing can be opened, so every goal's measures are printed. */
    .measures[hidden] {
      display: block !important;
    }
  }
  /* Feed text takes its direction from its own letters: German titles in an Arabic widget read correctly. */
  .goal-title,
  .description,
  .measure-title,
  .measure-description,
  .indicator-name {
    unicode-bidi: plaintext;
  }
`;
