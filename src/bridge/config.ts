/**
 * The feed bridge's configuration: checked against `bridge-config.schema.json` (the one description of it, which
 * editors can use too), plus what a schema cannot say, with every problem named by its path
 * (`feeds[1].sources[0].url`), so that a webmaster can fix the file in one go.
 */
import type { FeedFormat } from '../core/feed/types.js';
import { DEFAULT_TIME_ZONE } from '../core/format.js';
import { isKnownTimeZone } from '../core/time.js';
import { validate, type Problem, type Schema } from '../core/validate.js';
import configSchema from '../schemas/bridge-config.schema.json';

export const CONFIG_SCHEMA = configSchema as Schema;

export interface BridgeSource {
  /** As written in the configuration: an http(s) URL or a file path. It names the source in reports and ids. */
  url: string;
  format?: FeedFormat;
  /** Events only: the category of the source's events that name none. */
  category?: string;
  timeoutSeconds: number;
  maxMegabytes: number;
}

export interface BridgeFeed {
  out: string;
  kind: 'news' | 'events';
  title?: string;
  description?: string;
  home_page_url?: string;
  feed_url?: string;
  language?: string;
  sources: BridgeSource[];
  /** Events only. */
  window: { pastDays: number; futureDays: number };
  /** News only; 0 means all. */
  limit: number;
}

export interface BridgeConfig {
  timeZone: string;
  outDir: string;
  stateDir: string;
  contact?: string;
  feeds: BridgeFeed[];
}

export const DEFAULTS = {
  timeZone: DEFAULT_TIME_ZONE,
  outDir: '.',
  stateDir: '.asskomm-bridge-state',
  timeoutSeconds: 20,
  maxMegabytes: 5,
  pastDays: 30,
  futureDays: 365,
  limit: 100,
} as const;

