// `asskomm-widgets validate` and `init`, run as a webmaster runs them: the bin script, from dist/cli/ (built here
// first, so the tests check the current sources), with its output and exit status.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, test } from 'node:test';
import { buildCli } from '../../scripts/build-cli.mjs';
import { root, SUITE_INSTANT, tempDir } from '../support/node.mjs';

const bin = join(root, 'bin/asskomm-widgets.mjs');
/** What checkFeed reports for two feeds, whole; tests/validator/check-feed.test.ts expects the same in the browser. */
const EXPECTED_REPORTS = JSON.parse(readFileSync(join(root, 'tests/support/check-feed-reports.json'), 'utf8'));

/**
 * Runs the command line in the project folder; resolves with its exit status and output, never rejects.
 * @param {string[]} args
 * @param {{ env?: Record<string, string> }} [options]
 * @returns {Promise<{ code: number, stdout: string, stderr: string }>}
 */
function run(args, { env = {} } = {}) {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, KPR_NOW: SUITE_INSTANT, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** @param {string[]} args */
async function runJson(args) {
  const result = await run(args);
  return { ...result, json: JSON.parse(result.stdout) };
}


/** A fix is one sentence: a capital letter at the start, a full stop at the end. @param {string} fix */
function assertSentence(fix) {
  assert.match(fix, /^[A-Z].*[.]$/s, `not a sentence: ${fix}`);
  assert.ok(fix.length > 20, `too short to help: ${fix}`);
}

/** `actual` has these fields with these values (and maybe more). @param {Record<string, unknown>} actual @param {Record<string, unknown>} expected */
function assertHas(actual, expected) {
  assert.deepEqual(Object.fromEntries(Object.keys(expected).map((key) => [key, actual?.[key]])), expected);
}

before(async () => {
  await buildCli(root);
});

describe('validate: good feeds', () => {
  test('every demo feed would show completely: exit 0, every item shown, a folder of images is left out', async () => {
    const files = readdirSync(join(root, 'demo/feeds')).map((name) => `demo/feeds/${name}`);
    const { code, json, stderr } = await runJson(['validate', '--json', ...files]);
    assert.equal(code, 0, stderr);
    assert.equal(json.ok, true);
    assert.deepEqual(json.ignored, ['demo/feeds/images']);
    assert.equal(json.reports.length, files.length - 1);
    for (const report of json.reports) {
      assert.equal(report.ok, true, `${report.source}: ${JSON.stringify(report.problems)}`);
      assert.equal(report.shown, report.items, report.source);
      assert.ok(report.items > 0, report.source);
      assert.deepEqual(report.problems.filter((p) => p.severity === 'error'), []);
    }
    const widgets = Object.fromEntries(json.reports.map((r) => [r.source, r.widget]));
    assert.deepEqual(widgets, {
      'demo/feeds/events.json': 'event-calendar',
      'demo/feeds/gemeinderat.ics': 'event-calendar',
      'demo/feeds/goals.json': 'goal-overview',
      'demo/feeds/lpr.rss': 'news-feed',
      'demo/feeds/news.json': 'news-feed',
      'demo/feeds/polizei.atom': 'news-feed',
      'demo/feeds/tips.json': 'prevention-tips',
    });
  });

  test('the good test feeds pass too: JSON Feed, RSS in ISO-8859-1, Atom, iCalendar and OParl pages', async () => {
    const good = ['news.json', 'news.rss', 'latin1.rss', 'news.atom', 'lpr.json', 'town.json', 'tips-local.json', 'calendar/kpr-bannewitz.ics', 'calendar/no-vtimezone.ics', 'oparl/meetings-2.json', 'oparl/meetings-3.json'];
    const { code, json } = await runJson(['validate', '--json', ...good.map((file) => `tests/fixtures/${file}`)]);
    assert.equal(code, 0, JSON.stringify(json.reports.filter((r) => !r.ok), null, 1));
    assert.deepEqual(json.reports.map((r) => r.format), ['json-feed', 'rss', 'rss', 'atom', 'json-feed', 'json-feed', 'json-feed', 'icalendar', 'icalendar', 'oparl', 'oparl']);
  });

  test('the text report names format, widget and counts per source, and ends with a summary; no colour when piped', async () => {
    const { code, stdout } = await run(['validate', 'tests/fixtures/tips-local.json', 'demo/feeds/gemeinderat.ics']);
    assert.equal(code, 0);
    assert.match(stdout, /^tests\/fixtures\/tips-local\.json\n {2}JSON Feed for <kpr-prevention-tips> \(inferred: its items have _kpr\.topic\); 2 read, 2 shown\n/);
    assert.match(stdout, /demo\/feeds\/gemeinderat\.ics\n {2}iCalendar for <kpr-event-calendar> \(inferred: it is an iCalendar file\); 4 read, 4 shown/);
    // A warning: path: message, then the fix on its own line.
    assert.match(stdout, /\n {2}warning \[feed-field-missing\] feed_url: "feed_url" is missing: [^\n]+\n {4}fix: Add "feed_url" with the full address, e\.g\. "https:\/\/www\.bannewitz\.de\/praevention\/tips-local\.json"\.\n/);
    assert.match(stdout, /✔ 2 of 2 sources would show completely, 0 errors, \d+ warnings\n$/);
    assert.doesNotMatch(stdout, /\x1b\[/);
  });

  test('colour on a terminal, none with NO_COLOR', async (t) => {
    // util-linux's `script` gives the command a terminal of its own.
    const script = '/usr/bin/script';
    if (!existsSync(script)) return t.skip('no /usr/bin/script to give the command a terminal');
    const command = `${JSON.stringify(process.execPath)} bin/asskomm-widgets.mjs validate tests/fixtures/invalid/no-version.json`;
    const inTerminal = (/** @type {Record<string, string>} */ env) => new Promise((resolve) => {
      execFile(script, ['-qc', command, '/dev/null'], { cwd: root, env: { ...process.env, KPR_NOW: SUITE_INSTANT, NO_COLOR: '', TERM: 'xterm', ...env } }, (_error, stdout) => resolve(stdout));
    });
    assert.match(String(await inTerminal({})), /\x1b\[31merror\x1b\[39m \[schema-required\] version: /);
    assert.doesNotMatch(String(await inTerminal({ NO_COLOR: '1' })), /\x1b\[/);
  });

  test('--quiet prints only errors and the summary', async () => {
    const { code, stdout } = await run(['validate', '--quiet', 'demo/feeds/tips.json', 'tests/fixtures/invalid/tip-without-topic.json']);
    assert.equal(code, 1);
    assert.doesNotMatch(stdout, /\n {2}warning |demo\/feeds\/tips\.json/);
    assert.match(stdout, /error \[schema-required\] items\[1\]\._kpr\.topic: /);
    assert.match(stdout, /✘ 1 of 2 sources would show completely, 1 error, \d+ warnings?/);
  });
});

describe('validate: feeds that would not show', () => {
  /** @type {Array<{ file: string, widget?: string, path: string | RegExp, message: RegExp, fix?: RegExp }>} */
  const cases = [
    { file: 'invalid/broken.json', path: 'line 8, column 7', message: /^this is not valid JSON: expected "," or "}" after a value$/, fix: /comma/ },
    { file: 'invalid/no-version.json', path: 'version', message: /"version" is required, so this is no JSON Feed 1\.1/, fix: /^Add "version": "https:\/\/jsonfeed\.org\/version\/1\.1"/ },
    { file: 'invalid/tip-without-topic.json', path: 'items[1]._kpr.topic', message: /"topic" is required, so the tip is not shown/, fix: /"topic"/ },
    { file: 'invalid/tip-without-kpr.json', path: 'items[1]._kpr', message: /"_kpr" is missing; this widget needs it, with topic, so the tip is not shown/, fix: /"_kpr": \{ "topic": "burglary" \}/ },
    { file: 'invalid/event-wrong-date.json', path: 'items[1]._kpr.start', message: /"03\.12\.2026 18:00" is not a date/, fix: /^Write the start as an ISO 8601 date-time with offset, e\.g\. 2026-12-03T18:00:00\+01:00/ },
    { file: 'invalid/news-wrong-date.json', path: 'items[0].date_published', message: /must be an RFC 3339 date-time .* not "24\.11\.2026", so the news item is not shown/, fix: /ISO 8601 date-time with offset/ },
    { file: 'invalid/javascript-link.json', path: 'items[0].url', message: /^"javascript:alert\(document\.cookie\)" is not shown: only http\(s\), mailto and tel links are$/, fix: /https:\/\// },
    // The line is what matters; the column is where the parser noticed (xmldom: the element's start).
    { file: 'invalid/broken.rss', path: /^line 7, column \d+$/, message: /^this is not well-formed XML: entity not found:&nbsp;$/, fix: /&nbsp;/ },
    { file: 'invalid/error-page.rss', path: '(feed)', message: /HTML web page, not a feed/, fix: /address of the feed/ },
    { file: 'invalid/bad-dtstart.ics', path: 'line 14 (VEVENT "sitzung-2@bannewitz.de").DTSTART', message: /^DTSTART "03\.12\.2026 18:00" is not an iCalendar date .* so the event is not shown$/, fix: /^Write DTSTART as a date-time/ },
    { file: 'invalid/oparl-without-data.json', path: 'data', message: /OParl list, but it has no "data" list of meetings/, fix: /"data": \[/ },
    { file: 'invalid/contact-without-consent.json', path: 'consent', message: /^"consent" must be true, so the endpoint refuses the message$/, fix: /^Set "consent" to true\.$/ },
    { file: '../../demo/feeds/tips.json', widget: 'news-feed', path: 'items[0]._kpr.topic', message: /the items look like prevention tips .* but <kpr-news-feed> shows news/, fix: /<kpr-prevention-tips>/ },
    { file: '../../demo/feeds/lpr.rss', widget: 'event-calendar', path: '(feed)', message: /^it is an RSS feed, and <kpr-event-calendar> reads a JSON Feed, an iCalendar file or an OParl meeting list$/, fix: /<kpr-news-feed>/ },
  ];
  for (const { file, widget, path, message, fix } of cases) {
    test(`${file}${widget ? ` as --widget ${widget}` : ''}: exit 1, the error at ${path}, with a fix`, async () => {
      const source = join('tests/fixtures', file).replace(/^(\.\.\/)+/, '');
      const { code, json } = await runJson(['validate', '--json', ...(widget ? ['--widget', widget] : []), source]);
      assert.equal(code, 1);
      const [report] = json.reports;
      assert.equal(report.ok, false);
      const errors = report.problems.filter((/** @type {any} */ p) => p.severity === 'error');
      assert.equal(errors.length, 1, JSON.stringify(report.problems, null, 1));
      if (typeof path === 'string') assert.equal(errors[0].path, path);
      else assert.match(errors[0].path, path);
      assert.match(errors[0].message, message);
      assertSentence(errors[0].fix);
      if (fix) assert.match(errors[0].fix, fix);
    });
  }

  test('the text report shows the error as path: message, its fix below, and a failing summary', async () => {
    const { code, stdout } = await run(['validate', 'tests/fixtures/invalid/event-wrong-date.json']);
    assert.equal(code, 1);
    assert.match(stdout, /\n {2}error \[event-date-unreadable\] items\[1\]\._kpr\.start: _kpr\.start "03\.12\.2026 18:00" is not a date[^\n]*\n {4}fix: Write the start as an ISO 8601 date-time with offset, e\.g\. 2026-12-03T18:00:00\+01:00[^\n]*\.\n/);
    assert.match(stdout, /2 read, 1 shown/);
    assert.match(stdout, /✘ 0 of 1 source would show completely, 1 error, 0 warnings/);
  });

  test('every invalid fixture fails, and each problem has a code of docs/problem-codes.md, a path, a message and a one-sentence fix', async () => {
    const files = readdirSync(join(root, 'tests/fixtures/invalid')).map((name) => `tests/fixtures/invalid/${name}`);
    const { code, json } = await runJson(['validate', '--json', ...files]);
    assert.equal(code, 1);
    const codes = new Set([...readFileSync(join(root, 'docs/problem-codes.md'), 'utf8').matchAll(/^\| `([^`]+)` \|/gm)].map(([, one]) => one));
    const { stdout } = await run(['validate', ...files]);
    for (const report of json.reports) {
      assert.equal(report.ok, false, report.source);
      for (const problem of report.problems) {
        assert.ok(codes.has(problem.code), `no documented code: ${JSON.stringify(problem)}`);
        // The text output names the code of every problem, as --json does.
        assert.ok(stdout.includes(`${problem.severity} [${problem.code}] ${problem.path}: `), `${problem.code} not printed for ${problem.path}`);
        assert.ok(problem.path && problem.message, JSON.stringify(problem));
        assertSentence(problem.fix);
      }
    }
  });

  test('the same reports as checkFeed gives in the browser (tests/validator/check-feed.test.ts)', async () => {
    const { json } = await runJson(['validate', '--json', ...EXPECTED_REPORTS.map((report) => report.source)]);
    assert.deepEqual(json.reports, EXPECTED_REPORTS);
  });
});

describe('validate: usage and sources', () => {
  test('exit 2 for a usage error or a source that cannot be read', async () => {
    const none = await run(['validate']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /name at least one feed file or URL[\s\S]*Usage: asskomm-widgets validate/);
    const widget = await run(['validate', '--widget', 'kalender', 'demo/feeds/news.json']);
    assert.equal(widget.code, 2);
    assert.match(widget.stderr, /--widget must be one of news-feed, prevention-tips, goal-overview, event-calendar, contact, not "kalender"/);
    assert.equal((await run(['validate', '--colour', 'demo/feeds/news.json'])).code, 2);
    const missing = await run(['validate', 'demo/feeds/news.json', 'demo/feeds/nachrichten.json']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /demo\/feeds\/nachrichten\.json\n {2}cannot read it: no such file\n {4}fix: Check the file's name and folder/);
    assert.match(missing.stdout, /1 of 2 sources would show completely, .*1 unreadable/);
  });

  test('"-" (standard input) is a usage error, not a missing file', async () => {
    const dash = await run(['validate', '-']);
    assert.equal(dash.code, 2);
    assert.match(dash.stderr, /asskomm-widgets validate: cannot read a feed from standard input: name a file or a URL\n[\s\S]*Usage:/);
    assert.doesNotMatch(dash.stderr, /no such file/);
  });

  test('a source that cannot be read, an empty file and a binary file each say why and how to fix it', async (t) => {
    const dir = tempDir(t);
    writeFileSync(join(dir, 'empty.json'), '');
    writeFileSync(join(dir, 'blank.json'), '  \n\t\n');
    writeFileSync(join(dir, 'logo.rss'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    writeFileSync(join(dir, 'huge.json'), Buffer.alloc(5_000_001, 0x20));
    const sources = ['empty.json', 'blank.json', 'logo.rss', 'huge.json', 'fehlt.json'].map((name) => join(dir, name));
    const { code, json } = await runJson(['validate', '--json', ...sources]);
    assert.equal(code, 2);
    const only = (/** @type {string} */ name) => {
      const report = json.reports.find((/** @type {any} */ r) => r.source === join(dir, name));
      assert.equal(report.problems.length, 1, JSON.stringify(report.problems));
      assertSentence(report.problems[0].fix);
      return report.problems[0];
    };
    assertHas(only('empty.json'), { severity: 'error', path: '(feed)', message: 'the file is empty' });
    assertHas(only('blank.json'), { severity: 'error', path: '(feed)', message: 'the file is empty' });
    assertHas(only('logo.rss'), { severity: 'error', path: '(feed)', message: 'this is a binary file, not a feed' });
    assert.deepEqual(json.unreadable.map((/** @type {any} */ u) => [u.source, u.message]), [
      [join(dir, 'huge.json'), "the file is larger than the widgets' limit of 5.0 MB"],
      [join(dir, 'fehlt.json'), 'no such file'],
    ]);
    for (const { fix } of json.unreadable) assertSentence(fix);
    const text = await run(['validate', ...sources]);
    assert.equal(text.stderr.match(/cannot read it: [^\n]*\n {4}fix: [A-Z]/g)?.length, 2, text.stderr);
    assert.match(text.stdout, /error \[empty-file\] \(feed\): the file is empty\n {4}fix: /);
  });

  test('a network error names its cause and host, not CORS, and how to fix it', async () => {
    // A port that was free a moment ago: nothing answers there.
    const server = createServer();
    await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
    const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
    await new Promise((resolve) => server.close(resolve));
    const refused = await run(['validate', `http://127.0.0.1:${port}/news.json`]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, new RegExp(`cannot read it: nothing answers at 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)\n {4}fix: Check the address's host and port`));
    assert.doesNotMatch(refused.stderr, /CORS|fetch failed/);
    const unknown = await run(['validate', 'http://kpr-feed.invalid/news.json']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /cannot read it: there is no host named kpr-feed\.invalid \((ENOTFOUND|EAI_AGAIN)\)\n {4}fix: Check the host name/);
  });

  test('a URL is asked for with an Origin header: no Access-Control-Allow-Origin is a warning, with --origin an error', async (t) => {
    const feed = readFileSync(join(root, 'demo/feeds/news.json'));
    /** @type {Array<string | undefined>} */
    const origins = [];
    const server = createServer((request, response) => {
      // The feed's own requests; its images, asked for afterwards as a page would, carry no Origin.
      if (request.url?.endsWith('.json')) origins.push(request.headers.origin);
      /** @type {Record<string, string>} */
      const headers = { 'content-type': 'application/feed+json' };
      if (request.url === '/open.json') headers['access-control-allow-origin'] = '*';
      if (request.url === '/town.json') headers['access-control-allow-origin'] = 'https://www.bannewitz.de';
      response.writeHead(200, headers).end(feed);
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
    t.after(() => server.close());
    const base = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`;
    const corsOf = (/** @type {any} */ result) => result.json.reports[0].problems.filter((/** @type {any} */ p) => /Access-Control-Allow-Origin/.test(p.message));

    const closed = await runJson(['validate', '--json', `${base}/closed.json`]);
    assert.equal(closed.code, 0, 'a warning: the widget may be on the feed\'s own site');
    const [warning] = corsOf(closed);
    assertHas(warning, { severity: 'warning', path: '(feed)', message: 'a widget on another site cannot read this feed: the server sends no Access-Control-Allow-Origin header (CORS)' });
    assert.match(warning.fix, /docs\/cors\.md/);
    assert.match(warning.fix, /feed bridge \(asskomm-widgets bridge\)/);
    assertSentence(warning.fix);
    // One request per feed: the answer the feed is read from is the one whose headers are checked.
    assert.deepEqual(origins, ['https://example.org']);

    const forTown = await runJson(['validate', '--json', '--origin', 'https://www.bannewitz.de', `${base}/closed.json`]);
    assert.equal(forTown.code, 1);
    assert.equal(forTown.json.reports[0].ok, false);
    const [error] = corsOf(forTown);
    assertHas(error, { severity: 'error', path: '(feed)' });
    assert.match(error.message, /^a widget on https:\/\/www\.bannewitz\.de cannot read this feed: the server sends no Access-Control-Allow-Origin header/);
    assert.match(error.fix, /docs\/cors\.md.*feed bridge/);
    assert.ok(origins.includes('https://www.bannewitz.de'));
    const printed = await run(['validate', '--origin=https://www.bannewitz.de', `${base}/closed.json`]);
    assert.match(printed.stdout, /\n {2}error \[cors-not-allowed\] \(feed\): a widget on https:\/\/www\.bannewitz\.de cannot read this feed[^\n]*\n {4}fix: /);

    assert.deepEqual(corsOf(await runJson(['validate', '--json', `${base}/open.json`])), []);
    assert.deepEqual(corsOf(await runJson(['validate', '--json', '--origin', 'https://www.bannewitz.de/', `${base}/town.json`])), []);
    const [other] = corsOf(await runJson(['validate', '--json', `${base}/town.json`]));
    assert.match(other.message, /the server's Access-Control-Allow-Origin header allows only "https:\/\/www\.bannewitz\.de"/);
    assert.equal((await runJson(['validate', '--json', '--origin', base, `${base}/closed.json`])).code, 0, 'a feed on the widget\'s own site needs no CORS');

    const wrong = await run(['validate', '--origin', 'www.bannewitz.de', `${base}/open.json`]);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /--origin must be the address of the site the widget is on/);
  });

  test('news dated in the future are not counted as shown, each with a warning; a year ahead may be a typo', async (t) => {
    const dir = tempDir(t);
    const soon = '2026-12-24'; // a month after the suite's instant
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Neuigkeiten',
      home_page_url: 'https://www.bannewitz.de/',
      feed_url: 'https://www.bannewitz.de/news.json',
      items: [
        { id: 'heute', title: 'Sprechstunde', content_text: 'Jeden Dienstag.', date_published: '2026-01-05T10:00:00+01:00' },
        { id: 'bald', title: 'Adventsmarkt', content_text: 'Mit Stand.', date_published: `${soon}T10:00:00+01:00` },
        { id: 'vertippt', title: 'Bürgerversammlung', content_text: 'Im Rathaus.', date_published: '2099-01-01T10:00:00+01:00' },
      ],
    };
    writeFileSync(join(dir, 'news.json'), JSON.stringify(feed));
    const { code, json } = await runJson(['validate', '--json', join(dir, 'news.json')]);
    assert.equal(code, 0);
    const [report] = json.reports;
    assert.equal(report.items, 3);
    assert.equal(report.shown, 1);
    assert.deepEqual(report.problems.map((/** @type {any} */ p) => [p.severity, p.path, p.message]), [
      ['warning', 'items[1].date_published', `dated ${soon}, in the future: <kpr-news-feed> hides it until then`],
      ['warning', 'items[2].date_published', 'dated 2099-01-01, in the future: <kpr-news-feed> hides it until then (more than a year ahead: a mistyped year?)'],
    ]);
    for (const problem of report.problems) assertSentence(problem.fix);
    assert.match(report.problems[1].fix, /year/);
  });

  test('_kpr fields no widget reads are warnings, with the field meant when it is close', async (t) => {
    const dir = tempDir(t);
    const feed = JSON.parse(readFileSync(join(root, 'demo/feeds/events.json'), 'utf8'));
    const { location, ...rest } = feed.items[0]._kpr;
    feed.items[0]._kpr = { ...rest, locaton: location, farbe: 'rot' };
    writeFileSync(join(dir, 'events.json'), JSON.stringify(feed));
    const { code, json } = await runJson(['validate', '--json', join(dir, 'events.json')]);
    assert.equal(code, 0);
    const unknown = json.reports[0].problems.filter((/** @type {any} */ p) => /is not a field of _kpr/.test(p.message));
    assert.deepEqual(unknown.map((/** @type {any} */ p) => [p.severity, p.path, p.message, p.fix]), [
      ['warning', 'items[0]._kpr.locaton', '"locaton" is not a field of _kpr that <kpr-event-calendar> reads, so it is ignored; did you mean "location"?', 'Rename "locaton" to "location".'],
      ['warning', 'items[0]._kpr.farbe', '"farbe" is not a field of _kpr that <kpr-event-calendar> reads, so it is ignored', unknown[1]?.fix],
    ]);
    assert.match(unknown[1].fix, /^Remove "farbe", or use a field kpr-events\.schema\.json describes: start, end, /);
  });

  test('a URL\'s images and links on its own server are asked for: one that does not load is a warning with a fix', async (t) => {
    /** @type {string[]} */
    const asked = [];
    const server = createServer((request, response) => {
      asked.push(`${request.method} ${request.url}`);
      if (request.url === '/feeds/news.json') return void response.writeHead(200, { 'content-type': 'application/feed+json', 'access-control-allow-origin': '*' }).end(JSON.stringify(feed));
      if (request.url === '/feeds/images/da.svg' || request.url?.startsWith('/aktuelles/')) return void response.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg xmlns="http://www.w3.org/2000/svg"/>');
      response.writeHead(404).end('not here');
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
    t.after(() => server.close());
    const base = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`;
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Neuigkeiten',
      home_page_url: `${base}/`,
      feed_url: `${base}/feeds/news.json`,
      items: [
        { id: '1', url: `${base}/aktuelles/1`, title: 'Mit Bild', content_text: 'Text.', date_published: '2026-11-01T10:00:00+01:00', image: 'images/da.svg' },
        { id: '2', url: `${base}/aktuelles/2`, external_url: 'https://www.bannewitz.de/extern', title: 'Bild fehlt', content_text: 'Text.', date_published: '2026-11-02T10:00:00+01:00', image: '/feeds/images/weg.svg' },
      ],
    };
    const { code, json } = await runJson(['validate', '--json', `${base}/feeds/news.json`]);
    assert.equal(code, 0, 'a warning: the items still show');
    const unreachable = json.reports[0].problems.filter((/** @type {any} */ p) => /does not load/.test(p.message));
    assert.deepEqual(unreachable.map((/** @type {any} */ p) => [p.severity, p.path, p.message]), [
      ['warning', 'items[1].image', `${base}/feeds/images/weg.svg does not load (HTTP 404 Not Found), so residents see no image there`],
    ]);
    assert.match(unreachable[0].fix, /^Upload the image to that address, or correct the address in the feed/);
    assertSentence(unreachable[0].fix);
    // Each address once, and none on another server (https://www.bannewitz.de is not asked).
    assert.deepEqual(asked.sort(), ['GET /aktuelles/1', 'GET /aktuelles/2', 'GET /feeds/images/da.svg', 'GET /feeds/images/weg.svg', 'GET /feeds/news.json']);
  });

  test('a feed file\'s paths from the site\'s root (/images/x.png) are warnings: they work only on the site that serves it', async (t) => {
    const dir = tempDir(t);
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Neuigkeiten',
      home_page_url: 'https://www.bannewitz.de/praevention/',
      feed_url: 'https://www.bannewitz.de/praevention/news.json',
      items: [
        { id: '1', url: 'https://www.bannewitz.de/praevention/1', title: 'Bild', content_text: 'Text.', date_published: '2026-11-01T10:00:00+01:00', image: '/images/laterne.png' },
        { id: '2', url: 'https://www.bannewitz.de/praevention/2', title: 'Bild', content_text: 'Text.', date_published: '2026-11-02T10:00:00+01:00', image: 'images/laterne.png' },
      ],
    };
    writeFileSync(join(dir, 'news.json'), JSON.stringify(feed));
    const { code, json } = await runJson(['validate', '--json', join(dir, 'news.json')]);
    assert.equal(code, 0);
    assert.deepEqual(json.reports[0].problems.map((/** @type {any} */ p) => [p.severity, p.path, p.message, p.fix]), [
      [
        'warning',
        'items[0].image',
        '"/images/laterne.png" begins with /, so it is resolved against whatever site serves this file: on another site, or when the file is copied, it points to nothing',
        'Write the full address (https://www.bannewitz.de/images/laterne.png), or a path relative to the feed, such as "images/laterne.png" for a folder images/ beside the feed.',
      ],
    ]);
    // The demo's news.json is such a file: it still shows completely (exit 0), with one warning per image.
    const demo = await runJson(['validate', '--json', 'demo/feeds/news.json']);
    assert.equal(demo.code, 0);
    assert.deepEqual(demo.json.reports[0].problems.filter((/** @type {any} */ p) => /begins with \//.test(p.message)).map((/** @type {any} */ p) => p.path), ['items[2].image', 'items[3].image', 'items[4].image', 'items[6].image']);
  });

  test('a contact message is named as such in the text report', async () => {
    const { stdout } = await run(['validate', 'tests/fixtures/invalid/contact-without-consent.json']);
    assert.match(stdout, /\n {2}a contact message \(docs\/contact-api\.md\) for <kpr-contact> \(inferred: [^\n]*\); 1 read, 0 shown\n/);
    assert.doesNotMatch(stdout, /unknown format/);
  });

  test('--widget accepts the tag name too, and checks for that widget', async () => {
    const { code, json } = await runJson(['validate', '--json', '--widget', 'kpr-prevention-tips', 'demo/feeds/tips.json']);
    assert.equal(code, 0);
    assert.equal(json.reports[0].widget, 'prevention-tips');
    assert.equal(json.reports[0].inferredFrom, undefined);
  });

  test('reads feeds over http, in the charset the server or the XML declaration names; HTTP errors and timeouts exit 2', async (t) => {
    const latin1 = readFileSync(join(root, 'tests/fixtures/latin1.rss'));
    const server = createServer((request, response) => {
      if (request.url === '/latin1.rss') return void response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(latin1);
      if (request.url === '/slow.json') return void setTimeout(() => response.end('{}'), 3000);
      response.writeHead(404).end('not here');
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
    t.after(() => {
      server.closeAllConnections();
      server.close();
    });
    const address = /** @type {import('node:net').AddressInfo} */ (server.address());
    const base = `http://127.0.0.1:${address.port}`;
    const ok = await runJson(['validate', '--json', `${base}/latin1.rss`]);
    assert.equal(ok.code, 0, ok.stdout);
    assert.equal(ok.json.reports[0].format, 'rss');
    const missing = await run(['validate', `${base}/news.json`]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read it: HTTP 404[^\n]*\n {4}fix: Check the address: opened in a browser, it must show the feed/);
    const slow = await run(['validate', '--timeout', '0.3', `${base}/slow.json`]);
    assert.equal(slow.code, 2);
    assert.match(slow.stderr, /cannot read it: no complete answer within 0\.3 s\n {4}fix: Check that the server answers within 10 seconds/);
  });

  test('a source checkout without dist/ is told to build first', async (t) => {
    const dir = tempDir(t);
    mkdirSync(join(dir, 'bin'));
    copyFileSync(bin, join(dir, 'bin/asskomm-widgets.mjs'));
    const result = await new Promise((resolve) => {
      execFile(process.execPath, [join(dir, 'bin/asskomm-widgets.mjs'), 'validate', 'news.json'], (error, stdout, stderr) => resolve({ code: error?.code ?? 0, stderr }));
    });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /dist\/cli\/validate\.js is missing\. In a source checkout, run npm run build first/);
  });
});

describe('init', () => {
  test('moves the sample events on by whole 52-week years, so a folder made years later still shows upcoming events', async (t) => {
    const { initFiles } = await import(pathToFileURL(join(root, 'dist/cli/init.js')).href);
    const events = (/** @type {string} */ today) => JSON.parse(initFiles(new Date(today))['events.json']).items;
    const series = (/** @type {any[]} */ items) => items.find((item) => item.id === 'sprechstunde-buergerpolizei')._kpr;
    // Within a year of writing, the samples are as written.
    assert.equal(series(events('2027-06-01T12:00:00Z')).start, '2026-09-01T16:00:00+02:00');
    // In March 2029, two 52-week years on: still a Tuesday at 16:00 Berlin time, in summer time, and the series runs
    // until June 2029, so there are upcoming events.
    const later = events('2029-03-10T12:00:00Z');
    assert.equal(series(later).start, '2028-08-29T16:00:00+02:00');
    assert.equal(series(later).recurrence.rrule, 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20290626T220000Z');
    assert.deepEqual(series(later).recurrence.exdates, ['2028-12-19T16:00:00+01:00', '2028-12-26T16:00:00+01:00']);
    assert.ok(later.every((/** @type {any} */ item) => item._kpr.start > '2028-08'), JSON.stringify(later.map((/** @type {any} */ i) => i._kpr.start)));
    const folder = tempDir(t);
    writeFileSync(join(folder, 'events.json'), initFiles(new Date('2029-03-10T12:00:00Z'))['events.json']);
    const check = await runJson(['validate', '--json', join(folder, 'events.json')]);
    assert.equal(check.code, 0, JSON.stringify(check.json.reports, null, 1));
  });

  test('writes sample feeds, a page and a README that validate cleanly; a second init refuses, --force overwrites', async (t) => {
    const folder = join(tempDir(t), 'praevention');
    const first = await run(['init', folder]);
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(readdirSync(folder).sort(), ['README.txt', 'events.json', 'goals.json', 'index.html', 'news.json', 'tips.json']);
    for (const name of ['news', 'tips', 'goals', 'events']) {
      const feed = JSON.parse(readFileSync(join(folder, `${name}.json`), 'utf8'));
      assert.match(feed.title, /\(Beispiel\)$/);
      assert.match(feed.description, /Beispieldaten/);
      assert.ok(feed.items.length >= 2 && feed.items.length <= 3, `${name}: ${feed.items.length} items`);
    }
    const page = readFileSync(join(folder, 'index.html'), 'utf8');
    for (const tag of ['kpr-news-feed', 'kpr-prevention-tips', 'kpr-event-calendar', 'kpr-goal-overview', 'kpr-contact']) assert.match(page, new RegExp(`<${tag}[ >]`));
    assert.match(page, /<!--[\s\S]*node_modules\/asskomm-widgets\/dist\/[\s\S]*-->\s*<script type="module" src="asskomm-widgets\.js"><\/script>/);
    const readme = readFileSync(join(folder, 'README.txt'), 'utf8');
    assert.match(readme, /DEUTSCH[\s\S]*ENGLISH/);

    const check = await runJson(['validate', '--json', folder]);
    assert.equal(check.code, 0, JSON.stringify(check.json.reports, null, 1));
    assert.deepEqual(check.json.reports.map((/** @type {any} */ r) => [r.widget, r.problems.length]).sort(), [['event-calendar', 0], ['goal-overview', 0], ['news-feed', 0], ['prevention-tips', 0]]);

    writeFileSync(join(folder, 'news.json'), '{"edited": true}');
    const second = await run(['init', folder]);
    assert.equal(second.code, 1);
    assert.match(second.stderr, /already has news\.json, tips\.json, goals\.json, events\.json, index\.html, README\.txt; nothing was written\. Use --force/);
    assert.equal(readFileSync(join(folder, 'news.json'), 'utf8'), '{"edited": true}');

    const forced = await run(['init', '--force', folder]);
    assert.equal(forced.code, 0);
    assert.match(readFileSync(join(folder, 'news.json'), 'utf8'), /"version": "https:\/\/jsonfeed\.org\/version\/1\.1"/);
  });

  test('into a path that is a file: a plain message, nothing written', async (t) => {
    const file = join(tempDir(t), 'praevention');
    writeFileSync(file, 'eine Datei');
    const result = await run(['init', file]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^asskomm-widgets init: .*praevention is a file, not a folder; nothing was written\./);
    assert.doesNotMatch(result.stderr, /EEXIST|mkdir/);
    assert.equal(readFileSync(file, 'utf8'), 'eine Datei');
  });

  test('without a folder, or with an unknown option: exit 2 and the usage', async () => {
    assert.equal((await run(['init'])).code, 2);
    const unknown = await run(['init', '--overwrite', 'x']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown option --overwrite[\s\S]*Usage: asskomm-widgets init/);
  });
});
