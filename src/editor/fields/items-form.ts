// What the four item forms (goals, tips, events, news) share: the editor's context, their lists through one
// ListController, and rendering into the light DOM, so that demo/editor.css styles them and their ids are the
// page's own (the error summary links to them).
import { LitElement } from 'lit';
import { ListController, type ListNames } from '../controllers/list-controller.js';
import type { FormContext } from './fields.js';
import type { Path } from '../model/paths.js';

/** The feed's items, the list each form edits. */
export const ITEMS: Path = ['items'];

export abstract class ItemsForm extends LitElement {
  static override properties = { context: { attribute: false } };
  declare context: FormContext;
  protected readonly lists = new ListController(this, () => this.context);
  /** The key of the item's noun in the editor's texts, `goal` for `goal.noun` ("Ziel"). */
  protected abstract readonly itemKey: string;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** How an item is named in the list's buttons and announcements; a new item's title gets the focus. */
  protected names(): ListNames {
    return { noun: this.context.t(`${this.itemKey}.noun`), firstField: ['title'] };
  }
}
