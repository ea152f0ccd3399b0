/** `asskomm-widgets/event-calendar`: registers `<kpr-event-calendar>`. */
import './widgets/event-calendar/define.js';

export { KprEventCalendar, type CalendarView } from './widgets/event-calendar/event-calendar.js';
export type { CalendarEvent, EventStatus } from './widgets/event-calendar/event-calendar.types.js';
