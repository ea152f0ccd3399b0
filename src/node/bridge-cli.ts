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
import { FeedError } from '../core/feed/feed-error.js';
import { decodeFeedBytes, fetchText } from '../core/feed/fetch-text.js';
import { bridgeFeed, type FeedState, type SourceReport } from '../bridge/bridge.js';
import { ConfigError, readConfig, type BridgeSource } from '../bridge/config.js';
import type { Load } from '../bridge/sources.js';

export interface BridgeRunOptions {
  configPath: string;
  /** The package's version, for the User-Agent. */
  version?: string;
  /** Today, for the events window; tests set it. */
  now?: Date;
  log?: (line: string) => void;
}

/** Exit codes: every source read; some source failed (or a file could not be written); the configuration is wrong. */
export const EXIT = { ok: 0, failed: 1, config: 2 } as const;

/** Warnings shown per source before the rest are counted. */
const MAX_WARNINGS = 5;

export async function runBridge({ configPath, version = 'dev', now = new Date(), log = console.log }: BridgeRunOptions): Promise<number> {
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
    try {
      const changed = await writeIfChanged(outPath, result.text);
      await writeIfChanged(statePath, `${JSON.stringify(result.state)}\n`);
      log(`${changed ? 'wrote    ' : 'unchanged'} ${shown(outPath)} (${result.feed.items.length} items)`);
    } catch (error) {
      failed = true;
      log(`failed   could not write ${shown(outPath)}: ${(error as Error).message}`);
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
    const maxBytes = Math.round(source.maxMegabytes * 1_000_000);
    if (/^https?:/i.test(url)) {
      const text = await fetchText(url, { signal: new AbortController().signal, timeoutMs: source.timeoutSeconds * 1000, maxBytes, retryDelayMs: 1000, userAgent });
      return { text, url };
    }
    const path = /^file:/i.test(url) ? fileURLToPath(url) : resolve(base, url);
    try {
      const { size } = await stat(path);
      if (size > maxBytes) throw new FeedError('too-large', url, `the file is larger than the limit of ${source.maxMegabytes} MB`);
      return { text: decodeFeedBytes(await readFile(path), null), url: pathToFileURL(path).href };
    } catch (error) {
      if (error instanceof FeedError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      throw new FeedError('network', url, code === 'ENOENT' ? `no such file: ${path}` : `cannot read ${path}: ${(error as Error).message}`);
    }
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
