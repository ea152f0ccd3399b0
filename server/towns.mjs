// One endpoint for many towns: the towns file (KPR_CONTACT_TOWNS, or the `towns` option) names each town the
// host serves. Host-wide settings (SMTP server, ALTCHA key, rate limit, proxies, timeouts, the store) stay in the
// environment; what differs between towns is here. Read once at start-up: a mistake stops the start with an error
// that names the file, the town and the field, rather than a town whose form quietly goes nowhere.
//
//   {
//     "towns": [
//       { "id": "bannewitz", "name": "Gemeinde Bannewitz", "origins": ["https://www.bannewitz.de"],
//         "mailTo": "praevention@bannewitz.de", "tokenHash": "<64 hex digits>", "retentionDays": 180 }
//     ]
//   }
import { readFileSync } from 'node:fs';
import { newToken, tokenHash } from './auth.mjs';

/**
 * @typedef {object} Town
 * @property {string} id lowercase slug, the path's `/towns/<id>/`
 * @property {string} name the town's name, for people reading the file
 * @property {string[]} origins exact origins whose pages may post (CORS); empty: the same origin only
 * @property {string} [mailTo] where its messages are forwarded (required when the host forwards by e-mail)
 * @property {string} [tokenHash] SHA-256 (hex) of its coordinator's export token; without one its export is off
 * @property {number} [retentionDays] its messages are deleted after this many days (default: the host's; 0 keeps all)
 */

/** Lowercase letters, digits and inner hyphens: safe in a path and a log line, and one spelling per town. */
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const HEX64 = /^[0-9a-f]{64}$/;
/** Enough to catch a typo or a name in the address's place; the SMTP server has the last word. */
const MAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;
const FIELDS = ['id', 'name', 'origins', 'mailTo', 'tokenHash', 'retentionDays'];

/** A mistake in the towns file: the message names the file, the town and the field. */
export class TownsFileError extends Error {}

/**
 * Checks a towns file's content and returns its towns.
 * @param {unknown} content the parsed JSON
 * @param {string} source the file's path (or `options.towns`), for the errors
 * @returns {Town[]}
 */
export function parseTowns(content, source) {
  const fail = (/** @type {string} */ message) => {
    throw new TownsFileError(`${source}: ${message}`);
  };
  const list = Array.isArray(content) ? content : content && typeof content === 'object' ? /** @type {any} */ (content).towns : undefined;
  if (!Array.isArray(list)) fail('must be a JSON object with a "towns" list: {"towns": [{"id": "bannewitz", …}]}');
  if (!Array.isArray(content)) {
    const extra = Object.keys(/** @type {object} */ (content)).filter((key) => key !== 'towns');
    if (extra.length) fail(`unknown field ${extra.map((key) => `"${key}"`).join(', ')} next to "towns" (host-wide settings stay in the environment, KPR_CONTACT_*)`);
  }
  if (list.length === 0) fail('"towns" is empty: name at least one town');

  /** @type {Town[]} */
  const towns = [];
  /** @type {Map<string, string>} hash → the town that has it */
  const hashes = new Map();
  list.forEach((/** @type {any} */ entry, /** @type {number} */ index) => {
    const label = entry && typeof entry.id === 'string' && entry.id ? `town "${entry.id}"` : `town ${index + 1} in the list`;
    const field = (/** @type {string} */ name, /** @type {string} */ problem) => fail(`${label}: "${name}" ${problem}`);
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) fail(`${label}: must be an object {"id": …, "name": …, "origins": […]}`);

    if ('token' in entry) field('token', 'must not be in the file: store its hash as "tokenHash" (asskomm-widgets contact-token prints both)');
    const unknown = Object.keys(entry).filter((key) => !FIELDS.includes(key));
    if (unknown.length) field(unknown[0], `is not a field of a town (known: ${FIELDS.join(', ')})`);

    const { id, name, origins, mailTo, retentionDays } = entry;
    if (typeof id !== 'string' || !id) field('id', 'is missing: a lowercase name for its path, e.g. "bannewitz"');
    if (!SLUG.test(id)) field('id', `"${id}" must be lowercase letters, digits and hyphens (at most 63, no hyphen first or last), e.g. "bannewitz"`);
    if (towns.some((town) => town.id === id)) field('id', 'is named twice: each town once');

    if (typeof name !== 'string' || !name.trim()) field('name', 'is missing: the town\'s name for people, e.g. "Gemeinde Bannewitz"');

    if (!Array.isArray(origins)) field('origins', 'must be a list of the origins its widget posts from, e.g. ["https://www.bannewitz.de"] ([] for the same origin only)');
    for (const origin of origins) {
      let exact;
      try {
        exact = typeof origin === 'string' ? new URL(origin).origin : undefined;
      } catch {
        exact = undefined;
      }
      if (!exact || exact !== origin || !/^https?:$/.test(new URL(origin).protocol)) {
        field('origins', `has ${JSON.stringify(origin)}, which is no exact origin: scheme and host (and port), no path or trailing slash, e.g. "https://www.bannewitz.de"`);
      }
    }

    if (mailTo !== undefined && (typeof mailTo !== 'string' || !MAIL.test(mailTo))) field('mailTo', `${JSON.stringify(mailTo)} is not one e-mail address`);

    let hash = entry.tokenHash;
    if (hash !== undefined) {
      if (typeof hash !== 'string' || !HEX64.test(hash.toLowerCase())) {
        field('tokenHash', 'must be the SHA-256 of the export token, 64 hex digits (asskomm-widgets contact-token prints it)');
      }
      hash = hash.toLowerCase();
      // One token per town: a shared one would let each town's coordinator read the other's messages.
      const other = hashes.get(hash);
      if (other) field('tokenHash', `is the same as town "${other}"'s: each town needs a token of its own`);
      hashes.set(hash, id);
    }

    if (retentionDays !== undefined && (typeof retentionDays !== 'number' || !Number.isInteger(retentionDays) || retentionDays < 0)) {
      field('retentionDays', `must be a whole number of days ≥ 0 (0 keeps everything), not ${JSON.stringify(retentionDays)}`);
    }

    towns.push({
      id,
      name: name.trim(),
      origins: [...origins],
      ...(mailTo !== undefined ? { mailTo } : {}),
      ...(hash !== undefined ? { tokenHash: hash } : {}),
      ...(retentionDays !== undefined ? { retentionDays } : {}),
    });
  });
  return towns;
}

