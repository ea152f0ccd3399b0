import type { Schema } from '../../core/validate.js';
import eventsSchema from '../../schemas/kpr-events.schema.json';

const SCHEMA = eventsSchema as Schema;

/**
 * What the feed controller checks for a whole event. Location, organizer and the entries of `exdates` and
 * `rdates` are checked one by one by the reader instead (json-events.ts), so that a wrong one costs only
 * itself, never the event. In a module of its own, so the widget's first download need not hold the reader.
 */
export const EVENTS_SCHEMA: Schema = {
  ...SCHEMA,
  properties: {
    ...SCHEMA.properties,
    location: { type: 'object' },
    organizer: { type: 'object' },
    recurrence: { type: 'object', properties: { rrule: SCHEMA.$defs!.recurrence!.properties!.rrule!, exdates: { type: 'array' }, rdates: { type: 'array' } } },
  },
};
