import { expect } from '@open-wc/testing';
import { findJsonError } from '../../src/validator/json-position.js';

describe('findJsonError', () => {
  it('finds nothing in valid JSON, whatever JSON.parse accepts', () => {
    for (const text of ['{}', ' [1, -2.5e3, true, false, null, "a\\u00e4\\n"] ', '{"a": {"b": []}}', '\uFEFF{"x": "\u{1F600}"}']) {
      expect(findJsonError(text), text).to.equal(undefined);
    }
  });

  it('names the line and column of the mistake, and what to do about it', () => {
    const cases: Array<[string, number, number, RegExp]> = [
      ['{\n  "title": "A"\n  "items": []\n}', 3, 3, /expected "," or "}" after a value/],
      ['{\n  "items": [1, 2,]\n}', 2, 17, /a comma before "]"/],
      ['{"title": "A",}', 1, 14, /a comma before "}"/],
      ["{'title': 'A'}", 1, 2, /a property name that is not in double quotes/],
      ['{"title": \u201EA\u201C}', 1, 11, /a typographic quotation mark/],
      ['{"title": "A\nB"}', 1, 13, /a line break inside a text/],
      ['{"title" "A"}', 1, 10, /expected ":" after the property name/],
      ['{"items": [', 1, 12, /the text ends where a value was expected/],
      ['{"title": "A"} {"title": "B"}', 1, 16, /more text after the end of the JSON/],
      ['{"n": 01}', 1, 8, /expected "," or "}"/],
    ];
    for (const [text, line, column, reason] of cases) {
      expect(() => JSON.parse(text), text).to.throw();
      const found = findJsonError(text)!;
      expect([found.line, found.column], text).to.deep.equal([line, column]);
      expect(found.reason, text).to.match(reason);
      expect(found.fix, text).to.match(/^[A-Z].*\.$/);
    }
  });
});
