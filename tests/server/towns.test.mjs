// One endpoint for many towns: the towns file (server/towns.mjs), the export tokens stored as hashes
// (server/auth.mjs), `asskomm-widgets contact-token`, and what each town gets of its own from the file: its
// retention and its forwarding address. The HTTP side (paths, export isolation, CORS) is in contact-api.test.mjs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { startContactServer } from '../../scripts/processes.mjs';
import { bearerMatches, bearerMatchesHash, tokenHash } from '../../server/auth.mjs';
import { setClock } from '../../server/clock.mjs';
import { optionsFromEnv } from '../../server/config.mjs';
import { buildContactServer } from '../../server/contact-server.mjs';
import { parseTowns, readTowns, TownsFileError } from '../../server/towns.mjs';
import { at, DAY, fakeSmtp, tempDir, TODAY, valid } from './support.mjs';

setClock(TODAY);

const bin = join(import.meta.dirname, '../../bin/asskomm-widgets.mjs');

/** A town as the docs' example has it; each test changes what it is about. */
const bannewitz = () => ({
  id: 'bannewitz',
  name: 'Gemeinde Bannewitz',
  origins: ['https://www.bannewitz.de'],
  mailTo: 'praevention@bannewitz.de',
  tokenHash: tokenHash('token-of-bannewitz'),
  retentionDays: 180,
});
const freital = () => ({ id: 'freital', name: 'Große Kreisstadt Freital', origins: ['https://www.freital.de', 'https://freital.de'] });

/** The error `parseTowns` gives for these towns, read from a file named towns.json. @param {unknown} content */
function problem(content) {
  try {
    parseTowns(content, '/etc/kpr/towns.json');
  } catch (error) {
    assert.ok(error instanceof TownsFileError, String(error));
    return error.message;
  }
  assert.fail('the towns were accepted');
}

