import { html, type TemplateResult } from 'lit';

/**
 * A translated sentence with marked parts ("Rufen Sie die <0>110</0> an"), each part wrapped by the function
 * of its number, for example in a link. Translators keep the markers where their language needs them; the text
 * itself is never parsed as HTML, so a translation cannot inject markup.
 */
export function rich(text: string, ...wrap: ((inner: string) => TemplateResult)[]): TemplateResult {
  // With two capture groups, split gives [text, number, inner, text, number, inner, …, text].
  const parts = text.split(/<(\d)>(.*?)<\/\1>/);
  const out: (string | TemplateResult)[] = [];
  for (let i = 0; i < parts.length; i += 3) {
    out.push(parts[i]!);
    if (i + 2 < parts.length) out.push(wrap[Number(parts[i + 1])]?.(parts[i + 2]!) ?? parts[i + 2]!);
  }
  return html`${out}`;
}
