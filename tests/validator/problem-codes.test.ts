import { expect } from '@open-wc/testing';
import { PROBLEMS, type ProblemCode } from '../../src/core/feed/problems.js';
import { validate } from '../../src/core/validate.js';
import { checkFeed, type WidgetName } from '../../src/validator/check-feed.js';
import { fixFor } from '../../src/validator/fixes.js';

/*
 * Every problem has a stable code from one table (src/core/feed/problems.ts), and the validator's fixes are chosen
 * by code and data, not by reading the English message. One small input per kind of problem, with the code and
 * the place it must be reported at, in the style of the readers' peers' suites.
 */
const feed = (items: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1', title: 'Test', home_page_url: 'https://www.bannewitz.de/', feed_url: 'https://www.bannewitz.de/feed.json', items, ...extra,
});
const item = (fields: Record<string, unknown> = {}) => ({ id: '1', title: 'Sprechstunde', content_text: 'Dienstags.', ...fields });
const ics = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//', 'BEGIN:VEVENT', 'UID:a', 'DTSTAMP:20261101T000000Z', ...lines, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

const cases: Array<{ name: string; text: string; widget?: WidgetName; source?: string; code: ProblemCode; path: string }> = [
  { name: 'an empty file', text: '', code: 'empty-file', path: '(feed)' },
  { name: 'an HTML page', text: '<!DOCTYPE html><html><body>Login</body></html>', code: 'html-page', path: '(feed)' },
  { name: 'plain text', text: 'Neuigkeiten aus Bannewitz', code: 'not-a-feed', path: '(feed)' },
  { name: 'broken JSON', text: '{"version": "https://jsonfeed.org/version/1.1",\n "items": [', code: 'json-not-well-formed', path: 'line 2, column 12' },
  { name: 'a JSON list', text: '[{"id": "1"}]', code: 'not-a-json-feed', path: '(feed)' },
  { name: 'a JSON Feed without version', text: JSON.stringify({ title: 't', items: [] }), code: 'schema-required', path: 'version' },
  { name: 'broken XML', text: '<rss version="2.0"><channel><item></channel></rss>', code: 'xml-not-well-formed', path: 'line 1, column ' },
  { name: 'XML that is no feed', text: '<opml version="2.0"><head/><body/></opml>', code: 'xml-not-a-feed', path: '(feed)' },
  { name: 'RSS without <channel>', text: '<rss version="2.0"></rss>', code: 'rss-without-channel', path: 'rss' },
  { name: 'an OParl body', text: JSON.stringify({ id: 'https://oparl.example/body/1', type: 'https://schema.oparl.org/1.1/Body', meeting: 'https://oparl.example/body/1/meeting' }), code: 'oparl-not-a-meeting-list', path: 'type' },
  { name: 'an iCalendar file for the news', text: ics('DTSTART:20261203T180000Z', 'SUMMARY:x'), widget: 'news-feed', code: 'format-not-read', path: '(feed)' },
  { name: 'an item with no text', text: feed([{ id: '1', title: 'Ohne Text' }]), code: 'schema-any-of', path: 'items[0]' },
  { name: 'an unreadable date', text: feed([item({ date_published: '03.12.2026' })]), code: 'schema-format', path: 'items[0].date_published' },
  { name: 'a title that is a number', text: feed([item({ title: 42 })]), code: 'schema-type', path: 'items[0].title' },
  { name: 'a tip without _kpr', text: feed([item()]), widget: 'prevention-tips', code: 'kpr-missing', path: 'items[0]._kpr' },
  { name: 'a tip of an unknown topic', text: feed([item({ _kpr: { topic: 'einbruch' } })]), widget: 'prevention-tips', code: 'schema-enum', path: 'items[0]._kpr.topic' },
  { name: 'a blank news item', text: feed([{ id: '1', title: '', content_text: '' }]), widget: 'news-feed', code: 'item-blank', path: 'items[0]' },
  { name: 'two items with one id', text: feed([item(), item()]), widget: 'news-feed', code: 'duplicate-id', path: 'items[1].id' },
  { name: 'a javascript: link', text: feed([item({ url: 'javascript:alert(1)' })]), widget: 'news-feed', code: 'link-not-allowed', path: 'items[0].url' },
  { name: 'a misspelt _kpr field', text: feed([item({ _kpr: { topic: 'burglary', seasn: 'winter' } })]), widget: 'prevention-tips', code: 'unknown-field', path: 'items[0]._kpr.seasn' },
  { name: 'news from the future', text: feed([item({ date_published: '2099-01-01T10:00:00+01:00' })]), widget: 'news-feed', code: 'date-in-future', path: 'items[0].date_published' },
  { name: 'a JSON Feed 1.0', text: feed([item()], { version: 'https://jsonfeed.org/version/1' }), code: 'json-feed-1.0', path: 'version' },
  { name: 'no feed_url', text: feed([item()], { feed_url: undefined }), code: 'feed-field-missing', path: 'feed_url' },
  { name: 'no items', text: feed([]), widget: 'news-feed', code: 'no-items', path: 'items' },
  { name: 'a goal with an unknown icon', text: feed([item({ _kpr: { icon: 'rakete' } })]), widget: 'goal-overview', code: 'goal-icon-unknown', path: 'items[0]._kpr.icon' },
  { name: 'a measure of an unknown status', text: feed([item({ _kpr: { measures: [{ title: 'Streife', status: 'geplant' }] } })]), widget: 'goal-overview', code: 'schema-enum', path: 'items[0]._kpr.measures[0].status' },
  { name: 'an indicator value that is text', text: feed([item({ _kpr: { indicators: [{ name: 'Fälle', series: [{ period: '2025', value: 'viele' }] }] } })]), widget: 'goal-overview', code: 'goal-value-not-number', path: 'items[0]._kpr.indicators[0].series[0].value' },
  { name: 'an event with an unreadable start', text: feed([item({ _kpr: { start: 'gestern' } })]), widget: 'event-calendar', code: 'event-date-unreadable', path: 'items[0]._kpr.start' },
  { name: 'an event whose end is before its start', text: feed([item({ _kpr: { start: '2026-12-03T18:00:00+01:00', end: '2026-12-03T17:00:00+01:00' } })]), widget: 'event-calendar', code: 'event-ends-before-start', path: 'items[0]._kpr.end' },
  { name: 'an event of an unknown status', text: feed([item({ _kpr: { start: '2026-12-03T18:00:00+01:00', status: 'abgesagt' } })]), widget: 'event-calendar', code: 'schema-enum', path: 'items[0]._kpr.status' },
  { name: 'an iCalendar event without DTSTART', text: ics('SUMMARY:Sprechstunde'), code: 'event-without-start', path: 'line 4 (VEVENT "a").DTSTART' },
  { name: 'an iCalendar event without SUMMARY', text: ics('DTSTART:20261203T180000Z'), code: 'event-without-title', path: 'line 4 (VEVENT "a").SUMMARY' },
  { name: 'an EXRULE', text: ics('DTSTART:20261203T180000Z', 'SUMMARY:x', 'RRULE:FREQ=WEEKLY;COUNT=3', 'EXRULE:FREQ=WEEKLY;COUNT=1'), code: 'exrule-unsupported', path: 'line 4 (VEVENT "a").EXRULE' },
];

