import type { Config, DOMPurify } from 'dompurify';
import { nothing, noChange } from 'lit';
import { AsyncDirective, directive } from 'lit/async-directive.js';
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

class SafeHtmlDirective extends AsyncDirective {
  private html?: string;

  render(html: string, policy: ImagePolicy): unknown {
    if (html === this.html) return noChange;
    this.html = html;
    if (sanitizer.loaded) return sanitizer.loaded(html, policy);
    void loadSanitizer().then((purify) => {
      if (this.html === html && this.isConnected) this.setValue(purify(html, policy));
    });
    return nothing;
  }
}

/**
 * Renders feed HTML after DOMPurify has cleaned it: as DOM nodes, never through `innerHTML` on the page, so
 * it also works where Trusted Types are enforced. Links and images follow the same rules as the widget's own.
 */
export const safeHtml = directive(SafeHtmlDirective);
