import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { setAt, updateList, type Json, type JsonObject, type Path } from '../model/paths.js';
import type { FeedKind } from '../model/templates.js';

/** What the coordinator is working on: the draft, the file it came from (for the change summary) and its kind. */
export interface Draft {
  feed: JsonObject;
  /** The feed as opened, or as the template gave it: what the change summary compares with. */
  original?: JsonObject;
  /** Started from a template rather than opened. */
  template?: boolean;
  kind: FeedKind;
  /** The opened file's name or address, and the name a download gets. */
  name: string;
}

/** The draft lives in the coordinator's own browser only, under this key; nothing is sent anywhere. */
export const DRAFT_STORAGE_KEY = 'asskomm-widgets.editor.draft';
const HISTORY_LIMIT = 200;

/**
 * Holds the draft with its history: every edit is a new version of the feed (unchanged parts shared), typing in
 * one field adds to the same step, so undo takes back a word or a field rather than a letter. Each version is
 * written to localStorage, so a closed tab loses nothing.
 */
export class DraftController implements ReactiveController {
  draft?: Draft;
  /** Set when the draft was restored from storage rather than opened: the page says so, with "discard". */
  restored = false;
  private past: JsonObject[] = [];
  private future: JsonObject[] = [];
  /** The field the last step typed into: more typing there joins that step. */
  private typingAt?: string;

  constructor(private readonly host: ReactiveControllerHost, private readonly storage: Storage | undefined = safeStorage()) {
    host.addController(this);
    const saved = this.storage?.getItem(DRAFT_STORAGE_KEY);
    if (!saved) return;
    try {
      const draft = JSON.parse(saved) as Draft;
      if (draft && typeof draft.feed === 'object' && typeof draft.kind === 'string') Object.assign(this, { draft, restored: true });
    } catch {
      this.storage?.removeItem(DRAFT_STORAGE_KEY); // not ours, or cut off: nothing to restore
    }
  }

  hostConnected(): void {}

  get feed(): JsonObject | undefined {
    return this.draft?.feed;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** A new draft (opened or from a template): the history starts again. */
  start(draft: Draft): void {
    this.draft = draft;
    this.restored = false;
    this.past = [];
    this.future = [];
    this.typingAt = undefined;
    this.changed();
  }

  /**
   * A field's value; `typing` joins the step of the same field's last edit. `undefined` removes the field. A string
   * for `typing` names the field typed into, for a field that writes more than its own path (an event's date also
   * moves its end): typing there joins that field's step, not every step at the same path.
   */
  set(path: Path, value: Json | undefined, typing: boolean | string = false): void {
    const key = typeof typing === 'string' ? `field:${typing}` : JSON.stringify(path);
    this.apply((feed) => setAt(feed, path, value), Boolean(typing) && this.typingAt === key);
    this.typingAt = typing ? key : undefined;
  }

  /** A change to the list at `path` (add, remove, move): always a step of its own. */
  changeList(path: Path, change: (list: Json[]) => void): void {
    this.apply((feed) => updateList(feed, path, change), false);
    this.typingAt = undefined;
  }

  /** Several changes as one step, for example a move that also renumbers. */
  transform(change: (feed: JsonObject) => Json): void {
    this.apply(change, false);
    this.typingAt = undefined;
  }

  undo(): boolean {
    return this.travel(this.past, this.future);
  }

  redo(): boolean {
    return this.travel(this.future, this.past);
  }

  discard(): void {
    this.draft = undefined;
    this.restored = false;
    this.past = [];
    this.future = [];
    this.storage?.removeItem(DRAFT_STORAGE_KEY);
    this.host.requestUpdate();
  }

  private apply(change: (feed: JsonObject) => Json, joinStep: boolean): void {
    if (!this.draft) return;
    if (!joinStep) {
      this.past.push(this.draft.feed);
      if (this.past.length > HISTORY_LIMIT) this.past.shift();
    }
    this.future = [];
    this.draft = { ...this.draft, feed: change(this.draft.feed) as JsonObject };
    this.changed();
  }

  private travel(from: JsonObject[], to: JsonObject[]): boolean {
    const feed = from.pop();
    if (!feed || !this.draft) return false;
    to.push(this.draft.feed);
    this.draft = { ...this.draft, feed };
    this.typingAt = undefined;
    this.changed();
    return true;
  }

  private changed(): void {
    try {
      if (this.draft) this.storage?.setItem(DRAFT_STORAGE_KEY, JSON.stringify(this.draft));
    } catch {
      // Storage full or switched off: the draft stays in the tab, and the page still works.
    }
    this.host.requestUpdate();
  }
}

/** localStorage, unless the browser refuses it (private windows, storage switched off). */
function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
