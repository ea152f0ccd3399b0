// The reference server's configuration from environment variables (documented in docs/contact-api.md).
import { instantMs } from './clock.mjs';

/**
 * @typedef {object} ContactServerOptions
 * @property {string} [dbPath] the SQLite file (default ./data/contact.sqlite); unused with databaseUrl
 * @property {string} [databaseUrl] a PostgreSQL database (`postgres://user:password@host:5432/kpr`) instead of
 *   the SQLite file: for one endpoint run by several server processes (store-postgres.mjs)
 * @property {string | import('./towns.mjs').Town[]} [towns] one endpoint for many towns: the towns file
 *   (server/towns.mjs) or its towns. Each town is served under /towns/<id>/ with its own origins, token hash,
 *   forwarding address and retention; `origins`, `token` and `mailTo` are then refused, and `retentionDays` is
 *   the default of towns without their own
 * @property {string[]} [origins] origins that get CORS headers (none: same origin only)
 * @property {{ max: number, windowMs: number } | false} [rateLimit] per client address (default 10 per 10 minutes)
 * @property {number} [bodyLimit] bytes (default 32 KB)
 * @property {string} [token] the coordinator's export token; without one the export is off (404)
 * @property {number} [retentionDays] messages older than this are deleted (default 180; 0 keeps everything)
 * @property {number} [minFillMs] messages sent faster than this after the form showed are spam (default 3000)
 * @property {string} [smtpUrl] forward each message by e-mail through this SMTP server (nodemailer URL)
 * @property {string} [mailTo] the coordinator's address (required with smtpUrl)
 * @property {string} [mailFrom] the sender (default: mailTo)
 * @property {number} [forwardRetryMs] how often unsent forwards are retried (default 5 minutes)
 * @property {string} [altchaKey] HMAC key: enables ALTCHA (GET /challenge; messages must carry a solution)
 * @property {number} [altchaMaxNumber] the challenge's difficulty (default 50,000)
 * @property {number} [altchaExpiresSeconds] how long a challenge is valid (default 600)
 * @property {number} [headersTimeoutMs] a request's headers must have arrived this long after it began (default 10 s)
 * @property {number} [requestTimeoutMs] the whole request, body included, must have arrived this long after it
 *   began (default 30 s); a connection on which nothing moves for as long is closed too
 * @property {number} [keepAliveTimeoutMs] an idle connection is closed this long after its last answer (default 5 s)
 * @property {number} [feedVersions] with a towns file: the versions kept of each published feed, the current one
 *   among them (default 50; server/feed-store.mjs)
 * @property {number} [feedBodyLimit] with a towns file: the largest feed a coordinator may publish, in bytes (default
 *   1 MiB; server/feed-http.mjs)
 * @property {TrustProxy} [trustProxy] whose X-Forwarded-For to believe (default: nobody's); see trustedProxies
 * @property {boolean | object} [logger] Fastify's logger (default: off)
 * @property {() => Date} [now] the clock (default: the server's, server/clock.mjs; KPR_NOW pins it)
 */

/**
 * The proxies in front of the endpoint: their addresses or CIDRs (also proxy-addr's names `loopback`,
 * `linklocal`, `uniquelocal`), or how many of them there are (a hop count); `false` or 0: none. `true` is refused.
 * @typedef {boolean | number | string | string[]} TrustProxy
 */

export const DEFAULTS = {
  dbPath: './data/contact.sqlite',
  rateLimit: { max: 10, windowMs: 10 * 60_000 },
  bodyLimit: 32 * 1024,
  retentionDays: 180,
  minFillMs: 3000,
  forwardRetryMs: 5 * 60_000,
  altchaMaxNumber: 50_000,
  altchaExpiresSeconds: 600,
  // Enough for a 32 KB message over a poor mobile connection; short enough that clients which trickle their
  // request or idle cannot hold the endpoint's connections (and open files) for long.
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
};

