import { expect, fixture, html } from '@open-wc/testing';

/**
 * A page of its own, `width` CSS pixels wide, with `body` in it and the widget module loaded: how the tests see a
 * phone's width in every engine. An iframe's viewport is as wide as the iframe, for media queries, container
 * queries and `100vw` alike; resizing the browser window is not possible everywhere (WebKitGTK's MiniBrowser
 * window stops at 447 px, its toolbar's width).
 */
export async function pageOfWidth(width: number, module: string, body: string): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `display: block; width: ${width}px; height: 640px; border: 0`;
  // As on a phone, a scroll bar takes no room from the page; the module URL is the one the test page itself uses.
  frame.srcdoc = `<!doctype html><html lang="de"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
    <style>html { scrollbar-width: none; }</style>
    <script type="module" src="${new URL(module, location.href).href}"></script><body>${body}</body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  (await fixture(html`<div></div>`)).append(frame);
  await loaded; // module scripts have run by then: the widget is defined
  const page = frame.contentDocument!;
  expect(page.defaultView!.innerWidth, 'the frame\'s viewport').to.equal(width);
  expect(page.defaultView!.matchMedia(`(max-width: ${width}px)`).matches, `(max-width: ${width}px) in the frame`).to.equal(true);
  return page;
}
