// One endpoint for many towns: the towns file (server/towns.mjs), the export tokens stored as hashes
// (server/auth.mjs), and `asskomm-widgets contact-token`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { bearerMatches, bearerMatchesHash, tokenHash } from '../../server/auth.mjs';
import { parseTowns, readTowns, TownsFileError } from '../../server/towns.mjs';
import { tempDir } from './support.mjs';

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