/** What is wrong with a configuration: every problem, each with its path. */
export class ConfigError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => `${p.path || 'the configuration'} ${p.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}

/** Reads a parsed configuration file, or throws a ConfigError listing every problem. */
export function readConfig(json: unknown): BridgeConfig {
  const problems = validate(json, CONFIG_SCHEMA).map(inWords);
  unknownKeys(json, CONFIG_SCHEMA, '', problems);
  if (problems.length) throw new ConfigError(problems);
  const raw = json as Record<string, unknown> & { feeds: Record<string, unknown>[] };
  const timeZone = (raw.timeZone as string | undefined) ?? DEFAULTS.timeZone;
  if (!isKnownTimeZone(timeZone)) problems.push({ path: 'timeZone', message: `"${timeZone}" is not an IANA time zone this Node.js knows (such as "Europe/Berlin")` });
  const timeoutSeconds = (raw.timeoutSeconds as number | undefined) ?? DEFAULTS.timeoutSeconds;
  const maxMegabytes = (raw.maxMegabytes as number | undefined) ?? DEFAULTS.maxMegabytes;
  const outs = new Map<string, number>();
  const feeds = raw.feeds.map((feed, feedIndex): BridgeFeed => {
    const path = `feeds[${feedIndex}]`;
    const kind = feed.kind as BridgeFeed['kind'];
    const out = feed.out as string;
    const earlier = outs.get(out.toLowerCase());
    if (earlier !== undefined) problems.push({ path: `${path}.out`, message: `"${out}" is written by feeds[${earlier}] already` });
    outs.set(out.toLowerCase(), feedIndex);
    // A key that belongs to the other kind is a mistake worth saying: it would silently do nothing.
    if (kind === 'news' && feed.window !== undefined) problems.push({ path: `${path}.window`, message: 'is for events feeds only (kind "events")' });
    if (kind === 'events' && feed.limit !== undefined) problems.push({ path: `${path}.limit`, message: 'is for news feeds only (kind "news"); events feeds are limited by window' });
    const seen = new Map<string, number>();
    const sources = (feed.sources as Record<string, unknown>[]).map((source, sourceIndex): BridgeSource => {
      const where = `${path}.sources[${sourceIndex}]`;
      const url = (source.url as string).trim();
      const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
      // One letter is a Windows drive ("C:\feeds\news.rss"), not a scheme.
      if (scheme && scheme.length > 1 && scheme !== 'http' && scheme !== 'https') {
        problems.push({ path: `${where}.url`, message: `must be an http(s) URL or a file path, not a ${scheme}: address` });
      } else if (scheme && scheme.length > 1 && !URL.canParse(url)) {
        problems.push({ path: `${where}.url`, message: `is not a valid URL: ${JSON.stringify(url)}` });
      }
      const before = seen.get(url);
      if (before !== undefined) problems.push({ path: `${where}.url`, message: `is ${path}.sources[${before}] again` });
      seen.set(url, sourceIndex);
      const format = source.format as FeedFormat | undefined;
      if (format && kind === 'news' && (format === 'icalendar' || format === 'oparl')) {
        problems.push({ path: `${where}.format`, message: `"${format}" holds events: use it in a feed of kind "events"` });
      }
      if (format && kind === 'events' && (format === 'rss' || format === 'atom')) {
        problems.push({ path: `${where}.format`, message: `"${format}" holds news: use it in a feed of kind "news"` });
      }
      if (kind === 'news' && source.category !== undefined) problems.push({ path: `${where}.category`, message: 'is for events feeds only (kind "events")' });
      return {
        url,
        format,
        category: source.category as string | undefined,
        timeoutSeconds: (source.timeoutSeconds as number | undefined) ?? timeoutSeconds,
        maxMegabytes: (source.maxMegabytes as number | undefined) ?? maxMegabytes,
      };
    });
    const window = (feed.window ?? {}) as { pastDays?: number; futureDays?: number };
    return {
      out,
      kind,
      title: feed.title as string | undefined,
      description: feed.description as string | undefined,
      home_page_url: feed.home_page_url as string | undefined,
      feed_url: feed.feed_url as string | undefined,
      language: feed.language as string | undefined,
      sources,
      window: { pastDays: window.pastDays ?? DEFAULTS.pastDays, futureDays: window.futureDays ?? DEFAULTS.futureDays },
      limit: (feed.limit as number | undefined) ?? DEFAULTS.limit,
    };
  });
  if (problems.length) throw new ConfigError(problems);
  return {
    timeZone,
    outDir: (raw.outDir as string | undefined) ?? DEFAULTS.outDir,
    stateDir: (raw.stateDir as string | undefined) ?? DEFAULTS.stateDir,
    contact: raw.contact as string | undefined,
    feeds,
  };
}

/** The schema's patterns, which mean nothing to most webmasters, said in words. */
function inWords(problem: Problem): Problem {
  if (/^feeds\[\d+\]\.out$/.test(problem.path) && problem.message.startsWith('must match the pattern')) {
    return { ...problem, message: 'must be a file name ending in .json, inside outDir, such as "termine.json" or "kpr/termine.json": letters, digits, ".", "_" and "-", without ".." and without a "/" at the start' };
  }
  return problem;
}

/** Keys the schema does not describe: our validator has no `additionalProperties`, so they are found here. */
function unknownKeys(value: unknown, schema: Schema, path: string, problems: Problem[]): void {
  const resolved = schema.$ref ? CONFIG_SCHEMA.$defs?.[schema.$ref.replace('#/$defs/', '')] : schema;
  if (!resolved || !value || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    if (resolved.items) value.forEach((entry, index) => unknownKeys(entry, resolved.items!, `${path}[${index}]`, problems));
    return;
  }
  if (!resolved.properties) return;
  for (const [key, entry] of Object.entries(value)) {
    const keyPath = path ? `${path}.${key}` : key;
    const property = resolved.properties[key];
    if (!property) {
      const known = Object.keys(resolved.properties).filter((name) => name !== '$schema');
      problems.push({ path: keyPath, message: `is not a setting the bridge knows (known here: ${known.join(', ')})` });
    } else {
      unknownKeys(entry, property, keyPath, problems);
    }
  }
}

