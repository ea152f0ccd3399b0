import { EMPTY_DRAFT, type ContactDraft } from './contact.types.js';

/**
 * Keeps a draft across a reload in `sessionStorage`, only when the webmaster sets `persist-draft`: storing
 * anything on the resident's device needs a reason under German law (TDDDG § 25). The consent and the honeypot
 * are never stored; the draft is removed once the message has arrived and goes when the tab is closed.
 */
export class DraftStore {
  constructor(private readonly key: string) {}

  load(): ContactDraft | undefined {
    try {
      const stored = JSON.parse(sessionStorage.getItem(this.key) ?? 'null') as Partial<ContactDraft> | null;
      return stored ? { ...EMPTY_DRAFT, ...stored, consent: false, website: '' } : undefined;
    } catch {
      return undefined; // storage blocked by the browser's settings, or not ours: start empty
    }
  }

  save(draft: ContactDraft): void {
    const { consent: _consent, website: _website, ...kept } = draft;
    try {
      if (Object.values(kept).some((value) => value)) sessionStorage.setItem(this.key, JSON.stringify(kept));
      else sessionStorage.removeItem(this.key);
    } catch {
      // A full or blocked storage only means the draft is not kept over a reload.
    }
  }

  clear(): void {
    try {
      sessionStorage.removeItem(this.key);
    } catch {
      // see save()
    }
  }
}
