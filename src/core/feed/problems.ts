/**
 * Every problem the feed readers, the widgets' own readers and the validator find, by a stable code: the one
 * table the validator's fixes (src/validator/fixes.ts), the console, the widgets' states and the docs
 * (docs/problem-codes.md, checked against it by tests/validator/problem-codes.test.ts) work from. Messages may be
 * reworded; a code, once published, is not renamed.
 *
 * The widgets import only the type `ProblemCode` (erased at build time); the table itself, with its English
 * descriptions, is imported only by the validator, so it costs no widget a byte.
 *
 * `severity` is what the problem is in the validator's report: `error` when something would not show, `warning`
 * when it shows anyway; `either` where that depends on the case (named in the description).
 */
export const PROBLEMS = {
  // The feed as a whole cannot be used (the widget shows no items from it).
  'src-missing': { severity: 'error', summary: 'The widget has no `src` attribute, so it has no feed to show.' },
  'endpoint-missing': { severity: 'error', summary: '`<kpr-contact>` has no `endpoint` (and is not in `mailto` mode), so it has nowhere to send messages.' },
  'network-failed': { severity: 'error', summary: 'The request failed: offline, a wrong host, or blocked by CORS.' },
  'timeout': { severity: 'error', summary: 'The server did not answer completely within the widget\'s `timeout`.' },
  'http-error': { severity: 'error', summary: 'The server answered with an error status (404, 500, …).' },
  'too-large': { severity: 'error', summary: 'The feed is larger than the widget accepts (5 MB).' },
  'cors-not-allowed': { severity: 'either', summary: 'The server does not let a widget on another site read the feed (CORS): an error with `--origin`, else a warning.' },
  'empty-file': { severity: 'error', summary: 'The file, or the server\'s answer, is empty.' },
  'binary-file': { severity: 'error', summary: 'A binary file (an image, a PDF, UTF-16 text), not a feed.' },
  'html-page': { severity: 'error', summary: 'An HTML web page, not a feed: a wrong address, a login or an error page.' },
  'not-a-feed': { severity: 'error', summary: 'Neither JSON Feed, RSS, Atom, iCalendar nor OParl.' },
  'json-not-well-formed': { severity: 'error', summary: 'The text is not valid JSON.' },
  'xml-not-well-formed': { severity: 'error', summary: 'The text is not well-formed XML.' },
  'xml-not-a-feed': { severity: 'error', summary: 'XML whose root element is neither RSS (2.0 or 1.0) nor Atom (1.0 or 0.3).' },
  'rss-without-channel': { severity: 'error', summary: 'An RSS feed without its `<channel>` element.' },
  'not-a-json-feed': { severity: 'error', summary: 'JSON, but not a JSON Feed 1.1: the feed\'s own fields do not fit (each named by a `schema-…` code).' },
  'oparl-not-a-meeting-list': { severity: 'error', summary: 'An OParl object that is not a list of meetings (a body, say).' },
  'oparl-page-without-data': { severity: 'error', summary: 'A page of an OParl list without its `data` list.' },
  'format-not-read': { severity: 'error', summary: 'A feed in a format the widget does not show (an iCalendar file for the news, say).' },
  'no-valid-items': { severity: 'error', summary: 'None of the feed\'s items is valid, so the widget says there is nothing to show.' },
  'ics-not-readable': { severity: 'error', summary: 'An iCalendar file that ical.js cannot read.' },
  'no-items': { severity: 'warning', summary: 'The feed has no entries yet.' },

  // Read despite a fault, as browsers and feed readers do.
  'text-before-xml': { severity: 'warning', summary: 'A blank line, spaces or a byte-order mark before `<?xml …?>`.' },
  'atom-0.3': { severity: 'warning', summary: 'Atom 0.3, the draft Atom 1.0 replaced in 2005.' },
  'entry-without-id': { severity: 'warning', summary: 'An Atom entry without `<id>`: its link, or its title and date, serve as its id.' },
  'item-without-guid': { severity: 'warning', summary: 'An RSS item without `<guid>` and `<link>`: its title and date serve as its id.' },
  'json-feed-1.0': { severity: 'warning', summary: 'A JSON Feed 1.0; 1.1 is current.' },
  'feed-title-empty': { severity: 'warning', summary: 'The feed\'s `title` is empty.' },
  'feed-field-missing': { severity: 'warning', summary: '`home_page_url` or `feed_url` is missing.' },
  'feed-field-not-http': { severity: 'warning', summary: '`home_page_url` or `feed_url` is not an http(s) address.' },

  // A field does not fit JSON Feed 1.1 or the widget's `_kpr` schema: the code is the JSON Schema keyword.
  'schema-type': { severity: 'error', summary: 'A field has the wrong type (text where a list belongs, say).' },
  'schema-enum': { severity: 'error', summary: 'A field has a value the schema does not list.' },
  'schema-required': { severity: 'error', summary: 'A required field is missing.' },
  'schema-min-length': { severity: 'error', summary: 'A text field is empty.' },
  'schema-max-length': { severity: 'error', summary: 'A text field is longer than the schema allows.' },
  'schema-pattern': { severity: 'error', summary: 'A text field is not in the form the schema gives (an e-mail address, a phone number, an RRULE).' },
  'schema-format': { severity: 'error', summary: 'A date-time or URL field cannot be read as one.' },
  'schema-minimum': { severity: 'error', summary: 'A number is below the schema\'s minimum.' },
  'schema-maximum': { severity: 'error', summary: 'A number is above the schema\'s maximum.' },
  'schema-min-items': { severity: 'error', summary: 'A list has fewer entries than the schema asks for.' },
  'schema-any-of': { severity: 'error', summary: 'An item has none of the fields of which it needs one (`content_text` or `content_html`).' },
  'kpr-missing': { severity: 'error', summary: 'The item has no `_kpr` object, which this widget needs.' },

  // Items, and parts of items, the widget leaves out or shows otherwise than written.
  'item-blank': { severity: 'error', summary: 'A news item with neither a title nor any text.' },
  'duplicate-id': { severity: 'error', summary: 'Two items have the same `id`: one is not shown.' },
  'duplicate-url': { severity: 'error', summary: 'Two news items link to the same page: only the copy changed last is shown.' },
  'items-of-another-widget': { severity: 'error', summary: 'The items look like another widget\'s (they have `_kpr.topic`, say).' },
  'unknown-field': { severity: 'warning', summary: 'A `_kpr` field no widget reads, often a typing mistake.' },
  'date-in-future': { severity: 'warning', summary: 'A news item dated in the future: hidden until that day.' },
  'link-not-allowed': { severity: 'error', summary: 'A link or image address of a kind the widget does not show (`javascript:`, `ftp:`, …).' },
  'relative-url': { severity: 'warning', summary: 'A relative URL in a feed without `feed_url`: feed readers cannot resolve it.' },
  'site-absolute-path': { severity: 'warning', summary: 'An address from the site\'s root (`/images/x.png`) in a file: it works only on that site.' },
  'image-other-host': { severity: 'warning', summary: 'An image on another server: shown only when `image-hosts` names it.' },
  'url-not-loading': { severity: 'warning', summary: 'An image or link on the feed\'s own server does not load.' },

  // The goal overview's reader.
  'goal-icon-unknown': { severity: 'warning', summary: '`_kpr.icon` is not a built-in icon: the default icon is shown.' },
  'goal-value-not-number': { severity: 'warning', summary: 'An indicator value is not a number: shown as a gap.' },
  'goal-part-invalid': { severity: 'error', summary: 'A measure or an indicator does not fit the schema and is left out.' },

  // The event calendar's readers (KPR events, iCalendar, OParl).
  'event-date-unreadable': { severity: 'error', summary: 'An event\'s start (or a date of its series) is not a date or a date-time: left out.' },
  'event-without-start': { severity: 'error', summary: 'An iCalendar event without DTSTART: left out.' },
  'event-ends-before-start': { severity: 'either', summary: 'An event ends before it starts: left out (a meeting is shown without an end, a warning).' },
  'event-end-without-time': { severity: 'warning', summary: 'A timed event\'s end has no time: shown without an end.' },
  'event-part-invalid': { severity: 'error', summary: 'An event\'s `_kpr.location` or `_kpr.organizer` does not fit the schema and is left out.' },
  'event-without-title': { severity: 'warning', summary: 'An event without a title: shown as "Termin ohne Titel".' },
  'time-zone-unknown': { severity: 'warning', summary: 'A time zone the browser does not know: the municipality\'s zone is used.' },
  'rrule-unreadable': { severity: 'either', summary: 'An RRULE that cannot be read: an iCalendar event is left out, a feed event is shown once.' },
  'rrule-part-unsupported': { severity: 'warning', summary: 'An RRULE part outside the supported subset: the event is shown once, on its start.' },
  'exrule-unsupported': { severity: 'warning', summary: 'EXRULE (deprecated in RFC 5545) is ignored.' },
  'range-unsupported': { severity: 'warning', summary: 'RANGE=THISANDFUTURE: only the one date is changed.' },
  'series-dates-stop': { severity: 'warning', summary: 'A series produces too many dates: the later ones are not shown.' },
  'too-many-events': { severity: 'warning', summary: 'More than 2,000 events of an iCalendar file on the days asked for: only the first 2,000 are shown.' },
  'meeting-invalid': { severity: 'error', summary: 'An OParl meeting without id, name or readable start, or no meeting at all: left out.' },
  'meeting-part-not-loaded': { severity: 'warning', summary: 'An OParl meeting\'s agenda items or location given only as links, or agenda items that do not say whether they are public.' },
  'oparl-pages-stop': { severity: 'warning', summary: 'The pages of an OParl list lead in a circle, or go on beyond 20: later meetings are not shown.' },
} as const satisfies Record<string, { severity: 'error' | 'warning' | 'either'; summary: string }>;

export type ProblemCode = keyof typeof PROBLEMS;

/** The codes of schema problems: `schema-` and the JSON Schema keyword, in kebab case. */
export type SchemaCode = Extract<ProblemCode, `schema-${string}`>;
