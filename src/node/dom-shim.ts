/**
 * Node has no DOMParser, and the feed readers the widgets use need one: src/core/text.ts `parseInert` reads
 * RSS and Atom as XML and HTML snippets as text. `installDomParser()` gives Node a DOMParser that behaves like a
 * browser's as far as those readers look: XML through @xmldom/xmldom (namespace-aware and strict, like a
 * browser's XML parser), HTML through linkedom. Both are bundled into dist/cli/ at build time, so the published
 * package needs no runtime dependency for them. Nothing here is ever part of a widget bundle.
 */
import { DOMParser as XmlParser, Element as XmlElement, XMLSerializer as XmlSerializer } from '@xmldom/xmldom';
import { DOMParser as HtmlParser } from 'linkedom';

const XML_TYPES = new Set(['application/xml', 'text/xml', 'application/xhtml+xml', 'image/svg+xml']);

/**
 * A browser's DOMParser does not throw on broken XML: it returns a document with a `<parsererror>` element whose
 * text begins "error on line L at column C: …" (Chromium's wording). The readers look for that element, so the
 * same is done here.
 */
class NodeDomParser {
  parseFromString(markup: string, type: string): Document {
    return (XML_TYPES.has(type) ? parseXml(markup, type) : parseHtml(markup)) as unknown as Document;
  }
}

function parseXml(markup: string, type: string): unknown {
  let problem: string | undefined;
  const parser = new XmlParser({
    // Browsers stop at the first well-formedness error (an unknown entity, a tag left open); xmldom calls some of
    // them errors and carries on, so both levels count. Its warnings are about things browsers accept.
    onError: (level, message, context: { locator?: { lineNumber?: number; columnNumber?: number } } | undefined) => {
      if (level === 'warning') return;
      const at = context?.locator;
      problem ??= /@#\[line:/.test(message) || !at?.lineNumber ? message : `${message} @#[line:${at.lineNumber},col:${at.columnNumber}]`;
      throw new Error(message);
    },
  });
  try {
    return parser.parseFromString(markup, type as 'application/xml');
  } catch (error) {
    const text = problem ?? (error as Error).message;
    const [, line, column] = /@#\[line:(\d+),col:(\d+)\]/.exec(text) ?? [];
    const reason = text.replace(/\s*@#\[line:\d+,col:\d+\]\s*/, '').replace(/\s+/g, ' ').trim();
    const where = line ? `error on line ${line} at column ${column}: ` : 'error: ';
    const report = new XmlParser().parseFromString('<parsererror/>', 'application/xml');
    report.documentElement!.textContent = `${where}${reason}`;
    return report;
  }
}

/** linkedom reads whole documents; a snippet ("<p>Hi</p>", as `plainText` passes) is put into a body first. */
function parseHtml(markup: string): unknown {
  const whole = /^\s*(<!doctype|<html[\s>])/i.test(markup) ? markup : `<!doctype html><html><head></head><body>${markup}</body></html>`;
  return new HtmlParser().parseFromString(whole, 'text/html');
}

/**
 * The element-only walk browsers give every element (ParentNode.firstElementChild, NonDocumentTypeChildNode
 * .nextElementSibling), which xmldom 0.9 lacks though it has `children`: the RSS/Atom reader walks an item's fields
 * with them instead of copying its child list for each field.
 */
function addElementWalk(): void {
  const prototype = XmlElement.prototype as unknown as Record<string, unknown>;
  if ('firstElementChild' in prototype) return;
  const isElement = (node: { nodeType: number } | null) => node?.nodeType === 1;
  const nextElement = (node: { nextSibling: unknown } | null) => {
    let next = node as { nodeType: number; nextSibling: unknown } | null;
    while (next && !isElement(next)) next = next.nextSibling as typeof next;
    return next;
  };
  Object.defineProperties(prototype, {
    firstElementChild: { configurable: true, get(this: { firstChild: { nextSibling: unknown } | null }) { return nextElement(this.firstChild); } },
    nextElementSibling: { configurable: true, get(this: { nextSibling: { nextSibling: unknown } | null }) { return nextElement(this.nextSibling); } },
  });
}

/** Gives Node a DOMParser (and XMLSerializer) where it has none; a real one, in a browser or a test, is kept. */
export function installDomParser(): void {
  addElementWalk();
  const global = globalThis as Record<string, unknown>;
  global.DOMParser ??= NodeDomParser;
  global.XMLSerializer ??= XmlSerializer;
}
