import { sampleShift, shiftFeedText } from './shift-dates.js';

/**
 * Makes the page's `fetch` answer requests for the sample feeds in `folder` (demo/feeds/ wherever it is served) with
 * their dates moved to the current week, for pages that show the samples without a server of ours to move them:
 * the embed builder in dist/builder/ (any static server) and Storybook. The widgets keep reading the feed's own
 * address, so its relative image paths and the builder's snippet stay as they are. Other requests, and requests
 * made with a `Request` object, which the widgets never make, pass through untouched.
 *
 * Each file is asked for `?as-written`: `npm start`, which serves the samples moved already, then sends the file as
 * it is, so the dates are not moved twice; a static server ignores the query.
 */
export function moveSampleFeedsOnFetch(folder: string | URL): void {
  const base = new URL(folder, document.baseURI);
  const pageFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    if (input instanceof Request) return pageFetch(input, init);
    const url = new URL(input, document.baseURI);
    const name = url.pathname.slice(base.pathname.length);
    if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname) || !name || name.includes('/')) return pageFetch(input, init);
    const asWritten = new URL(url);
    asWritten.searchParams.set('as-written', '');
    const response = await pageFetch(asWritten, init);
    if (!response.ok) return response;
    // "Today" per request, from the widgets' clock, so a page left open for days moves on with them.
    const text = shiftFeedText(name, await response.text(), sampleShift());
    const headers = new Headers(response.headers);
    // The body is now this text, no longer the bytes the server counted or compressed.
    headers.delete('content-length');
    headers.delete('content-encoding');
    return new Response(text, { status: response.status, statusText: response.statusText, headers });
  };
}
