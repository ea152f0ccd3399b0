import purify, { type Config } from 'dompurify';
import { isExternal, safeImage, safeLink, type ImagePolicy } from './urls.js';

/** Loaded on demand by sanitize.ts, together with DOMPurify. */
const CONFIG: Config = {
  // Feed HTML is text with structure: no styles, forms, frames, media players or embedded documents.
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'iframe', 'frame', 'object', 'embed', 'video', 'audio', 'source', 'picture', 'svg', 'math', 'link', 'meta', 'base'],
  FORBID_ATTR: ['style', 'srcset', 'target', 'id', 'name', 'class', 'ping', 'formaction'],
  // Any other attribute that makes the browser fetch something (a table's `background`, `lowsrc`, a track's `src`)
  // would tell a server the resident's address: only a link's href and an allowed image's src remain (see below).
  ALLOW_DATA_ATTR: false,
  RETURN_DOM_FRAGMENT: true,
};

/** Attributes with an address the browser may load or send to: HTML's, and old ones browsers still honour. */
const FETCHING_ATTRIBUTES = ['href', 'src', 'background', 'poster', 'lowsrc', 'dynsrc', 'longdesc', 'usemap', 'action', 'data', 'codebase', 'manifest', 'icon', 'imagesrcset', 'xlink:href'];

/** DOMPurify with our rules: links only http(s), mailto and tel; images only from allowed hosts, without referrer. */
export function createPurifier(): (html: string, policy: ImagePolicy) => DocumentFragment {
  let policy: ImagePolicy | undefined;
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (!policy) return;
    for (const name of FETCHING_ATTRIBUTES) {
      if (node.hasAttribute(name) && !(name === 'href' && node.localName === 'a') && !(name === 'src' && node.localName === 'img')) node.removeAttribute(name);
    }
    if (node.localName === 'a') {
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
