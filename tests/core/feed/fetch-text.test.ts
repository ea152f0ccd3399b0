import { expect } from '@open-wc/testing';
import { fetchBytes } from '../../../src/core/feed/fetch-body.js';
import type { FeedError } from '../../../src/core/feed/feed-error.js';
import { decodeFeedBytes, fetchText } from '../../../src/core/feed/fetch-text.js';

const options = { signal: new AbortController().signal, timeoutMs: 5000, maxBytes: 1_000_000, retryDelayMs: 0 };
const URL_ = 'https://www.bannewitz.de/kpr/feed';

/** Fetches a body that arrives in the given pieces, as a slow server sends it. */
async function fetchPieces(pieces: Uint8Array[], contentType: string): Promise<string> {
  const original = window.fetch;
  window.fetch = async () => new Response(new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  }), { headers: { 'content-type': contentType } });
  try {
    return await fetchText(URL_, options);
  } finally {
    window.fetch = original;
  }
}

/** `bytes` cut at the given offsets. */
const cut = (bytes: Uint8Array, ...at: number[]) => [0, ...at].map((from, index) => bytes.slice(from, [...at, bytes.length][index]));

describe('fetchText: decoding while the feed arrives', () => {
  const feed = `{"title":"Termine","items":[${'{"id":"ä","title":"Prävention – Fahrradcodierung ✓"},'.repeat(20)}{"id":"ende"}]}`;
  const utf8 = new TextEncoder().encode(feed);

  it('reads UTF-8 cut anywhere, inside a character too, as the whole would be read', async () => {
    const inside = utf8.indexOf(0xc3) + 1; // between the two bytes of "ä"
    for (const pieces of [cut(utf8, 10), cut(utf8, inside, 200, 201), cut(utf8, 150), [utf8]]) {
      expect(await fetchPieces(pieces, 'application/feed+json')).to.equal(feed);
    }
  });

  it('reads Latin-1 labelled UTF-8 by its XML declaration, though the first pieces were valid UTF-8', async () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>${'x'.repeat(300)} Prävention</title></channel></rss>`;
    const latin1 = Uint8Array.from(xml, (c) => c.charCodeAt(0));
    expect(await fetchPieces(cut(latin1, 130, 300), 'application/rss+xml; charset=utf-8')).to.equal(xml);
    expect(decodeFeedBytes(latin1, 'application/rss+xml; charset=utf-8')).to.equal(xml);
  });

  it('reads UTF-16 by its byte-order mark, in pieces of odd length', async () => {
    const text = `<rss><channel><title>Prävention ✓ ${'y'.repeat(100)}</title></channel></rss>`;
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let index = 0; index < text.length; index++) bytes.set([text.charCodeAt(index) & 0xff, text.charCodeAt(index) >> 8], 2 + index * 2);
    expect(await fetchPieces(cut(bytes, 1, 121, 122), 'text/xml')).to.equal(text);
  });
});

describe('fetchBytes: the widgets\' fetch, decoded in the parser\'s chunk', () => {
  it('cuts a feed off at the size limit while it streams, though it never ends', async () => {
    const piece = new Uint8Array(600).fill(0x20);
    const original = window.fetch;
    // No Content-Length, as behind gzip on another host: only the bytes counted while they come can stop it.
    window.fetch = async () => new Response(new ReadableStream({ pull: (controller) => controller.enqueue(piece) }));
    try {
      const error = await fetchBytes(URL_, { ...options, maxBytes: 1000 }).then(() => undefined, (reason: unknown) => reason as FeedError);
      expect(error?.kind).to.equal('too-large');
    } finally {
      window.fetch = original;
    }
  });

  it('gives the bytes as they came, with the Content-Type to decode them by', async () => {
    const latin1 = Uint8Array.from('Pr\u00e4vention', (c) => c.charCodeAt(0));
    const original = window.fetch;
    window.fetch = async () => new Response(new ReadableStream({
      start(controller) {
        controller.enqueue(latin1.slice(0, 3));
        controller.enqueue(latin1.slice(3));
        controller.close();
      },
    }), { headers: { 'content-type': 'text/xml; charset=iso-8859-1' } });
    try {
      const { bytes, contentType } = await fetchBytes(URL_, options);
      expect([...bytes]).to.deep.equal([...latin1]);
      expect(decodeFeedBytes(bytes, contentType)).to.equal('Pr\u00e4vention');
    } finally {
      window.fetch = original;
    }
  });
});
