// The towns one endpoint serves, and their retention: those of the towns file (server/towns.mjs), or the one town
// `default` of an install without one. Read once at start-up, before the store opens, so that a mistake in the
// towns file stops the start and touches nothing.
import { tokenHash } from './auth.mjs';
import { now as clockNow } from './clock.mjs';
import { DEFAULT_TOWN, openStore } from './store.mjs';
import { loadTowns } from './towns.mjs';

/** @typedef {import('./config.mjs').ContactServerOptions} ContactServerOptions */

/**
 * A town as the server serves it: one of the towns file, or the one town of an install without a file.
 * @typedef {object} ServedTown
 * @property {string} id its messages' town in the store
 * @property {Set<string>} origins whose pages get CORS headers
 * @property {string | undefined} tokenHash SHA-256 (hex) of its coordinator's export token; none: export off
 * @property {number} retentionDays 0 keeps everything
 * @property {string | undefined} mailTo where its messages are forwarded
 */

/**
 * The towns the options name: those of `towns` (a file or a list), or, without it, the one town `default` with
 * the host's origins, token, retention and address. The settings of a single town are refused beside a towns
 * file, since the file has each town's own and one of them would silently win.
 * @param {ContactServerOptions & { retentionDays: number }} config
 * @returns {{ many: boolean, towns: ServedTown[] }}
 */
export function servedTowns(config) {
  if (config.towns === undefined) {
    return {
      many: false,
      towns: [{ id: DEFAULT_TOWN, origins: new Set(config.origins ?? []), tokenHash: config.token ? tokenHash(config.token) : undefined, retentionDays: config.retentionDays, mailTo: config.mailTo }],
    };
  }
  const single = /** @type {const} */ ([['token', 'tokenHash'], ['origins', 'origins'], ['mailTo', 'mailTo']]).filter(([option]) => {
    const value = config[option];
    return Array.isArray(value) ? value.length > 0 : value !== undefined;
  });
  if (single.length) {
    const [option, field] = single[0];
    throw new Error(`the option ${option} is for a single town; with towns, each town's "${field}" is in its entry of the towns file`);
  }
  const towns = loadTowns(config.towns).map((town) => ({
    id: town.id,
    origins: new Set(town.origins),
    tokenHash: town.tokenHash,
    retentionDays: town.retentionDays ?? config.retentionDays,
    mailTo: town.mailTo,
  }));
  return { many: true, towns };
}

/**
 * Deletes what is past each town's retention; resolves with how many messages went. Messages of a town that is
 * no longer served (taken out of the towns file) go once they are older than the longest retention of all: by
 * then no town would still keep them. Nothing goes while any town keeps everything (0 days).
 * @param {import('./store.mjs').MessageStore} store
 * @param {ServedTown[]} towns
 */
export async function deletePastRetention(store, towns) {
  let removed = 0;
  for (const town of towns) if (town.retentionDays > 0) removed += await store.deleteOlderThan(town.retentionDays, { town: town.id });
  if (towns.every((town) => town.retentionDays > 0)) removed += await store.deleteOlderThan(Math.max(...towns.map((town) => town.retentionDays)));
  return removed;
}

/**
 * Deletes messages past the retention from the store and closes it (the `contact-retention` command): each
 * town's of the towns file, or `retentionDays` for the only town; resolves with how many went.
 * @param {{ dbPath?: string, databaseUrl?: string, retentionDays: number, towns?: ContactServerOptions['towns'], now?: () => Date }} options
 *   `towns`: as for the server; `now`: the clock (default: the server's)
 */
export async function runRetention({ dbPath, databaseUrl, retentionDays, towns: townsOption, now = clockNow }) {
  // Read before the store opens, so that a mistake in the towns file touches nothing.
  const { towns } = servedTowns({ retentionDays, ...(townsOption !== undefined ? { towns: townsOption } : {}) });
  const store = openStore({ dbPath, databaseUrl, now });
  try {
    await store.ready();
    return await deletePastRetention(store, towns);
  } finally {
    await store.close();
  }
}
