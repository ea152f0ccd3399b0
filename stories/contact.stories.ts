import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { maxLength } from '../src/widgets/contact/validation.js';
import { fillContactForm } from './support/contact-form.js';
import { widget, type WidgetArgs } from './support/render.js';

interface ContactArgs extends WidgetArgs {
  endpoint: string;
  mode: 'json' | 'open311' | 'mailto';
  mailto: string;
  topics: string;
  'privacy-url': string;
  'persist-draft': boolean;
  timeout?: number;
  lang: string;
  width: string;
}

const meta = {
  title: 'Widgets/Contact',
  component: 'kpr-contact',
  tags: ['autodocs'],
  render: (args) => widget('kpr-contact', args),
  argTypes: {
    endpoint: { control: 'text', description: 'Where messages are posted (in Storybook, a mock that answers with a reference)' },
    mode: { control: 'inline-radio', options: ['json', 'open311', 'mailto'] },
    topics: { control: 'text', description: 'A JSON list of topic ids or { "id", "label" }' },
    width: { control: 'text', description: 'Width of the space around the widget (not an attribute)' },
  },
  args: { endpoint: '/storybook-mock/contact', mode: 'json', mailto: '', topics: '', 'privacy-url': 'https://www.bannewitz.de/datenschutz', 'persist-draft': false, lang: '', width: '44rem' },
} satisfies Meta<ContactArgs>;

export default meta;
type Story = StoryObj<ContactArgs>;

/** The blank form, as a resident first sees it: the empty state. */
export const Default: Story = { name: 'Default: the empty form' };
export const English: Story = { args: { lang: 'en' } };
export const Arabic: Story = { name: 'Arabic (right to left)', args: { lang: 'ar' } };
export const LeichteSprache: Story = { name: 'Leichte Sprache (de-x-ls)', args: { lang: 'de-x-ls' } };
export const Narrow: Story = { name: 'Narrow (320 px)', args: { width: '320px' } };
export const OwnTopics: Story = { name: 'The town\'s own topics', args: { topics: '["graffiti", "lighting", {"id": "spielplatz", "label": "Spielplatz Am Hang"}, "other"]' } };
export const Mailto: Story = { name: 'Without an endpoint: the mail program', args: { endpoint: '', mode: 'mailto', mailto: 'praevention@bannewitz.example' } };
export const Open311: Story = { name: 'Open311 defect reports', args: { mode: 'open311' } };
export const OwnNotice: Story = {
  name: 'The town\'s own notice',
  render: (args) =>
    widget('kpr-contact', args, html`<div slot="notice">
      <p><strong>Notruf 110.</strong> Für alles andere: Ihr Präventionsrat Bannewitz liest jede Nachricht.</p>
    </div>`),
};

const typicalMessage = {
  topic: 'lighting',
  message: 'Am Fußweg zwischen Kirchstraße und Schulplatz ist seit einer Woche die zweite Laterne aus. Abends ist es dort sehr dunkel.',
  place: 'Fußweg Kirchstraße / Schulplatz',
  consent: true,
};

export const Typical: Story = { name: 'Typical: filled in, ready to send', play: ({ canvasElement }) => fillContactForm(canvasElement, typicalMessage) };
export const Sending: Story = {
  name: 'Loading: sending, the endpoint has not answered yet',
  args: { endpoint: '/storybook-mock/hang/contact', timeout: 86400 },
  play: ({ canvasElement }) => fillContactForm(canvasElement, typicalMessage, { send: true }),
};
export const Sent: Story = {
  name: 'Sent, with a reference',
  play: async ({ canvasElement }) => {
    await fillContactForm(canvasElement, typicalMessage, { send: true });
    await waitFor(() => expect(canvasElement.querySelector('kpr-contact')!.shadowRoot!.querySelector('[part="result"]')?.textContent).toMatch(/KPR-2026-/), { timeout: 3000 });
  },
};
export const InvalidForm: Story = {
  name: 'Error: sent without a message or consent',
  play: ({ canvasElement }) => fillContactForm(canvasElement, { email: 'keine-adresse' }, { send: true }),
};
export const ServerError: Story = {
  name: 'Error: the endpoint fails',
  args: { endpoint: '/storybook-mock/fail' },
  play: ({ canvasElement }) => fillContactForm(canvasElement, typicalMessage, { send: true }),
};
export const Busy: Story = {
  name: 'Overfull: many topics, every field at its longest',
  args: {
    topics: JSON.stringify([
      ...['dog-fouling', 'graffiti', 'rubbish', 'lighting', 'traffic', 'public-drinking', 'youth', 'idea'],
      ...Array.from({ length: 12 }, (_, i) => ({ id: `ort-${i + 1}`, label: `Spielplatz und Grünanlage Nummer ${i + 1} am Rand der Wohnsiedlung` })),
      'other',
    ]),
  },
  play: ({ canvasElement }) =>
    fillContactForm(canvasElement, {
      topic: 'ort-12',
      message: 'Grundstücksverkehrsgenehmigungszuständigkeit und Straßenbeleuchtung: '.repeat(60).slice(0, maxLength('message')),
      place: 'Kreuzung Dresdner Straße / Hauptstraße, gegenüber dem Bürgerhausveranstaltungssaal'.repeat(4).slice(0, maxLength('place')),
      name: 'Maximiliane Friederike Müller-Lüdenscheidt'.repeat(4).slice(0, maxLength('name')),
      wantsAnswer: true,
      consent: true,
    }),
};
export const Themed: Story = {
  render: (args) => html`<style>
      .themed {
        --kpr-color-primary: #2e6b30;
        --kpr-color-error: #8a1c1c;
        --kpr-radius: 0.75rem;
        font-family: Georgia, serif;
      }
    </style>
    <div class="themed">${meta.render(args)}</div>`,
};
