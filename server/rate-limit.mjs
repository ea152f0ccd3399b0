// Per client address: at most `max` accepted messages per `windowMs` (a fixed window that starts with the
// address's first message). A request takes a place before the checks that may still refuse it (ALTCHA, the
// store) and gives it back when refused, so refused requests never use up the limit, and concurrent requests
// from one address cannot pass it together. In memory only: addresses are never written to disk, and a restart
// forgets them.
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
     * Takes a place for one message from `address`, if one is left in its window.
     * @param {string} address
     * @returns {{ allowed: true } | { allowed: false, retryAfterSeconds: number }}
     */
    take(address) {
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
      if (window.count >= max) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt - time) / 1000)) };
      window.count++;
      return { allowed: true };
    },
    /** Gives back the place `take` gave: the message was refused after all. @param {string} address */
    giveBack(address) {
      const window = windows.get(address);
      if (window && window.count > 0) window.count--;
    },
    /** How many addresses are remembered (for tests). */
    get size() {
      return windows.size;
    },
  };
}
