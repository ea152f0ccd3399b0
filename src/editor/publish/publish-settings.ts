// Where the publish panel keeps what the coordinator entered: the server's address and the town in this browser's
// local storage (they are no secret, and typing them again each time is what makes people paste them into notes),
// the token only in the tab's session storage: it is gone when the tab closes, and "forget" removes it at once.
// It never goes to local storage, where it would outlive the session on a shared office computer.

export const SETTINGS_STORAGE_KEY = 'asskomm-widgets.editor.publish';
export const TOKEN_STORAGE_KEY = 'asskomm-widgets.editor.publish.token';

export interface PublishSettings {
  server: string;
  town: string;
  token: string;
}

function storage(kind: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    return window[kind];
  } catch {
    return undefined; // storage turned off: the fields start empty, and nothing is kept
  }
}

export function loadSettings(): PublishSettings {
  let saved: Partial<PublishSettings> = {};
  try {
    saved = JSON.parse(storage('localStorage')?.getItem(SETTINGS_STORAGE_KEY) ?? '{}') as Partial<PublishSettings>;
  } catch {
    // not ours, or cut off: start empty
  }
  return {
    server: typeof saved.server === 'string' ? saved.server : '',
    town: typeof saved.town === 'string' ? saved.town : '',
    token: storage('sessionStorage')?.getItem(TOKEN_STORAGE_KEY) ?? '',
  };
}

export function saveSettings({ server, town, token }: PublishSettings): void {
  try {
    storage('localStorage')?.setItem(SETTINGS_STORAGE_KEY, JSON.stringify({ server, town }));
    if (token) storage('sessionStorage')?.setItem(TOKEN_STORAGE_KEY, token);
  } catch {
    // full or refused: the settings still hold for this page
  }
}

export function forgetToken(): void {
  storage('sessionStorage')?.removeItem(TOKEN_STORAGE_KEY);
}

/**
 * The server's address as the requests use it, or the text key of why it cannot be: an https address (plain http
 * only for this computer, as when trying the server out), without user name, query or fragment; a path is kept
 * (a server behind a proxy under /kpr/), without the slash at its end.
 */
export function serverAddress(text: string): { address: string } | { problem: 'serverMissing' | 'serverInvalid' | 'serverInsecure' } {
  const trimmed = text.trim();
  if (!trimmed) return { problem: 'serverMissing' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { problem: 'serverInvalid' };
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return { problem: url.protocol === 'http:' ? 'serverInsecure' : 'serverInvalid' };
  if (url.username || url.password || url.search || url.hash) return { problem: 'serverInvalid' };
  return { address: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

/** A town's id as the towns file has it: lowercase letters, digits and inner hyphens. */
export const isTownId = (text: string) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(text);