describe('problem codes', () => {
  for (const { name, text, widget, source, code, path } of cases) {
    it(`${name}: ${code} at ${path}`, async () => {
      const report = await checkFeed(text, { source: source ?? 'https://www.bannewitz.de/feed', ...(widget ? { widget } : {}) });
      // A column is where the browser's XML parser stops, which differs between engines: only its line is fixed.
      const found = report.problems.map((problem) => [problem.code, path.endsWith('column ') ? problem.path.replace(/\d+$/, '') : problem.path]);
      expect(found, JSON.stringify(report.problems, null, 1)).to.deep.include([code, path]);
      for (const problem of report.problems) {
        expect(PROBLEMS, problem.code).to.have.property(problem.code);
        const { severity } = PROBLEMS[problem.code];
        if (severity !== 'either') expect(problem.severity, `${problem.code}: ${problem.message}`).to.equal(severity);
      }
    });
  }

  it('the schema validator gives each problem its keyword as code, with what the schema expects and the value found', () => {
    const schema = { type: 'object' as const, required: ['title'], properties: { status: { enum: ['planned', 'done'] }, name: { type: 'string' as const, maxLength: 3 } } };
    expect(validate({ status: 'geplant', name: 'Streife' }, schema)).to.deep.equal([
      { path: 'title', message: 'is required', code: 'schema-required', expected: 'title' },
      { path: 'status', message: 'must be one of "planned", "done"', code: 'schema-enum', expected: ['planned', 'done'], value: 'geplant' },
      { path: 'name', message: 'must be at most 3 characters long', code: 'schema-max-length', expected: 3, value: 'Streife' },
    ]);
  });

  it('builds a fix from code and data alone, without any message', () => {
    expect(fixFor({ path: 'items[0]._kpr.status', code: 'schema-enum', expected: ['planned', 'running', 'done'] })).to.equal('Use one of the allowed values: "planned", "running", "done".');
    expect(fixFor({ path: 'consent', code: 'schema-enum', expected: [true] })).to.equal('Set "consent" to true.');
    expect(fixFor({ path: 'items[0].title', code: 'schema-type', expected: 'string' })).to.equal('Write "title" as a string in double quotes.');
    expect(fixFor({ path: 'items[0].summary', code: 'schema-max-length', expected: 300 })).to.equal('Shorten "summary" to at most 300 characters.');
    expect(fixFor({ path: 'items[0]._kpr', code: 'kpr-missing', expected: ['topic'] }, 'kpr-tips.schema.json')).to.equal('Add a "_kpr" object with topic, as kpr-tips.schema.json describes, e.g. "_kpr": { "topic": "burglary" }.');
  });

  it('docs/problem-codes.md lists every code of the table, with its severity and meaning, and no other', async () => {
    const docs = await (await fetch('/docs/problem-codes.md')).text();
    const rows = [...docs.matchAll(/^\| `([^`]+)` \| (\w+) \| (.*) \|$/gm)].map(([, code, severity, summary]) => [code, severity, summary!.replace(/\\\|/g, '|')]);
    expect(rows).to.deep.equal(Object.entries(PROBLEMS).map(([code, { severity, summary }]) => [code, severity, summary]));
    const readme = await (await fetch('/README.md')).text();
    expect(readme.includes('(docs/problem-codes.md)'), 'the README links to the list').to.equal(true);
  });
});
