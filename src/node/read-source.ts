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
  /** Request headers for URLs: the feed bridge's User-Agent, the validator's Origin (see fetchText). */
  headers?: Record<string, string>;
  /** Called with a URL's answer headers (the validator's CORS check). */
  onHeaders?: (headers: Headers) => void;
}

/** A source that could not be read at all: a missing file, a network error, an HTTP error status. */
export class SourceError extends Error {
  constructor(readonly source: string, message: string, /** One sentence on how to put it right. */ readonly fix: string) {
    super(message);
    this.name = 'SourceError';
  }
}

const FILE_FIXES: Record<string, string> = {
  ENOENT: 'Check the file\'s name and folder; a relative path is read from the folder the command runs in.',
  EACCES: 'Make the file readable for the user who runs the command.',
};

/**
 * Why a URL could not be read, and what to do, from the widgets' own FeedError. In Node it names the network's
 * cause (`request failed: ENOTFOUND (host)`, src/core/feed/fetch-text.ts), which is put in words here.
 */
function explainFeedError(source: string, error: FeedError): SourceError {
  const network = /^request failed: (\S+) \((.*)\)$/.exec(error.message);
  if (network) {
    const [, code, host] = network as unknown as [string, string, string];
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new SourceError(source, `there is no host named ${host} (${code})`, 'Check the host name in the address for typing mistakes, and that this computer can reach the internet.');
    if (code === 'ECONNREFUSED') return new SourceError(source, `nothing answers at ${host} (${code})`, 'Check the address\'s host and port, and that the web server there is running.');
    if (/CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO/.test(code)) return new SourceError(source, `the HTTPS certificate of ${host} is not valid (${code})`, 'Have the server\'s certificate renewed or corrected: browsers refuse it too, so no widget can read the feed.');
    return new SourceError(source, `the connection to ${host} failed (${code})`, 'Check the address and the connection to the internet, then try again.');
  }
  const fix = error.kind === 'timeout'
    ? 'Check that the server answers within 10 seconds, as the widgets expect (open the address in a browser); --timeout waits longer.'
    : error.kind === 'too-large'
      ? 'Shorten the feed to its latest entries: the widgets read at most 5 MB of it.'
      : error.kind === 'http' && (error.status === 401 || error.status === 403)
        ? 'Make the feed public: the widgets ask for it without a login or cookies.'
        : error.kind === 'http' && (error.status ?? 0) >= 500
          ? 'The server has a problem of its own: try again later, or tell whoever runs it.'
          : error.kind === 'http'
            ? 'Check the address: opened in a browser, it must show the feed (XML or JSON), not an error page.'
            : 'Check the address and the connection to the internet, then try again.';
  return new SourceError(source, error.message, fix);
}

/**
 * Whether an image or a page at `url` loads, for the validator's check of a feed's own images and links: undefined
 * when it does, else why not. Asked with GET through the widgets' fetchText, which stops at the first byte of the
 * answer (a body over the limit of 0 bytes is one that loads), so an image is not downloaded whole.
 */
export async function probeUrl(url: string, { timeoutMs = 5_000, signal = new AbortController().signal }: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<string | undefined> {
  try {
    await fetchText(url, { signal, timeoutMs, maxBytes: 0, retryDelayMs: 300 });
    return undefined;
  } catch (error) {
    if (error instanceof FeedError) return error.kind === 'too-large' ? undefined : explainFeedError(url, error).message;
    return String(error);
  }
}

/** File names that may be feeds, when a folder is given: the formats the widgets read. */
export const FEED_FILE = /\.(json|jsonfeed|rss|atom|xml|ics|ical)$/i;

export function isWebAddress(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

export async function readSource(source: string, { timeoutMs = 10_000, maxBytes = 5_000_000, signal = new AbortController().signal, headers, onHeaders }: ReadOptions = {}): Promise<string> {
  if (isWebAddress(source)) {
    try {
      return await fetchText(source, { signal, timeoutMs, maxBytes, retryDelayMs: 800, headers, onHeaders });
    } catch (error) {
      if (error instanceof FeedError) throw explainFeedError(source, error);
      throw new SourceError(source, String(error), 'Check the address and the connection to the internet, then try again.');
    }
  }
  let size: number;
  try {
    const info = await stat(source);
    if (!info.isFile()) throw new SourceError(source, 'is not a file', 'Name a feed file, a folder of feed files, or an http(s) address.');
    size = info.size;
  } catch (error) {
    if (error instanceof SourceError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const message = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'not allowed to read it' : (error as Error).message;
    throw new SourceError(source, message, FILE_FIXES[code] ?? 'Check the file\'s name, folder and permissions.');
  }
  if (size > maxBytes) {
    throw new SourceError(source, `the file is larger than the widgets' limit of ${(maxBytes / 1e6).toFixed(1)} MB`, `Shorten the feed to its latest entries: the widgets read at most ${(maxBytes / 1e6).toFixed(1)} MB of it.`);
  }
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
