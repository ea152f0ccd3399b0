/**
 * `asskomm-widgets init <folder> [--force]`: writes small sample feeds (news, tips, goals, events), a page that
 * embeds every widget, and a README.txt on what to edit. The samples are a few entries of the demo's Bannewitz
 * feeds (demo/feeds/, bundled at build time), marked as examples; `validate` passes them (tests/cli/ checks it).
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import events from '../../demo/feeds/events.json';
import goals from '../../demo/feeds/goals.json';
import news from '../../demo/feeds/news.json';
import tips from '../../demo/feeds/tips.json';
import { DEFAULT_TIME_ZONE } from '../core/format.js';
import { dayOf, daysBetween } from '../core/time.js';
import { SAMPLE_ANCHOR_DAY, shiftJsonFeed } from '../samples/shift-dates.js';
import type { Output } from './validate-cli.js';
import { now } from '../core/clock.js';
import { useClockFromEnvironment } from './environment-clock.js';

export const INIT_USAGE = `Usage: asskomm-widgets init [--force] <folder>

Writes sample feeds to edit (news.json, tips.json, goals.json, events.json), an index.html that embeds every
widget, and README.txt (German and English) on what to change. Existing files are left alone unless --force.
Check your edited feeds with: asskomm-widgets validate <folder>`;

interface Feed {
  title: string;
  items: Array<Record<string, unknown> & { id: string }>;
  [field: string]: unknown;
}

const SAMPLE_NOTE = 'Beispieldaten aus der Demo der asskomm-widgets (Gemeinde Bannewitz): ersetzen Sie Titel, Adressen und Einträge durch Ihre eigenen. Sample data: replace the titles, addresses and entries with your own.';

/** A few entries of a demo feed, marked as an example; images are left out, as the folder has none. */
function sample(feed: Feed, ids: readonly string[], file: string): string {
  const chosen = ids.map((id) => feed.items.find((item) => item.id === id)).filter((item) => item !== undefined);
  const items = (chosen.length ? chosen : feed.items.slice(0, 3)).map(({ image: _image, banner_image: _banner, ...item }) => item);
  const { items: _all, ...fields } = feed;
  return `${JSON.stringify({
    ...fields,
    title: `${feed.title.replace(/\s*\(Beispieldaten\)$/, '')} (Beispiel)`,
    home_page_url: 'https://www.bannewitz.de/praevention/',
    feed_url: `https://www.bannewitz.de/praevention/${file}`,
    description: SAMPLE_NOTE,
    items,
  }, null, 2)}\n`;
}

const PAGE = `<!doctype html>
<html lang="de">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Präventionsrat – Beispielseite mit allen asskomm-widgets</title>
    <!--
      The widgets: copy asskomm-widgets.js and the bundle/ folder from the package (node_modules/asskomm-widgets/dist/)
      next to this page, or change src to where they are on your web server, e.g.
      /assets/asskomm-widgets/asskomm-widgets.js. Keep THIRD-PARTY-LICENSES.txt from dist/ beside them.
      Die Widgets: asskomm-widgets.js und den Ordner bundle/ aus dem Paket (node_modules/asskomm-widgets/dist/)
      neben diese Seite kopieren, oder src auf den Ort auf Ihrem Webserver ändern.
    -->
    <script type="module" src="asskomm-widgets.js"></script>
  </head>
  <body>
    <main>
      <h1>Gemeinsam für einen sicheren Ort (Beispiel)</h1>

      <h2>Neuigkeiten</h2>
      <!-- The link inside is shown until the widget has loaded, and when the feed cannot be loaded. -->
      <kpr-news-feed src="news.json" limit="3">
        <a href="news.json">Alle Neuigkeiten</a>
      </kpr-news-feed>

      <h2>Tipps zur Vorbeugung</h2>
      <kpr-prevention-tips src="tips.json" season>
        <a href="tips.json">Alle Tipps</a>
      </kpr-prevention-tips>

      <h2>Termine</h2>
      <kpr-event-calendar src="events.json" view="upcoming" limit="3" heading-level="3">
        <a href="events.json">Alle Termine</a>
      </kpr-event-calendar>

      <h2>Unsere Ziele</h2>
      <kpr-goal-overview src="goals.json">
        <a href="goals.json">Die Ziele des Präventionsrats</a>
      </kpr-goal-overview>

      <h2>Schreiben Sie uns</h2>
      <!-- Without a server: opens the resident's mail program. With the reference endpoint
           (npx --no-install asskomm-widgets contact-server): endpoint="/api/contact/messages" instead of mode and mailto. -->
      <kpr-contact mode="mailto" mailto="praevention@example.org" privacy-url="/datenschutz"></kpr-contact>
    </main>
  </body>
</html>
`;

const README = `asskomm-widgets – Beispiel / sample
===================================

DEUTSCH

Diese Dateien sind Beispiele aus der Demo (Gemeinde Bannewitz). So machen Sie Ihre eigenen daraus:

1. news.json, tips.json, goals.json, events.json: Titel ("title"), Adressen ("home_page_url", "feed_url")
   und Einträge ("items") durch Ihre eigenen ersetzen. Jeder Eintrag braucht eine "id", die sich nie ändert.
   Datumsangaben so schreiben: 2026-12-03T18:00:00+01:00. Die Felder unter "_kpr" beschreiben die
   Schemas in node_modules/asskomm-widgets/dist/schemas/.
