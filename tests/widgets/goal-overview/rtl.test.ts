import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/goal-overview.js';
import { jsonFeed, served, settled, shadow } from '../../support/helpers.js';

// The goals in Arabic: a right-to-left widget showing a German council's feed, units and all.

const series = (...values: number[]) => values.map((value, index) => ({ period: String(2021 + index), value }));

/** One goal whose indicator counts "Fälle", drawn as a line (labels at the ends) or as bars. */
function goalFeed(chart: 'line' | 'bar', values: number[], extra: Record<string, unknown> = {}): string {
  const indicator = { name: 'Straftaten', unit: 'Fälle', chart, better: 'down', target: 350, series: series(...values), ...extra };
  return served(jsonFeed([{ id: 'ziel', title: 'Weniger Straftaten', _kpr: { indicators: [indicator] } }]));
}

async function arabicGoals(src: string): Promise<HTMLElement> {
  const el = document.createElement('kpr-goal-overview');
  el.setAttribute('eager', '');
  el.setAttribute('lang', 'ar');
  el.setAttribute('src', src);
  const wrapper = await fixture(html`<div style="width: 360px"></div>`);
  wrapper.append(el);
  await settled(el);
  await waitUntil(() => shadow(el).querySelector('[part="base"][dir="rtl"]'), 'the goals to be in Arabic');
  return el;
}

/** Where a piece of text is drawn on screen, found in the text nodes under `element`. */
function whereIs(element: Element, text: string): DOMRect {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent!.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    return range.getBoundingClientRect();
  }
  throw new Error(`"${text}" is not in ${element.outerHTML}`);
}

/** A number as the Arabic widget writes it: Latin digits in Chromium and Firefox, Arabic-Indic ones in WebKit. */
const arabic = (value: number) => new Intl.NumberFormat('ar').format(value);

/** The feed's "379 Fälle" isolated from the Arabic around it, and drawn with the number first, left of the unit. */
function expectReadsAsUnit(element: Element, what: string) {
  expect(whereIs(element, arabic(379)).right, `${what}: 379 stands left of "Fälle"`).to.be.at.most(whereIs(element, 'Fälle').left);
  const isolated = element.querySelector('bdi, [dir="auto"]');
  expect(isolated, `${what}: the figure is isolated from the text around it`).to.not.equal(null);
  expect(isolated!.textContent!.replace(/\s+/g, ' ').trim(), what).to.equal(`${arabic(379)} Fälle`);
}

describe('<kpr-goal-overview> right to left', () => {
  for (const chart of ['line', 'bar'] as const) {
    it(`keeps every year label of a ${chart} chart inside the chart`, async () => {
      const el = await arabicGoals(goalFeed(chart, [412, 398, 401, 385, 379]));
      const svg = shadow(el).querySelector('[part="chart"]')!;
      const frame = svg.getBoundingClientRect();
      const labels = [...svg.querySelectorAll('text')];
      expect(labels.map((label) => label.textContent)).to.deep.equal(['2021', '2022', '2023', '2024', '2025']);
      for (const label of labels) {
        const box = label.getBoundingClientRect();
        expect(box.left, `${label.textContent}'s left edge`).to.be.at.least(frame.left - 0.5);
        expect(box.right, `${label.textContent}'s right edge`).to.be.at.most(frame.right + 0.5);
      }
    });
  }

  it('keeps the years running left to right, as charts are read', async () => {
    const el = await arabicGoals(goalFeed('line', [412, 398, 401, 385, 379]));
    const labels = [...shadow(el).querySelectorAll('[part="chart"] text')].map((label) => label.getBoundingClientRect().left);
    expect(labels).to.deep.equal([...labels].sort((a, b) => a - b));
  });

  it('reads a German unit with its number, "379 Fälle", in the latest value, the table and the target', async () => {
    const el = await arabicGoals(goalFeed('line', [412, 398, 401, 385, 379]));
    expectReadsAsUnit(shadow(el).querySelector('.latest')!, 'the latest value');
    const lastRow = [...shadow(el).querySelectorAll('tbody tr')].at(-1)!;
    expectReadsAsUnit(lastRow.querySelector('td')!, 'the table\'s 2025 row');
    expect(shadow(el).querySelector('.target bdi, .target [dir="auto"]'), 'the target\'s figure is isolated').to.not.equal(null);
  });

  it('reads a change counted in the feed\'s unit, "4 Fälle", as one in the trend sentence', async () => {
    // From zero a change cannot be a percentage, so the trend says it in the feed's unit.
    const el = await arabicGoals(goalFeed('line', [0, 4]));
    const trend = shadow(el).querySelector('.trend')!;
    expect(whereIs(trend, arabic(4)).right, '4 stands left of "Fälle"').to.be.at.most(whereIs(trend, 'Fälle').left);
    expect(trend.querySelector('bdi')?.textContent).to.equal(`${arabic(4)} Fälle`);
  });

  it('keeps the baseline\'s label inside the chart, and reads its figure with its unit', async () => {
    const el = await arabicGoals(goalFeed('line', [412, 398, 401, 385, 379], { baseline: { period: '2019', value: 379 } }));
    const svg = shadow(el).querySelector('[part="chart"]')!;
    const label = svg.querySelector('.baseline-label')!;
    expect(label.textContent).to.equal('القيمة المرجعية 2019');
    const [frame, box] = [svg.getBoundingClientRect(), label.getBoundingClientRect()];
    expect(box.left, 'the label\'s left edge').to.be.at.least(frame.left - 0.5);
    expect(box.right, 'the label\'s right edge').to.be.at.most(frame.right + 0.5);
    expectReadsAsUnit(shadow(el).querySelector('p.baseline')!, 'the baseline');
  });
});
