import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';

interface ContactArgs {
  endpoint: string;
  mode: 'json' | 'open311' | 'mailto';
  mailto: string;
  topics: string;
  persistDraft: boolean;
  lang: string;
  width: string;
}

const meta = {
  title: 'Widgets/Contact',
  component: 'kpr-contact',
  tags: ['autodocs'],
  render: (args) => html`<div style="max-width: ${args.width}">
    <kpr-contact endpoint=${args.endpoint || nothing} mode=${args.mode} mailto=${args.mailto || nothing} topics=${args.topics || nothing}
      privacy-url="https://www.bannewitz.de/datenschutz" lang=${args.lang || nothing} ?persist-draft=${args.persistDraft}></kpr-contact>
  </div>`,
  argTypes: {
    endpoint: { control: 'text', description: 'Where messages are posted (in Storybook, a mock that answers with a reference)' },
    mode: { control: 'inline-radio', options: ['json', 'open311', 'mailto'] },
    topics: { control: 'text', description: 'A JSON list of topic ids or { "id", "label" }' },
    width: { control: 'text', description: 'Width of the space around the widget (not an attribute)' },
  },
  args: { endpoint: '/storybook-mock/contact', mode: 'json', mailto: '', topics: '', persistDraft: false, lang: '', width: '44rem' },
} satisfies Meta<ContactArgs>;

export default meta;
type Story = StoryObj<ContactArgs>;

export const Default: Story = {};
export const English: Story = { args: { lang: 'en' } };
export const Arabic: Story = { name: 'Arabic (right to left)', args: { lang: 'ar' } };
export const LeichteSprache: Story = { name: 'Leichte Sprache (de-x-ls)', args: { lang: 'de-x-ls' } };
export const Narrow: Story = { name: 'Narrow (320 px)', args: { width: '320px' } };
export const OwnTopics: Story = { name: 'The town\'s own topics', args: { topics: '["graffiti", "lighting", {"id": "spielplatz", "label": "Spielplatz Am Hang"}, "other"]' } };
export const Mailto: Story = { name: 'Without an endpoint: the mail program', args: { endpoint: '', mode: 'mailto', mailto: 'praevention@bannewitz.example' } };
export const Open311: Story = { name: 'Open311 defect reports', args: { mode: 'open311' } };
export const OwnNotice: Story = {
  name: 'The town\'s own notice',
  render: (args) => html`<div style="max-width: ${args.width}">
    <kpr-contact endpoint=${args.endpoint} privacy-url="https://www.bannewitz.de/datenschutz">
      <div slot="notice">
        <p><strong>Notruf 110.</strong> Für alles andere: Ihr Präventionsrat Bannewitz liest jede Nachricht.</p>
      </div>
    </kpr-contact>
  </div>`,
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
