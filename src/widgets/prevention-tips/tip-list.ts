import { noChange, nothing, render, type TemplateResult } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import type { TextLanguage } from '../../core/feed/language.js';
import { placeInOrder } from '../../core/place-in-order.js';
import type { TipEntry } from './prevention-tips.types.js';

/** What one tip of the accordion shows: its title in its language, and, when open, its content. */
export interface TipRow extends TextLanguage {
  entry: TipEntry;
  title: string;
  open: boolean;
  /** Made only for an open tip. */
  content?: () => TemplateResult;
}

/** The elements of one tip that its row writes to. */
interface TipView {
  tip: HTMLDivElement;
  heading: HTMLElement;
  button: HTMLButtonElement;
  panel: HTMLDivElement;
  /** What the closed parts show now (level, title, language), to write only what changed. */
  shown?: string;
  /** Whether the panel holds content, which a closed tip gives up. */
  filled?: boolean;
}

/** One closed, empty tip, cloned for each: a native clone costs less than a template instance with ten bindings. */
let blank: HTMLDivElement | undefined;
function newTip(id: string): TipView {
  if (!blank) {
    blank = document.createElement('div');
    blank.className = 'tip';
    blank.setAttribute('part', 'tip');
    const heading = blank.appendChild(document.createElement('div'));
    heading.setAttribute('role', 'heading');
    const button = heading.appendChild(document.createElement('button'));
    button.type = 'button';
    button.setAttribute('part', 'tip-button');
    button.setAttribute('aria-expanded', 'false');
    const panel = blank.appendChild(document.createElement('div'));
    panel.className = 'panel';
    panel.setAttribute('part', 'tip-panel');
    panel.hidden = true;
  }
  const tip = blank.cloneNode(true) as HTMLDivElement;
  const heading = tip.firstElementChild as HTMLElement;
  const button = heading.firstElementChild as HTMLButtonElement;
  const panel = tip.lastElementChild as HTMLDivElement;
  tip.dataset['tip'] = id;
  button.id = `button-${id}`;
  button.setAttribute('aria-controls', `panel-${id}`);
  panel.id = `panel-${id}`;
  return { tip, heading, button, panel };
}

function language(target: Element, name: 'lang' | 'dir', value: string | undefined): void {
  if (value !== undefined) target.setAttribute(name, value);
  else target.removeAttribute(name);
}

function write(view: TipView, row: TipRow, level: number, host: object): void {
  const shown = `${level}\u0000${row.title}\u0000${row.lang ?? ''}\u0000${row.dir ?? ''}`;
  if (view.shown !== shown) {
    view.heading.setAttribute('aria-level', String(level));
    view.button.textContent = row.title;
    if (view.shown !== undefined || row.lang !== undefined) language(view.button, 'lang', row.lang);
    if (view.shown !== undefined || row.dir !== undefined) language(view.button, 'dir', row.dir);
    view.shown = shown;
  }
  if (view.button.getAttribute('aria-expanded') !== String(row.open)) view.button.setAttribute('aria-expanded', String(row.open));
  view.panel.hidden = !row.open;
  // An open tip's content is a template (buttons, sanitised HTML, links), rendered into its panel and updated in
  // place on each render, so the focus stays on its Leichte-Sprache button; a closed tip's panel is emptied.
  if (row.open && row.content) render(row.content(), view.panel, { host });
  else if (view.filled) render(nothing, view.panel, { host });
  view.filled = row.open;
}

/**
 * The tips of one topic, under its heading, on the group's `<section>`: each tip's elements are made once and
 * kept across renders (a search or filter only takes tips out and puts them back), so the keyboard focus stays on
 * the button it was on. Opening a tip writes its panel only.
 */
class TipGroup extends Directive {
  private views = new Map<TipEntry, TipView>();
  private title?: HTMLElement;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('tipGroup() belongs on the group element');
  }

  render(_heading: string, _level: number, _rows: readonly TipRow[], _host: object): unknown {
    return noChange;
  }

  override update(part: ElementPart, [heading, level, rows, host]: [string, number, readonly TipRow[], object]): unknown {
    const group = part.element;
    if (!this.title) {
      this.title = group.appendChild(document.createElement('div'));
      this.title.setAttribute('role', 'heading');
      this.title.className = 'group-title';
      this.title.setAttribute('part', 'group-title');
    }
    if (this.title.getAttribute('aria-level') !== String(level)) this.title.setAttribute('aria-level', String(level));
    if (this.title.textContent !== heading) this.title.textContent = heading;
    const kept = new Map<TipEntry, TipView>();
    for (const row of rows) {
      const view = this.views.get(row.entry) ?? newTip(row.entry.id);
      kept.set(row.entry, view);
      write(view, row, level + 1, host);
    }
    placeInOrder(group, [...kept.values()].map((view) => view.tip), this.title.nextSibling);
    this.views = kept;
    return noChange;
  }
}

export const tipGroup = directive(TipGroup);
