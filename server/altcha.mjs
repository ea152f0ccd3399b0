// Optional proof of work with ALTCHA (https://altcha.org), protocol v1 (`altcha-lib/v1`): `GET /challenge`
// answers `{ algorithm, challenge, maxnumber, salt, signature }`; the client finds `number` with
// SHA-256(salt + number) = challenge and sends `altcha`: base64 of JSON `{ algorithm, challenge, number, salt,
// signature }`. The signature (HMAC with the server's key) proves the challenge is ours; its salt carries the
// expiry; each solved challenge is accepted once (remembered in SQLite until it expires).
import { now as clockNow } from './clock.mjs';

/**
 * @param {{ hmacKey: string, maxNumber: number, expiresSeconds: number, now?: () => Date }} options `now`: the
 *   clock (default: the server's)
 */
export async function createAltcha({ hmacKey, maxNumber, expiresSeconds, now = clockNow }) {
  const altcha = await import('altcha-lib/v1');
  return {
    /** A fresh, signed challenge. */
    async challenge() {
      const issued = now().getTime();
      return altcha.createChallenge({ hmacKey, maxNumber, algorithm: 'SHA-256', expires: new Date(issued + expiresSeconds * 1000) });
    },
    /**
     * Checks a payload (signature, solution, expiry). Returns what marks it used, or why it is not accepted.
     * @param {unknown} payload the `altcha` field
     * @returns {Promise<{ ok: true, signature: string, expiresAt: number } | { ok: false, message: string }>}
     */
    async verify(payload) {
      if (typeof payload !== 'string' || !payload) return { ok: false, message: 'is required: solve the challenge from GET /challenge' };
      let decoded;
      try {
        decoded = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
      } catch {
        return { ok: false, message: 'is not a base64-encoded JSON payload' };
      }
      if (!decoded || typeof decoded !== 'object' || typeof decoded.signature !== 'string' || typeof decoded.salt !== 'string') {
        return { ok: false, message: 'is not an ALTCHA payload' };
      }
      let verified = false;
      try {
        // altcha-lib would compare the expiry with the system clock; the server's clock decides it below.
        verified = await altcha.verifySolution(decoded, hmacKey, false);
      } catch {
        verified = false;
      }
      if (!verified) return { ok: false, message: 'is not a valid solution (wrong or not from this server)' };
      const time = now().getTime();
      const expires = Number(altcha.extractParams(decoded).expires); // seconds since 1970, signed with the challenge
      const signedExpiry = Number.isFinite(expires) && expires > 0;
      if (signedExpiry && expires * 1000 < time) return { ok: false, message: 'has expired: fetch a new challenge' };
      return { ok: true, signature: decoded.signature, expiresAt: signedExpiry ? expires : Math.floor(time / 1000) + expiresSeconds };
    },
  };
}
