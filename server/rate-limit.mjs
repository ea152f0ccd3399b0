// Per client address: at most `max` messages per `windowMs` (a fixed window that starts with the address's
// first message). In memory only: addresses are never written to disk, and a restart forgets them.
import { nowMs } from './clock.mjs';

/**
 * @param {{ max: number, windowMs: number, now?: () => number }} options `now`: the clock in ms (default: the server's)
 */
export function createRateLimiter({ max, windowMs, now = nowMs }) {
  /** @type {Map<string, { count: number, resetAt: number }>} */
  const windows = new Map();
  let nextSweep = now() + windowMs;
  return {
    /**
     * Counts one request from `address`.
     * @param {string} address
     * @returns {{ allowed: true } | { allowed: false, retryAfterSeconds: number }}
     */
    hit(address) {
      const time = now();
      if (time >= nextSweep) {
        for (const [key, window] of windows) if (window.resetAt <= time) windows.delete(key);
        nextSweep = time + windowMs;
      }
      let window = windows.get(address);
      if (!window || window.resetAt <= time) {
        window = { count: 0, resetAt: time + windowMs };
        windows.set(address, window);
      }
      window.count++;
      if (window.count <= max) return { allowed: true };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt - time) / 1000)) };
    },
    /** How many addresses are remembered (for tests). */
    get size() {
      return windows.size;
    },
  };
}
