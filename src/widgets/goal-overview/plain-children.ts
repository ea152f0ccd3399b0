import { noChange } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';

/**
 * Writes an element's children as plain elements made by `make` (cheaper than a template instance per row: an
 * overview has about a hundred table rows and measures), and leaves them as they are while `key`, the texts they
 * show, stays the same (the editor's preview redraws on every keystroke).
 */
class PlainChildren extends Directive {
  private written?: string;

  render(_key: string, _make: () => Node[]): unknown {
    return noChange;
  }

  override update(part: ElementPart, [key, make]: [string, () => Node[]]): unknown {
    if (key !== this.written) {
      this.written = key;
      part.element.replaceChildren(...make());
    }
    return noChange;
  }
}

export const plainChildren = directive(PlainChildren);

/** The key of rows of texts: equal exactly when every text is. */
export const textsKey = (rows: readonly (readonly unknown[])[]) => rows.map((row) => row.join('\u0000')).join('\u0001');
