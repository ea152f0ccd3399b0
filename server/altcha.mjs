// Optional proof of work with ALTCHA (https://altcha.org), protocol v1 (`altcha-lib/v1`): `GET /challenge`
// answers `{ algorithm, challenge, maxnumber, salt, signature }`; the client finds `number` with
// SHA-256(salt + number) = challenge and sends `altcha`: base64 of JSON `{ algorithm, challenge, number, salt,
// signature }`. The signature (HMAC with the server's key) proves the challenge is ours; its salt carries the
// expiry; each solved challenge is accepted once (remembered in SQLite until it expires).

/**
 * @param {{ hmacKey: string, maxNumber: number, expiresSeconds: number }} options
 */
export async function createAltcha({ hmacKey, maxNumber, expiresSeconds }) {
  const altcha = await import('altcha-lib/v1');
  return {
    /** A fresh, signed challenge. */
    async challenge() {
      return altcha.createChallenge({ hmacKey, maxNumber, algorithm: 'SHA-256', expires: new Date(Date.now() + expiresSeconds * 1000) });
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
        verified = await altcha.verifySolution(decoded, hmacKey, true);
      } catch {
        verified = false;
      }
      if (!verified) return { ok: false, message: 'is not a valid solution (wrong, expired or not from this server)' };
      const expires = Number(new URLSearchParams(decoded.salt.split('?')[1] ?? '').get('expires'));
      const expiresAt = Number.isFinite(expires) && expires > 0 ? expires : Math.floor(Date.now() / 1000) + expiresSeconds;
      return { ok: true, signature: decoded.signature, expiresAt };
    },
  };
}