2. index.html: zeigt, wie die Widgets eingebunden werden. asskomm-widgets.js und den Ordner bundle/ aus
   node_modules/asskomm-widgets/dist/ daneben kopieren. Beim Kontaktformular die E-Mail-Adresse (mailto)
   und den Link zur Datenschutzerklärung (privacy-url) anpassen.
3. Prüfen: npx --no-install asskomm-widgets validate <Ordner>
   Die Prüfung nennt jedes Feld, das ein Widget nicht anzeigen würde, und wie es richtig geht.
4. Ansehen: den Ordner über einen Webserver öffnen (Browser laden Feeds nicht von file://), zum Beispiel
   mit "python3 -m http.server" im Ordner und http://localhost:8000/.

ENGLISH

These files are examples from the demo (the municipality of Bannewitz). To make them your own:

1. news.json, tips.json, goals.json, events.json: replace the title, the addresses ("home_page_url",
   "feed_url") and the entries ("items") with your own. Every entry needs an "id" that never changes.
   Write dates like 2026-12-03T18:00:00+01:00. The fields under "_kpr" are described by the schemas in
   node_modules/asskomm-widgets/dist/schemas/.
2. index.html shows how the widgets are embedded. Copy asskomm-widgets.js and the bundle/ folder from
   node_modules/asskomm-widgets/dist/ next to it. In the contact form, set your e-mail address (mailto)
   and the link to your privacy notice (privacy-url).
3. Check: npx --no-install asskomm-widgets validate <folder>
   It names every field a widget would not show, and how to put it right.
4. Look at it through a web server (browsers do not load feeds from file://), for example with
   "python3 -m http.server" in the folder and http://localhost:8000/.
`;

/**
 * The sample events moved on by whole 52-week years once a year has passed since they were written, so that a
 * folder made in 2028 still shows upcoming events. Whole weeks keep each event's weekday and time of day. (The demo
 * moves its samples every week; a folder someone edits is better moved once a year.)
 */
function movedOn(feed: Feed, today: Date): Feed {
  const years = Math.max(0, Math.floor(daysBetween(SAMPLE_ANCHOR_DAY, dayOf(today, DEFAULT_TIME_ZONE)) / 364));
  return shiftJsonFeed(feed, { days: years * 364, years: 0 });
}

/** The files `init` writes, by name; sample events lie ahead of `today`. */
export function initFiles(today = now()): Record<string, string> {
  return {
    'news.json': sample(news as Feed, ['kpr-2026-buergerversammlung', 'kpr-2026-beleuchtung', 'kpr-2023-beitritt'], 'news.json'),
    'tips.json': sample(tips as Feed, ['einbruch-daemmerung', 'nachbarschaft', 'fahrrad'], 'tips.json'),
    'goals.json': sample(goals as Feed, ['ziel-straftaten', 'ziel-sicherheitsgefuehl'], 'goals.json'),
    'events.json': sample(movedOn(events as Feed, today), ['sprechstunde-buergerpolizei', 'sitzung-praeventionsrat', 'buergerversammlung'], 'events.json'),
    'index.html': PAGE,
    'README.txt': README,
  };
}

/** Runs the command; resolves to the exit status: 0 written, 1 files exist (without --force), 2 usage error. */
export async function runInit(args: readonly string[], output: Output): Promise<number> {
  useClockFromEnvironment();
  const force = args.includes('--force') || args.includes('-f');
  const unknown = args.filter((arg) => arg.startsWith('-') && !['--force', '-f'].includes(arg));
  const folders = args.filter((arg) => !arg.startsWith('-'));
  if (unknown.length || folders.length !== 1) {
    output.err(`asskomm-widgets init: ${unknown.length ? `unknown option ${unknown[0]}` : 'name one folder'}\n\n${INIT_USAGE}`);
    return 2;
  }
  const folder = folders[0]!;
  const files = initFiles();
  const existing = [];
  for (const name of Object.keys(files)) {
    if (await stat(join(folder, name)).then(() => true, () => false)) existing.push(name);
  }
  if (existing.length && !force) {
    output.err(`asskomm-widgets init: ${folder} already has ${existing.join(', ')}; nothing was written. Use --force to overwrite them.`);
    return 1;
  }
  if (await stat(folder).then((info) => !info.isDirectory(), () => false)) {
    output.err(`asskomm-widgets init: ${folder} is a file, not a folder; nothing was written. Name a new folder, or one that exists.`);
    return 1;
  }
  try {
    await mkdir(folder, { recursive: true });
    for (const [name, text] of Object.entries(files)) await writeFile(join(folder, name), text);
  } catch (error) {
    const { code, path } = error as NodeJS.ErrnoException;
    const why = code === 'EACCES' || code === 'EPERM' ? 'not allowed to write there' : code === 'ENOTDIR' || code === 'EEXIST' ? 'part of the path is a file, not a folder' : (error as Error).message;
    output.err(`asskomm-widgets init: could not write ${path ?? folder}: ${why}. Name a folder you may write to.`);
    return 1;
  }
  output.out(`Wrote ${Object.keys(files).map((name) => join(folder, name)).join(', ')}.\nRead ${join(folder, 'README.txt')} for what to edit, then check the feeds with: npx --no-install asskomm-widgets validate ${folder}`);
  return 0;
}
