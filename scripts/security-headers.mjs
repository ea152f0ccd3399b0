// The headers `npm start` sends with every file of the demo: what a careful municipal site sends. The widgets need
// nothing beyond 'self'. Its own module so that tests/docs can check the README's policy line against it.

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
].join('; ');

export const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Content-Type-Options': 'nosniff',
};

/**
 * The embed builder (demo/builder.html) gets the same policy with two sources more: it previews a file from the
 * webmaster's computer through a Blob URL (which 'self' does not cover), and reads the town's feeds and their
 * images from wherever they are (https:). Scripts and styles stay 'self' only, with Trusted Types.
 */
export const BUILDER_HEADERS = {
  ...SECURITY_HEADERS,
  'Content-Security-Policy': CONTENT_SECURITY_POLICY.replace("img-src 'self'", "img-src 'self' https:").replace("connect-src 'self'", "connect-src 'self' https: blob:"),
};

/**
 * The feed editor (demo/editor.html) needs what the builder needs, for the same reasons: its preview reads the
 * draft through a Blob URL, and a coordinator may open a feed from the town's site (https:). Nothing more.
 */
export const EDITOR_HEADERS = BUILDER_HEADERS;
