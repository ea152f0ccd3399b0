// The coordinator's token: compared in constant time. Both sides are hashed first (SHA-256), so the comparison
// always runs over 32 bytes and neither the token's content nor its length leaks through timing.
import crypto from 'node:crypto';

const digest = (/** @type {string} */ value) => crypto.createHash('sha256').update(value, 'utf8').digest();

/**
 * Whether `Authorization: Bearer <token>` carries the configured token.
 * @param {string | undefined} header the Authorization header
 * @param {string} token the configured token
 */
export function bearerMatches(header, token) {
  const match = /^Bearer +(\S+) *$/i.exec(header ?? '');
  // Compare even without a header, so a missing one takes as long as a wrong one.
  const given = match ? match[1] : '';
  return crypto.timingSafeEqual(digest(given), digest(token)) && match !== null;
}
