/**
 * `asskomm-widgets bridge <config>`: the Node side of the feed bridge (src/bridge/). It reads the configuration
 * file, fetches the sources (http(s) with a timeout, a size limit and a User-Agent that names the bridge, or local
 * files), keeps each source's last good items in a state folder, and writes each feed only when its content
 * changed, through a temporary file and a rename, so a web server never serves half a file and the file's date
 * (Last-Modified, ETag) changes only with its content.
 */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bridgeFeed, type FeedState, type SourceReport } from '../bridge/bridge.js';
import { ConfigError, readConfig, type BridgeSource } from '../bridge/config.js';
import type { Load } from '../bridge/sources.js';
import { installDomParser } from './dom-shim.js';
import { isWebAddress, readSource } from './read-source.js';
import { now as clockNow } from '../core/clock.js';
import { useClockFromEnvironment } from './environment-clock.js';

export interface BridgeRunOptions {
  configPath: string;
  /** The package's version, for the User-Agent. */
  version?: string;
  /** Today, for the events window; tests set it. */
  now?: Date;
  log?: (line: string) => void;
}

export const BRIDGE_USAGE = `Usage: asskomm-widgets bridge <config.json>

Reads the sources of each feed in the configuration (RSS, Atom, JSON Feed, iCalendar, OParl; URLs or files) and
writes them as KPR JSON Feeds, for a web server to serve and a cron job to refresh. A source that fails keeps its
last good items. The configuration is described in dist/schemas/bridge-config.schema.json and the README.

Exit codes: 0 every source read; 1 a source failed or a feed could not be written; 2 the configuration is wrong.`;

/** The command line: `bridge <config>`, printing to `io.out`; resolves to the exit status. */
export async function runBridge(args: readonly string[], io: { out(text: string): void; err(text: string): void }): Promise<number> {
  useClockFromEnvironment();
  if (args.includes('--help') || args.includes('-h')) {
    io.out(BRIDGE_USAGE);
    return EXIT.ok;
  }
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    io.err(BRIDGE_USAGE);
    return EXIT.config;
  }
  return runBridgeConfig({ configPath: args[0]!, version: await packageVersion(), log: io.out });
}

/** The package's version, from the package.json two folders above dist/cli/. */
async function packageVersion(): Promise<string> {
  try {
    const json = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return json.version ?? 'dev';
  } catch {
    return 'dev';
  }
}

/** Exit codes: every source read; some source failed (or a file could not be written); the configuration is wrong. */
export const EXIT = { ok: 0, failed: 1, config: 2 } as const;

/** Warnings shown per source before the rest are counted. */
const MAX_WARNINGS = 5;

export async function runBridgeConfig({ configPath, version = 'dev', now = clockNow(), log = console.log }: BridgeRunOptions): Promise<number> {
  installDomParser();
  const configFile = resolve(configPath);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(configFile, 'utf8'));
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    log(`config error: ${configPath}: ${err.code === 'ENOENT' ? 'no such file' : err instanceof SyntaxError ? `not valid JSON: ${err.message}` : err.message}`);
    return EXIT.config;
  }
  let config;
  try {
    config = readConfig(json);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    log(`config error: ${configPath}:`);
    for (const problem of error.problems) log(`  ${problem.path || 'the file'} ${problem.message}`);
    return EXIT.config;
  }

  const base = dirname(configFile);
  const outDir = resolve(base, config.outDir);
  const stateDir = resolve(base, config.stateDir);
  const userAgent = `asskomm-widgets-bridge/${version} (feed bridge of a municipal prevention council${config.contact ? `; +${config.contact}` : ''})`;
  const load = loader(base, userAgent);
  const shown = (path: string) => relative(process.cwd(), path) || '.';
  let failed = false;

  for (const feed of config.feeds) {
    const statePath = join(stateDir, `${feed.out}.state.json`);
    const state = await readState(statePath, log);
    const result = await bridgeFeed(feed, { timeZone: config.timeZone, load, now, state });
    for (const report of result.reports) {
      log(describe(report));
      report.warnings.slice(0, MAX_WARNINGS).forEach((warning) => log(`          warning: ${warning}`));
      if (report.warnings.length > MAX_WARNINGS) log(`          and ${report.warnings.length - MAX_WARNINGS} more warnings`);
      if (!report.ok) failed = true;
    }
    const outPath = join(outDir, feed.out);
    if (result.reports.every((report) => !report.ok)) {
      // Nothing new to say: the feed as last written stays (or stays absent, so the widget shows its fallback
      // link rather than an empty calendar), even when the state that kept its items is gone.
      const existed = await stat(outPath).then(() => true, () => false);
      log(existed ? `kept      ${shown(outPath)} as it was: every source failed` : `not written ${shown(outPath)}: no source could be read and there is no earlier output`);
      continue;
    }
    try {
      const changed = await writeIfChanged(outPath, result.text);
      await writeIfChanged(statePath, `${JSON.stringify(result.state)}\n`);
      log(`${changed ? 'wrote    ' : 'unchanged'} ${shown(outPath)} (${result.feed.items.length} items)`);
    } catch (error) {
      failed = true;
      log(`failed    could not write ${shown(outPath)}: ${(error as Error).message}`);
    }
  }
  return failed ? EXIT.failed : EXIT.ok;
}

/** One line per source: what a webmaster reads in the cron mail. */
function describe(report: SourceReport): string {
  if (report.ok) return `ok        ${report.url} (${report.format}, ${report.items} items)`;
  const kept = report.lastGood ? `kept ${report.items} items read ${report.lastGood}` : 'no earlier items to keep';
  return `failed    ${report.url}: ${report.error} (${kept})`;
}

/** Sources from the web, or files relative to the configuration file. Further pages come as absolute URLs. */
function loader(base: string, userAgent: string): Load {
  return async (url: string, source: BridgeSource) => {
    const options = { timeoutMs: source.timeoutSeconds * 1000, maxBytes: Math.round(source.maxMegabytes * 1_000_000), headers: { 'User-Agent': userAgent } };
    if (isWebAddress(url)) return { text: await readSource(url, options), url };
    const path = /^file:/i.test(url) ? fileURLToPath(url) : resolve(base, url);
    return { text: await readSource(path, options), url: pathToFileURL(path).href };
  };
}

async function readState(path: string, log: (line: string) => void): Promise<FeedState | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined; // the first run
  }
  try {
    return JSON.parse(text) as FeedState;
  } catch {
    log(`warning   ${path} is not valid JSON; the last good items of failing sources are lost this once`);
    return undefined;
  }
}

/** Writes through a temporary file and a rename (atomic on one file system), and only when the content differs. */
async function writeIfChanged(path: string, text: string): Promise<boolean> {
  const old = await readFile(path, 'utf8').catch(() => undefined);
  if (old === text) return false;
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
  return true;
}
