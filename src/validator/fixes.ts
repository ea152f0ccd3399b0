import type { ProblemCode } from '../core/feed/problems.js';
import type { FeedWarning } from '../core/feed/types.js';
import type { Problem } from '../core/validate.js';

/**
 * One sentence that tells the webmaster how to put a problem right, chosen by the problem's code
 * (src/core/feed/problems.ts) and data; some fields have a remedy of their own, with an example. English, like the
 * validator's messages (the embed builder marks them lang="en").
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

/**
 * The remedy for what the goal overview's and the calendar's readers leave out or show otherwise, by code; for the
 * calendar, in the words of the source's format (`_kpr.end` in a KPR feed, DTEND in an iCalendar file).
 */
export function readerFix(code: ProblemCode, field: string, format: 'json' | 'ics'): string | undefined {
  const ics = format === 'ics';
  switch (code) {
    case 'event-without-title':
      return ics ? 'Add a SUMMARY line with the event\'s title.' : 'Give the event a "title".';
    case 'event-without-start':
    case 'event-date-unreadable':
      return ics ? 'Write DTSTART as a date-time such as DTSTART;TZID=Europe/Berlin:20261203T180000, or DTSTART;VALUE=DATE:20261224 for a whole day.' : fixForField(field);
    case 'event-ends-before-start':
      return ics ? 'Make DTEND later than DTSTART.' : 'Make _kpr.end later than _kpr.start; for an all-day event the end is its last day.';
    case 'event-end-without-time':
      return 'Give _kpr.end a time as well, e.g. 2026-12-03T20:00:00+01:00, or leave it out.';
    case 'time-zone-unknown':
      return ics ? 'Include the VTIMEZONE block for this zone in the file (most calendar programs can), or use TZID=Europe/Berlin.' : 'Use an IANA time zone name such as "Europe/Berlin", or leave time_zone out.';
    case 'rrule-unreadable':
    case 'rrule-part-unsupported':
      return ics ? 'Write the RRULE as RFC 5545 describes, e.g. RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20270629T220000Z.' : FIELD_FIXES.rrule;
    case 'exrule-unsupported':
      return 'Replace the EXRULE with EXDATE lines for the dates to leave out.';
    case 'range-unsupported':
      return 'Change each later date on its own, or end the series and start a new one.';
    case 'series-dates-stop':
      return 'Give the series an end (UNTIL or COUNT), or fewer dates.';
    case 'goal-icon-unknown':
      return FIELD_FIXES.icon;
    case 'goal-value-not-number':
      return 'Write the value as a number (with a point for decimals and no unit), or null for a period without a value.';
    case 'duplicate-id':
      return 'Give every event an id of its own that never changes.';
    default:
      return undefined;
  }
}

/** The remedy for a field whatever its problem, for messages of the readers that are no schema messages. */
export function fixForField(path: string): string | undefined {
  return FIELD_FIXES[fieldOf(path)];
}

/** The field a problem is about: the last name in its path (`items[3]._kpr.start` → `start`). */
export function fieldOf(path: string): string {
  return /([A-Za-z_][\w-]*)(?:\[\d+\])*$/.exec(path)?.[1] ?? '';
}

/**
 * The remedy for a schema problem, chosen by its code (the JSON Schema keyword) and its data: the field it is
 * about, what the schema expects there. Never by its English message, which may be reworded.
 */
export function fixFor(problem: Pick<Problem, 'path' | 'code' | 'expected'>, schemaFile = 'the schema'): string {
  const field = fieldOf(problem.path);
  const { expected } = problem;
  // A tip whose easy version has no text is not shown: leaving the field out is no remedy, leaving "easy" out is.
  if (/\.easy\.content_text$/.test(problem.path) && (problem.code === 'schema-required' || problem.code === 'schema-min-length')) {
    return 'Write the tip\'s text in Leichte Sprache into "content_text" (short sentences, plain text), or leave "easy" out.';
  }
  if (/measures\[\d+\]\.(start|end)$/.test(problem.path)) return `Write "${field}" as a date such as 2024-03-01 or a month such as 2024-03.`;
  switch (problem.code) {
    case 'kpr-missing': {
      const fields = (expected as string[] | undefined ?? []).join(', ');
      return `Add a "_kpr" object with ${fields}, as ${schemaFile} describes${fields === 'topic' ? ', e.g. "_kpr": { "topic": "burglary" }' : ''}.`;
    }
    case 'schema-required':
      return REQUIRED[field] ?? `Add the field "${field}" (${schemaFile} describes it).`;
    case 'schema-format':
      if (expected === 'date-time') return FIELD_FIXES[field] ?? FIELD_FIXES.date_published!;
      return expected === 'uri'
        ? 'Write the full address with https://, e.g. https://www.bannewitz.de/praevention/, and no spaces (a space is %20).'
        : 'Write the address without spaces or other characters URLs cannot hold (a space is %20), or in full with https://.';
    case 'schema-pattern':
      return FIELD_FIXES[field] ?? `Write "${field}" in the form ${schemaFile} describes for it.`;
    case 'schema-enum': {
      const values = (expected as unknown[]).map((value) => JSON.stringify(value));
      return values.length > 1 ? `Use one of the allowed values: ${values.join(', ')}.` : `Set "${field}" to ${values[0]}.`;
    }
    case 'schema-type': {
      const types = [expected].flat() as string[];
      const example = types.includes('array') ? ', e.g. [ … ]' : types.includes('string') ? ' in double quotes' : '';
      return `Write "${field}" as ${types.map(article).join(' or ')}${example}.`;
    }
    // An item cannot do without its id: it can only be given one.
    case 'schema-min-length':
      return field === 'id' ? REQUIRED.id! : `Fill in "${field}", or leave the field out.`;
    case 'schema-max-length':
      return `Shorten "${field}" to at most ${String(expected)} characters.`;
    case 'schema-minimum':
      return `Use a number of at least ${String(expected)}.`;
    case 'schema-maximum':
      return `Use a number of at most ${String(expected)}.`;
    case 'schema-min-items':
      return `Give "${field}" at least one entry, or leave the field out.`;
    case 'schema-any-of': {
      const fields = (expected as string[] | undefined) ?? [];
      if (fields.some((one) => /^content_(text|html)$/.test(one))) return 'Add "content_text" with the text (or "content_html" for HTML); an empty text "" is allowed.';
      return fields.length ? `Add ${fields.map((one) => `"${one}"`).join(' or ')}.` : `Correct "${field || 'the entry'}" as ${schemaFile} describes.`;
    }
    default:
      return FIELD_FIXES[field] ?? `Correct "${field || 'the entry'}" as ${schemaFile} describes.`;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
