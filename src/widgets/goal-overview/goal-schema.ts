import type { Schema } from '../../core/validate.js';
import goalsSchema from '../../schemas/kpr-goals.schema.json';

const SCHEMA = goalsSchema as Schema;

/**
 * What the feed controller checks for a whole goal. Measures, indicators and the icon are checked one by one
 * here instead, so that one wrong measure or an unknown icon costs only that part, never the whole goal.
 */
export const GOAL_SCHEMA: Schema = {
  ...SCHEMA,
  properties: { ...SCHEMA.properties, icon: { type: 'string' }, measures: { type: 'array' }, indicators: { type: 'array' } },
};
