// The floor of the calendar benchmark (bench/calendar.mjs): the least work that shows what <kpr-event-calendar>
// shows for the bench's 5,000 events. It reads the same KPR events feed, expands the weekly series, places the
// events on the days on screen and writes the month grid or the list (its first page of 100 entries, as the widget) as the same plain HTML (the same elements,
// classes and texts as the widget's shadow DOM) in one pass, into a shadow root with the widget's own style
// sheets. No Lit, no i18next, no schema, no validation, no time-zone arithmetic: it reads the Berlin wall-clock
// dates and times as the feed writes them, which holds for this feed only (that is what makes it a floor).
// The bench checks that its DOM has the same elements and text as ours. A classic script: `window.kprCalendarFloor`.
(() => {
  const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
  const esc = (value) => {
    const text = String(value);
    return /[&<>"]/.test(text) ? text.replace(/[&<>"]/g, (c) => ESCAPES[c]) : text;
  };
  const DAY_MS = 86_400_000;
  /** Entries a list shows before its "Weitere Termine anzeigen" button, as the widget (list-pages.ts). */
  const PAGE_SIZE = 100;
  const dayNumber = (day) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
  const dayText = (number) => new Date(number * DAY_MS).toISOString().slice(0, 10);
  const noon = (day) => new Date(dayNumber(day) * DAY_MS + DAY_MS / 2);
  const utc = (options) => new Intl.DateTimeFormat('de', { ...options, timeZone: 'UTC' });
  const LONG = utc({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const MONTH = utc({ month: 'long', year: 'numeric' });
  const WEEKDAY = utc({ weekday: 'short' });
  const WEEKDAY_LONG = utc({ weekday: 'long' });
  const SHORT = utc({ day: 'numeric', month: 'short' });

  /** The feed's items as events: day numbers, wall-clock minutes, and for a weekly series its last day. */
  function read(feed) {
    return feed.items.map((item) => {
      const { start, end, category, location, recurrence } = item._kpr;
      const allDay = start.length === 10;
      const first = dayNumber(start);
      const until = recurrence && /UNTIL=(\d{4})(\d{2})(\d{2})/.exec(recurrence.rrule);
      return {
        id: item.id,
        title: item.title,
        allDay,
        first,
        last: allDay ? (end ? dayNumber(end) : first) : first,
        minutes: allDay ? 0 : Number(start.slice(11, 13)) * 60 + Number(start.slice(14, 16)),
        time: allDay ? 'ganztägig' : `${Number(start.slice(11, 13))}:${start.slice(14, 16)}`,
        meta: [location?.name ?? location?.address, category].filter(Boolean).join(' · '),
        category,
        lastStart: until ? Date.UTC(Number(until[1]), Number(until[2]) - 1, Number(until[3])) / DAY_MS : undefined,
      };
    });
  }

  /** The occurrences touching days [from, to), in the widget's order: by start, all-day first, then by title. */
  function occurrences(events, from, to) {
    const found = [];
    for (const event of events) {
      if (event.lastStart === undefined) {
        if (event.first < to && event.last >= from) found.push({ event, startDay: event.first, endDay: event.last });
        continue;
      }
      const skip = Math.max(0, Math.ceil((from - event.first) / 7));
      for (let day = event.first + 7 * skip; day < to && day <= event.lastStart; day += 7) found.push({ event, startDay: day, endDay: day });
    }
    return found.sort((a, b) => a.startDay - b.startDay || Number(b.event.allDay) - Number(a.event.allDay) || a.event.minutes - b.event.minutes || a.event.title.localeCompare(b.event.title));
  }

  function byDay(found, from, to) {
    const days = new Map();
    for (const occurrence of found) {
      for (let day = Math.max(from, occurrence.startDay); day <= occurrence.endDay && day < to; day++) {
        const list = days.get(day);
        if (list) list.push(occurrence);
        else days.set(day, [occurrence]);
      }
    }
    return days;
  }

  function toolbar(cursor, view, found) {
    const categories = [...new Set(found.map((o) => o.event.category))].sort((a, b) => a.localeCompare(b, 'de'));
    return `<div class="toolbar" part="toolbar"><div class="nav"><button type="button" class="button secondary" aria-label="Vorheriger Monat"><span aria-hidden="true">‹</span></button> <button type="button" class="button secondary">Heute</button> <button type="button" class="button secondary" aria-label="Nächster Monat"><span aria-hidden="true">›</span></button></div><div role="heading" class="heading" id="month-heading" aria-live="polite" aria-level="2">${MONTH.format(noon(cursor))}</div><div class="views" role="group" aria-label="Ansicht"><button type="button" class="button secondary" aria-pressed="${view === 'month'}">Monat</button><button type="button" class="button secondary" aria-pressed="${view === 'list'}">Liste</button></div></div>${categories.length > 1 ? ` <div class="categories" role="group" aria-label="Kategorien">${categories.map((c) => `<button type="button" class="toggle" aria-pressed="false">${esc(c)}</button>`).join('')}</div>` : ''}`;
  }

  function month(cursor, found, grid, today) {
    const days = byDay(found, grid.from, grid.to);
    const inMonth = cursor.slice(0, 7);
    const cursorDay = dayNumber(cursor);
    let html = `<div><table class="month" role="grid" part="month" aria-labelledby="month-heading"><thead><tr>`;
    for (let day = grid.from; day < grid.from + 7; day++) html += `<th scope="col" abbr="${WEEKDAY_LONG.format(noon(dayText(day)))}">${WEEKDAY.format(noon(dayText(day)))}</th>`;
    html += '</tr></thead><tbody>';
    for (let day = grid.from; day < grid.to; day++) {
      if ((day - grid.from) % 7 === 0) html += '<tr>';
      const text = dayText(day);
      const list = days.get(day) ?? [];
      const count = list.length ? `${list.length} ${list.length === 1 ? 'Termin' : 'Termine'}` : 'keine Termine';
      const shown = list.length > 3 ? list.slice(0, 2) : list;
      const rest = list.length - shown.length;
      html += `<td role="gridcell" class="day ${text.startsWith(inMonth) ? '' : 'outside'} ${day === today ? 'today' : ''}" data-day="${text}" tabindex="${day === cursorDay ? 0 : -1}" aria-selected="${day === cursorDay}"><span class="day-number" aria-hidden="true">${Number(text.slice(8))}</span> <span class="visually-hidden">${LONG.format(noon(text))}, ${count}</span>`;
      if (shown.length) {
        html += '<ul class="chips" aria-hidden="true">';
        for (const { event, startDay } of shown) html += `<li><button type="button" tabindex="-1" class="chip source-0 scheduled ${event.allDay ? 'all-day' : ''}">${event.allDay || day !== startDay ? '' : event.time} ${esc(event.title)}</button></li>`;
        if (rest) html += `<li><button type="button" tabindex="-1" class="chip more">+${rest} ${rest === 1 ? 'weiterer' : 'weitere'}</button></li>`;
        html += '</ul>';
      }
      html += '</td>';
      if ((day - grid.from) % 7 === 6) html += '</tr>';
    }
    return `${html}</tbody></table></div>${found.length ? '' : '<p class="month-empty">In diesem Monat sind keine Termine eingetragen.</p>'}`;
  }

  function list(found, range) {
    const days = [...byDay(found, range.from, range.to)].sort(([a], [b]) => a - b);
    let html = '<label class="search">Termine durchsuchen<input type="search"></label><p class="visually-hidden" role="status"></p><div class="agenda" part="list">';
    let left = PAGE_SIZE;
    for (const [day, occurrences] of days) {
      if (left <= 0) break;
      const listed = occurrences.filter((o) => o.startDay === day || day === range.from).slice(0, left);
      if (!listed.length) continue;
      left -= listed.length;
      html += `<section class="agenda-day "><div role="heading" class="agenda-date" part="day-heading" aria-level="3">${LONG.format(noon(dayText(day)))}</div><ul class="agenda-events">`;
      for (const { event, startDay, endDay } of listed) {
        const time = startDay === endDay ? event.time : SHORT.formatRange(noon(dayText(startDay)), noon(dayText(endDay)));
        html += `<li part="event" class="agenda-event source-0 scheduled"><span class="agenda-time">${time}</span> <span class="agenda-main"><button type="button" class="event-button" part="event-button">${esc(event.title)}</button>${event.meta ? ` <span class="agenda-meta">${esc(event.meta)}</span>` : ''}</span></li>`;
      }
      html += '</ul></section>';
    }
    // The widget's first page, and its button for the next (src/widgets/event-calendar/list-pages.ts).
    if (found.length > PAGE_SIZE) html += '<button type="button" class="button secondary more-button" part="more-button">Weitere Termine anzeigen</button>';
    return `${html}</div>`;
  }

  /** The month of `cursor` ("2026-12-01") in `view`, written into `root` in one pass and laid out. */
  function draw(root, events, view, cursor, today) {
    const first = dayNumber(cursor);
    const next = new Date(first * DAY_MS);
    const monthEnd = Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 1) / DAY_MS;
    // The grid: from the Monday on or before the 1st to the Sunday on or after the last day (day 0 was a Thursday).
    const grid = { from: first - ((first + 3) % 7), to: monthEnd + ((7 - ((monthEnd + 3) % 7)) % 7) };
    const range = view === 'month' ? grid : { from: first, to: monthEnd };
    const found = occurrences(events, range.from, range.to);
    const body = view === 'month' ? month(cursor, found, grid, today) : list(found, range);
    root.innerHTML = `<div part="base" class="base" lang="de" dir="ltr" aria-busy="false">${toolbar(cursor, view, found)} ${body}<dialog part="dialog" aria-labelledby="dialog-title"><button type="button" class="close button secondary" autofocus="">Schließen</button> </dialog></div>`;
    root.querySelector(view === 'month' ? '[part="month"]' : '[part="list"]').getBoundingClientRect();
    return found.length;
  }

  /** Fetches and reads the feed, and draws `cursor`'s month; returns what `next` needs. */
  async function mount(stage, url, view, cursor, today) {
    const element = document.createElement('div');
    const root = element.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = customElements.get('kpr-event-calendar').elementStyles.map((style) => style.styleSheet ?? style);
    stage.append(element);
    const events = read(await (await fetch(url)).json());
    const occurrences = draw(root, events, view, cursor, dayNumber(today));
    return { element, root, events, occurrences };
  }

  window.kprCalendarFloor = { mount, draw, dayNumber };
})();
