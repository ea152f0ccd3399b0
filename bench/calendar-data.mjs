// One generated year of events for the calendar benchmark, written out twice: as our KPR events feed (JSON Feed
// with `_kpr`) and as FullCalendar's event input. Deterministic (a seeded generator), so every run and both
// calendars see exactly the same events.
//
// 5,000 events from June 2026 to May 2027: 4,500 single events (5 % of them all-day, half of those over
// two to four days) and 500 weekly series (every tenth event) of 4 to 26 weeks. Times are Berlin wall-clock
// times written with their offset (+01:00 in winter, +02:00 in summer), as the feed schema asks.

export const EVENT_COUNT = 5000;
export const FIRST_DAY = '2026-06-01';
export const DAYS = 365;
/** The month both calendars open on, and the one "next" leads to. */
export const MONTH = '2026-12';
export const NEXT_MONTH = '2027-01';

const CATEGORIES = ['Präventionsrat', 'Sprechstunde', 'Vortrag', 'Veranstaltung', 'Arbeitsgruppe', 'Schulung', 'Beratung', 'Jugend'];
const PLACES = [
  ['Rathaus Bannewitz, Ratssaal', 'Rathausstraße 2, 01728 Bannewitz'],
  ['Rathaus Bannewitz, Zimmer 12', 'Rathausstraße 2, 01728 Bannewitz'],
  ['Grundschule Bannewitz, Aula', 'Schulstraße 5, 01728 Bannewitz'],
  ['Jugendclub Possendorf', 'Hauptstraße 14, 01728 Bannewitz'],
  ['Seniorentreff Goppeln', 'Dorfplatz 3, 01728 Bannewitz'],
  ['Polizeirevier Freital', 'Dresdner Straße 202, 01705 Freital'],
  ['Bibliothek Bannewitz', 'Windbergstraße 1, 01728 Bannewitz'],
  ['Sporthalle Bannewitz', 'Am Sportplatz 2, 01728 Bannewitz'],
  ['Feuerwehr Rippien', 'Rippiener Straße 8, 01728 Bannewitz'],
  ['Treffpunkt Bahnhof Bannewitz', 'Bahnhofstraße, 01728 Bannewitz'],
];
const WORDS = ['Einbruchschutz', 'Schulweg', 'Nachbarschaft', 'Senioren', 'Zivilcourage', 'Fahrradcodierung', 'Trickbetrug', 'Beleuchtung', 'Jugendschutz', 'Internet', 'Sicherheit', 'Prävention'];

/** Mulberry32: a small seeded generator. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
const dayNumber = (day) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayText = (number) => new Date(number * DAY_MS).toISOString().slice(0, 10);
const pad = (n) => String(n).padStart(2, '0');
/** Last Sunday of a month (0-based), as a day number. */
const lastSunday = (year, month) => {
  const last = Date.UTC(year, month + 1, 0) / DAY_MS;
  return last - ((last + 4) % 7); // day 0 (1970-01-01) was a Thursday: (n + 4) % 7 is 0 on Sundays
};
/** Berlin's UTC offset on a day, for times of day between 03:00 and 24:00 (the events here are 07:00–22:00). */
const berlinOffset = (day) => {
  const n = dayNumber(day);
  const year = Number(day.slice(0, 4));
  return n >= lastSunday(year, 2) && n < lastSunday(year, 9) ? '+02:00' : '+01:00';
};
const wall = (day, minutes) => `${day}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00${berlinOffset(day)}`;
const clock = (minutes) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** The events, in a neutral form both outputs are made from. */
export function generateEvents(count = EVENT_COUNT) {
  const rand = random(20261203);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const first = dayNumber(FIRST_DAY);
  return Array.from({ length: count }, (_, i) => {
    const category = CATEGORIES[i % CATEGORIES.length];
    const [place, address] = pick(PLACES);
    const topic = pick(WORDS);
    const event = {
      id: `event-${i}`,
      title: `${category}: ${topic} ${i}`,
      description: `${topic} und ${pick(WORDS)}: ${category} des Präventionsrats. Bitte bringen Sie Fragen mit; der Eintritt ist frei.`,
      url: `https://www.bannewitz.de/praevention/termine/${i}`,
      category,
      location: { name: place, address },
    };
    if (i % 10 === 0) {
      // A weekly series: 4 to 26 weeks, starting anywhere in the first ten months.
      const day = first + Math.floor(rand() * 300);
      const weeks = 4 + Math.floor(rand() * 23);
      const start = (8 + Math.floor(rand() * 12)) * 60 + 15 * Math.floor(rand() * 4);
      return { ...event, day: dayText(day), start, end: start + 60 + 30 * Math.floor(rand() * 4), weekly: { lastDay: dayText(day + 7 * (weeks - 1)) } };
    }
    const day = dayText(first + Math.floor(rand() * DAYS));
    if (i % 20 === 5) return { ...event, day, allDay: true, lastDay: dayText(dayNumber(day) + (i % 40 === 5 ? 1 + Math.floor(rand() * 3) : 0)) };
    const start = (7 + Math.floor(rand() * 13)) * 60 + 15 * Math.floor(rand() * 4);
    return { ...event, day, start, end: start + 60 + 30 * Math.floor(rand() * 4) };
  });
}

/** Our KPR events feed: JSON Feed 1.1 items with `_kpr` (src/schemas/kpr-events.schema.json). */
export function toKprFeed(events) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Termine (Benchmark)',
    language: 'de',
    items: events.map((e) => {
      const kpr = { category: e.category, location: e.location };
      if (e.allDay) Object.assign(kpr, { start: e.day, ...(e.lastDay !== e.day ? { end: e.lastDay } : {}) });
      else Object.assign(kpr, { start: wall(e.day, e.start), end: wall(e.day, e.end) });
      if (e.weekly) {
        // UNTIL: the end of the last occurrence's day in Berlin, in UTC (RFC 5545 wants UTC with a timed DTSTART).
        const until = new Date(Date.parse(`${e.weekly.lastDay}T23:59:59${berlinOffset(e.weekly.lastDay)}`)).toISOString().replace(/[-:]|\.\d+/g, '');
        kpr.recurrence = { rrule: `FREQ=WEEKLY;UNTIL=${until}` };
      }
      return { id: e.id, url: e.url, title: e.title, content_text: e.description, _kpr: kpr };
    }),
  };
}

/**
 * FullCalendar's event input. Series use FullCalendar's built-in simple recurrence (`daysOfWeek`, `startTime`,
 * `endTime`, `startRecur`, `endRecur`), so no rrule plugin is needed; their times are wall-clock times in the
 * calendar's `timeZone` (Europe/Berlin), as ours are.
 */
export function toFullCalendar(events) {
  return events.map((e) => {
    const common = { id: e.id, title: e.title, url: e.url, extendedProps: { description: e.description, category: e.category, location: e.location } };
    if (e.weekly) {
      const weekday = new Date(`${e.day}T12:00:00Z`).getUTCDay();
      return { ...common, daysOfWeek: [weekday], startTime: clock(e.start), endTime: clock(e.end), startRecur: e.day, endRecur: dayText(dayNumber(e.weekly.lastDay) + 1) };
    }
    // All-day: FullCalendar's end is exclusive (the day after), ours is the last day.
    if (e.allDay) return { ...common, allDay: true, start: e.day, end: dayText(dayNumber(e.lastDay) + 1) };
    return { ...common, start: wall(e.day, e.start), end: wall(e.day, e.end) };
  });
}
