import type { ReactiveController, ReactiveElement } from 'lit';
import type { CalendarEvent } from './event-calendar.types.js';
import { eventToIcs } from './ics-export.js';

/** What the dialog shows: one event, or the events of a day. */
export type DialogContent = { event: CalendarEvent } | { day: string };

/**
 * The details dialog (a native modal `<dialog>` in the widget's template): opens it with new content, keeps Tab
 * inside, and returns focus to what opened it. An event's .ics file is an object URL made on opening and revoked
 * on closing, so "add to my calendar" is a plain download link.
 */
export class EventDialogController implements ReactiveController {
  content?: DialogContent;
  icsUrl?: string;
  private opener?: HTMLElement;
  /** New content in the open dialog: the button that had the focus is gone with the old content. */
  private replaced = false;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog');
  }

  open(content: DialogContent, opener: HTMLElement): void {
    // From a day's list to one of its events the dialog stays open; focus later returns to the day, not the list.
    if (this.dialog?.open) this.replaced = true;
    else this.opener = opener;
    this.revoke();
    if ('event' in content) this.icsUrl = URL.createObjectURL(new Blob([eventToIcs(content.event)], { type: 'text/calendar' }));
    this.content = content;
    this.host.requestUpdate();
  }

  close = (): void => this.dialog?.close();

  hostUpdated(): void {
    const dialog = this.dialog;
    if (this.content && dialog && !dialog.open) dialog.showModal();
    // Where showModal puts it, on the close button: otherwise the focus would fall to <body>, and nothing be announced.
    if (this.replaced) dialog?.querySelector<HTMLElement>('[autofocus]')?.focus();
    this.replaced = false;
  }

  hostDisconnected(): void {
    this.revoke();
  }

  readonly closed = (): void => {
    this.revoke();
    this.content = undefined;
    this.host.requestUpdate();
    this.opener?.focus();
  };

  /** Tab and Shift+Tab wrap inside the dialog (the WAI-ARIA modal dialog pattern). */
  readonly keepFocus = (event: KeyboardEvent): void => {
    if (event.key !== 'Tab') return;
    const focusable = [...(event.currentTarget as HTMLDialogElement).querySelectorAll<HTMLElement>('a[href], button, input')];
    const active = (this.host.renderRoot as ShadowRoot).activeElement;
    const target = event.shiftKey ? (active === focusable[0] ? focusable.at(-1) : undefined) : active === focusable.at(-1) ? focusable[0] : undefined;
    if (!target) return;
    event.preventDefault();
    target.focus();
  };

  private revoke(): void {
    if (this.icsUrl) URL.revokeObjectURL(this.icsUrl);
    this.icsUrl = undefined;
  }
}
