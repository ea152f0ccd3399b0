import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/goal-overview.js';
import type { KprGoalOverview } from '../../../src/goal-overview.js';
import { captureConsole, focused, fresh, jsonFeed, settled, shadow, visibleText, type ItemSeed } from '../../support/helpers.js';
import { pageOfWidth } from '../../support/frame.js';
import { expectVisible, expectVisibleBorder, expectVisibleFocusRing, inForcedColours, startSide, systemColour, tabInto } from '../../support/forced-colors.js';
import { canEmulateMedia, emulateMedia } from '../../support/media.js';

const demoFeed = () => fresh('/demo/feeds/goals.json');

async function goalWidget(attributes: Record<string, string> = {}, src = demoFeed()): Promise<KprGoalOverview> {
  const el = document.createElement('kpr-goal-overview');
  el.setAttribute('eager', '');
  el.setAttribute('src', src);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const wrapper = await fixture(html`<div></div>`);
  wrapper.append(el);
  await settled(el);
  return el;
}

/** A feed with one goal, shaped by the test, served by the test server. */
function oneGoal(extension: Record<string, unknown>, seed: ItemSeed = {}): string {
  const feed = jsonFeed([{ id: 'ziel', title: 'Sich sicher fühlen', _kpr: extension, ...seed }]);
  return fresh(`/test-api/echo?type=application/feed%2Bjson&body=${encodeURIComponent(JSON.stringify(feed))}`);
}

const indicator = (fields: Record<string, unknown>) => ({ name: 'Kennzahl', unit: 'Fälle', ...fields });
const series = (...values: unknown[]) => values.map((value, index) => ({ period: String(2021 + index), value }));
/** Text as read aloud: Intl puts no-break spaces into "8 %", which the assertions should not care about. */
const spoken = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const all = (el: HTMLElement, selector: string) => [...shadow(el).querySelectorAll<HTMLElement>(selector)];
const trends = (el: HTMLElement) => all(el, '.trend').map((p) => spoken(p.textContent));
const goalTitles = (el: HTMLElement) => all(el, '[part="goal-title"]').map((h) => spoken(h.textContent));
const card = (el: HTMLElement, title: string) => all(el, '[part="goal"]').find((goal) => goal.textContent!.includes(title))!;
const measuresButton = (goal: HTMLElement) => goal.querySelector<HTMLButtonElement>('[part="measures-button"]')!;

