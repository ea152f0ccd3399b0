// One Markdown table of a bench run's figures side by side, with the machine and date: `npm run bench` writes it to
// bench/results/latest.md, and bench/README.md quotes the latest one.
import { LIGHTHOUSE_BUDGETS, CATEGORIES } from './lighthouse.mjs';

const KB = 1024;
const kb = (bytes) => `${(bytes / KB).toFixed(2)} KB`;
const ms = (value) => `${value.toFixed(1)} ms`;
const verdict = (pass) => (pass === undefined ? '–' : pass ? 'pass' : '**over**');

/** @param {any} results what bench/run.mjs collected */
export function markdownSummary(results) {
  const { machine } = results;
  const lines = [
    `Measured ${results.date.slice(0, 10)} on ${machine.cores} × ${machine.cpu}, ${machine.chromium}, Node ${machine.node}; load average ${machine.loadAtStart.toFixed(1)} at the start, ${machine.loadAtEnd.toFixed(1)} at the end.${results.render?.instant ?? results.calendar?.dataset.instant ? ` The pages run at ${results.render?.instant ?? results.calendar?.dataset.instant}, whatever the machine's date.` : ''}`,
    '',
    '| part | figure | measured | budget | verdict |',
    '|---|---|---|---|---|',
  ];
  const row = (...cells) => lines.push(`| ${cells.join(' | ')} |`);
  for (const size of results.sizes) {
    const name = (l) => l.file.replace(/^bundle\//, '').replace(/-[\w-]{8}\.js$/, '');
    const biggest = [...size.lazy].sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 2);
    const lazyBytes = size.lazy.reduce((sum, l) => sum + l.gzipBytes, 0);
    const lazy = size.lazy.length ? `; loaded when needed: ${size.lazy.length} chunks, ${kb(lazyBytes)} (${biggest.map((l) => `${name(l)} ${kb(l.gzipBytes)}`).join(', ')})` : '';
    row('size', `\`${size.entry}\` entry, gzip -9, before the first render`, `${kb(size.eagerGzipBytes)}${size.entry === 'all widgets' ? lazy : ''}`, size.budgetBytes ? `≤ ${kb(size.budgetBytes)}` : '–', verdict(size.pass));
  }
  for (const render of results.render?.rows ?? []) {
    row('render', `${render.case}: inserted → laid out, ours / floor, median of ${results.render.runs}`, `${ms(render.ours.median)} / ${ms(render.floor.median)} = ${render.ratio.toFixed(2)}${render.sameElements && render.sameText ? '' : ' (the floor shows something else)'}`, `≤ ${render.goalRatio}`, verdict(render.pass));
  }
  if (results.calendar) {
    const { dataset, fullcalendar } = results.calendar;
    for (const c of results.calendar.rows) {
      row('calendar', `${c.case}, ${dataset.events.toLocaleString('en')} events: ours / FullCalendar ${fullcalendar.version} (events in range: ${c.ours.occurrences}; ${c.fullcalendar.occurrences})`, `${ms(c.ours.median)} / ${ms(c.fullcalendar.median)} = ${c.ratio.toFixed(2)}${c.perRunRatio ? ` (run by run: median ${c.perRunRatio.median.toFixed(2)}, quartiles ${c.perRunRatio.p25.toFixed(2)}–${c.perRunRatio.p75.toFixed(2)})` : ''}${c.floor ? `; the floor ${ms(c.floor.median)}, ours / floor ${c.floorRatio.toFixed(2)}${c.sameAsFloor ? '' : ' (the floor shows something else)'}` : ''}`, `≤ ${c.goalRatio}`, verdict(c.pass));
    }
  }
  if (results.editor) {
    const e = results.editor;
    row('editor', 'first load of dist/editor/, gzip -9, beside the widget bundle it previews with', kb(e.firstLoadGzipBytes), '≤ 60.00 KB', verdict(e.firstLoadPass));
    row('editor', `keystroke → preview laid out, 6 goals, 40 measures, 12 indicators, median of ${e.keystroke.runs} (load ${e.load.atStart.toFixed(1)})`, ms(e.keystroke.median), '≤ 50 ms (information)', e.keystrokePass ? 'met' : 'not met');
  }
  if (results.contact) {
    const c = results.contact;
    row('contact endpoint', `accepted messages/s, ${c.connections} clients on loopback, ${c.seconds.toFixed(0)} s`, `${c.perSecond.toFixed(0)} (p50 ${c.latency.p50} ms, p99 ${c.latency.p99} ms)`, '–', '–');
    row('contact endpoint', 'every acknowledged message stored exactly once', `${c.acknowledged.toLocaleString('en')} acknowledged, ${c.storedRows.toLocaleString('en')} stored`, 'all', verdict(c.pass));
  }
  if (results.lighthouse) {
    for (const preset of results.lighthouse.presets) {
      for (const id of CATEGORIES) {
        const budget = LIGHTHOUSE_BUDGETS[id];
        const score = preset.scores[id];
        row('Lighthouse', `demo page, ${preset.preset}: ${id}, median of ${results.lighthouse.runs}`, String(Math.round(score)), budget === undefined ? '–' : budget === 100 ? '100' : `≥ ${budget}`, budget === undefined ? '–' : verdict(score >= budget));
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
