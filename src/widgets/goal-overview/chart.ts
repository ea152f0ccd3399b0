import { html, type TemplateResult } from 'lit';
import { plainChildren } from './plain-children.js';
import type { IndicatorEntry } from './goal-overview.types.js';

/** The viewBox of every chart; it scales to the card's width. */
const WIDTH = 300;
const HEIGHT = 120;
const PAD = { top: 10, right: 10, bottom: 24, left: 10 };
/** With more periods than this, only the first and the last are labelled, so labels never overlap. */
const MAX_LABELS = 6;

/**
 * A small line or bar chart of an indicator, drawn to scale from zero (never from the smallest value, which
 * would make a small change look dramatic). It is a picture for sighted readers only: the same figures are in
 * the table beside it and the trend is said in words, so it is hidden from assistive technology. The target and
 * the baseline are dashed lines across it; the baseline's is labelled (`baselineLabel`, "Ausgangswert 2022").
 */
export function renderChart(indicator: IndicatorEntry, baselineLabel?: string): TemplateResult {
  const { series, target, baseline } = indicator;
  const values = series.flatMap((point) => (point.value === null ? [] : [point.value]));
  const references = [target, baseline?.value].filter((value) => value !== undefined);
  const low = Math.min(0, ...values, ...references);
  let high = Math.max(...values, ...references, low);
  if (high === low) high = low + 1;
  high += (high - low) * 0.1;
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotBottom = HEIGHT - PAD.bottom;
  const y = (value: number) => PAD.top + ((high - value) / (high - low)) * (plotBottom - PAD.top);
  const band = plotWidth / series.length;
  const x = (index: number) =>
    indicator.chart === 'bar' || series.length === 1 ? PAD.left + band * (index + 0.5) : PAD.left + (index * plotWidth) / (series.length - 1);
  const labelled = series.length <= MAX_LABELS ? series.map((_, index) => index) : [0, series.length - 1];
  const centred = indicator.chart === 'bar' || series.length === 1;
  const anchor = (index: number) => (centred ? 'middle' : index === 0 ? 'start' : index === series.length - 1 ? 'end' : 'middle');

  // The chart's shapes, each as its tag, attributes and text, written as plain SVG elements (a dozen charts of a
  // dozen shapes each cost less so than as a template instance per shape) and kept while they stay the same.
  const shapes: Shape[] = [['line', { class: 'axis', x1: PAD.left, x2: WIDTH - PAD.right, y1: round(y(0)), y2: round(y(0)) }]];
  if (target !== undefined) shapes.push(['line', { class: 'target-line', x1: PAD.left, x2: WIDTH - PAD.right, y1: round(y(target)), y2: round(y(target)) }]);
  if (baseline !== undefined) shapes.push(...baselineShapes(round(y(baseline.value)), baselineLabel));
  if (indicator.chart === 'bar') {
    series.forEach((point, index) => {
      if (point.value === null) return;
      const [top, bottom] = [y(Math.max(point.value, 0)), y(Math.min(point.value, 0))];
      shapes.push(['rect', { class: 'column', x: x(index) - band * 0.3, y: top, width: band * 0.6, height: Math.max(bottom - top, 1) }]);
    });
  } else {
    // A gap in the series breaks the line, so the chart never invents a value the feed does not have.
    let segment: string[] = [];
    const flush = () => {
      if (segment.length > 1) shapes.push(['polyline', { class: 'line', points: segment.join(' ') }]);
      segment = [];
    };
    series.forEach((point, index) => {
      if (point.value === null) return flush();
      segment.push(`${round(x(index))},${round(y(point.value))}`);
      shapes.push(['circle', { class: 'point', cx: round(x(index)), cy: round(y(point.value)), r: 3.5 }]);
    });
    flush();
  }
  for (const index of labelled) shapes.push(['text', { x: round(x(index)), y: HEIGHT - 6, 'text-anchor': anchor(index) }, series[index]!.period]);
  const key = JSON.stringify(shapes);
  return html`<svg class="chart" part="chart" viewBox="0 0 300 120" aria-hidden="true" focusable="false" ${plainChildren(key, () => shapes.map(toElement))}></svg>`;
}

/** A shape of a chart: its SVG tag, its attributes, and the text of a label. */
type Shape = readonly [tag: string, attributes: Record<string, string | number>, text?: string];

const SVG_NS = 'http://www.w3.org/2000/svg';

function toElement([tag, attributes, text]: Shape): SVGElement {
  const element = document.createElementNS(SVG_NS, tag);
  for (const name in attributes) element.setAttribute(name, String(attributes[name]));
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * The baseline's line with its label at the chart's left end, above the line, or below it where the line runs
 * along the top. The chart is left to right in every language (its styles), so the label stays inside it.
 */
function baselineShapes(at: number, label: string | undefined): Shape[] {
  const line: Shape = ['line', { class: 'baseline-line', x1: PAD.left, x2: WIDTH - PAD.right, y1: at, y2: at }];
  return label ? [line, ['text', { class: 'baseline-label', x: PAD.left, y: at < PAD.top + 14 ? at + 13 : at - 4 }, label]] : [line];
}

const round = (value: number) => Math.round(value * 10) / 10;