/**
 * Reads and checks the towns file.
 * @param {string} file
 * @returns {Town[]}
 */
export function readTowns(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const err = /** @type {NodeJS.ErrnoException} */ (error);
    throw new TownsFileError(`${file}: cannot be read (${err.code ?? err.message}); KPR_CONTACT_TOWNS names the towns file`);
  }
  let content;
  try {
    content = JSON.parse(text);
  } catch (error) {
    throw new TownsFileError(`${file}: is not JSON (${/** @type {Error} */ (error).message})`);
  }
  return parseTowns(content, file);
}

/**
 * The towns of the `towns` option: a file's path, or the towns themselves (checked alike).
 * @param {string | unknown[]} towns
 */
export function loadTowns(towns) {
  return typeof towns === 'string' ? readTowns(towns) : parseTowns(towns, 'options.towns');
}

export const CONTACT_TOKEN_USAGE = `Usage: asskomm-widgets contact-token [<town-id>]

Makes a coordinator's export token: 32 random bytes. Prints the token once (give it to the coordinator; it is
not stored anywhere) and its SHA-256, the "tokenHash" to put into the town's entry of the towns file
(KPR_CONTACT_TOWNS). A lost token cannot be recovered: make a new one and replace the hash.`;

/**
 * `asskomm-widgets contact-token [<town-id>]`.
 * @param {string[]} args
 * @param {{ out: (text: string) => void, err: (text: string) => void }} output
 * @returns {number} the exit code
 */
export function runContactToken(args, { out, err }) {
  if (args.includes('--help') || args.includes('-h')) {
    out(CONTACT_TOKEN_USAGE);
    return 0;
  }
  if (args.length > 1 || (args[0] !== undefined && !SLUG.test(args[0]))) {
    err(args.length > 1 ? 'contact-token: one town id at most' : `contact-token: "${args[0]}" is no town id (lowercase letters, digits and hyphens)`);
    err(CONTACT_TOKEN_USAGE);
    return 2;
  }
  const town = args[0];
  const token = newToken();
  const hash = tokenHash(token);
  out(`Token${town ? ` for ${town}` : ''} (shown only now; give it to the coordinator, who sends it as "Authorization: Bearer <token>"):`);
  out(`  ${token}`);
  out('');
  out(`Its hash, for the town's entry in the towns file:`);
  out(`  "tokenHash": "${hash}"`);
  return 0;
}
