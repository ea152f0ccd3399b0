/**
 * Reads a feed from a file or an http(s) URL in Node, as the widgets would read it: URLs through the widgets' own
 * fetchText (timeout over the whole transfer, size limit while streaming, one retry, the HTTP charset first and
 * the XML declaration when the bytes do not fit it), files with the same charset rules minus the HTTP header.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { FeedError } from '../core/feed/feed-error.js';
import { decodeFeedBytes, fetchText } from '../core/feed/fetch-text.js';

export interface ReadOptions {
  /** Milliseconds until a URL is given up (the widgets' default is 10 s). */
  timeoutMs?: number;
  /** The largest feed read, in bytes (the widgets' default is 5 MB). */
  maxBytes?: number;
  signal?: AbortSignal;
}

/** A source that could not be read at all: a missing file, a network error, an HTTP error status. */
export class SourceError extends Error {
  constructor(readonly source: string, message: string) {
    super(message);
    this.name = 'SourceError';
  }
}

/** File names that may be feeds, when a folder is given: the formats the widgets read. */
export const FEED_FILE = /\.(json|jsonfeed|rss|atom|xml|ics|ical)$/i;

export function isWebAddress(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

export async function readSource(source: string, { timeoutMs = 10_000, maxBytes = 5_000_000, signal = new AbortController().signal }: ReadOptions = {}): Promise<string> {
  if (isWebAddress(source)) {
    try {
      return await fetchText(source, { signal, timeoutMs, maxBytes, retryDelayMs: 800 });
    } catch (error) {
      throw new SourceError(source, error instanceof FeedError ? error.message : String(error));
    }
  }
  let size: number;
  try {
    const info = await stat(source);
    if (!info.isFile()) throw new SourceError(source, 'is not a file');
    size = info.size;
  } catch (error) {
    if (error instanceof SourceError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new SourceError(source, code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'not allowed to read it' : (error as Error).message);
  }
  if (size > maxBytes) throw new SourceError(source, `the file is larger than the widgets' limit of ${(maxBytes / 1e6).toFixed(1)} MB`);
  return decodeFeedBytes(new Uint8Array(await readFile(source)), null);
}

/**
 * The sources behind the command line's arguments: URLs and files as they are, folders as the feed files in them
 * (not their subfolders), so that `validate feeds/*` and `validate feeds` both work. A folder without feed files
 * (the images next to the feeds) is named in `ignored`, not an error.
 */
export async function expandSources(args: readonly string[]): Promise<{ sources: string[]; ignored: string[] }> {
  const sources: string[] = [];
  const ignored: string[] = [];
  for (const arg of args) {
    const folder = !isWebAddress(arg) && (await stat(arg).then((info) => info.isDirectory(), () => false));
    if (!folder) {
      sources.push(arg);
      continue;
    }
    const entries = await readdir(arg, { withFileTypes: true });
    const feeds = entries.filter((entry) => entry.isFile() && FEED_FILE.test(entry.name)).map((entry) => join(arg, entry.name)).sort();
    if (feeds.length) sources.push(...feeds);
    else ignored.push(arg);
  }
  return { sources, ignored };
}
