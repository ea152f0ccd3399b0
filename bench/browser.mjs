// The browser every timed bench runs in: Debian's Chromium, headless, with the project's flags, and without
// DevTools' network monitoring.
//
// Puppeteer turns on the DevTools protocol's Network domain in every page by default, to report requests and
// responses to the script. None of the benches asks for them, and the monitoring is not free: at the end of a
// response, DevTools' network agent takes a task of its own on the page's main thread (27 ms for the calendar's
// 2.2 MB feed, traced on 2026-12-06). What it costs differs between a body read as a stream, as our feed loader
// reads it, and one read by `response.json()`, as the floors and FullCalendar read it, and not always the same
// way round (below). A resident's browser has no such agent. Without it (2026-12-06, 15 runs each): the calendar's month first render, ours
// 199.4 → 152.8 ms, the floor 118.1 → 89.3 ms, FullCalendar 447.1 → 465.0 ms (within its spread); the news feed's
// 1,000 articles as JSON Feed, ours 127.4 / 101.6 → 94.6 / 121.1 ms, its floor 136.7 / 104.2 → 84.3 / 94.3 ms (two
// rounds each way). So it flattered the news feed against its floor and held the calendar back.
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, ensureChromium } from '../scripts/browser.mjs';

/** Chromium for the benches: `networkEnabled: false` leaves the Network domain off (see above). */
export function launchBenchBrowser() {
  return puppeteer.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS, networkEnabled: false });
}
