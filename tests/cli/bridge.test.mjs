// `asskomm-widgets bridge`: what it writes from iCalendar, OParl, RSS and Atom, what it keeps when a source fails,
// that it leaves an unchanged feed alone, and how it reports a wrong configuration.
import assert from 'node:assert/strict';
import { copyFile, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { before, test } from 'node:test';
import { promisify } from 'node:util';
import { buildCli } from '../../scripts/build-cli.mjs';
import { SUITE_INSTANT } from '../support/node.mjs';
import { assertValidFeed, bridge, fixture, readFeed, root, serve, workspace } from './bridge-support.mjs';

const weekly = fixture('bridge/weekly-dst.ics');

before(async () => {
  await buildCli(root);
});

test('a weekly series across the change to summer time is expanded on the Berlin wall clock', async (t) => {
  const dir = await workspace(t);
  const config = { feeds: [{ out: 'termine.json', kind: 'events', title: 'Termine', sources: [{ url: weekly }], window: { pastDays: 30, futureDays: 60 } }] };
  const { code, output } = await bridge(dir, config, '2027-03-10T12:00:00Z');
  assert.equal(code, 0, output);
  await assertValidFeed(join(dir, 'termine.json'), 'events');
  const feed = await readFeed(dir, 'termine.json');

  const series = feed.items.filter((item) => item.title === 'Bürgersprechstunde des Präventionsrats');
  // Tuesdays at 19:00, the 16th left out (EXDATE), COUNT=8 counting it; the clocks change on Sunday 28 March.
  assert.deepEqual(series.map((item) => item._kpr.start), [
    '2027-03-02T19:00:00+01:00', '2027-03-09T19:00:00+01:00', '2027-03-23T19:00:00+01:00',
    '2027-03-30T19:00:00+02:00', '2027-04-06T19:00:00+02:00', '2027-04-13T19:00:00+02:00', '2027-04-20T19:00:00+02:00',
  ]);
  assert.deepEqual(series.map((item) => new Date(item._kpr.start).getUTCHours()), [18, 18, 18, 17, 17, 17, 17]);
  assert.deepEqual(series.map((item) => item._kpr.end.slice(11)), [...Array(3).fill('20:30:00+01:00'), ...Array(4).fill('20:30:00+02:00')]);
  assert.equal(series[0].id, `${weekly}#sprechstunde@kpr-bannewitz.example@20270302T180000Z`);
  assert.equal(new Set(feed.items.map((item) => item.id)).size, feed.items.length, 'every id once');
  assert.equal(series[0].url, 'https://www.bannewitz.de/praevention/sprechstunde');
  assert.equal(series[0].content_text, 'Fragen zu Sicherheit und Ordnung im Ort? Die Mitglieder des Präventionsrats hören zu.\nOhne Anmeldung.');
  assert.deepEqual(series[0]._kpr.location, { name: 'Rathaus Bannewitz', address: 'Windbergstraße 35, 01728 Bannewitz' });
  assert.equal(series[0]._kpr.category, 'Sprechstunde');

  const talk = feed.items.find((item) => item.title === 'Vortrag: Betrug am Telefon erkennen');
  assert.equal(talk._kpr.status, 'cancelled');
  assert.equal(talk.id, `${weekly}#vortrag-enkeltrick@kpr-bannewitz.example`, 'a single event keeps its UID, without a date');
  const days = feed.items.find((item) => item.title === 'Aktionstage gegen Graffiti');
  // iCalendar's DTEND is the day after; the KPR feed names the last day.
  assert.deepEqual(days._kpr, { start: '2027-04-09', end: '2027-04-11', all_day: true });
  assert.deepEqual(feed.items.map((item) => item._kpr.start), [...feed.items.map((item) => item._kpr.start)].sort((a, b) => Date.parse(a) - Date.parse(b)), 'in start order');

  // Ten days later the window has moved; the occurrences in both keep their ids, so feed readers see no duplicates.
  const later = await bridge(dir, config, '2027-04-20T12:00:00Z');
  assert.equal(later.code, 0, later.output);
  const moved = await readFeed(dir, 'termine.json');
  const ids = new Set(feed.items.map((item) => item.id));
  assert.ok(moved.items.filter((item) => ids.has(item.id)).length >= 5);
  assert.ok(!moved.items.some((item) => item._kpr.start < '2027-03-21'), 'what left the window is gone');
});

test('a KPR events feed with a rule is expanded as well, and its problems are reported per item', async (t) => {
  const dir = await workspace(t);
  const source = fixture('events.json');
  const config = { feeds: [{ out: 'termine.json', kind: 'events', sources: [{ url: source }], window: { pastDays: 0, futureDays: 14 } }] };
  const { code, output } = await bridge(dir, config, '2026-10-20T08:00:00Z');
  assert.equal(code, 0, 'warnings about single items do not fail the source');
  assert.match(output, /^ +warning: .*"umgekehrt".*before _kpr\.start/m);
  await assertValidFeed(join(dir, 'termine.json'), 'events');
  const feed = await readFeed(dir, 'termine.json');
  // Tuesdays at 19:00 in Europe/Berlin; summer time ends on Sunday 25 October 2026.
  const series = feed.items.filter((item) => item.id.startsWith(`${source}#buergersprechstunde@`));
  assert.deepEqual(series.map((item) => item._kpr.start), ['2026-10-20T19:00:00+02:00', '2026-10-27T19:00:00+01:00', '2026-11-03T19:00:00+01:00']);
  assert.deepEqual(series.map((item) => item.id.split('@').pop()), ['20261020T170000Z', '20261027T180000Z', '20261103T180000Z']);
  assert.ok(series.every((item) => item._kpr.recurrence === undefined), 'expanded: no rule left for a reader to understand');
});

test('OParl meetings are read only as far as the window needs, and mapped to KPR events', async (t) => {
  const dir = await workspace(t);
  const texts = await Promise.all([1, 2, 3].map((n) => readFile(fixture(`oparl/meetings-${n}.json`), 'utf8')));
  // The fixtures link their pages at https://oparl.test/pages/<n>; here they are served locally.
  const server = await serve(t, Object.fromEntries(texts.map((text, index) => [`/oparl/${index + 1}`, () => [200, text.replaceAll('https://oparl.test/pages/', `${server.base}/oparl/`)]])));
  const config = {
    contact: 'praevention@bannewitz.example',
    feeds: [{ out: 'sitzungen.json', kind: 'events', sources: [{ url: `${server.base}/oparl/1`, format: 'oparl', category: 'Gemeinderat' }], window: { pastDays: 30, futureDays: 30 } }],
  };
  const { code, output } = await bridge(dir, config, '2026-11-26T12:00:00Z');
  assert.equal(code, 0, output);
  assert.match(output, /^ok +http:\/\/127\.0\.0\.1:\d+\/oparl\/1 \(oparl, 5 items\)$/m);
  assert.deepEqual(server.requests.map((r) => r.url), ['/oparl/1', '/oparl/2'], 'the third page lies after the window');
  for (const request of server.requests) {
    assert.match(request.headers['user-agent'], /^asskomm-widgets-bridge\/test \(.*\+praevention@bannewitz\.example\)$/);
    assert.equal(request.headers.cookie, undefined);
  }

  await assertValidFeed(join(dir, 'sitzungen.json'), 'events');
  const feed = await readFeed(dir, 'sitzungen.json');
  assert.deepEqual(feed.items.map((item) => item.id.replace('https://ris.bannewitz.de/oparl/v1.1/meeting/', '')), ['102', '104', '106', '107', '108']);
  const byId = (n) => feed.items.find((item) => item.id.endsWith(`/meeting/${n}`));
  assert.equal(byId(106)._kpr.status, 'cancelled');
  assert.equal(byId(104)._kpr.status, undefined, 'scheduled is the default and not written');
  // A server that leaves out the offset gives the municipality's wall-clock time.
  assert.equal(byId(108)._kpr.start, '2026-12-17T17:00:00+01:00');
  assert.equal(byId(104).title, '36. Sitzung des Gemeinderates Bannewitz');
  assert.equal(byId(104)._kpr.category, 'Gemeinderat', 'the configured category for meetings that name none');
  assert.match(byId(107).content_text, /^Ö 1 /m, 'the public agenda as text');
  assert.equal(byId(102).url, 'https://ris.bannewitz.de/si0057.php?__ksinr=102');

  // A list whose next page is on another server: that page is not asked for, and the source fails.
  const foreign = await serve(t, { '/oparl/1': fixture('oparl/meetings-1.json') });
  const refused = await bridge(dir, { feeds: [{ out: 'fremd.json', kind: 'events', sources: [{ url: `${foreign.base}/oparl/1` }], window: { pastDays: 30, futureDays: 30 } }] }, '2026-11-26T12:00:00Z');
  assert.equal(refused.code, 1);
  assert.match(refused.output, /^failed +http:.*\/oparl\/1: the next page is on another server than the list/m);
  assert.deepEqual(foreign.requests.map((r) => r.url), ['/oparl/1']);
});

test('RSS and Atom are merged into one news feed, each article once, newest first, HTML passed on as it was', async (t) => {
  const dir = await workspace(t);
  const config = { feeds: [{ out: 'news.json', kind: 'news', sources: [{ url: fixture('news.rss') }, { url: fixture('news.atom') }, { url: join(root, 'demo/feeds/polizei.atom') }] }] };
  const { code, output } = await bridge(dir, config, '2026-11-26T12:00:00Z');
  assert.equal(code, 0, output);
  await assertValidFeed(join(dir, 'news.json'), 'news');
  const feed = await readFeed(dir, 'news.json');
  assert.equal(feed.title, 'Präventionsrat Bannewitz', 'the first source names the feed when the configuration does not');
  // news.rss and news.atom carry the same three articles.
  const urls = feed.items.map((item) => item.url);
  assert.equal(new Set(urls).size, urls.length);
  assert.equal(feed.items.length, 3 + 3);
  const dates = feed.items.map((item) => Date.parse(item.date_published));
  assert.deepEqual(dates, [...dates].sort((a, b) => b - a));
  const burglary = feed.items.find((item) => item.url === 'https://www.polizei.sachsen.de/praevention/einbruch');
  assert.equal(burglary.content_html, '<p>Die meisten Einbrüche geschehen am späten Nachmittag. Lassen Sie Licht brennen, wenn Sie unterwegs sind, und sprechen Sie Unbekannte im Haus freundlich an.</p>');
  assert.equal(burglary.id, 'tag:polizei.sachsen.de,2026:freital-praevention-4', 'a globally unique id is kept');
  assert.match(output, /^ok +.*news\.rss \(rss, \d items\)$/m);
  assert.match(output, /^ok +.*polizei\.atom \(atom, 3 items\)$/m);

  // An article dated after the run waits for a later run, as the widget would hide it until then.
  const earlier = await bridge(dir, config, '2026-11-01T12:00:00Z');
  assert.equal(earlier.code, 0);
  assert.deepEqual((await readFeed(dir, 'news.json')).items.map((item) => item.url), urls.filter((url) => url !== burglary.url));

  const limited = await bridge(dir, { feeds: [{ ...config.feeds[0], limit: 2 }] }, '2026-11-26T12:00:00Z');
  assert.equal(limited.code, 0);
  assert.deepEqual((await readFeed(dir, 'news.json')).items.map((item) => item.url), urls.slice(0, 2));
});

test('a source that fails keeps its last good events, says so, and the exit code says failure', async (t) => {
  const dir = await workspace(t);
  let broken = false;
  const server = await serve(t, {
    '/gemeinderat.ics': join(root, 'demo/feeds/gemeinderat.ics'),
    '/praeventionsrat.ics': () => (broken ? 500 : weekly),
  });
  const config = {
    feeds: [{
      out: 'termine.json', kind: 'events', title: 'Termine',
      sources: [{ url: `${server.base}/gemeinderat.ics` }, { url: `${server.base}/praeventionsrat.ics` }, { url: join(dir, 'sprechstunden.ics') }],
      window: { pastDays: 30, futureDays: 60 },
    }],
  };
  await copyFile(weekly, join(dir, 'sprechstunden.ics'));
  const first = await bridge(dir, config, '2027-03-01T12:00:00Z');
  assert.equal(first.code, 0, first.output);
  const before = await readFeed(dir, 'termine.json');
  const fromSecond = before.items.filter((item) => item.id.startsWith(`${server.base}/praeventionsrat.ics#`));
  assert.equal(fromSecond.length, 9);

  broken = true;
  const second = await bridge(dir, config, '2027-03-01T12:00:00Z');
  assert.equal(second.code, 1, 'a failed source is a failure');
  assert.match(second.output, new RegExp(`^failed +${server.base}/praeventionsrat\\.ics: HTTP 500 Internal Server Error \\(kept 9 items read 2027-03-01T12:00:00\\.000Z\\)$`, 'm'));
  assert.match(second.output, /^ok +http:.*\/gemeinderat\.ics \(icalendar, 2 items\)$/m);
  assert.deepEqual(await readFeed(dir, 'termine.json'), before, 'the feed still holds the failed source\'s events');

  // A missing file fails as well, and a source that never worked has nothing to keep.
  config.feeds[0].sources.push({ url: 'fehlt.ics' });
  const third = await bridge(dir, config, '2027-03-01T12:00:00Z');
  assert.equal(third.code, 1);
  assert.match(third.output, /^failed +fehlt\.ics: no such file \(no earlier items to keep\)$/m);

  // When every source fails, the feed is left as it was, even without the state that kept the items.
  const alone = { feeds: [{ ...config.feeds[0], sources: [config.feeds[0].sources[1]] }] };
  await rm(join(dir, '.asskomm-bridge-state'), { recursive: true });
  const all = await bridge(dir, alone, '2027-03-01T12:00:00Z');
  assert.equal(all.code, 1);
  assert.match(all.output, /^kept +.*termine\.json as it was: every source failed$/m);
  assert.deepEqual(await readFeed(dir, 'termine.json'), before);
  // The same on a first run: there is nothing that could have been kept.
  const firstRun = await bridge(dir, { feeds: [{ ...alone.feeds[0], out: 'neu.json' }] }, '2027-03-01T12:00:00Z');
  assert.equal(firstRun.code, 1);
  assert.match(firstRun.output, /^not written .*neu\.json: no source could be read and there is no earlier output$/m);
  assert.doesNotMatch(firstRun.output, /as it was/);
  assert.equal(existsSync(join(dir, 'neu.json')), false);

  broken = false;
  config.feeds[0].sources.pop();
  const healed = await bridge(dir, config, '2027-03-01T12:00:00Z');
  assert.equal(healed.code, 0, healed.output);
});

test('an unchanged feed is not written again, so its date and caching stay as they are', async (t) => {
  const dir = await workspace(t);
  await copyFile(weekly, join(dir, 'termine.ics'));
  const config = { outDir: 'public/feeds', feeds: [{ out: 'termine.json', kind: 'events', sources: [{ url: 'termine.ics' }], window: { pastDays: 30, futureDays: 60 } }] };
  const first = await bridge(dir, config, '2027-03-10T12:00:00Z');
  assert.match(first.output, /^wrote +.*public\/feeds\/termine\.json \(9 items\)$/m);
  const out = join(dir, 'public/feeds/termine.json');
  const past = new Date('2027-01-01T00:00:00Z');
  await utimes(out, past, past);

  const again = await bridge(dir, config, '2027-03-10T18:00:00Z');
  assert.equal(again.code, 0);
  assert.match(again.output, /^unchanged .*termine\.json \(9 items\)$/m);
  assert.equal((await stat(out)).mtime.getTime(), past.getTime());

  const text = await readFile(join(dir, 'termine.ics'), 'utf8');
  await writeFile(join(dir, 'termine.ics'), text.replace('SUMMARY:Aktionstage gegen Graffiti', 'SUMMARY:Aktionstage gegen Graffiti und Müll'));
  const changed = await bridge(dir, config, '2027-03-10T18:00:00Z');
  assert.match(changed.output, /^wrote +.*termine\.json \(9 items\)$/m);
  assert.notEqual((await stat(out)).mtime.getTime(), past.getTime());
  assert.deepEqual(await readdir(join(dir, 'public/feeds')), ['termine.json'], 'no temporary file left, no state in the public folder');
});

test('a wrong configuration is reported with the path of each problem, and nothing is fetched', async (t) => {
  const dir = await workspace(t);
  const server = await serve(t, {});
  const config = {
    timeZone: 'Europe/Bannewitz',
    feeds: [
      { out: 'news.json', kind: 'news', sources: [{ url: `${server.base}/a.rss` }, { url: 'ftp://example.org/b.rss' }], window: { pastDays: 3 } },
      { out: '../termine.json', kind: 'agenda', sources: [], futureDays: 30 },
    ],
  };
  const { code, lines } = await bridge(dir, config, '2026-11-26T12:00:00Z');
  assert.equal(code, 2);
  assert.match(lines[0], /^config error: .*bridge\.config\.json:$/);
  const problems = lines.slice(1).map((line) => line.trim());
  assert.ok(problems.includes('feeds[1].kind must be one of "news", "events"'), problems.join('\n'));
  // The pattern in words, not as a regular expression.
  assert.ok(problems.some((p) => p.startsWith('feeds[1].out must be a file name ending in .json, inside outDir,') && p.includes('without ".."')), problems.join('\n'));
  assert.ok(!problems.some((p) => p.includes('pattern') || p.includes('^[')), problems.join('\n'));
  assert.ok(problems.includes('feeds[1].sources must have at least 1 entry'), problems.join('\n'));
  assert.ok(problems.some((p) => p.startsWith('feeds[1].futureDays is not a setting the bridge knows')), problems.join('\n'));
  assert.equal(server.requests.length, 0);

  // Once the schema is met, the checks beyond it.
  config.feeds[1] = { out: 'termine.json', kind: 'events', sources: [{ url: 'termine.ics' }] };
  const second = await bridge(dir, config, '2026-11-26T12:00:00Z');
  assert.equal(second.code, 2);
  assert.match(second.output, /^ {2}timeZone "Europe\/Bannewitz" is not an IANA time zone/m);
  assert.match(second.output, /^ {2}feeds\[0\]\.sources\[1\]\.url must be an http\(s\) URL or a file path, not a ftp: address$/m);
  assert.match(second.output, /^ {2}feeds\[0\]\.window is for events feeds only/m);

  const broken = await bridge(dir, '{ "feeds": [ }', '2026-11-26T12:00:00Z');
  assert.equal(broken.code, 2);
  assert.match(broken.output, /^config error: .*bridge\.config\.json: not valid JSON: /);
});

test('the demo configuration turns the demo feeds into KPR feeds', async (t) => {
  const dir = await workspace(t);
  const config = JSON.parse(await readFile(join(root, 'demo/bridge.config.json'), 'utf8'));
  // The same configuration, with its sources read from the demo folder and its output in the test's folder.
  for (const feed of config.feeds) for (const source of feed.sources) source.url = join(root, 'demo', source.url);
  delete config.$schema;
  // Its state is kept outside demo/ (which npm start serves), in a folder git ignores.
  const stateDir = resolve(root, 'demo', config.stateDir);
  assert.ok(!stateDir.startsWith(join(root, 'demo') + sep), stateDir);
  assert.match(execFileSync('git', ['check-ignore', join(stateDir, 'news.json.state.json')], { cwd: root, encoding: 'utf8' }), /state\.json/);
  config.stateDir = 'state';
  const { code, output } = await bridge(dir, config, '2026-11-26T12:00:00Z');
  assert.equal(code, 0, output);
  await assertValidFeed(join(dir, 'bridged/news.json'), 'news');
  await assertValidFeed(join(dir, 'bridged/termine.json'), 'events');
  const events = await readFeed(dir, 'bridged/termine.json');
  assert.equal(events.items.length, 4);
});

test('npx asskomm-widgets bridge runs it from the command line', async (t) => {
  const dir = await workspace(t);
  const bin = join(root, 'bin/asskomm-widgets.mjs');
  const run = (...args) => promisify(execFile)(process.execPath, [bin, 'bridge', ...args], { cwd: dir, env: { ...process.env, KPR_NOW: SUITE_INSTANT } }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error) => ({ code: error.code, stdout: error.stdout }),
  );
  await copyFile(weekly, join(dir, 'termine.ics'));
  await writeFile(join(dir, 'bridge.config.json'), JSON.stringify({ feeds: [{ out: 'termine.json', kind: 'events', sources: [{ url: 'termine.ics' }] }] }));
  const ok = await run('bridge.config.json');
  assert.equal(ok.code, 0, ok.stdout);
  assert.match(ok.stdout, /^ok +termine\.ics \(icalendar, \d+ items\)$/m);
  assert.match(ok.stdout, /^(wrote|unchanged) +termine\.json/m);
  assert.equal((await run('--help')).code, 0);
  assert.equal((await run()).code, 2, 'no configuration named');
  assert.equal((await run('fehlt.json')).code, 2);
});
