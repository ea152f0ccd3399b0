import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { textLanguage } from '../../core/feed/language.js';
import { formatDay, formatDayRange, formatRange, formatTime } from '../../core/format.js';
import type { I18nController } from '../../core/i18n.js';
import { addDays, addMonths, addMonthsKeepingDay, dayOf, daysBetween, isoWeekday, monthGrid } from '../../core/time.js';
import type { CalendarEvent, DayRange } from './event-calendar.types.js';

/** What the views need from the widget. */
export interface ViewContext {
  i18n: I18nController;
  timeZone: string;
  /** Today in the municipality's zone. */
  today: string;
  /** The day that has focus in the month grid; its month is on screen. */
  cursor: string;
  /** The events shown, by day (a multi-day event is under each of its days), after filters. */
  byDay: ReadonlyMap<string, readonly CalendarEvent[]>;
  /** The level of a list's day headings (`headingLevels`). */
  headingLevel: number;
  openEvent(event: CalendarEvent, opener: HTMLElement): void;
  openDay(day: string, opener: HTMLElement): void;
}

/** The events under each day of the range they touch: a multi-day event under every one of its days. */
export function groupByDay(events: readonly CalendarEvent[], range: DayRange): Map<string, CalendarEvent[]> {
  const byDay = new Map<string, CalendarEvent[]>();
  for (const event of events) {
    for (let day = event.startDay < range.from ? range.from : event.startDay; day <= event.endDay && day < range.to; day = addDays(day, 1)) {
      const list = byDay.get(day);
      if (list) list.push(event);
      else byDay.set(day, [event]);
    }
  }
  return byDay;
}

/**
 * The levels of the widget's headings. Its first heading gets the level the webmaster sets (`heading-level`, kept
 * within 2 to 6), so that it fits under the page's own: the month's name, with the days of a list one level below;
 * in the upcoming view, which names no month, the days themselves.
 */
export function headingLevels(headingLevel: number, view: 'month' | 'list' | 'upcoming'): { month: number; day: number } {
  const month = Math.min(6, Math.max(2, headingLevel));
  return { month, day: view === 'upcoming' ? month : Math.min(6, month + 1) };
}

/** Previous, today and next; the month's name, read out when it changes; month or list. */
export function renderToolbar(context: ViewContext, view: 'month' | 'list', level: number, on: { move(day: string): void; show(view: 'month' | 'list'): void }): TemplateResult {
  const t = (key: string) => context.i18n.t(key);
  return html`<div class="toolbar" part="toolbar">
    <div class="nav">
      <button type="button" class="button secondary" aria-label=${t('calendar.previous')} @click=${() => on.move(addMonths(context.cursor, -1))}><span aria-hidden="true">‹</span></button>
      <button type="button" class="button secondary" @click=${() => on.move(context.today)}>${t('calendar.today')}</button>
      <button type="button" class="button secondary" aria-label=${t('calendar.next')} @click=${() => on.move(addMonths(context.cursor, 1))}><span aria-hidden="true">›</span></button>
    </div>
    <div role="heading" aria-level=${level} class="heading" id="month-heading" aria-live="polite">${formatDay(context.cursor, context.i18n.locale, 'month')}</div>
    <div class="views" role="group" aria-label=${t('calendar.views')}>
      ${(['month', 'list'] as const).map((v) => html`<button type="button" class="button secondary" aria-pressed=${view === v} @click=${() => on.show(v)}>${t(`calendar.view.${v}`)}</button>`)}
    </div>
  </div>`;
}

/** Chips a day cell shows before "+n more"; more would only be a truncated mess on a phone. */
const CHIPS_PER_DAY = 3;

/** "18:00" for a timed event on its first day, "ganztägig" for all-day ones, nothing on later days. */
export function shortTime(event: CalendarEvent, day: string, context: ViewContext): string {
  if (event.allDay) return context.i18n.t('calendar.allDay');
  return day === event.startDay ? formatTime(event.start, context.i18n.locale, context.timeZone) : '';
}

/**
 * In a list, where an event appears once: its time; for a timed event that ends on a later day, both times and how
 * many days later it ends ("22:00 – 1:00 (+1 Tag)"), as timetables write it. All-day events, and events listed
 * under a later day than their first (they began before the days listed), show the days they span ("7.–11. Dez.").
 */
function listTime(event: CalendarEvent, day: string, context: ViewContext): string {
  if (event.startDay === event.endDay) return shortTime(event, day, context);
  const { i18n, timeZone } = context;
  if (event.allDay || day !== event.startDay) return formatDayRange(event.startDay, event.endDay, i18n.locale, 'short');
  return i18n.t('calendar.laterDay', {
    start: formatTime(event.start, i18n.locale, timeZone),
    end: formatTime(event.end, i18n.locale, timeZone),
    count: daysBetween(event.startDay, dayOf(event.end, timeZone)),
  });
}

