import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Entries a month's list shows at first, and how many more each press of "Weitere Termine anzeigen" adds. */
export const PAGE_SIZE = 100;

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/**
 * The pages of a long list. A month with hundreds of events is not read entry by entry, and writing them all
 * would keep residents waiting: the list shows the first entries and a button that appends the next ones. The
 * focus moves to the first entry added, and a live region says how many were added, so that keyboard and screen
 * reader users go on reading where the list grew (nothing they had is lost or moved). It loads with the events
 * reader, while the feed is in flight, not in the widget's first download.
 */
export class ListPagesController implements ReactiveController {
  readonly pageSize = PAGE_SIZE;
  /** How many entries are shown. */
  limit = PAGE_SIZE;
  /** What the live region says after a press: how many entries were added. */
  announcement = '';
  private key = '';
  private focusIndex?: number;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  /** The entries to show of the list `key` names (month, search, categories): a list of something else starts anew. */
  limitFor(key: string): number {
    if (key !== this.key) {
      this.key = key;
      this.limit = PAGE_SIZE;
      this.announcement = '';
    }
    return this.limit;
  }

  /** Appends the next page; `announcement` says how many entries that adds. */
  showMore(announcement: string): void {
    this.focusIndex = this.limit;
    this.limit += PAGE_SIZE;
    this.announcement = announcement;
    this.host.requestUpdate();
  }

  /** The first page(s) of a list's days. */
  firstEntries(days: AgendaDays): { days: AgendaDays; rest: number } {
    return firstEntries(days, this.limit);
  }

  hostUpdated(): void {
    if (this.focusIndex === undefined) return;
    const index = this.focusIndex;
    this.focusIndex = undefined;
    // The list's own days, not those already past behind the disclosure button.
    this.host.renderRoot.querySelectorAll<HTMLElement>('[part="list"] > .agenda-day .event-button')[index]?.focus();
  }
}

type AgendaDays = readonly [string, readonly import('./event-calendar.types.js').CalendarEvent[]][];

/** The first `limit` entries of a list's days (a day may be cut), and how many are left out. */
export function firstEntries(days: AgendaDays, limit: number): { days: AgendaDays; rest: number } {
  const shown: [string, (typeof days)[number][1]][] = [];
  let [left, rest] = [limit, 0];
  for (const [day, events] of days) {
    if (left > 0) shown.push([day, events.length <= left ? events : events.slice(0, left)]);
    rest += Math.max(0, events.length - Math.max(0, left));
    left -= events.length;
  }
  return { days: shown, rest };
}
