/**
 * Where a JSON text stops being JSON, and why, in words a webmaster can act on. Browsers and Node word their
 * JSON.parse errors differently (some give no position at all), so the place is found by a small scanner of our
 * own: the same line and column in the command line and in the browser.
 */
export interface JsonSyntaxError {
  line: number;
  column: number;
  /** What was expected or found there, e.g. "expected ',' or '}' after a value". */
  reason: string;
  /** What the webmaster most likely has to do there. */
  fix: string;
}

class Stop extends Error {
  constructor(readonly at: number, readonly reason: string, readonly fix: string) {
    super(reason);
  }
}

export function findJsonError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const stop = (reason: string, fix: string, at = i): never => {
    throw new Stop(at, reason, fix);
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const end = () => i >= text.length;

  function value(): void {
    space();
    if (end()) stop('the text ends where a value was expected', 'Complete the feed: a closing bracket or brace is probably missing at the end.');
    const c = text[i]!;
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    if (c === "'") stop('a text in single quotes', 'Write texts and names in straight double quotes ("…"); JSON does not allow single quotes.');
    if ('“”„'.includes(c)) stop('a typographic quotation mark', 'Replace the curly quotation mark with a straight double quote ("), as a word processor or CMS may have changed it.');
    stop(`"${c}" where a value was expected`, 'Write a value here: a text in double quotes, a number, true, false, null, an object {…} or a list […].');
  }

  function object(): void {
    i++; // {
    space();
    if (text[i] === '}') return void i++;
    for (;;) {
      space();
      if (text[i] === '}') stop('a comma before "}"', 'Remove the comma after the last entry of the object; JSON allows no comma before "}".', lastComma());
      if (text[i] !== '"') stop(end() ? 'the text ends inside an object' : 'a property name that is not in double quotes', 'Write every property name in straight double quotes, e.g. "title": "…".');
      string();
      space();
      if (text[i] !== ':') stop('expected ":" after the property name', 'Put a colon between the property name and its value, e.g. "title": "…".');
      i++;
      value();
      space();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') return void i++;
      stop(end() ? 'the text ends inside an object' : 'expected "," or "}" after a value', end() ? 'Close the object with "}" (and any lists with "]").' : 'Put a comma after the value that ends just before this point, or close the object with "}".');
    }
  }

  function array(): void {
    i++; // [
    space();
    if (text[i] === ']') return void i++;
    for (;;) {
      space();
      if (text[i] === ']') stop('a comma before "]"', 'Remove the comma after the last entry of the list; JSON allows no comma before "]".', lastComma());
      value();
      space();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') return void i++;
      stop(end() ? 'the text ends inside a list' : 'expected "," or "]" after a value', end() ? 'Close the list with "]" (and any objects with "}").' : 'Put a comma after the value that ends just before this point, or close the list with "]".');
    }
  }

  function string(): void {
    const start = i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') return void i++;
      if (c === '\\') {
        const escape = text[i + 1];
        if (escape === 'u' ? !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)) : !escape || !'"\\/bfnrt'.includes(escape)) {
          stop('a backslash that starts no valid escape', 'Write a backslash in a text as \\\\ (and a quotation mark as \\").');
        }
        i += escape === 'u' ? 6 : 2;
        continue;
      }
      if (c < ' ') stop(c === '\n' || c === '\r' ? 'a line break inside a text' : 'a control character inside a text', 'Write a line break inside a text as \\n, or close the text with a double quote before the line ends.');
      i++;
    }
    stop('a text that is never closed', 'Close the text with a straight double quote (").', start);
  }

  function number(): void {
    const match = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    match.lastIndex = i;
    if (!match.exec(text)) stop('a number that is not written as JSON', 'Write numbers with a point for decimals and no leading zeros or spaces, e.g. 39.7.');
    i = match.lastIndex;
  }

  function lastComma(): number {
    return text.lastIndexOf(',', i);
  }

  try {
    space();
    if (text[i] === '\uFEFF') i++;
    value();
    space();
    if (!end()) stop('more text after the end of the JSON', 'Remove what follows the last closing brace, or merge it into the feed.');
    return undefined;
  } catch (error) {
    if (!(error instanceof Stop)) {
      // So deeply nested that the scanner ran out of stack: say so rather than guess.
      return { line: 1, column: 1, reason: 'nested too deeply to check', fix: 'Make the feed flatter: no feed needs objects nested hundreds of levels deep.' };
    }
    const before = text.slice(0, error.at);
    const line = before.split('\n').length;
    return { line, column: error.at - before.lastIndexOf('\n'), reason: error.reason, fix: error.fix };
  }
}