/** When an event takes place, in full: "Dienstag, 3. Dezember 2026, 18:00–20:00". */
export function describeWhen(event: CalendarEvent, context: ViewContext): string {
  const { locale } = context.i18n;
  if (event.allDay) {
    if (event.startDay === event.endDay) return `${formatDay(event.startDay, locale, 'long')}, ${context.i18n.t('calendar.allDay')}`;
    return formatDayRange(event.startDay, event.endDay, locale, 'long');
  }
  const options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: context.timeZone };
  return formatRange(event.start, event.end, locale, options);
}

/**
 * The title with its status in words when it is not taking place as planned: never colour alone. An event without
 * a title says so in words, rather than showing an empty chip.
 */
export function titleWithStatus(event: CalendarEvent, i18n: I18nController): string {
  const title = event.title ?? i18n.t('calendar.untitled');
  return event.status === 'scheduled' ? title : `${i18n.t(`calendar.status.${event.status}`)}: ${title}`;
}

/**
 * The title as `titleWithStatus` gives it, with the title itself marked in the event's language where that is not
 * the widget's (`lang`, and `dir` where the direction differs: WCAG 3.1.2), so that a screen reader reads an English
 * event in a German calendar in English; the status before it and "Termin ohne Titel" are the widget's words.
 */
export function renderTitle(event: CalendarEvent, i18n: I18nController): string | TemplateResult {
  const { lang, dir } = textLanguage(event.title && event.language, i18n.language, i18n.dir);
  if (!lang) return titleWithStatus(event, i18n);
  const title = html`<span lang=${lang} dir=${ifDefined(dir)}>${event.title}</span>`;
  return event.status === 'scheduled' ? title : html`${i18n.t(`calendar.status.${event.status}`)}: ${title}`;
}

/** The month as a grid of days, following the WAI-ARIA date grid: one cell in the tab order, arrows move. */
export function renderMonth(context: ViewContext, headingId: string): TemplateResult {
  const { i18n, cursor, today, byDay } = context;
  const days = monthGrid(cursor);
  const month = cursor.slice(0, 7);
  const weeks = Array.from({ length: days.length / 7 }, (_, week) => days.slice(week * 7, week * 7 + 7));
  return html`<table class="month" role="grid" aria-labelledby=${headingId} part="month">
    <thead><tr>${weeks[0]!.map((day) => html`<th scope="col" abbr=${formatDay(day, i18n.locale, 'long').split(',')[0]!}>${formatDay(day, i18n.locale, 'weekday')}</th>`)}</tr></thead>
    <tbody>${weeks.map((week) => html`<tr>${week.map((day) => renderDayCell(day, byDay.get(day) ?? [], context, day.startsWith(month), day === today))}</tr>`)}</tbody>
  </table>`;
}

function renderDayCell(day: string, events: readonly CalendarEvent[], context: ViewContext, inMonth: boolean, isToday: boolean): TemplateResult {
  const { i18n } = context;
  const count = events.length ? i18n.t('calendar.eventCount', { count: events.length }) : i18n.t('calendar.noEvents');
  const shown = events.length > CHIPS_PER_DAY ? events.slice(0, CHIPS_PER_DAY - 1) : events;
  const rest = events.length - shown.length;
  // Written without white space between the tags, and each text as one string: every text node in a cell is a
  // layout object, and a month has some hundred chips (791 layout objects a month before, 659 after, as the same
  // cells written as plain HTML).
  return html`<td role="gridcell" class="day ${inMonth ? '' : 'outside'} ${isToday ? 'today' : ''}" data-day=${day} tabindex=${day === context.cursor ? 0 : -1} aria-current=${isToday ? 'date' : nothing} aria-selected=${day === context.cursor}><span class="day-number" aria-hidden="true">${formatDay(day, i18n.locale, 'day')}</span> <span class="visually-hidden">${`${formatDay(day, i18n.locale, 'long')}, ${count}`}</span>${shown.length
    ? html`<ul class="chips" aria-hidden="true">${shown.map((event) => html`<li><button type="button" tabindex="-1" class="chip source-${event.sourceIndex % 6} ${event.status} ${event.allDay ? 'all-day' : ''}" @click=${(e: Event) => context.openEvent(event, cellOf(e))}>${chipLabel(event, day, context)}</button></li>`)}${rest
      ? html`<li><button type="button" tabindex="-1" class="chip more" @click=${(e: Event) => context.openDay(day, cellOf(e))}>${i18n.t('calendar.more', { count: rest })}</button></li>`
      : nothing}</ul>`
    : nothing}</td>`;
}

/** A chip's text: its time on the event's first day (none for all-day events) and its title, as one text where it can. */
function chipLabel(event: CalendarEvent, day: string, context: ViewContext): string | TemplateResult {
  const time = event.allDay ? '' : shortTime(event, day, context);
  const title = renderTitle(event, context.i18n);
  return typeof title === 'string' ? `${time} ${title}` : html`${time} ${title}`;
}

