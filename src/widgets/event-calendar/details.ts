import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { textLanguage } from '../../core/feed/language.js';
import { formatDay } from '../../core/format.js';
import { safeHtml } from '../../core/sanitize.js';
import type { CalendarEvent, EventLocation } from './event-calendar.types.js';
import { describeWhen, renderAgenda, renderTitle, type ViewContext } from './views.js';

export interface DetailsContext extends ViewContext {
  host: ReactiveElement;
  /** The object URL of this event's .ics file, made when the dialog opens and revoked when it closes. */
  icsUrl?: string;
  icsName?: string;
  subscribeUrl?: string;
}

/**
 * A link to the place on OpenStreetMap: a link the resident may follow, never an embedded map, which would
 * send their address to a third party as soon as the page loads.
 */
export function mapLink({ geo, name, address }: EventLocation): string | undefined {
  if (geo) return `https://www.openstreetmap.org/?mlat=${geo.lat}&mlon=${geo.lon}#map=17/${geo.lat}/${geo.lon}`;
  const query = address ?? name;
  return query ? `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}` : undefined;
}

/** Everything about one event, for the details dialog. */
export function renderEventDetails(event: CalendarEvent, context: DetailsContext): TemplateResult {
  const t = (key: string) => context.i18n.t(key);
  const row = (label: string, value: unknown) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : nothing);
  const location = event.location;
  const map = location ? mapLink(location) : undefined;
  // The event's text is in its language where that is not the widget's, as its title is (renderTitle).
  const { lang, dir } = textLanguage(event.language, context.i18n.language, context.i18n.dir);
  return html`<h2 class="dialog-title" id="dialog-title">${renderTitle(event, context.i18n)}</h2>
    ${event.status === 'scheduled' ? nothing : html`<p class="status-note ${event.status}">${t(`calendar.status.${event.status}`)}</p>`}
    <dl class="facts">
      ${row(t('calendar.when'), html`${describeWhen(event, context)}${event.recurring ? html`<br />${t('calendar.recurring')}` : nothing}`)}
      ${row(t('calendar.where'), location ? html`${[location.name, location.address].filter(Boolean).join(', ')}${map ? html`<br /><a href=${map} rel="noopener noreferrer">${t('calendar.map')}</a>` : nothing}` : '')}
      ${row(t('calendar.category'), event.category)}
      ${row(t('calendar.organizer'), event.organizer ? renderOrganizer(event.organizer) : '')}
      ${row(t('calendar.accessibility'), event.accessibility)}
    </dl>
    ${event.html ? html`<div class="description" lang=${ifDefined(lang)} dir=${ifDefined(dir)}>${safeHtml(event, event.html, { source: event.source, hosts: [] }, context.host)}</div>`
      : event.description ? html`<p class="description" lang=${ifDefined(lang)} dir=${ifDefined(dir)}>${event.description}</p>` : nothing}
    <p class="actions">
      ${context.icsUrl ? html`<a class="button" href=${context.icsUrl} download=${context.icsName!} part="ics-link">${t('calendar.addToCalendar')}</a>` : nothing}
      ${event.registrationUrl && event.status !== 'cancelled' ? html`<a class="button secondary" href=${event.registrationUrl} rel="noopener noreferrer">${t('calendar.register')}</a>` : nothing}
      ${event.url ? html`<a href=${event.url} rel="noopener noreferrer">${t('calendar.moreInfo')}</a>` : nothing}
      ${context.subscribeUrl ? html`<a href=${context.subscribeUrl}>${t('calendar.subscribe')}</a>` : nothing}
    </p>`;
}

function renderOrganizer({ name, email, url }: NonNullable<CalendarEvent['organizer']>): TemplateResult {
  const label = name ?? email ?? url ?? '';
  if (url) return html`<a href=${url} rel="noopener noreferrer">${label}</a>`;
  if (email) return html`<a href="mailto:${email}">${label}</a>`;
  return html`${label}`;
}

/** The events of one day, for "Enter opens the day" and "+3 more". */
export function renderDayDetails(day: string, events: readonly CalendarEvent[], context: ViewContext): TemplateResult {
  return html`<h2 class="dialog-title" id="dialog-title">${context.i18n.t('calendar.dayEvents', { day: formatDay(day, context.i18n.locale, 'long') })}</h2>
    ${events.length ? renderAgenda([[day, events]], { ...context, headingLevel: 3 }, true) : html`<p>${context.i18n.t('calendar.noEvents')}</p>`}`;
}