/** @param {string | undefined} value @param {string} name */
function number(value, name) {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number ≥ 0, not "${value}"`);
  return n;
}

/** A timeout in milliseconds: 0 would mean none, so it is refused. @param {string | undefined} value @param {string} name */
function timeout(value, name) {
  const ms = number(value, name);
  if (ms === 0) throw new Error(`${name} must be more than 0 milliseconds: without a timeout a slow client holds its connection for ever`);
  return ms;
}

/** KPR_CONTACT_TRUST_PROXY: a hop count, or addresses/CIDRs separated by commas. @param {string | undefined} value */
function trustProxyFromEnv(value) {
  const trimmed = (value ?? '').trim();
  if (trimmed === '' || trimmed === 'off' || trimmed === 'false') return false;
  if (trimmed === 'true') return true; // refused by trustedProxies, with the reason
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  return trimmed.split(/\s*,\s*/).filter(Boolean);
}

/**
 * `trustProxy` in the form Fastify understands. Fastify 5 ignores a bare number (a hop count would believe any
 * direct client), so a hop count becomes proxy-addr's function: the socket's peer and the next `hops - 1`
 * entries from the right of X-Forwarded-For are proxies, and the entry after them is the resident. Only the
 * proxies append to the header, so what a client wrote itself stands further left and is never read.
 * @param {TrustProxy | undefined} trustProxy
 * @returns {false | string[] | string | ((address: string, hop: number) => boolean)}
 */
export function trustedProxies(trustProxy) {
  if (trustProxy === undefined || trustProxy === false || trustProxy === 0) return false;
  if (trustProxy === true) {
    // Trusting every hop makes the leftmost X-Forwarded-For entry the resident: any client can rotate it.
    throw new Error(
      'KPR_CONTACT_TRUST_PROXY=true (trustProxy: true) is refused: it would believe the first X-Forwarded-For address, which the client writes ' +
        "itself, so anyone could dodge the rate limit. Set the proxy's address instead (e.g. 127.0.0.1 for a proxy on the same machine, " +
        'or its network, e.g. 10.0.0.0/8), or the number of proxies in front of the endpoint (e.g. 1).',
    );
  }
  if (typeof trustProxy === 'number') {
    if (!Number.isInteger(trustProxy) || trustProxy < 0) throw new Error(`trustProxy: a hop count must be a whole number ≥ 0, not ${trustProxy}`);
    const hops = trustProxy;
    return (_address, hop) => hop < hops;
  }
  return trustProxy;
}

/**
 * KPR_CONTACT_DATABASE_URL: a PostgreSQL connection URL, or nothing for the SQLite file.
 * @param {string | undefined} value
 */
function databaseUrlFromEnv(value) {
  const url = value?.trim();
  if (!url) return undefined;
  if (!/^postgres(?:ql)?:\/\//.test(url)) throw new Error('KPR_CONTACT_DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:5432/database); leave it unset to store in the SQLite file KPR_CONTACT_DB');
  return url;
}

/**
 * KPR_NOW: an instant the server's clock stands at, for tests and for trying retention at a later date.
 * @param {string | undefined} value
 * @returns {(() => Date) | undefined}
 */
function pinnedClock(value) {
  if (!value) return undefined;
  const ms = instantMs(value, 'KPR_NOW');
  return () => new Date(ms);
}

/**
 * @param {NodeJS.ProcessEnv} env
 * @returns {ContactServerOptions & { port: number, host: string }}
 */
export function optionsFromEnv(env = process.env) {
  const limit = env.KPR_CONTACT_RATE_LIMIT;
  /** @type {ContactServerOptions['rateLimit']} */
  let rateLimit = DEFAULTS.rateLimit;
  if (limit === 'off' || limit === '0') rateLimit = false;
  else if (limit) {
    const match = /^(\d+)\s*\/\s*(\d+)\s*(s|m|h)?$/.exec(limit.trim());
    if (!match) throw new Error(`KPR_CONTACT_RATE_LIMIT must look like "10/10m" (messages / window in s, m or h) or "off", not "${limit}"`);
    const unit = { s: 1000, m: 60_000, h: 3_600_000 }[/** @type {'s' | 'm' | 'h'} */ (match[3] ?? 's')];
    rateLimit = { max: Number(match[1]), windowMs: Number(match[2]) * unit };
  }
  const smtpUrl = env.KPR_CONTACT_SMTP_URL || undefined;
  const mailTo = env.KPR_CONTACT_MAIL_TO || undefined;
  const towns = env.KPR_CONTACT_TOWNS?.trim() || undefined;
  if (towns) {
    // What differs between towns is in the file; one of these beside it would be ambiguous (which town's?).
    const single = /** @type {const} */ ([['KPR_CONTACT_ORIGINS', 'origins'], ['KPR_CONTACT_TOKEN', 'tokenHash'], ['KPR_CONTACT_MAIL_TO', 'mailTo']]).filter(([name]) => env[name]?.trim());
    if (single.length) {
      throw new Error(`${single.map(([name]) => name).join(', ')} ${single.length > 1 ? 'are' : 'is'} for a single town; with KPR_CONTACT_TOWNS each town's ${single.map(([, field]) => `"${field}"`).join(', ')} ${single.length > 1 ? 'are' : 'is'} in its entry of ${towns}: unset ${single.length > 1 ? 'them' : 'it'}`);
    }
  } else if (smtpUrl && !mailTo) {
    throw new Error('KPR_CONTACT_SMTP_URL needs KPR_CONTACT_MAIL_TO (the coordinator\'s address)');
  }
  return {
    port: number(env.KPR_CONTACT_PORT, 'KPR_CONTACT_PORT') ?? 8787,
    host: env.KPR_CONTACT_HOST || '127.0.0.1',
    dbPath: env.KPR_CONTACT_DB || DEFAULTS.dbPath,
    ...(towns ? { towns } : {}),
    databaseUrl: databaseUrlFromEnv(env.KPR_CONTACT_DATABASE_URL),
    origins: (env.KPR_CONTACT_ORIGINS ?? '').split(/[\s,]+/).filter(Boolean),
    rateLimit,
    token: env.KPR_CONTACT_TOKEN || undefined,
    retentionDays: number(env.KPR_CONTACT_RETENTION_DAYS, 'KPR_CONTACT_RETENTION_DAYS') ?? DEFAULTS.retentionDays,
    minFillMs: number(env.KPR_CONTACT_MIN_FILL_MS, 'KPR_CONTACT_MIN_FILL_MS') ?? DEFAULTS.minFillMs,
    smtpUrl,
    mailTo,
    mailFrom: env.KPR_CONTACT_MAIL_FROM || undefined,
    altchaKey: env.KPR_CONTACT_ALTCHA_KEY || undefined,
    altchaMaxNumber: number(env.KPR_CONTACT_ALTCHA_MAX_NUMBER, 'KPR_CONTACT_ALTCHA_MAX_NUMBER') ?? DEFAULTS.altchaMaxNumber,
    headersTimeoutMs: timeout(env.KPR_CONTACT_HEADERS_TIMEOUT_MS, 'KPR_CONTACT_HEADERS_TIMEOUT_MS') ?? DEFAULTS.headersTimeoutMs,
    requestTimeoutMs: timeout(env.KPR_CONTACT_REQUEST_TIMEOUT_MS, 'KPR_CONTACT_REQUEST_TIMEOUT_MS') ?? DEFAULTS.requestTimeoutMs,
    keepAliveTimeoutMs: timeout(env.KPR_CONTACT_KEEP_ALIVE_TIMEOUT_MS, 'KPR_CONTACT_KEEP_ALIVE_TIMEOUT_MS') ?? DEFAULTS.keepAliveTimeoutMs,
    trustProxy: trustProxyFromEnv(env.KPR_CONTACT_TRUST_PROXY),
    feedVersions: number(env.KPR_CONTACT_FEED_VERSIONS, 'KPR_CONTACT_FEED_VERSIONS'),
    feedBodyLimit: number(env.KPR_CONTACT_FEED_BODY_LIMIT, 'KPR_CONTACT_FEED_BODY_LIMIT'),
    logger: { level: env.KPR_CONTACT_LOG_LEVEL || 'info' },
    now: pinnedClock(env.KPR_NOW),
  };
}