/** Focus returns to the day cell, not to a chip that is outside the tab order. */
const cellOf = (event: Event) => (event.currentTarget as HTMLElement).closest<HTMLElement>('td')!;

/** The day the grid keys move to from `day`, or undefined for other keys. Left and right follow the reading direction. */
export function dayForKey(key: string, day: string, rtl: boolean): string | undefined {
  const back = rtl ? 'ArrowRight' : 'ArrowLeft';
  const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
  switch (key) {
    case back: return addDays(day, -1);
    case forward: return addDays(day, 1);
    case 'ArrowUp': return addDays(day, -7);
    case 'ArrowDown': return addDays(day, 7);
    case 'Home': return addDays(day, 1 - isoWeekday(day));
    case 'End': return addDays(day, 7 - isoWeekday(day));
    case 'PageUp': return addMonthsKeepingDay(day, -1);
    case 'PageDown': return addMonthsKeepingDay(day, 1);
    default: return undefined;
  }
}

/**
 * The days that have events, in order, for a list. A list names an event once, under its first day in `range` (one
 * that began earlier under `range.from`); the grid shows it on every day it spans.
 */
export function agendaDays(events: readonly CalendarEvent[], range: DayRange): [string, CalendarEvent[]][] {
  return [...groupByDay(events, range)].sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, list]) => [day, list.filter((e) => e.startDay === day || day === range.from)] as [string, CalendarEvent[]])
    .filter(([, list]) => list.length);
}

type AgendaDays = readonly [string, readonly CalendarEvent[]][];

/** An agenda: the days that have events, each with its events, in time order. */
export function renderAgenda(days: AgendaDays, context: ViewContext, compact = false): TemplateResult {
  return html`<div class="agenda ${compact ? 'compact' : ''}" part="list">${days.map(([day, events]) => renderAgendaDay(day, events, context))}</div>`;
}

/** What the list of this month needs to show its days already past behind a disclosure button. */
export interface EarlierDays {
  days: AgendaDays;
  open: boolean;
  toggle(): void;
  /** Said where the later days would be when none is left: the month's rest is empty, or nothing there matches. */
  noneLater: string;
}

/**
 * The list of a month. In this month, the days already past come first but collapsed behind a button (the WAI-ARIA
 * disclosure pattern): residents look for what is next, and still find last week's meeting. The button stays the
 * same element when toggled, so the focus stays on it.
 */
export function renderList(days: AgendaDays, earlier: EarlierDays | undefined, context: ViewContext, more?: { label: string; show(): void }): TemplateResult {
  const count = earlier?.days.reduce((sum, [, events]) => sum + events.length, 0) ?? 0;
  return html`<div class="agenda" part="list">
    ${earlier && count ? html`<button type="button" class="button secondary earlier-button" part="earlier-button" aria-expanded=${earlier.open} aria-controls="earlier-days"
        @click=${earlier.toggle}>${context.i18n.t('calendar.earlier', { count })}</button>
      <div class="agenda earlier-days" id="earlier-days" ?hidden=${!earlier.open}>${earlier.open ? earlier.days.map(([day, events]) => renderAgendaDay(day, events, context, true)) : nothing}</div>` : nothing}
    ${days.map(([day, events]) => renderAgendaDay(day, events, context))}
    ${more ? html`<button type="button" class="button secondary more-button" part="more-button" @click=${more.show}>${more.label}</button>` : nothing}
    ${days.length || !earlier ? nothing : html`<p class="none-later">${earlier.noneLater}</p>`}
  </div>`;
}

/** A day's heading and its events; a day already past says so in words, not by its muted colour alone. */
function renderAgendaDay(day: string, events: readonly CalendarEvent[], context: ViewContext, past = false): TemplateResult {
  return html`<section class="agenda-day ${past ? 'past' : ''}">
    <div role="heading" aria-level=${context.headingLevel} class="agenda-date" part="day-heading">${formatDay(day, context.i18n.locale, 'long')}${past ? html`<span class="visually-hidden">, ${context.i18n.t('calendar.past')}</span>` : nothing}</div>
    <ul class="agenda-events">${events.map((event) => renderAgendaEvent(event, day, context))}</ul>
  </section>`;
}

function renderAgendaEvent(event: CalendarEvent, day: string, context: ViewContext): TemplateResult {
  const place = event.location?.name ?? event.location?.address;
  return html`<li class="agenda-event source-${event.sourceIndex % 6} ${event.status}" part="event">
    <span class="agenda-time">${listTime(event, day, context)}</span>
    <span class="agenda-main">
      <button type="button" class="event-button" part="event-button" @click=${(e: Event) => context.openEvent(event, e.currentTarget as HTMLElement)}>${renderTitle(event, context.i18n)}</button>
      ${place || event.category ? html`<span class="agenda-meta">${[place, event.category].filter(Boolean).join(' · ')}</span>` : nothing}
    </span>
  </li>`;
}
