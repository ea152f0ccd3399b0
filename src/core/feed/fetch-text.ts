import { decodeFeedBytes } from './decode.js';
import { fetchBytes, type FetchTextOptions } from './fetch-body.js';

export type { FetchTextOptions } from './fetch-body.js';
export { decodeFeedBytes } from './decode.js';

/**
 * A feed's text, for the editor and Node. The widgets call `fetchBytes` and decode in the parser's chunk
 * (`feed-requests.ts`), so that this module and the decoder are not part of their first download.
 */
export async function fetchText(url: string, options: FetchTextOptions): Promise<string> {
  const { bytes, contentType } = await fetchBytes(url, options);
  return decodeFeedBytes(bytes, contentType);
}
