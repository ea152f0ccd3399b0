/**
 * The calendar's model. Every source (the KPR events feed, iCalendar, OParl) is read into `CalendarEvent`
 * occurrences for the days on screen; recurring series are expanded only for those days plus a margin.
 */

export type EventStatus = 'scheduled' | 'cancelled' | 'postponed' | 'moved-online';

export interface EventLocation {
  name?: string;
  address?: string;
  /** WGS 84; shown as a link to OpenStreetMap, never as an embedded map. */
  geo?: { lat: number; lon: number };
}

export interface EventOrganizer {
  name?: string;
  email?: string;
  url?: string;
}

/** One occurrence of an event, as the calendar shows it. */
export interface CalendarEvent {
  /** Unique per occurrence: the source, the event's uid and the occurrence's start. */
  key: string;
  /** The event's (or series') id in its source: the UID of iCalendar, the item id of a feed. */
  uid: string;
  /**
   * Undefined for an iCalendar event without SUMMARY, which RFC 5545 allows: the views call it "Untitled event" in
   * the resident's language (`titleWithStatus`).
   */
  title?: string;
  /** Plain text. */
  description?: string;
  /**
   * The language of its title and text (BCP 47: "en", "ar"), as its source says: a feed item's `language` or the
   * feed's, an iCalendar SUMMARY's or DESCRIPTION's LANGUAGE parameter or the calendar's. The views mark them with it
   * where it is not the widget's (WCAG 3.1.2).
   */
  language?: string;
  /** HTML from the source, still to be sanitised by the widget (`safeHtml`). */
  html?: string;
  /** The event's page: only http(s). */
  url?: string;
  allDay: boolean;
  /** The instant it starts. For all-day events: the start of `startDay` in the municipality's zone. */
  start: Date;
  /** The instant it ends (exclusive). For all-day events: the start of the day after `endDay`. */
  end: Date;
  /** The first day it is shown on, in the municipality's zone ("2026-11-24"). */
  startDay: string;
  /** The last day it is shown on (inclusive): multi-day events are shown on every day they span. */
  endDay: string;
  location?: EventLocation;
  category?: string;
  organizer?: EventOrganizer;
  status: EventStatus;
  /** Where to register: only http(s) or mailto. */
  registrationUrl?: string;
  /** Notes on access: step-free entrance, hearing loop, sign language. */
  accessibility?: string;
  /** Part of a recurring series. */
  recurring: boolean;
  /** The feed URL it came from, and its position in `src` (for the source's colour and category). */
  source: string;
  sourceIndex: number;
}

/** Days, inclusive `from`, exclusive `to`, in the municipality's zone. */
export interface DayRange {
  from: string;
  to: string;
}

/** A source read once, asked for the occurrences of whatever days are on screen. */
export interface EventSource {
  url: string;
  /** The occurrences that overlap `range`, in start order. Never more than `MAX_OCCURRENCES`. */
  occurrences(range: DayRange, timeZone: string): CalendarEvent[];
  /** A `webcal:` or .ics address residents can subscribe to, when the source offers one. */
  subscribeUrl?: string;
  /** True while the source fetches more of itself (the next page of an OParl list). */
  readonly loading?: boolean;
}

/** A bound on the work of one expansion: a rule with 10,000 occurrences in range stops here. */
export const MAX_OCCURRENCES = 2000;

/**
 * Problems for the webmaster's console, naming the source, the event and the field, each with its code
 * (docs/problem-codes.md) and its data (where, and whether the event or a part is left out): the console names the
 * code, and the validator works from code and data.
 */
export type { Warn } from '../../core/feed/types.js';
