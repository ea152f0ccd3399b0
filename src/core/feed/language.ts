/** Primary language subtags written right to left. */
const RIGHT_TO_LEFT = /^(ar|arc|ckb|dv|fa|he|iw|nqo|ps|sd|syr|ug|ur|yi)(-|$)/i;

/** The `lang` and `dir` a feed's text gets inside a widget: set only where they differ from the widget's own. */
export interface TextLanguage {
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

/**
 * An English item in a German widget is marked `lang="en"`, so that a screen reader reads it in English (WCAG
 * 3.1.2, language of parts); an Arabic one in a German widget also `dir="rtl"`. A language that is the widget's own,
 * or a regional form of it ("de-DE" in a "de" widget, Leichte Sprache "de-x-ls" with a German feed), changes nothing.
 */
export function textLanguage(language: string | undefined, widgetLanguage: string, widgetDir: 'ltr' | 'rtl'): TextLanguage {
  if (!language || sameLanguage(language, widgetLanguage)) return {};
  const dir = RIGHT_TO_LEFT.test(language) ? 'rtl' : 'ltr';
  return dir === widgetDir ? { lang: language } : { lang: language, dir };
}

function sameLanguage(a: string, b: string): boolean {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x === y || x.startsWith(`${y}-`) || y.startsWith(`${x}-`);
}
