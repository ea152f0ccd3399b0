// What both feed stores (feed-store-sqlite.mjs, feed-store-postgres.mjs) share: a version's ETag, and the check of
// the version a coordinator has seen.
import { createHash } from 'node:crypto';

/** The strong ETag of a version's text. @param {number} version @param {string} text */
export const etagOf = (version, text) => `"${version}-${createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16)}"`;

/**
 * Whether the current version is the one the coordinator expects.
 * @param {{ etag: string } | undefined} current @param {string | null} expected
 */
export const isExpected = (current, expected) => (expected === null ? current === undefined : expected === '*' ? current !== undefined : current?.etag === expected);
