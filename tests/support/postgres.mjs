// A throwaway PostgreSQL for the tests and the bench: a cluster of its own in a temporary folder (initdb, pg_ctl),
// reached only through a Unix socket in that folder (no TCP port is opened), stopped and removed at the end.
// Needs Debian's `postgresql` package (its binaries in /usr/lib/postgresql/<version>/bin); .ci/run installs it.
// initdb refuses to run as root, so as root the folder is given to the `postgres` user and the binaries run as it.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

const INSTALL = 'apt-get install postgresql (Debian), or set KPR_PG_BIN to the folder with initdb and pg_ctl';

/** The folder with initdb and pg_ctl: KPR_PG_BIN, else the newest /usr/lib/postgresql/<version>/bin. */
export function postgresBin() {
  if (process.env.KPR_PG_BIN) return existsSync(join(process.env.KPR_PG_BIN, 'initdb')) ? process.env.KPR_PG_BIN : undefined;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

/**
 * Why the PostgreSQL tests cannot run here, or undefined when they can. Under CI=true a missing PostgreSQL is
 * an error (thrown), not a reason to skip: CI installs it, so its absence there is a broken install.
 */
export function postgresMissing() {
  if (postgresBin()) return undefined;
  const reason = `PostgreSQL is not installed, so the PostgreSQL store is not tested: ${INSTALL}`;
  if (process.env.CI === 'true') throw new Error(`${reason} (CI=true: a missing PostgreSQL fails the run)`);
  return reason;
}

/**
 * @typedef {object} PostgresCluster
 * @property {string} dir the temporary folder (data, log, socket)
 * @property {number} port the socket's number
 * @property {(name?: string) => Promise<string>} createDatabase a new, empty database; resolves with its URL
 * @property {(name: string) => string} urlOf the URL of a database of this cluster
 * @property {() => void} stop stops the cluster and removes its folder (also done when the process exits)
 */

/**
 * Starts a cluster of its own. Throws when PostgreSQL is missing (check postgresMissing first).
 * @param {{ settings?: Record<string, string> }} [options] `settings`: server settings (-c name=value)
 * @returns {PostgresCluster}
 */
export function startPostgres({ settings = {} } = {}) {
  const bin = postgresBin();
  if (!bin) throw new Error(`PostgreSQL is not installed: ${INSTALL}`);
  const dir = mkdtempSync(join(tmpdir(), 'kpr-pg-'));
  const asRoot = userInfo().uid === 0;
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })));
  /** @param {string} tool @param {string[]} args */
  const run = (tool, args) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], { stdio: 'pipe', cwd: dir })
      : execFileSync(join(bin, tool), args, { stdio: 'pipe', cwd: dir });
  const port = 5432;
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'kpr', '--no-instructions', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const options = [`-k ${dir}`, `-p ${port}`, "-c listen_addresses=''", ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`)].join(' ');
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // Not running (any more): nothing to stop.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  try {
    run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
  } catch (error) {
    stop();
    throw error;
  }
  const urlOf = (/** @type {string} */ name) => `postgres://kpr@localhost:${port}/${name}?host=${encodeURIComponent(dir)}`;
  let databases = 0;
  return {
    dir,
    port,
    urlOf,
    async createDatabase(name = `kpr_${process.pid}_${++databases}`) {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: urlOf('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
      return urlOf(name);
    },
    stop,
  };
}
