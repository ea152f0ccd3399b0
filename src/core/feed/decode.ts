/**
 * Decoding a feed's bytes. Not in the widgets' first download: `parse.ts` passes it on, so it loads with the parser
 * while the feed is in flight (see `fetchBytes`).
 */

/** Byte-order marks, and the encoding each one names. */
const BOMS: Array<[string, number[]]> = [['utf-8', [0xef, 0xbb, 0xbf]], ['utf-16le', [0xff, 0xfe]], ['utf-16be', [0xfe, 0xff]]];

/**
 * A byte-order mark decides the encoding before any label, as it does in browsers (the Encoding Standard's
 * "decode"): a UTF-8 feed with its mark stays intact on a server that calls every file ISO-8859-1, and a file
 * saved as UTF-16 is read. German XML feeds are still often ISO-8859-1, and servers often label them UTF-8 all the
 * same. The HTTP charset is tried first, strictly; when the bytes are not valid in it, the XML declaration decides.
 * (Exported for files read from disk, which have no HTTP charset: the validator reads them as a widget would.)
 */
export function decodeFeedBytes(bytes: Uint8Array, contentType: string | null): string {
  const marked = BOMS.find(([, mark]) => mark.every((byte, index) => bytes[index] === byte))?.[0];
  if (marked) return new TextDecoder(marked).decode(bytes);
  const head = new TextDecoder('ascii').decode(bytes.subarray(0, 120));
  const declared = /^\s*<\?xml[^>]*encoding=["']([\w-]+)/i.exec(head)?.[1];
  for (const label of [/charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1], declared, 'utf-8']) {
    try {
      if (label) return new TextDecoder(label, { fatal: true }).decode(bytes);
    } catch {
      // not this encoding (or an unknown label): try the next
    }
  }
  return new TextDecoder().decode(bytes);
}
