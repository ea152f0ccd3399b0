// The coordinator's token: compared in constant time. Both sides are hashed first (SHA-256), so the comparison
// always runs over 32 bytes and neither the token's content nor its length leaks through timing.
//
// A towns file stores each town's token as its SHA-256 hash only (`tokenHash`), so the file, its backups and the
// configuration management that deploys it never hold a secret that opens an export. SHA-256 rather than a slow
// password hash (bcrypt, scrypt, Argon2): those exist to make guessing a human's short password expensive, but
// the token is 32 random bytes made by `asskomm-widgets contact-token`, and 2^256 guesses are out of reach at
// any speed. A fast hash keeps each export request cheap, and a fixed-length digest compared with
// `timingSafeEqual` tells a wrong token nothing through timing.
import crypto from 'node:crypto';

const digest = (/** @type {string} */ value) => crypto.createHash('sha256').update(value, 'utf8').digest();

/** A token's hash as the towns file stores it: SHA-256, 64 lowercase hex digits. @param {string} token */
export function tokenHash(token) {
  return digest(token).toString('hex');
}

/** A new export token: 32 random bytes as 64 hex digits (fits a Bearer header and a shell variable as it is). */
export function newToken() {
  return crypto.randomBytes(32).toString('hex');
}

/** `Authorization: Bearer <token>` → the token, or '' (so a missing header is hashed and compared like any). @param {string | undefined} header */
const bearer = (header) => /^Bearer +(\S+) *$/i.exec(header ?? '')?.[1];

/**
 * Whether `Authorization: Bearer <token>` carries the configured token.
 * @param {string | undefined} header the Authorization header
 * @param {string} token the configured token
 */
export function bearerMatches(header, token) {
  return bearerMatchesHash(header, tokenHash(token));
}

/**
 * Whether `Authorization: Bearer <token>` carries a token whose SHA-256 is `hash` (64 hex digits).
 * @param {string | undefined} header the Authorization header
 * @param {string} hash the stored hash
 */
export function bearerMatchesHash(header, hash) {
  const given = bearer(header);
  // Compare even without a header, so a missing one takes as long as a wrong one.
  const expected = Buffer.from(hash, 'hex');
  const actual = digest(given ?? '');
  return expected.length === actual.length && crypto.timingSafeEqual(actual, expected) && given !== undefined;
}
