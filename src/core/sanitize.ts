import { nothing, type ReactiveElement } from 'lit';
import { singleton } from './singleton.js';
import type { ImagePolicy } from './urls.js';

type Purifier = (html: string, policy: ImagePolicy) => DocumentFragment;

const sanitizer = singleton('sanitizer', () => ({ loaded: undefined as Purifier | undefined, loading: undefined as Promise<Purifier> | undefined }));

/**
 * DOMPurify and our rules for it are loaded only when a feed carries HTML that is shown: most feeds never
 * need them, so they are not part of the widget's first download.
 */
export function loadSanitizer(): Promise<Purifier> {
  sanitizer.loading ??= import('./purifier.js').then(({ createPurifier }) => (sanitizer.loaded = createPurifier()));
  return sanitizer.loading;
}

const cache = new WeakMap<object, { html: string; nodes: Node[] }>();

/**
 * Feed HTML after DOMPurify has cleaned it, as DOM nodes (never `innerHTML` on the page, so it also works
 * where Trusted Types are enforced); links and images follow the same rules as the widget's own. The nodes
 * are kept per `owner`, so a re-render keeps them in place. Until DOMPurify has loaded this is `nothing`,
 * and the host renders again once it is there.
 */
export function safeHtml(owner: object, html: string, policy: ImagePolicy, host: ReactiveElement): Node[] | typeof nothing {
  const cached = cache.get(owner);
  if (cached?.html === html) return cached.nodes;
  if (!sanitizer.loaded) {
    void loadSanitizer().then(() => host.requestUpdate());
    return nothing;
  }
  const nodes = [...sanitizer.loaded(html, policy).childNodes];
  cache.set(owner, { html, nodes });
  return nodes;
}
