// The server's clock (server/clock.mjs) and the days it deals with dates: the year in a reference and the day in
// the export's file name are Germany's, a day ahead of UTC for an hour or two each night; KPR_NOW pins the clock
// of the server's own processes.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { berlinDate, now, nowMs, setClock } from '../../server/clock.mjs';
import { optionsFromEnv } from '../../server/config.mjs';
import { startContactServer } from '../../scripts/processes.mjs';
import { at, post, server, tempDir, TODAY, valid } from './support.mjs';

setClock(TODAY);

describe('the clock', () => {
  test('stands at an instant given as a string or a Date, follows a function, and returns to the system clock', (t) => {
    t.after(() => setClock(TODAY));
    setClock('2027-10-31T00:30:00Z');
    assert.equal(now().toISOString(), '2027-10-31T00:30:00.000Z');
    assert.equal(nowMs(), Date.parse('2027-10-31T00:30:00Z'));
    setClock(new Date('2026-12-31T23:30:00Z'));
    assert.equal(now().toISOString(), '2026-12-31T23:30:00.000Z');
    let ms = 0;
    setClock(() => (ms += 1000));
    assert.deepEqual([nowMs(), nowMs()], [1000, 2000]);
    setClock(null);
    const before = Date.now();
    const system = nowMs();
    assert.ok(system >= before && system <= Date.now());
  });

  test('refuses a string that is no instant, and keeps the clock it had', () => {
    assert.throws(() => setClock('tomorrow'), RangeError);
    assert.equal(now().toISOString(), new Date(TODAY).toISOString());
  });

  test('KPR_NOW pins the clock of the server commands; without it they use the server\'s clock', () => {
    assert.equal(optionsFromEnv({ KPR_NOW: '2027-10-31T00:30:00Z' }).now?.().toISOString(), '2027-10-31T00:30:00.000Z');
    assert.equal(optionsFromEnv({}).now, undefined);
    assert.throws(() => optionsFromEnv({ KPR_NOW: 'tomorrow' }), /KPR_NOW: "tomorrow" is not an instant/);
  });
});

describe('the year in a reference is the year in Germany', () => {
  /** @type {[string, string][]} the instant a message arrives, the year its reference carries */
  const cases = [
    ['2026-12-31T22:59:59Z', '2026'], // 23:59:59 on New Year's Eve in Bannewitz
    ['2026-12-31T23:00:00Z', '2027'], // midnight in Bannewitz, still 2026 in UTC
    ['2026-12-31T23:30:00Z', '2027'],
    ['2027-01-01T00:30:00Z', '2027'],
  ];
  for (const [instant, year] of cases) {
    test(`a message at ${instant} gets KPR-${year}-…`, async (t) => {
      at(t, instant);
      const app = await server(t, { token: 't' });
      const response = await post(app, valid());
      assert.equal(response.statusCode, 201);
      assert.match(response.json().reference, new RegExp(`^KPR-${year}-[A-HJ-NP-Z2-9]{6}$`));
      const [message] = (await app.inject({ url: '/messages', headers: { authorization: 'Bearer t' } })).json().messages;
      assert.equal(message.receivedAt, new Date(instant).toISOString()); // the time of receipt stays UTC
    });
  }
});

test("Germany's date, asked in any order (it keeps its last hour's answer), is the day there at each instant", () => {
  /** @type {[string, string][]} an instant, its date in Bannewitz */
  const days = [
    ['2027-03-27T22:59:59.999Z', '2027-03-27'], // 23:59:59 on the evening before the clocks go forward
    ['2027-03-27T23:00:00Z', '2027-03-28'], // midnight, winter time
    ['2027-03-27T23:59:59Z', '2027-03-28'],
    ['2027-03-28T21:59:59Z', '2027-03-28'], // 23:59:59 summer time, the first evening of it
    ['2027-03-28T22:00:00Z', '2027-03-29'],
    ['2027-03-27T23:30:00Z', '2027-03-28'], // back to an earlier hour
    ['2027-03-27T22:30:00Z', '2027-03-27'],
    ['2027-10-30T22:00:00Z', '2027-10-31'], // the night the clocks go back: midnight summer time
    ['2027-10-31T22:59:59Z', '2027-10-31'],
    ['2027-10-31T23:00:00Z', '2027-11-01'],
  ];
  assert.deepEqual(days.map(([instant]) => [instant, berlinDate(new Date(instant))]), days);
  assert.throws(() => berlinDate(new Date('tomorrow')), RangeError);
});

describe('the CSV export is named by the day in Germany', () => {
  /** @type {[string, string][]} the instant of the export, the file's name */
  const cases = [
    ['2026-12-31T22:30:00Z', 'kpr-messages-2026-12-31.csv'], // 23:30 winter time
    ['2026-12-31T23:30:00Z', 'kpr-messages-2027-01-01.csv'], // 00:30 on New Year's Day
    ['2027-06-30T21:59:59Z', 'kpr-messages-2027-06-30.csv'], // 23:59:59 summer time
    ['2027-06-30T22:00:00Z', 'kpr-messages-2027-07-01.csv'], // midnight summer time, 22:00 in UTC
    ['2027-10-31T00:30:00Z', 'kpr-messages-2027-10-31.csv'], // the first 02:30 of the night the clocks go back
  ];
  for (const [instant, name] of cases) {
    test(`at ${instant}: ${name}`, async (t) => {
      at(t, instant);
      const app = await server(t, { token: 't' });
      const response = await app.inject({ url: '/messages.csv', headers: { authorization: 'Bearer t' } });
      assert.equal(response.headers['content-disposition'], `attachment; filename="${name}"`);
    });
  }
});

test('contact-server with KPR_NOW: the reference, the time of receipt and the export\'s name are of that instant', { timeout: 30_000 }, async (t) => {
  const { child, url } = await startContactServer({ KPR_CONTACT_DB: `${tempDir(t)}/contact.sqlite`, KPR_CONTACT_TOKEN: 't', KPR_CONTACT_LOG_LEVEL: 'warn', KPR_NOW: '2026-12-31T23:30:00Z' }, 'pipe');
  t.after(() => child.kill('SIGKILL'));
  const sent = await fetch(`${url}/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }, body: JSON.stringify(valid()) });
  assert.equal(sent.status, 201);
  assert.match((await sent.json()).reference, /^KPR-2027-/);
  const auth = { authorization: 'Bearer t' };
  const { messages } = await (await fetch(`${url}/messages`, { headers: auth })).json();
  assert.equal(messages[0].receivedAt, '2026-12-31T23:30:00.000Z');
  const csv = await fetch(`${url}/messages.csv`, { headers: auth });
  assert.equal(csv.headers.get('content-disposition'), 'attachment; filename="kpr-messages-2027-01-01.csv"');
});
