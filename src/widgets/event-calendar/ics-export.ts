import { addDays } from '../../core/time.js';
import type { CalendarEvent } from './event-calendar.types.js';
import { now as clockNow } from '../../core/clock.js';

/**
 * One event as an iCalendar file (RFC 5545) for "add to my calendar". Times are written in UTC and all-day
 * events as dates, so every calendar program places the event exactly, without needing our time zone data.
 */
export function eventToIcs(event: CalendarEvent, now = clockNow()): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//asskomm-widgets//kpr-event-calendar//DE',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeText(`${event.uid}-${utc(event.start)}`)}`,
    `DTSTAMP:${utc(now)}`,
    ...(event.allDay
      ? [`DTSTART;VALUE=DATE:${compactDay(event.startDay)}`, `DTEND;VALUE=DATE:${compactDay(addDays(event.endDay, 1))}`]
      : [`DTSTART:${utc(event.start)}`, `DTEND:${utc(event.end)}`]),
  ];
  if (event.title) lines.push(`SUMMARY:${escapeText(event.title)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  const place = [event.location?.name, event.location?.address].filter(Boolean).join(', ');
  if (place) lines.push(`LOCATION:${escapeText(place)}`);
  if (event.location?.geo) lines.push(`GEO:${event.location.geo.lat};${event.location.geo.lon}`);
  if (event.url) lines.push(`URL:${event.url}`);
  if (event.category) lines.push(`CATEGORIES:${escapeText(event.category)}`);
  if (event.status === 'cancelled') lines.push('STATUS:CANCELLED');
  lines.push('END:VEVENT', 'END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** A file name residents recognise: the title, without characters file systems refuse. */
export function icsFileName(event: CalendarEvent): string {
  const base = (event.title ?? '').normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 60);
  return `${base || 'termin'}.ics`;
}

const utc = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const compactDay = (day: string) => day.replace(/-/g, '');

/** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545, 3.3.11). */
function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets are folded: a line break followed by a space (RFC 5545, 3.1). */
function fold(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  for (const char of line) {
    if (encoder.encode(current + char).length > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
    }
    current += char;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
