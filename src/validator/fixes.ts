import type { FeedWarning } from '../core/feed/types.js';
import type { Problem } from '../core/validate.js';

/**
 * One sentence that tells the webmaster how to put a schema problem right. The schema validator (src/core/
 * validate.ts) words its messages in a few fixed forms; each form gets its remedy here, and some fields a
 * remedy of their own, with an example.
 */
const REQUIRED: Record<string, string> = {
  version: 'Add "version": "https://jsonfeed.org/version/1.1" as the first field of the feed.',
  title: 'Add a "title" with the feed\'s name, e.g. "Präventionsrat Bannewitz – Neuigkeiten".',
  items: 'Add "items": [ … ] with the entries (an empty list [] is allowed).',
  id: 'Give the item an "id" that is unique in the feed and never changes, e.g. the address of its page.',
  start: 'Add "start" with the date-time the event begins, e.g. "2026-12-03T18:00:00+01:00", or a date such as "2026-12-24" for an all-day event.',
  topic: 'Add "topic" with one of the topics the tips schema lists, e.g. "burglary".',
  status: 'Add "status" with "planned", "running" or "done".',
  series: 'Add "series" with at least one value, e.g. [{ "period": "2025", "value": 12 }].',
  period: 'Add "period" with a label such as "2025" or "2025-Q2".',
  message: 'Add "message" with the text of the message.',
  consent: 'Add "consent": true; the form sends a message only with the resident\'s consent.',
};

const FIELD_FIXES: Record<string, string> = {
  date_published: 'Write the date as an ISO 8601 date-time with offset, e.g. 2026-12-03T18:00:00+01:00.',
  date_modified: 'Write the date as an ISO 8601 date-time with offset, e.g. 2026-12-03T18:00:00+01:00.',
  start: 'Write the start as an ISO 8601 date-time with offset, e.g. 2026-12-03T18:00:00+01:00, or as a date such as 2026-12-24 for an all-day event.',
  end: 'Write the end like the start: an ISO 8601 date-time with offset, e.g. 2026-12-03T20:00:00+01:00, or a date such as 2026-12-24.',
  time_zone: 'Use an IANA time zone name such as "Europe/Berlin", or leave time_zone out.',
  email: 'Write a plain e-mail address such as "praevention@bannewitz.de", without "mailto:".',
  phone: 'Write the phone number with digits, spaces and + ( ) / - only, e.g. "0351 647 20".',
  exdates: 'Write each date like the start: a date-time with offset such as 2026-12-22T16:00:00+01:00, or a date such as 2026-12-22.',
  rdates: 'Write each date like the start: a date-time with offset such as 2026-12-22T16:00:00+01:00, or a date such as 2026-12-22.',
  rrule: 'Write the rule as RFC 5545 describes, e.g. "FREQ=WEEKLY;BYDAY=TU;UNTIL=20270629T220000Z".',
  icon: 'Use one of the built-in icon names kpr-goals.schema.json lists, or leave "icon" out.',
};

/** The remedy for what the feed readers read despite a fault (src/core/feed/xml.ts). */
export const READING_FIXES: Record<FeedWarning['code'], string> = {
  'text-before-xml': 'Make the file begin with <?xml … ?>: remove the blank line or spaces before it (often at the top of the feed\'s template, or after a PHP file\'s closing ?>), and save included files as UTF-8 without a byte-order mark.',
  'atom-0.3': 'Publish the feed as Atom 1.0 (RFC 4287) or RSS 2.0: most CMS can, by a setting or an update.',
  'entry-without-id': 'Give each <entry> an <id> that is unique and never changes, e.g. <id>tag:bannewitz.de,2026:neuigkeit-42</id>, or the address of its page.',
  'item-without-guid': 'Give each <item> a <guid> that never changes, e.g. the address of its page, or at least a <link> to that page.',
};

/** The remedy for a field whatever its problem, for messages of the readers that are no schema messages. */
export function fixForField(path: string): string | undefined {
  return FIELD_FIXES[fieldOf(path)];
}

/** The field a problem is about: the last name in its path (`items[3]._kpr.start` → `start`). */
export function fieldOf(path: string): string {
  return /([A-Za-z_][\w-]*)(?:\[\d+\])*$/.exec(path)?.[1] ?? '';
}

export function fixFor(problem: Problem, schemaFile = 'the schema'): string {
  const field = fieldOf(problem.path);
  const { message } = problem;
  if (/measures\[\d+\]\.(start|end)$/.test(problem.path)) return `Write "${field}" as a date such as 2024-03-01 or a month such as 2024-03.`;
  const missingKpr = /^is missing; this widget needs it, with (.*)$/.exec(message);
  if (problem.path === '_kpr' && missingKpr) return `Add a "_kpr" object with ${missingKpr[1]}, as ${schemaFile} describes${missingKpr[1] === 'topic' ? ', e.g. "_kpr": { "topic": "burglary" }' : ''}.`;
  if (message === 'is required') return REQUIRED[field] ?? `Add the field "${field}" (${schemaFile} describes it).`;
  if (/RFC 3339 date-time/.test(message)) return FIELD_FIXES[field] ?? FIELD_FIXES.date_published!;
  if (/must match the pattern/.test(message) && FIELD_FIXES[field]) return FIELD_FIXES[field]!;
  const oneOf = /^must be one of (.*)$/.exec(message);
  if (oneOf) return oneOf[1]!.includes(', ') ? `Use one of the allowed values: ${oneOf[1]}.` : `Set "${field}" to ${oneOf[1]}.`;
  if (/absolute URL/.test(message)) return 'Write the full address with https://, e.g. https://www.bannewitz.de/praevention/, and no spaces (a space is %20).';
  if (/valid URL/.test(message)) return 'Write the address without spaces or other characters URLs cannot hold (a space is %20), or in full with https://.';
  const type = /^must be (.+?), not/.exec(message);
  if (type) return `Write "${field}" as ${type[1]}${type[1]!.includes('array') ? ', e.g. [ … ]' : type[1]!.includes('string') ? ' in double quotes' : ''}.`;
  // An item cannot do without its id: it can only be given one.
  if (message === 'must not be empty') return field === 'id' ? REQUIRED.id! : `Fill in "${field}", or leave the field out.`;
  const longest = /at most (\d+) characters/.exec(message);
  if (longest) return `Shorten "${field}" to at most ${longest[1]} characters.`;
  const least = /^must be at least (\S+), not/.exec(message);
  if (least) return `Use a number of at least ${least[1]}.`;
  const most = /^must be at most (\S+), not/.exec(message);
  if (most) return `Use a number of at most ${most[1]}.`;
  if (/must have at least/.test(message)) return `Give "${field}" at least one entry, or leave the field out.`;
  const needs = /^needs (.*)$/.exec(message);
  if (needs) return /content_(text|html)/.test(needs[1]!) ? 'Add "content_text" with the text (or "content_html" for HTML); an empty text "" is allowed.' : `Add ${needs[1]}.`;
  if (/must match the pattern/.test(message)) return `Write "${field}" in the form ${schemaFile} describes for it.`;
  if (FIELD_FIXES[field]) return FIELD_FIXES[field]!;
  return `Correct "${field || 'the entry'}" as ${schemaFile} describes.`;
}