describe('the towns file', () => {
  test('a valid file gives its towns; a hash is kept in lowercase, fields left out stay out', () => {
    const upper = { ...freital(), tokenHash: tokenHash('token-of-freital').toUpperCase() };
    const towns = parseTowns({ towns: [bannewitz(), upper] }, 'towns.json');
    assert.deepEqual(towns, [bannewitz(), { ...freital(), tokenHash: tokenHash('token-of-freital') }]);
    assert.equal('mailTo' in towns[1], false);
    assert.equal('retentionDays' in towns[1], false);
  });

  test('every error names the file, the town and the field', () => {
    const cases = [
      [{ towns: [{ ...bannewitz(), id: 'Bannewitz' }] }, 'town "Bannewitz": "id" "Bannewitz" must be lowercase letters, digits and hyphens'],
      [{ towns: [{ ...bannewitz(), id: 'bannewitz/../x' }] }, '"id" "bannewitz/../x" must be lowercase'],
      [{ towns: [{ ...bannewitz(), id: undefined }] }, 'town 1 in the list: "id" is missing'],
      [{ towns: [bannewitz(), { ...freital(), id: 'bannewitz' }] }, 'town "bannewitz": "id" is named twice'],
      [{ towns: [{ ...bannewitz(), name: ' ' }] }, 'town "bannewitz": "name" is missing'],
      [{ towns: [{ ...bannewitz(), origins: 'https://www.bannewitz.de' }] }, 'town "bannewitz": "origins" must be a list'],
      [{ towns: [{ ...bannewitz(), origins: ['https://www.bannewitz.de/'] }] }, 'town "bannewitz": "origins" has "https://www.bannewitz.de/", which is no exact origin'],
      [{ towns: [{ ...bannewitz(), origins: ['www.bannewitz.de'] }] }, '"origins" has "www.bannewitz.de", which is no exact origin'],
      [{ towns: [{ ...bannewitz(), origins: ['https://www.bannewitz.de/kontakt'] }] }, '"origins" has "https://www.bannewitz.de/kontakt", which is no exact origin'],
      [{ towns: [{ ...bannewitz(), mailTo: 'Präventionsrat <praevention@bannewitz.de>' }] }, 'town "bannewitz": "mailTo" "Präventionsrat <praevention@bannewitz.de>" is not one e-mail address'],
      [{ towns: [{ ...bannewitz(), tokenHash: 'token-of-bannewitz' }] }, 'town "bannewitz": "tokenHash" must be the SHA-256 of the export token, 64 hex digits'],
      [{ towns: [{ ...bannewitz(), token: 'token-of-bannewitz' }] }, 'town "bannewitz": "token" must not be in the file: store its hash as "tokenHash"'],
      [{ towns: [bannewitz(), { ...freital(), tokenHash: bannewitz().tokenHash }] }, 'town "freital": "tokenHash" is the same as town "bannewitz"\'s'],
      [{ towns: [{ ...bannewitz(), retentionDays: -1 }] }, 'town "bannewitz": "retentionDays" must be a whole number of days ≥ 0'],
      [{ towns: [{ ...bannewitz(), retentionDays: '180' }] }, '"retentionDays" must be a whole number of days ≥ 0 (0 keeps everything), not "180"'],
      [{ towns: [{ ...bannewitz(), mailto: 'x@bannewitz.de' }] }, 'town "bannewitz": "mailto" is not a field of a town'],
      [{ towns: [] }, '"towns" is empty'],
      [{ town: [bannewitz()] }, 'must be a JSON object with a "towns" list'],
      [{ towns: [bannewitz()], smtpUrl: 'smtp://x' }, 'unknown field "smtpUrl" next to "towns"'],
      [{ towns: ['bannewitz'] }, 'town 1 in the list: must be an object'],
    ];
    for (const [content, expected] of cases) {
      const message = problem(content);
      assert.ok(message.startsWith('/etc/kpr/towns.json: '), message);
      assert.ok(message.includes(/** @type {string} */ (expected)), `${message}\n  should include: ${expected}`);
    }
  });

  test('readTowns names the file when it is missing or not JSON', (t) => {
    const dir = tempDir(t);
    const missing = join(dir, 'towns.json');
    assert.throws(() => readTowns(missing), { message: `${missing}: cannot be read (ENOENT); KPR_CONTACT_TOWNS names the towns file` });
    writeFileSync(missing, '{"towns": [');
    assert.throws(() => readTowns(missing), (/** @type {Error} */ error) => error.message.startsWith(`${missing}: is not JSON (`));
    writeFileSync(missing, JSON.stringify({ towns: [bannewitz()] }));
    assert.deepEqual(readTowns(missing), [bannewitz()]);
  });
});

describe('export tokens stored as hashes', () => {
  test('the token matches its hash, in any case of the hex digits; another token, none or a malformed header does not', () => {
    const hash = tokenHash('token-of-bannewitz');
    assert.match(hash, /^[0-9a-f]{64}$/);
    assert.equal(bearerMatchesHash('Bearer token-of-bannewitz', hash), true);
    assert.equal(bearerMatchesHash('bearer token-of-bannewitz', hash.toUpperCase()), true);
    for (const header of ['Bearer token-of-freital', 'Bearer token-of-bannewitz2', 'Basic token-of-bannewitz', 'token-of-bannewitz', '', undefined]) {
      assert.equal(bearerMatchesHash(header, hash), false, String(header));
    }
    // The hash itself is no token: whoever reads the file cannot export with it.
    assert.equal(bearerMatchesHash(`Bearer ${hash}`, hash), false);
    // An empty token's hash does not let a request without a header in.
    assert.equal(bearerMatchesHash(undefined, tokenHash('')), false);
    assert.equal(bearerMatches('Bearer t', 't'), true);
    assert.equal(bearerMatches('Bearer u', 't'), false);
  });

  test('asskomm-widgets contact-token prints a fresh token once and the hash that matches it', () => {
    const run = () => execFileSync(process.execPath, [bin, 'contact-token', 'bannewitz'], { encoding: 'utf8' });
    const first = run();
    const token = /^ {2}([0-9a-f]{64})$/m.exec(first)?.[1];
    const hash = /"tokenHash": "([0-9a-f]{64})"/.exec(first)?.[1];
    assert.ok(token && hash, first);
    assert.equal(hash, tokenHash(token));
    assert.equal(bearerMatchesHash(`Bearer ${token}`, /** @type {string} */ (hash)), true);
    // The printed line goes into the file as it is.
    assert.deepEqual(parseTowns({ towns: [{ ...bannewitz(), tokenHash: hash }] }, 'towns.json')[0].tokenHash, hash);
    assert.notEqual(/^ {2}([0-9a-f]{64})$/m.exec(run())?.[1], token, 'each run makes a new token');
  });

  test('contact-token refuses what is no town id', () => {
    assert.throws(() => execFileSync(process.execPath, [bin, 'contact-token', 'Bannewitz'], { encoding: 'utf8', stdio: 'pipe' }), (/** @type {any} */ error) => {
      assert.equal(error.status, 2);
      assert.match(error.stderr, /"Bannewitz" is no town id/);
      assert.equal(error.stdout, '');
      return true;
    });
  });
});

