import { defineOnce } from '../../core/define.js';
import { KprEventCalendar } from './event-calendar.js';

defineOnce('kpr-event-calendar', KprEventCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'kpr-event-calendar': KprEventCalendar;
  }
}
