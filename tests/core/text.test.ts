import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { parseInert, plainText } from '../../src/core/text.js';

/** What plainText returned before its fast path: every string through the HTML parser. */
function parsedText(html: string): string {
  return (parseInert(html, 'text/html').body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

const FEEDS = ['blank-line-before-xml.rss', 'bom.atom', 'atom-entry-without-id.atom', 'rss10.rdf', 'atom03.xml', 'dc-fields.rss', 'dc-fields.atom', 'xml-base.atom', 'xml-base.rss'];

/**
 * Characters the HTML parser treats specially (NUL, CR, the white space it skips before the body), white space only
 * JavaScript collapses (no-break and ideographic spaces, line separators, the byte-order mark), lone surrogates,
 * and characters that are harmless outside a tag.
 */
const TRICKY = ['\0', '\r', '\r\n', '\n', '\t', '\f', '\v', ' ', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u200b', '\ud800', '\udc00', '😀', '>', '"', "'", '=', '/', ']]>', 'ä', 'ß', 'a', 'Z', '.'];

describe('plainText', function () {
  this.timeout(30_000); // a thousand and more parser runs, on a machine other test runs share

  it('gives the text of every element of the fixture feeds exactly as the HTML parser does', async () => {
    let plain = 0;
    for (const name of FEEDS) {
      const xml = parseInert(await (await fetch(`/tests/fixtures/feeds/${name}`)).text(), 'application/xml');
      for (const element of xml.querySelectorAll('*')) {
        const text = element.textContent ?? '';
        if (!/[<&]/.test(text)) plain++;
        expect(plainText(text), `${name}: <${element.localName}>`).to.equal(parsedText(text));
      }
    }
    expect(plain).to.be.greaterThan(100); // the fast path was taken, and often
  });

  it('gives exactly what the HTML parser gives for generated text without markup', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 10 }), (parts) => {
        const text = parts.join('').replace(/[<&]/g, '');
        expect(plainText(text)).to.equal(parsedText(text));
      }),
      { seed: 17, numRuns: 1500 },
    );
  });

  it('reads markup and character references through the parser, running and loading nothing', async () => {
    let ran = false;
    (window as unknown as { kprRan: () => void }).kprRan = () => (ran = true);
    const text = plainText('<p>Einbruch&shy;schutz &amp; <b>Beratung</b></p><img src="x" onerror="kprRan()"><script>kprRan()</script>&lt;script&gt;');
    expect(text).to.equal('Einbruch\u00adschutz & BeratungkprRan()<script>'); // a script's text is text, never run
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    expect(ran).to.equal(false);
  });

  it('collapses white space of plain text as residents see it', () => {
    expect(plainText('\n  Sprechstunde der\tBürgerpolizistin\r\n am Dienstag \u00a0 ')).to.equal('Sprechstunde der Bürgerpolizistin am Dienstag');
    expect(plainText('Präventions\0rat')).to.equal('Präventionsrat');
  });
});