describe('configuration from the environment', () => {
  test('KPR_CONTACT_TOWNS names the file; the SMTP server then needs no KPR_CONTACT_MAIL_TO', () => {
    const options = optionsFromEnv({ KPR_CONTACT_TOWNS: '/etc/kpr/towns.json', KPR_CONTACT_SMTP_URL: 'smtp://mail.example' });
    assert.equal(options.towns, '/etc/kpr/towns.json');
    assert.equal('towns' in optionsFromEnv({}), false, 'without it, one town as before');
    assert.throws(() => optionsFromEnv({ KPR_CONTACT_SMTP_URL: 'smtp://mail.example' }), /KPR_CONTACT_SMTP_URL needs KPR_CONTACT_MAIL_TO/);
  });

  test("a single town's variables beside KPR_CONTACT_TOWNS are refused, naming each and where its value goes", () => {
    assert.throws(() => optionsFromEnv({ KPR_CONTACT_TOWNS: '/etc/kpr/towns.json', KPR_CONTACT_TOKEN: 'x' }), {
      message: 'KPR_CONTACT_TOKEN is for a single town; with KPR_CONTACT_TOWNS each town\'s "tokenHash" is in its entry of /etc/kpr/towns.json: unset it',
    });
    assert.throws(() => optionsFromEnv({ KPR_CONTACT_TOWNS: '/etc/kpr/towns.json', KPR_CONTACT_ORIGINS: 'https://www.bannewitz.de', KPR_CONTACT_MAIL_TO: 'kpr@bannewitz.de' }), {
      message: 'KPR_CONTACT_ORIGINS, KPR_CONTACT_MAIL_TO are for a single town; with KPR_CONTACT_TOWNS each town\'s "origins", "mailTo" are in its entry of /etc/kpr/towns.json: unset them',
    });
  });

  test('contact-server does not start with a mistake in the towns file, and says which file, town and field', (t) => {
    const dir = tempDir(t);
    const file = join(dir, 'towns.json');
    writeFileSync(file, JSON.stringify({ towns: [bannewitz(), { ...freital(), origins: ['https://www.freital.de/kontakt'] }] }));
    assert.throws(
      () => execFileSync(process.execPath, [bin, 'contact-server'], { env: { ...process.env, KPR_CONTACT_TOWNS: file, KPR_CONTACT_DB: join(dir, 'contact.sqlite'), KPR_CONTACT_PORT: '0' }, encoding: 'utf8', stdio: 'pipe', timeout: 20_000 }),
      (/** @type {any} */ error) => {
        assert.equal(error.status, 1);
        assert.equal(error.stderr.trim(), `asskomm-widgets: ${file}: town "freital": "origins" has "https://www.freital.de/kontakt", which is no exact origin: scheme and host (and port), no path or trailing slash, e.g. "https://www.bannewitz.de"`);
        return true;
      },
    );
  });

  test('end to end: a token from contact-token, its hash in the file, and the town reads its messages with it', { timeout: 30_000 }, async (t) => {
    const dir = tempDir(t);
    const made = execFileSync(process.execPath, [bin, 'contact-token', 'bannewitz'], { encoding: 'utf8' });
    const token = /** @type {string} */ (/^ {2}([0-9a-f]{64})$/m.exec(made)?.[1]);
    const hash = /** @type {string} */ (/"tokenHash": "([0-9a-f]{64})"/.exec(made)?.[1]);
    const file = join(dir, 'towns.json');
    writeFileSync(file, JSON.stringify({ towns: [{ ...bannewitz(), tokenHash: hash }, { ...freital(), tokenHash: tokenHash('token-of-freital') }] }, null, 2));
    const { child, url } = /** @type {{ child: import('node:child_process').ChildProcess, url: string }} */ (
      await startContactServer({ KPR_CONTACT_TOWNS: file, KPR_CONTACT_DB: join(dir, 'contact.sqlite'), KPR_CONTACT_RATE_LIMIT: 'off', KPR_CONTACT_LOG_LEVEL: 'warn', KPR_NOW: TODAY }, 'pipe')
    );
    t.after(() => child.kill('SIGKILL'));
    const posted = await fetch(`${url}/towns/bannewitz/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), Origin: 'https://www.bannewitz.de' },
      body: JSON.stringify(valid()),
    });
    assert.equal(posted.status, 201);
    assert.equal(posted.headers.get('access-control-allow-origin'), 'https://www.bannewitz.de');
    const { reference } = await posted.json();
    const own = await fetch(`${url}/towns/bannewitz/messages`, { headers: { Authorization: `Bearer ${token}` } });
    assert.deepEqual((await own.json()).messages.map((/** @type {any} */ m) => m.reference), [reference]);
    assert.equal((await fetch(`${url}/towns/freital/messages`, { headers: { Authorization: `Bearer ${token}` } })).status, 401);
    assert.equal((await fetch(`${url}/towns/bannewitz/messages`, { headers: { Authorization: `Bearer ${hash}` } })).status, 401, 'the hash from the file opens nothing');
  });
});

describe('what each town has of its own', () => {
  /**
   * Stores one message per [town, days ago] in the file, each at its own instant (retention off while seeding).
   * @param {string} dbPath @param {Date} today @param {[string, number][]} messages
   */
  async function seed(dbPath, today, messages) {
    const towns = [...new Set(messages.map(([town]) => town))].map((id) => ({ id, name: id, origins: [], retentionDays: 0 }));
    for (const [town, daysAgo] of messages) {
      const app = buildContactServer({ dbPath, rateLimit: false, towns, now: () => new Date(today.getTime() - daysAgo * DAY) });
      await app.ready();
      const response = await app.inject({ method: 'POST', url: `/towns/${town}/messages`, headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }, payload: JSON.stringify({ ...valid(), message: `${town}, vor ${daysAgo} Tagen` }) });
      assert.equal(response.statusCode, 201);
      await app.close();
    }
  }
  /** What is left, as "town, vor N Tagen", sorted. @param {any} app */
  const left = async (app) => {
    const rows = /** @type {{ message: string }[]} */ (app.contact.store.db.prepare('SELECT message FROM messages').all());
    return rows.map((row) => row.message).sort();
  };

  test("retention: each town's days on start, daily and by contact-retention; a town taken out of the file goes after the longest", async (t) => {
    const dir = tempDir(t);
    const dbPath = join(dir, 'contact.sqlite');
    const today = new Date('2026-06-30T12:00:00Z');
    at(t, today);
    await seed(dbPath, today, [['bannewitz', 40], ['bannewitz', 20], ['freital', 200], ['freital', 40], ['kreischa', 100], ['kreischa', 400]]);
    // Bannewitz keeps 30 days, Freital the host's 180 (KPR_CONTACT_RETENTION_DAYS), Kreischa is no longer served.
    const towns = [{ ...bannewitz(), retentionDays: 30 }, { ...freital() }];
    const app = buildContactServer({ dbPath, rateLimit: false, retentionDays: 180, towns });
    t.after(() => app.close());
    await app.ready();
    assert.deepEqual(await left(app), ['bannewitz, vor 20 Tagen', 'freital, vor 40 Tagen', 'kreischa, vor 100 Tagen']);

    // Eleven days later the daily run takes Bannewitz's message of 20 days (now 31) and nothing of Freital's.
    at(t, new Date(today.getTime() + 11 * DAY));
    assert.equal(await /** @type {any} */ (app).contact.applyRetention(), 1);
    assert.deepEqual(await left(app), ['freital, vor 40 Tagen', 'kreischa, vor 100 Tagen']);

    // contact-retention with the towns file: at 81 days on, Kreischa's message is 181 days old, past the longest
    // retention (Freital's 180), and goes; Freital's is 121 days old and stays.
    const file = join(dir, 'towns.json');
    writeFileSync(file, JSON.stringify({ towns }));
    const later = new Date(today.getTime() + 81 * DAY).toISOString();
    const output = execFileSync(process.execPath, [bin, 'contact-retention'], { env: { ...process.env, KPR_CONTACT_TOWNS: file, KPR_CONTACT_DB: dbPath, KPR_CONTACT_RETENTION_DAYS: '180', KPR_NOW: later }, encoding: 'utf8' });
    assert.match(output, new RegExp(`^Deleted 1 message\\(s\\) past each town's retention \\(${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)`));
    assert.deepEqual(await left(app), ['freital, vor 40 Tagen']);
  });

  test('retention: while any town keeps everything (0 days), nothing of a town taken out of the file goes', async (t) => {
    const dbPath = join(tempDir(t), 'contact.sqlite');
    const today = new Date('2026-06-30T12:00:00Z');
    at(t, today);
    await seed(dbPath, today, [['bannewitz', 400], ['kreischa', 400]]);
    const app = buildContactServer({ dbPath, rateLimit: false, towns: [{ ...bannewitz(), retentionDays: 0 }, { ...freital(), retentionDays: 30 }] });
    t.after(() => app.close());
    await app.ready();
    assert.deepEqual(await left(app), ['bannewitz, vor 400 Tagen', 'kreischa, vor 400 Tagen']);
  });

  test("forwarding: each message goes to its own town's mailTo; a town without one is not forwarded", async (t) => {
    const smtp = await fakeSmtp(t);
    const dresden = { id: 'dresden', name: 'Dresden', origins: [] };
    const app = buildContactServer({ dbPath: join(tempDir(t), 'contact.sqlite'), rateLimit: false, smtpUrl: smtp.url, mailFrom: 'kontakt@praevention-sachsen.example', towns: [bannewitz(), { ...freital(), mailTo: 'kpr@freital.de' }, dresden] });
    t.after(() => app.close());
    await app.ready();
    /** @param {string} town */
    const postTo = async (town) =>
      (await app.inject({ method: 'POST', url: `/towns/${town}/messages`, headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }, payload: JSON.stringify({ ...valid(), message: `Nachricht an ${town}` }) })).json().reference;
    const toBannewitz = await postTo('bannewitz');
    const toFreital = await postTo('freital');
    const toDresden = await postTo('dresden');
    await /** @type {any} */ (app).contact.forwardsIdle();
    const mailTo = (/** @type {string} */ reference) => smtp.mails.filter((mail) => mail.includes(reference)).map((mail) => /^To: (.*)$/m.exec(mail)?.[1]);
    assert.deepEqual(mailTo(toBannewitz), ['praevention@bannewitz.de']);
    assert.deepEqual(mailTo(toFreital), ['kpr@freital.de']);
    assert.deepEqual(mailTo(toDresden), []);
    assert.equal(smtp.mails.length, 2);
    assert.ok(smtp.mails.every((mail) => /^From: kontakt@praevention-sachsen\.example/m.test(mail)));
  });
});
