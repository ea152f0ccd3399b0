import { addDays } from '../../src/core/time.js';
import { sampleShift } from '../../src/samples/shift-dates.js';

/**
 * The month ("2027-01") a day of the sample feeds lies in once the samples are moved to today's week (as
 * .storybook/preview.ts moves them), for stories that show a month with particular sample events in it.
 */
export function sampleMonth(day: string): string {
  return addDays(day, sampleShift().days).slice(0, 7);
}
