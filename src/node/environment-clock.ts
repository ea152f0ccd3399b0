import { setClock } from '../core/clock.js';

/**
 * KPR_NOW (an instant such as "2027-10-31T00:30:00Z") sets the clock of `validate`, `init` and `bridge`, as it does
 * the contact server's: for tests, which state their instant, and for checking feeds as they will look on another
 * day. Unset, the commands run at the real time.
 */
export function useClockFromEnvironment(env: NodeJS.ProcessEnv = process.env): void {
  const instant = env.KPR_NOW;
  if (!instant) return;
  if (Number.isNaN(Date.parse(instant))) throw new Error(`KPR_NOW "${instant}" is not an instant; write it as 2027-10-31T00:30:00Z`);
  setClock(instant);
}
