import type { ArgTypes, Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import manifest from 'virtual:kpr-custom-elements';
import { themeProperties } from '../support/manifest.js';
import { widget } from '../support/render.js';
import { themes } from '../support/themes.js';

/** Each widget as a town would first embed it, showing enough for every property to have something to colour. */
const examples: Record<string, Record<string, string | number | boolean>> = {
  'kpr-news-feed': { eager: true, src: '/feeds/news.json', limit: 3, layout: 'cards' },
  'kpr-prevention-tips': { eager: true, src: '/feeds/tips.json', topic: 'burglary' },
  'kpr-goal-overview': { eager: true, src: '/feeds/goals.json', layout: 'list', goals: 'ziel-sicherheitsgefuehl' },
  'kpr-event-calendar': { eager: true, src: '/feeds/events.json /feeds/gemeinderat.ics' },
  'kpr-contact': { endpoint: '/storybook-mock/contact', 'privacy-url': 'https://www.bannewitz.de/datenschutz' },
};

const { shared, specific } = themeProperties(manifest);

/** One control per `--kpr-*` property, made from custom-elements.json: a new @cssprop appears here by itself. */
const propertyControls: ArgTypes = Object.fromEntries(
  [...shared, ...specific].map((property) => [
    property.name,
    {
      name: property.name,
      description: property.description,
      control: /color/.test(property.name) ? { type: 'color' } : { type: 'text' },
      table: { category: property.widgets.length === shared[0]?.widgets.length ? 'every widget' : property.widgets.join(', ') },
    },
  ]),
);

interface ThemingArgs {
  widget: string;
  theme: string;
  [property: `--kpr-${string}`]: string | undefined;
}

const meta = {
  title: 'Guides/Theming',
  render: (args) => {
    const properties = Object.fromEntries(Object.entries(args).filter(([name, value]) => name.startsWith('--kpr-') && value));
    return html`<div style=${styleMap({ padding: '1rem', ...themes[args.theme], ...properties })}>
      ${widget(args.widget, { ...examples[args.widget], width: '52rem' })}
    </div>`;
  },
  argTypes: {
    widget: { control: 'select', options: Object.keys(examples), description: 'The widget to try the properties on' },
    theme: { control: 'inline-radio', options: Object.keys(themes), description: 'A preset: the page around the widget, and the properties it sets' },
    ...propertyControls,
  },
  args: { widget: 'kpr-news-feed', theme: 'default' },
} satisfies Meta<ThemingArgs>;

export default meta;
type Story = StoryObj<ThemingArgs>;

export const Playground: Story = {};
export const Bannewitz: Story = { name: 'Preset: Bannewitz', args: { theme: 'bannewitz', widget: 'kpr-goal-overview' } };
export const HighContrast: Story = { name: 'Preset: high contrast', args: { theme: 'high-contrast', widget: 'kpr-prevention-tips' } };
export const DarkPage: Story = { name: 'Preset: a dark page', args: { theme: 'dark', widget: 'kpr-event-calendar' } };
export const Parts: Story = {
  name: 'Styling parts',
  render: (args) => html`<style>
      .parts-example kpr-news-feed::part(title) {
        font-family: Georgia, serif;
        letter-spacing: 0.01em;
      }
      .parts-example kpr-news-feed::part(tag) {
        border-radius: 999px;
        background: #e8f0e4;
        color: #1f4a21;
      }
      .parts-example kpr-news-feed::part(item) {
        border-left: 4px solid #2e6b30;
        padding-left: 1rem;
      }
    </style>
    <div class="parts-example">${meta.render(args)}</div>`,
  args: { widget: 'kpr-news-feed' },
};
