import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../events.js';
import { logError } from '../log.js';
import { renderWhenNear } from '../render-when-near.js';
import type { Schema } from '../validate.js';
import { FeedError } from './feed-error.js';
import { forgetFeed, loadFeed } from './feed-requests.js';
import type { MergeRules } from './items.js';
import type { ReadFeeds } from './read-feeds.js';
import type { FeedDocument, FeedFormat, LoadedItem } from './types.js';
import { loadOnce } from '../load-once.js';

const loadReader = loadOnce(() => import('./read-feeds.js'));

/** What a widget exposes for its feeds: the attributes every feed widget shares. */
export interface FeedHost extends ReactiveControllerHost, HTMLElement {
  hasUpdated: boolean;
  renderRoot: ParentNode;
  /** One feed URL, or several separated by spaces. */
  src: string;
  /** Render and load at once instead of when the widget comes near the viewport. */
  eager: boolean;
  /** Seconds until a feed request is given up. */
  timeout: number;
}

export interface FeedControllerOptions {
  /** The widget's schema for the `_kpr` object of its items. */
  extension?: Schema;
  /** Order of the merged items; newest first by default. */
  compare?: (a: LoadedItem, b: LoadedItem) => number;
  /** When items of several feeds are the same, and which one is kept; the news rules by default. */
  merge?: MergeRules;
  /** The largest feed accepted, in bytes; 5 MB by default. */
  maxBytes?: number;
  /** The formats the widget shows; JSON Feed, RSS and Atom by default. A feed in another format is an error. */
  formats?: readonly FeedFormat[];
  /**
   * Loads the code the widget needs only to show items, such as turning them into entries. It loads while the
   * feeds are in flight instead of before the first render; the controller is never ready before it is there.
   */
  prepare?: () => Promise<unknown>;
}

export type FeedStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * Loads a widget's feeds once it has come near the viewport and rendered (`renderWhenNear`), again when `src`
 * changes, and never after the widget has left the page. Merges several feeds, validates items against the
 * widget's schema, and reports every problem to the console and as `kpr-load` (once the items are rendered) and
 * `kpr-error` events.
 */
export class FeedController implements ReactiveController {
  status: FeedStatus = 'idle';
  items: readonly LoadedItem[] = [];
  documents: readonly FeedDocument[] = [];
  /** Why feeds could not be used, at the last load: the widget chooses by their codes what residents see. */
  errors: readonly FeedError[] = [];

  private requestedKey?: string;
  private abort?: AbortController;

  constructor(private readonly host: FeedHost, private readonly options: FeedControllerOptions = {}) {
    host.addController(this);
    renderWhenNear(host);
  }

  hostDisconnected(): void {
    this.abort?.abort();
    if (this.status === 'loading') this.status = 'idle';
    this.requestedKey = undefined;
  }

  hostUpdate(): void {
    const key = `${this.host.src}|${this.host.timeout}`;
    if (key !== this.requestedKey) void this.load(key);
  }

  /** Asks the servers again, for the retry button. */
  reload(): void {
    for (const url of this.urls()) forgetFeed(url);
    this.requestedKey = undefined;
    this.status = 'loading';
    this.host.requestUpdate();
  }

  private urls(): string[] {
    const parts = (this.host.src ?? '').split(/\s+/).filter(Boolean);
    return [...new Set(parts.map((part) => (URL.canParse(part, document.baseURI) ? new URL(part, document.baseURI).href : part)))];
  }

  private async load(key: string): Promise<void> {
    this.requestedKey = key;
    this.abort?.abort(); // the answer for the old src is not wanted any more
    const abort = (this.abort = new AbortController());
    const urls = this.urls();
    // A widget showing items keeps them on screen until the new src's are read (the editor's preview changes src on
    // each keystroke): no loading message in between, and the items' DOM is updated rather than built anew.
    if (this.status !== 'ready') this.status = 'loading';
    if (urls.length === 0) return this.finish([], [new FeedError('config', '', 'has no feed: set its src attribute to a feed URL')]);

    const options = {
      timeoutMs: (this.host.timeout > 0 ? this.host.timeout : 10) * 1000,
      maxBytes: this.options.maxBytes ?? 5_000_000,
      retryDelayMs: 800,
    };
    // Checking and merging the items (and the widget's `prepare`) is first needed when a feed has arrived, so that
    // code is not part of the widget's first download: it loads while the feeds are in flight.
    const reader = Promise.all([loadReader(), this.options.prepare?.()]).then(([module]) => module);
    reader.catch(() => {}); // awaited only once a feed has arrived
    const results = await Promise.allSettled(urls.map((url) => loadFeed(url, abort.signal, options)));
    if (abort.signal.aborted) return;
    const documents: FeedDocument[] = [];
    const errors: FeedError[] = [];
    results.forEach((result, index) => {
      if (result.status === 'fulfilled') documents.push(result.value);
      else errors.push(asFeedError(result.reason, urls[index]!));
    });
    let read: ReadFeeds = { items: [], usable: 0, skipped: 0, errors: [] };
    if (documents.length) {
      let module: typeof import('./read-feeds.js');
      try {
        module = await reader;
      } catch (error) {
        // The connection dropped before the reader arrived: the feeds that did arrive cannot be used.
        return this.finish(documents, [...errors, ...documents.map((document) => asFeedError(error, document.url))], read);
      }
      if (abort.signal.aborted) return;
      try {
        read = module.readFeeds(this.host, documents, this.options);
      } catch (error) {
        // A bug of ours must not leave the widget loading for ever: it shows the error state and says why.
        return this.finish(documents, [...errors, module.readFailed(documents[0]!.url, error)]);
      }
    }
    this.finish(documents, errors, read);
  }

  private finish(documents: FeedDocument[], errors: FeedError[], read?: ReadFeeds): void {
    errors.push(...(read?.errors ?? [])); // feeds none of whose items is valid
    for (const error of errors) {
      logError(this.host, error.url ? `could not use the feed ${error.url}: ${error.message}` : error.message, error.code);
      emit(this.host, 'kpr-error', { url: error.url, kind: error.kind, code: error.code, status: error.status, message: error.message });
    }
    this.documents = documents;
    this.errors = errors;
    if (!read?.usable && errors.length > 0) {
      this.status = 'error';
      this.items = [];
    } else {
      this.status = 'ready';
      this.items = read?.items ?? [];
    }
    this.host.requestUpdate();
    // Once residents can see the items, as the event says, and a listener can read them from the page.
    const detail = { items: this.items.length, sources: documents.map((d) => d.url), skipped: read?.skipped ?? 0 };
    if (this.status == 'ready') void this.host.updateComplete.then(() => emit(this.host, 'kpr-load', detail));
  }
}

function asFeedError(reason: unknown, url: string): FeedError {
  return reason instanceof FeedError ? reason : new FeedError('network', url, String(reason));
}
