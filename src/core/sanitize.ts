import type { Config, DOMPurify } from 'dompurify';
import { nothing, type ReactiveElement } from 'lit';
import { singleton } from './singleton.js';
import { isExternal, safeImage, safeLink, type ImagePolicy } from './urls.js';

type Purifier = (html: string, policy: ImagePolicy) => DocumentFragment;

const CONFIG: Config = {
  // Feed HTML is text with structure: no styles, forms, frames, media players or embedded documents.
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'iframe', 'frame', 'object', 'embed', 'video', 'audio', 'source', 'picture', 'svg', 'math', 'link', 'meta', 'base'],
  FORBID_ATTR: ['style', 'srcset', 'target', 'id', 'name', 'class', 'ping', 'formaction'],
  ALLOW_DATA_ATTR: false,
  RETURN_DOM_FRAGMENT: true,
};

const sanitizer = singleton('sanitizer', () => ({ loaded: undefined as Purifier | undefined, loading: undefined as Promise<Purifier> | undefined }));

/** DOMPurify is loaded only when a feed carries HTML that is shown: most feeds never need it. */
export function loadSanitizer(): Promise<Purifier> {
  sanitizer.loading ??= import('dompurify').then(({ default: purify }) => (sanitizer.loaded = createPurifier(purify)));
  return sanitizer.loading;
}

function createPurifier(purify: DOMPurify): Purifier {
  let policy: ImagePolicy | undefined;
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (!policy) return;
    if (node instanceof HTMLAnchorElement || node.localName === 'a') {
      const href = safeLink(node.getAttribute('href') ?? undefined, policy.source);
      if (!href) node.removeAttribute('href');
      else {
        node.setAttribute('href', href);
        if (isExternal(href)) node.setAttribute('rel', 'noopener noreferrer');
      }
    }
    if (node.localName === 'img') {
      const src = safeImage(node.getAttribute('src') ?? undefined, policy);
      if (!src) return void node.remove();
      node.setAttribute('src', src);
      node.setAttribute('referrerpolicy', 'no-referrer');
      node.setAttribute('loading', 'lazy');
      node.setAttribute('decoding', 'async');
      if (!node.hasAttribute('alt')) node.setAttribute('alt', '');
    }
  });
  return (html, imagePolicy) => {
    policy = imagePolicy;
    try {
      return purify.sanitize(html, CONFIG) as unknown as DocumentFragment;
    } finally {
      policy = undefined;
    }
  };
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
