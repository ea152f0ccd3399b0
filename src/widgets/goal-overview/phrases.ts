import type { I18nController } from '../../core/i18n.js';

/** Stand in a translated sentence for its values (private-use characters, which neither a translation nor a feed contains). */
const FIRST_MARK = 0xe001;
const MARKS = /[\uE001-\uE008]/g;

/**
 * The widget's sentences with values in them ("seit {{start}}", "{{name}}: Werte je Zeitraum"), each translated once
 * per render and filled in for every measure and indicator: an overview has about a hundred such sentences, and
 * i18next's interpolation of each was a tenth of a render. Made anew for each render, so a change of language or
 * texts is always seen. Plural sentences (`count`) are translated once per count.
 */
export class Phrases {
  private readonly sentences = new Map<string, string>();

  constructor(readonly i18n: I18nController) {}

  /** What `i18n.t(key, values)` gives; the values are put in where the translation has them, in one pass. */
  t(key: string, values: Record<string, string>, count?: number): string {
    return this.fill(count === undefined ? key : `${key} ${count}`, values, (marks) => this.i18n.t(key, count === undefined ? marks : { ...marks, count }));
  }

  /**
   * A sentence made once per render and `id` by `make` with marks in place of the values, here filled in with
   * `values` (always the same names, in the same order, for an `id`).
   */
  fill(id: string, values: Record<string, string>, make: (marks: Record<string, string>) => string): string {
    const names = Object.keys(values);
    let sentence = this.sentences.get(id);
    if (sentence === undefined) {
      const marks: Record<string, string> = {};
      names.forEach((name, index) => (marks[name] = String.fromCharCode(FIRST_MARK + index)));
      this.sentences.set(id, (sentence = make(marks)));
    }
    return sentence.replace(MARKS, (mark) => values[names[mark.charCodeAt(0) - FIRST_MARK]!] ?? '');
  }
}
