import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CheckController } from '../controllers/check-controller.js';
import type { DraftController } from '../controllers/draft-controller.js';
import type { Change } from '../model/changes.js';
import type { JsonObject } from '../model/paths.js';
import { feedAddress, listVersions, publishFeed, PublishFailure, readVersion, restoreVersion, type Connection, type PublishedVersion } from './publish-client.js';
import { forgetToken, isTownId, loadSettings, saveSettings, serverAddress, type PublishSettings } from './publish-settings.js';

/** The feed editor, as the panel needs it: the draft, its text and check, the texts, the error summary. */
export interface PublishEditor extends HTMLElement {
  readonly text: string;
  readonly draft: DraftController;
  readonly check: CheckController;
  readonly ui: 'de' | 'en';
  readonly updateComplete: Promise<boolean>;
  t(key: string, options?: Record<string, unknown>): string;
  focusErrorSummary(): void;
  /** What the draft changes against a feed (the change summary of the download). */
  changesSince(feed: JsonObject | undefined): Change[];
  /** Says a sentence in the editor's live region. */
  say(text: string): void;
}

export type SettingsField = 'server' | 'town' | 'token';

/** What the panel shows after a request, and where the focus goes: a result to announce, or a failure to read. */
export type Outcome = { kind: 'done'; text: string } | { kind: 'failure'; failure: PublishFailure };

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Publishing a draft to the town's server: the connection the coordinator enters (checked before anything is
 * sent), the published version and the versions kept, what the draft changes against the published version,
 * publish and restore. Every publish names the version it replaces (If-Match), so a version published meanwhile
 * from another computer is never overwritten unseen: the server answers with a conflict, and the panel says so.
 */
export class PublishController implements ReactiveController {
  settings: PublishSettings = loadSettings();
  fieldErrors: Partial<Record<SettingsField, string>> = {};
  /** Set once the server has answered with the feed's versions. */
  versions?: PublishedVersion[];
  /** The published version's feed, for the changes; undefined while nothing is published. */
  publishedFeed?: JsonObject;
  busy = false;
  outcome?: Outcome;

  constructor(private readonly host: Host, private readonly editor: PublishEditor) {
    host.addController(this);
  }

  hostConnected(): void {}

  get current(): PublishedVersion | undefined {
    return this.versions?.[0];
  }

  /** What the draft changes against the published version (all of it, while nothing is published). */
  get changes(): Change[] {
    return this.editor.changesSince(this.publishedFeed);
  }

  /** The feed's address on the server, as entered (while it is a valid one). */
  get feedUrl(): string | undefined {
    const address = serverAddress(this.settings.server);
    const draft = this.editor.draft.draft;
    return 'address' in address && draft ? feedAddress({ ...this.settings, server: address.address, town: this.settings.town.trim() }, draft.kind) : undefined;
  }

  update(field: SettingsField, value: string): void {
    this.settings = { ...this.settings, [field]: value };
  }

  /** Forgets what was loaded (the feed's kind changed): the panel asks to load again. */
  reset(): void {
    this.versions = undefined;
    this.publishedFeed = undefined;
    this.outcome = undefined;
  }

  forgetToken(): void {
    forgetToken();
    this.settings = { ...this.settings, token: '' };
    this.versions = undefined;
    this.publishedFeed = undefined;
    this.outcome = { kind: 'done', text: this.editor.t('publish.tokenForgotten') };
    this.host.requestUpdate();
  }

  /** The settings as a connection, or undefined with each field's problem set. */
  private connection(): Connection | undefined {
    const { server, town, token } = this.settings;
    const address = serverAddress(server);
    const errors: Partial<Record<SettingsField, string>> = {};
    if ('problem' in address) errors.server = `publish.problem.${address.problem}`;
    if (!town.trim()) errors.town = 'publish.problem.townMissing';
    else if (!isTownId(town.trim())) errors.town = 'publish.problem.townInvalid';
    if (!token.trim()) errors.token = 'publish.problem.tokenMissing';
    this.fieldErrors = errors;
    if (Object.keys(errors).length || 'problem' in address) return undefined;
    return { server: address.address, town: town.trim(), token: token.trim() };
  }

  /** Loads the feed's versions and the published one; resolves with whether it worked. */
  async connect(): Promise<boolean> {
    const connection = this.connection();
    if (!connection) {
      this.host.requestUpdate();
      return false;
    }
    saveSettings(this.settings);
    return this.run(async () => {
      await this.load(connection);
      const current = this.current;
      return current
        ? this.editor.t('publish.connected', { version: current.version, when: this.when(current.publishedAt) })
        : this.editor.t('publish.connectedEmpty');
    });
  }

  /** Publishes the draft over the version loaded, once the editor's check finds no error. */
  async publish(): Promise<'published' | 'errors' | 'failed'> {
    const connection = this.connection();
    const draft = this.editor.draft.draft;
    if (!connection || !draft) return 'failed';
    await this.editor.check.check(this.editor.text, draft.kind, draft.name, true);
    if (this.editor.check.errors.length) return 'errors';
    const text = this.editor.text;
    const ok = await this.run(async () => {
      const before = this.current;
      const published = await publishFeed(connection, draft.kind, text, before);
      await this.load(connection);
      return published.version === before?.version ? this.editor.t('publish.unchanged', { version: published.version }) : this.editor.t('publish.published', { version: published.version });
    });
    return ok ? 'published' : 'failed';
  }

  async restore(version: number): Promise<boolean> {
    const connection = this.connection();
    const current = this.current;
    if (!connection || !current) return false;
    return this.run(async () => {
      const restored = await restoreVersion(connection, this.editor.draft.draft!.kind, version, current);
      await this.load(connection);
      return this.editor.t('publish.restored', { version: restored.version, from: version });
    });
  }

  when(instant: string): string {
    return new Intl.DateTimeFormat(this.editor.ui, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(new Date(instant));
  }

  private async load(connection: Connection): Promise<void> {
    const kind = this.editor.draft.draft!.kind;
    const versions = await listVersions(connection, kind);
    const current = versions[0];
    this.publishedFeed = current ? parseFeed((await readVersion(connection, kind, current.version)).text) : undefined;
    this.versions = versions;
  }

  /** Runs a request with the panel busy; its outcome is a sentence to announce, or the failure. */
  private async run(work: () => Promise<string>): Promise<boolean> {
    this.busy = true;
    this.outcome = undefined;
    this.host.requestUpdate();
    try {
      this.outcome = { kind: 'done', text: await work() };
      return true;
    } catch (error) {
      if (!(error instanceof PublishFailure)) throw error;
      if (error.kind === 'unauthorized' || error.kind === 'off' || error.kind === 'not-found') this.versions = undefined;
      this.outcome = { kind: 'failure', failure: error };
      return false;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }
}

function parseFeed(text: string): JsonObject | undefined {
  try {
    const feed = JSON.parse(text) as unknown;
    return feed && typeof feed === 'object' && !Array.isArray(feed) ? (feed as JsonObject) : undefined;
  } catch {
    return undefined;
  }
}