describe('<kpr-goal-overview>', () => {
  it('on a new src, rewrites the measures and table rows whose texts changed and keeps the others as they are', async () => {
    const goal = (title: string) => ({
      measures: [{ title, status: 'running' }, { title: 'Elternabend', status: 'done' }],
      indicators: [indicator({ series: series(12, 10) })],
    });
    const el = await goalWidget({ expanded: '' }, oneGoal(goal('Laufbus')));
    const [running, done] = all(el, '.measure-list');
    const [doneItem, row] = [done!.firstElementChild, all(el, 'tbody tr')[0]];
    el.setAttribute('src', oneGoal(goal('Laufbus zur Grundschule')));
    await waitUntil(() => spoken(all(el, '.measure-title')[0]?.textContent) === 'Laufbus zur Grundschule', 'the changed measure');
    await el.updateComplete;
    expect(all(el, '.measure-list')[0], 'the same list').to.equal(running);
    expect(all(el, '.measure-list')[1]!.firstElementChild, 'the unchanged measure kept').to.equal(doneItem);
    expect(all(el, 'tbody tr')[0], 'the unchanged table row kept').to.equal(row);
    expect(all(el, 'tbody tr').map((tr) => [...(tr as HTMLTableRowElement).cells].map((cell) => spoken(cell.textContent)))).to.deep.equal([['2021', '12 Fälle'], ['2022', '10 Fälle']]);
  });

  it('on a new src, redraws a chart whose values changed and keeps an unchanged chart as it is', async () => {
    const feed = (latest: number) => oneGoal({ indicators: [indicator({ name: 'Einbrüche', series: series(12, 10) }), indicator({ name: 'Fahrraddiebstähle', target: 20, series: series(30, latest) })] });
    const el = await goalWidget({}, feed(25));
    const points = (chart: Element) => [...chart.querySelectorAll('.point')].map((point) => Number(point.getAttribute('cy')));
    const [kept, changed] = all(el, '[part="chart"]');
    const [keptPoint, before] = [kept!.querySelector('.point'), points(changed!)];
    el.setAttribute('src', feed(15));
    await waitUntil(() => all(el, 'tbody tr').some((row) => spoken(row.textContent).includes('15 Fälle')), 'the new value in the table');
    await el.updateComplete;
    const [keptAfter, changedAfter] = all(el, '[part="chart"]');
    expect(keptAfter!.querySelector('.point'), 'the unchanged chart\'s point kept').to.equal(keptPoint);
    expect(points(changedAfter!)[0], 'the first year stays where it was').to.equal(before[0]);
    // A lower value sits lower: further down in the chart's units.
    expect(points(changedAfter!)[1]).to.be.greaterThan(before[1]!);
    expect(changedAfter!.querySelectorAll('.target-line, .line, text')).to.have.length(4);
  });

  it('shows the six goals with their measures counted by status', async () => {
    const el = await goalWidget();
    expect(goalTitles(el)).to.deep.equal([
      'Weniger Straftaten, und weniger schwere',
      'Sachlich über Kriminalität sprechen',
      'Sich sicher fühlen',
      'Engagement fördern',
      'Gemeinschaft stärken',
      'Ein gutes Miteinander im Ort',
    ]);
    expect(spoken(shadow(el).querySelector('[part="summary"]')!.textContent)).to.equal('6 Ziele · 20 Maßnahmen: 8 laufen, 5 geplant und 7 abgeschlossen');
    const first = card(el, 'Weniger Straftaten');
    expect(spoken(first.querySelector('[part="progress"]')!.textContent)).to.equal('Fortschritt: 2 von 5 Maßnahmen abgeschlossen 2 laufen · 1 geplant · 2 abgeschlossen');
  });

  it('says each trend in words, judged by the direction that is good', async () => {
    const el = await goalWidget();
    expect(trends(el)).to.deep.equal([
      'Gegenüber dem Ausgangswert von 2022 um 13 % gesunken: eine gute Entwicklung.', // baseline 436 → 379 crimes, fewer is better
      'Seit 2022 um 42 % gesunken: eine gute Entwicklung.', // 19 → 11 burglaries
      'Bisher ein Wert.',
      'Bisher ein Wert.', // the 2026 survey has no value yet
      'Seit 2023 um 83 % gestiegen: eine gute Entwicklung.', // 35 → 64 volunteers, more is better
      'Seit 2023 um 20 % gesunken: eine gute Entwicklung.',
    ]);
    const rising = await goalWidget({}, oneGoal({ indicators: [indicator({ better: 'down', series: series(100, 120) })] }));
    expect(trends(rising)).to.deep.equal(['Seit 2021 um 20 % gestiegen: keine gute Entwicklung.']);
    const falling = await goalWidget({}, oneGoal({ indicators: [indicator({ better: 'up', unit: '%', series: series(45.5, 40) })] }));
    expect(trends(falling)).to.deep.equal(['Seit 2021 um 5,5 Prozentpunkte gesunken: keine gute Entwicklung.']);
    const unjudged = await goalWidget({}, oneGoal({ indicators: [indicator({ series: series(0, 4) }), indicator({ series: series(200, 200.4) })] }));
    expect(trends(unjudged)).to.deep.equal(['Seit 2021 um 4 Fälle gestiegen.', 'Seit 2021 nahezu unverändert.']);
  });

  it('gives the chart\'s figures as a table that matches the series, gaps included', async () => {
    const values = [12, 13.5, null, 14, 9];
    const el = await goalWidget({}, oneGoal({ indicators: [indicator({ name: 'Sachbeschädigungen', series: series(...values), target: 10, better: 'down' })] }));
    const table = shadow(el).querySelector('table')!;
    expect(spoken(table.caption!.textContent)).to.equal('Sachbeschädigungen: Werte je Zeitraum');
    const rows = [...table.tBodies[0]!.rows].map((row) => [...row.cells].map((cell) => spoken(cell.textContent)));
    expect(rows).to.deep.equal([['2021', '12 Fälle'], ['2022', '13,5 Fälle'], ['2023', 'keine Angabe'], ['2024', '14 Fälle'], ['2025', '9 Fälle']]);
    // The chart draws what the table says: a point per value, and the gap splits the line in two.
    expect(all(el, '.chart .point')).to.have.length(4);
    expect(all(el, '.chart .line')).to.have.length(2);
    expect(all(el, '.chart .target-line')).to.have.length(1);
    expect(spoken(shadow(el).querySelector('.latest')!.textContent)).to.equal('9 Fälle (2025)');
    expect(spoken(shadow(el).querySelector('p.target')!.textContent)).to.equal('Ziel: 10 Fälle, erreicht');
    expect(shadow(el).querySelector('.chart')!.getAttribute('aria-hidden')).to.equal('true');
  });

  it('draws bar charts with one bar per value, and percentages as such', async () => {
    const el = await goalWidget({}, oneGoal({ indicators: [indicator({ chart: 'bar', unit: '%', series: series(39.7, 42, 51.25) })] }));
    expect(all(el, '.chart .column')).to.have.length(3);
    expect(all(el, 'tbody td').map((cell) => spoken(cell.textContent))).to.deep.equal(['39,7 %', '42 %', '51,3 %']);
  });

  it('opens a goal\'s measures from the keyboard, grouped by status, with partners, dates and safe links', async () => {
    const el = await goalWidget({}, oneGoal({
      measures: [
        { title: 'Beleuchtung am Bahnhof', status: 'running', partners: ['Bauhof', 'Energieversorger'], start: '2025-04', end: '2026-12', url: 'https://www.bannewitz.de/licht' },
        { title: 'Begehung', status: 'done', start: '2023-09-15', url: 'javascript:alert(1)' },
        { title: 'Zweite Befragung', status: 'planned', start: '2027-09' },
      ],
    }));
    const button = measuresButton(shadow(el).querySelector('[part="goal"]')!);
    expect(spoken(button.textContent)).to.equal('Maßnahmen anzeigen (3)');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(focused(el)).to.equal('measures-button: Maßnahmen ausblenden (3)');
    const panel = shadow(el).getElementById(button.getAttribute('aria-controls')!)!;
    expect(panel.hidden).to.equal(false);
    expect(all(el, '.status-heading').map((h) => h.textContent!.trim())).to.deep.equal(['Laufend', 'Geplant', 'Abgeschlossen']);
    expect(spoken(panel.querySelector('.measure-meta')!.textContent)).to.equal('April 2025 bis Dezember 2026 · Mit: Bauhof und Energieversorger');
    expect(panel.querySelector('a')!.getAttribute('href')).to.equal('https://www.bannewitz.de/licht');
    expect(panel.querySelectorAll('a')).to.have.length(1); // the javascript: link is shown as plain text
    expect(panel.textContent).to.include('seit 15. September 2023').and.include('ab September 2027');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(panel.hidden).to.equal(true);
  });

  it('leaves out only what is wrong, and tells the webmaster where', async () => {
    const warnings = captureConsole('warn');
    try {
      const el = await goalWidget({}, oneGoal({
        icon: 'unicorn',
        measures: [{ title: 'Gut', status: 'running' }, { title: 'Falsch', status: 'started' }],
        indicators: [indicator({ name: 'Mit Lücke', series: [{ period: '2022', value: 5 }, { period: '2023', value: 'n/a' }, { period: '2024', value: 4 }] }), { name: 'Ohne Reihe' }],
      }, { title: '<img src=x onerror="window.hacked=1">Sicher <b>leben</b>' }));
      expect(goalTitles(el)).to.deep.equal(['<img src=x onerror="window.hacked=1">Sicher <b>leben</b>']);
      expect(shadow(el).querySelector('[part="goal-title"] img, [part="goal-title"] b')).to.equal(null);
      expect(shadow(el).querySelector('.icon path')!.getAttribute('d')).to.match(/^M12 3a9 9 0/); // the "target" icon
      expect(spoken(measuresButton(shadow(el).querySelector('[part="goal"]')!).textContent)).to.equal('Maßnahmen anzeigen (1)');
      expect(all(el, '[part="indicator"]')).to.have.length(1);
      expect(all(el, 'tbody td').map((cell) => spoken(cell.textContent))).to.deep.equal(['5 Fälle', 'keine Angabe', '4 Fälle']);
      expect(warnings.messages.join('\n')).to.include('_kpr.icon "unicorn" is not a built-in icon')
        .and.include('left out _kpr.measures[1]: _kpr.measures[1].status must be one of "planned", "running", "done"')
        .and.include('_kpr.indicators[0], period "2023": "n/a" is not a number; shown as a gap')
        .and.include('left out _kpr.indicators[1]: _kpr.indicators[1].series is required');
      expect((window as { hacked?: number }).hacked).to.equal(undefined);
    } finally {
      warnings.restore();
    }
  });

  it('says so when there are no goals, and shows the error state when the feed fails', async () => {
    const empty = await goalWidget({}, fresh(`/test-api/echo?type=application/feed%2Bjson&body=${encodeURIComponent(JSON.stringify(jsonFeed([])))}`));
    expect(visibleText(empty)).to.equal('Der Präventionsrat hat noch keine Ziele veröffentlicht.');
    await expect(empty).to.be.accessible();
    const errors = captureConsole('error');
    try {
      const broken = await goalWidget({}, fresh('/test-api/status/404'));
      expect(visibleText(broken)).to.include('Die Inhalte können gerade nicht geladen werden.');
      expect(shadow(broken).querySelector('[part="retry-button"]')).to.not.equal(null);
      expect(errors.messages.join('\n')).to.include('<kpr-goal-overview>').and.include('404');
      await expect(broken).to.be.accessible();
    } finally {
      errors.restore();
    }
  });

  it('shows chosen goals one below the other in the list layout, and everything at once with `expanded`', async () => {
    const el = await goalWidget({ layout: 'list', goals: 'ziel-klima ziel-sachlich', expanded: '' });
    expect(goalTitles(el)).to.deep.equal(['Sachlich über Kriminalität sprechen', 'Ein gutes Miteinander im Ort']);
    expect(all(el, '[part="measures-button"]')).to.have.length(0);
    expect(all(el, '[part="measures"]').every((panel) => !panel.hidden)).to.equal(true);
    const [first, second] = all(el, '[part="goal"]').map((goal) => goal.getBoundingClientRect());
    expect(second!.top).to.be.greaterThan(first!.bottom - 1);
  });

  it('fits a 320 px wide phone without scrolling sideways', async () => {
    const phone = await pageOfWidth(320, '/src/goal-overview.ts', `<kpr-goal-overview eager src="${demoFeed()}"></kpr-goal-overview>`);
    const el = phone.querySelector<KprGoalOverview>('kpr-goal-overview')!;
    await settled(el);
    measuresButton(card(el, 'Sich sicher fühlen')).click();
    await el.updateComplete;
    const base = shadow(el).querySelector<HTMLElement>('[part="base"]')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    expect(phone.documentElement.scrollWidth).to.be.at.most(320);
  });

  it('prints every goal\'s measures and each chart\'s table', async function () {
    if (!canEmulateMedia) this.skip(); // WebKit: WebKitWebDriver cannot emulate print media
    const el = await goalWidget();
    const panel = shadow(el).querySelector<HTMLElement>('[part="measures"]')!;
    const table = shadow(el).querySelector('table')!.parentElement!; // the wrapper that hides it on screen
    expect(panel.hidden).to.equal(true);
    expect(panel.getBoundingClientRect().height).to.equal(0);
    expect(table.getBoundingClientRect().width).to.be.at.most(1);
    await emulateMedia({ media: 'print' });
    try {
      expect(panel.getBoundingClientRect().height).to.be.greaterThan(50);
      expect(panel.textContent).to.include('Einbruchschutz-Beratung zu Hause');
      expect(table.getBoundingClientRect().width).to.be.greaterThan(100);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('speaks English on an English page', async () => {
    const el = await goalWidget({ lang: 'en' });
    await waitUntil(() => shadow(el).textContent!.includes('Show measures'), 'English texts');
    expect(trends(el)[0]).to.equal('Down 13% on the 2022 baseline, good.');
    expect(spoken(shadow(el).querySelector('[part="summary"]')!.textContent)).to.equal('6 goals · 20 measures: 8 running, 5 planned, and 7 done');
    expect(spoken(card(el, 'Sich sicher fühlen').querySelector('.latest')!.textContent)).to.equal('71.5% (2023)');
  });

  // Four axe runs are two tests, each within the time a test has on a busy machine.
  it('is axe-clean as cards, closed and open', async () => {
    const el = await goalWidget();
    await expect(el).to.be.accessible();
    measuresButton(card(el, 'Weniger Straftaten')).click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('is axe-clean as a list with every measure shown, and in English', async () => {
    await expect(await goalWidget({ layout: 'list', expanded: '' })).to.be.accessible();
    const english = await goalWidget({ lang: 'en' });
    await waitUntil(() => shadow(english).textContent!.includes('Show measures'), 'English texts');
    await expect(english).to.be.accessible();
  });

  describe('in forced colours', () => {
    inForcedColours();

    it('keeps progress bars, chart lines and columns, trend marks, cards and keyboard focus visible, and stays axe-clean', async () => {
      const el = await goalWidget();
      const [ink, paper] = [systemColour('CanvasText'), systemColour('Canvas')];
      // The bar: its filled part in the text colour on an empty track outlined in the text colour.
      for (const bar of all(el, '.bar')) {
        expect(getComputedStyle(bar.querySelector('.fill')!).fill, 'the done part of a progress bar').to.equal(ink);
        expect(getComputedStyle(bar.querySelector('.track')!).fill, 'the rest of a progress bar').to.equal(paper);
        expect(getComputedStyle(bar.querySelector('.track')!).stroke, 'the outline of a progress bar').to.equal(ink);
      }
      const strokes = ['.line', '.axis', '.target-line'].flatMap((selector) => all(el, selector));
      const fills = ['.point', '.column', '.chart text'].flatMap((selector) => all(el, selector));
      expect(all(el, '.line').length && all(el, '.column').length && all(el, '.target-line').length, 'line and bar charts with a target').to.be.greaterThan(0);
      for (const mark of strokes) expectVisible(getComputedStyle(mark).stroke, `the chart's ${mark.getAttribute('class')}`);
      for (const mark of fills) expectVisible(getComputedStyle(mark).fill, `the chart's ${mark.getAttribute('class') ?? 'label'}`);
      for (const trend of all(el, '.trend')) expectVisibleBorder(trend, startSide(trend), 'the trend\'s mark');
      for (const goal of all(el, '[part="goal"]')) expectVisibleBorder(goal, 'top', 'a goal\'s card');
      const first = await tabInto(el);
      expectVisibleFocusRing(first, 'the first thing Tab reaches');
      await expect(el).to.be.accessible();
    });
  });
});

describe('<kpr-goal-overview>: the language of each goal (WCAG 3.1.2)', () => {
  it('marks the title, description and measures of a goal in another language than the widget, from the goal or its feed', async () => {
    const feed = {
      version: 'https://jsonfeed.org/version/1.1', title: 'Ziele', language: 'en',
      items: [
        { id: 'en', title: 'Safer streets', summary: 'Fewer break-ins.', content_text: '', _kpr: { measures: [{ title: 'Patrols', status: 'running' }] } },
        { id: 'de', title: 'Sichere Straßen', language: 'de-DE', summary: 'Weniger Einbrüche.', content_text: '', _kpr: { measures: [] } },
      ],
    };
    const el = await goalWidget({ expanded: '' }, fresh(`/test-api/echo?type=application/feed%2Bjson&body=${encodeURIComponent(JSON.stringify(feed))}`));
    const langs = (selector: string) => [...shadow(el).querySelectorAll(selector)].map((node) => node.getAttribute('lang'));
    expect(langs('[part="goal-title"]')).to.deep.equal(['en', null]);
    expect(langs('.description')).to.deep.equal(['en', null]);
    expect(langs('.measure-title')).to.deep.equal(['en']);
    // The widget's own words stay German, unmarked.
    expect(langs('.status-heading')).to.deep.equal([null]);
  });
});

describe('<kpr-goal-overview>: an indicator\'s baseline', () => {
  /** A survey's share of residents who feel safe: 41 % in 2022, before the council began, then two surveys. */
  const survey = (fields: Record<string, unknown> = {}) =>
    indicator({ name: 'Fühlen sich sicher', unit: '%', better: 'up', target: 60, baseline: { period: '2022', value: 41 }, series: [{ period: '2023', value: 44 }, { period: '2025', value: 47.5 }], ...fields });
  /** Where a horizontal line of the chart runs (its y in the chart's own units). */
  const heightOf = (el: HTMLElement, selector: string) => Number(shadow(el).querySelector(selector)!.getAttribute('y1'));

  it('draws the baseline as a labelled line at its value, and says it in words beside the target', async () => {
    const el = await goalWidget({}, oneGoal({ indicators: [survey()] }));
    expect(all(el, '.chart .baseline-line')).to.have.length(1);
    expect(spoken(shadow(el).querySelector('.chart .baseline-label')!.textContent)).to.equal('Ausgangswert 2022');
    // Drawn to scale: 41 lies between the axis (0) and the target (60), a little nearer the target.
    const [axis, base, target] = [heightOf(el, '.axis'), heightOf(el, '.baseline-line'), heightOf(el, '.target-line')];
    expect(base).to.be.within(target, axis);
    expect((axis - base) / (axis - target)).to.be.closeTo(41 / 60, 0.01);
    expect(spoken(shadow(el).querySelector('p.baseline')!.textContent)).to.equal('Ausgangswert 2022: 41 %');
    expect(all(el, '[part="indicator"] p').map((p) => p.className)).to.deep.equal(['latest', 'trend', 'baseline', 'target']);
  });

  it('says the trend against the baseline (percentage points for `%`, a share for counts, even after one value), unless it is the latest period', async () => {
    const el = await goalWidget({}, oneGoal({ indicators: [
      survey(),
      indicator({ better: 'down', baseline: { period: '2019', value: 500 }, series: series(412, 379) }),
      indicator({ baseline: { period: '2019', value: 500 }, series: [{ period: '2024', value: 498 }] }),
    ] }));
    expect(trends(el)).to.deep.equal([
      'Gegenüber dem Ausgangswert von 2022 um 6,5 Prozentpunkte gestiegen: eine gute Entwicklung.',
      'Gegenüber dem Ausgangswert von 2019 um 24 % gesunken: eine gute Entwicklung.', // 500 → 379
      'Gegenüber dem Ausgangswert von 2019 nahezu unverändert.', // 500 → 498, unjudged
    ]);
    // A baseline of the latest period itself says nothing about a change: the series' own trend is said.
    const same = await goalWidget({}, oneGoal({ indicators: [survey({ baseline: { period: '2025', value: 47.5 } })] }));
    expect(trends(same)).to.deep.equal(['Seit 2023 um 3,5 Prozentpunkte gestiegen: eine gute Entwicklung.']);
  });

  it('speaks of the baseline in English', async () => {
    const el = await goalWidget({ lang: 'en' }, oneGoal({ indicators: [survey()] }));
    await waitUntil(() => shadow(el).querySelector('p.baseline')?.textContent?.includes('Baseline'), 'the English texts');
    expect(spoken(shadow(el).querySelector('p.baseline')!.textContent)).to.equal('Baseline 2022: 41%');
    expect(spoken(shadow(el).querySelector('.chart .baseline-label')!.textContent)).to.equal('Baseline 2022');
    expect(trends(el)).to.deep.equal(['Up 6.5 percentage points on the 2022 baseline, good.']);
  });

  it('leaves out an indicator whose baseline has no value, and names the field', async () => {
    const warnings = captureConsole('warn');
    try {
      const el = await goalWidget({}, oneGoal({ indicators: [survey({ baseline: { period: '2022', value: '41 %' } }), indicator({ series: series(3, 4) })] }));
      expect(all(el, '[part="indicator"]')).to.have.length(1);
      expect(all(el, 'p.baseline')).to.have.length(0);
      expect(warnings.messages.join('\n')).to.include('left out _kpr.indicators[0]: _kpr.indicators[0].baseline.value must be a number');
    } finally {
      warnings.restore();
    }
  });

  describe('in forced colours', () => {
    inForcedColours();

    it('keeps the baseline\'s line and label visible', async () => {
      const el = await goalWidget({}, oneGoal({ indicators: [survey()] }));
      expectVisible(getComputedStyle(shadow(el).querySelector('.baseline-line')!).stroke, 'the baseline\'s line');
      expectVisible(getComputedStyle(shadow(el).querySelector('.baseline-label')!).fill, 'the baseline\'s label');
      expect(getComputedStyle(shadow(el).querySelector('.baseline-line')!).strokeDasharray, 'dotted, unlike the target').to.not.equal(getComputedStyle(shadow(el).querySelector('.target-line')!).strokeDasharray);
    });
  });
});
