// Checks a written feed with the shared feed validator (src/validator/check-feed.ts, as `asskomm-widgets validate`
// runs it): everything in it must show in the widget it is for.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { root } from './support.mjs';

const WIDGETS = { news: 'news-feed', events: 'event-calendar' };

export async function assertValidFeed(path, kind) {
  const { runValidate } = await import(join(root, 'dist/cli/validate.js'));
  const out = [];
  const code = await runValidate(['--json', '--widget', WIDGETS[kind], path], { out: (text) => out.push(text), err: (text) => out.push(text), color: false });
  const result = JSON.parse(out.join('\n'));
  const [report] = result.reports;
  const errors = report.problems.filter((problem) => problem.severity === 'error');
  assert.deepEqual(errors, [], `${path} would not show completely`);
  assert.equal(code, 0);
  assert.equal(report.shown, report.items);
  return report;
}
