import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { setClock } from '../src/core/clock.js';
import { feedUrl, widget, type WidgetArgs } from './support/render.js';
import { sampleMonth } from './support/sample-dates.js';

interface CalendarArgs extends WidgetArgs {
  src: string;
  view: '' | 'month' | 'list' | 'upcoming';
  date: string;
  limit: number;
  category: string;
  eager: boolean;
  lang: string;
  width: string;
  /** Seconds until a feed request is given up (the Loading story waits a day). */
  timeout?: number;
}

const meta = {
  title: 'Widgets/Event calendar',
  component: 'kpr-event-calendar',
  tags: ['autodocs'],
  render: (args) => widget('kpr-event-calendar', args, html`<a href="https://www.bannewitz.de/">Alle Termine auf bannewitz.de</a>`),
  argTypes: {
    src: { control: 'text', description: 'KPR event feeds and iCalendar files, separated by spaces' },
    view: { control: { type: 'inline-radio', labels: { '': 'automatic' } }, options: ['', 'month', 'list', 'upcoming'], description: 'Empty: the month, or the list when narrow' },
    date: { control: 'text', description: 'The month shown first, e.g. 2026-12; empty: this month' },
    width: { control: 'text', description: 'Width of the space around the widget (not an attribute)' },
  },
  // The sample feeds' dates follow today (.storybook/preview.ts), so this month always has their events.
  args: { eager: true, src: '/feeds/events.json /feeds/gemeinderat.ics', view: '', date: '', limit: 5, category: '', lang: '', width: '72rem' },
} satisfies Meta<CalendarArgs>;

export default meta;
type Story = StoryObj<CalendarArgs>;

/** December 2026 with four events on most days: how the grid behaves when a town is busy. */
const busyMonth = () =>
  feedUrl(Array.from({ length: 100 }, (_, i) => {
    const day = String(1 + (i % 31)).padStart(2, '0');
    const hour = String(9 + (i % 10)).padStart(2, '0');
    return {
      id: `busy-${i}`,
      title: ['Sprechstunde', 'Elternabend zur Medienerziehung', 'Seniorennachmittag mit Vortrag', 'Arbeitsgruppe Verkehr', 'Fahrradcodierung'][i % 5],
      content_text: 'Ein Termin in einem vollen Monat.',
      _kpr: { start: `2026-12-${day}T${hour}:00:00+01:00`, end: `2026-12-${day}T${hour}:45:00+01:00`, category: ['Sprechstunde', 'Vortrag', 'Veranstaltung'][i % 3], status: i % 17 === 0 ? 'cancelled' : 'scheduled' },
    };
  }));

export const Month: Story = {};
export const List: Story = { args: { view: 'list', width: '48rem' } };
/**
 * The list of this month, on Thursday of the samples' own week: the month's next events first, its four earlier
 * ones behind "Frühere Termine in diesem Monat (4)". The widgets' clock is held at that day while the story is shown.
 */
export const EarlierThisMonth: Story = {
  name: 'List of this month: earlier days collapsed',
  // At that day the samples are moved by nothing (.storybook/preview.ts moves them by the widgets' clock). Its own
  // address, so that the page's feed cache never hands this story the samples as moved for the real today.
  args: { view: 'list', date: '', width: '48rem', src: '/feeds/events.json?held-at=2026-11-26' },
  beforeEach: () => {
    setClock('2026-11-26T12:00:00+01:00');
    return () => setClock(null);
  },
};
export const Upcoming: Story = { name: 'Upcoming (sidebar)', args: { view: 'upcoming', limit: 3, width: '20rem', src: '/feeds/events.json' } };
export const Busy: Story = { name: 'A busy month', args: { src: busyMonth(), date: '2026-12' } };
// The samples' cancelled talk (10 December 2026, as written) and their council's quarterly meeting (3 December).
export const Cancelled: Story = { name: 'Cancelled and moved events', args: { view: 'list', category: 'Vortrag', width: '48rem', date: sampleMonth('2026-12-10') } };
export const OneCategory: Story = { name: 'One category selected', args: { category: 'Präventionsrat', date: sampleMonth('2026-12-03') } };
export const English: Story = { args: { lang: 'en' } };
export const Arabic: Story = { name: 'Arabic (right to left)', args: { lang: 'ar' } };
export const LeichteSprache: Story = { name: 'Leichte Sprache (de-x-ls)', args: { lang: 'de-x-ls' } };
export const Narrow: Story = { name: 'Narrow (320 px): the list', args: { width: '320px' } };
export const Empty: Story = { name: 'Empty: a feed without events', args: { src: feedUrl([]) } };
/** December 2027 as written: the samples' series have ended by then. */
export const EmptyMonth: Story = { name: 'An empty month', args: { date: sampleMonth('2027-12-01') } };
export const Themed: Story = {
  render: (args) => html`<style>
      .themed {
        --kpr-color-primary: #2e6b30;
        --kpr-event-calendar-source-2-color: #8a4f00;
        --kpr-event-calendar-today: #e4f0dc;
        --kpr-radius: 0.75rem;
        font-family: Georgia, serif;
      }
    </style>
    <div class="themed">${meta.render(args)}</div>`,
};
export const Loading: Story = { args: { src: '/storybook-mock/hang', timeout: 86400 } };
export const Error: Story = { name: 'Error, with fallback content', args: { src: '/feeds/does-not-exist.json' } };
