// What both message stores (store-sqlite.mjs, store-postgres.mjs) share: the stored fields, the references they
// hand out, the health probe's size and the retention's cut-off.
import { randomInt } from 'node:crypto';
import { berlinDate, now as clockNow } from './clock.mjs';

/** The fields of the contract that are stored, in column order (snake_case in SQL). */
export const FIELDS = ['topic', 'message', 'place', 'name', 'email', 'phone', 'wantsAnswer', 'language', 'page', 'fillMs'];

/**
 * How much the health probe writes: more than a message usually does (its row and three index entries, four
 * pages of 4 KB), so that when a message would no longer fit in the file or its journal, the probe does not either.
 */
export const PROBE_BYTES = 16 * 1024;

/** Reference alphabet: no 0/O, 1/I/L, so a resident can read it out on the phone. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * `KPR-2026-7KQ4MX`: the year in Germany, then 6 random characters (31⁶ ≈ 887 million), so a reference reveals
 * no count. A message sent at 00:30 on New Year's Day in Bannewitz gets the new year, though UTC is still in the old.
 */
export function newReference(date = clockNow()) {
  let code = '';
  for (let i = 0; i < 6; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `KPR-${berlinDate(date).slice(0, 4)}-${code}`;
}

/**
 * The instant before which messages go, as stored (ISO 8601, UTC). Days of 24 hours: a message is kept just as
 * long across the nights the clocks change. @param {number} nowMs @param {number} days
 */
export const cutoffFor = (nowMs, days) => new Date(nowMs - days * 86_400_000).toISOString();

/** A field's column: `wantsAnswer` → `wants_answer`. @param {string} field */
export const column = (field) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A PostgreSQL unique violation of the named constraint. @param {unknown} error @param {string} constraint */
export const violates = (error, constraint) => /** @type {any} */ (error)?.code === '23505' && /** @type {any} */ (error).constraint === constraint;
