// The PostgreSQL message store: being written (issue 15). Until it lands, KPR_CONTACT_DATABASE_URL is refused.

/** @param {string} _databaseUrl @param {{ now?: () => Date }} [_options] @returns {import('./store.mjs').MessageStore} */
export function openPostgresStore(_databaseUrl, _options = {}) {
  throw new Error('the PostgreSQL store is not there yet: leave KPR_CONTACT_DATABASE_URL unset to use SQLite');
}
