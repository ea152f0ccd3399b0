import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';

interface TipsArgs {
  /** Seconds until a feed request is given up (the Loading story waits a day). */
  timeout?: number;
  src: string;
  mode: 'list' | 'spotlight';
  topic: string;
  audience: string;
  season: boolean;
  date: string;
  single: boolean;
  lang: string;
  width: string;
}

const meta = {
  title: 'Widgets/Prevention tips',
  component: 'kpr-prevention-tips',
  tags: ['autodocs'],
  render: (args) => html`<div style="max-width: ${args.width}">
    <kpr-prevention-tips
      eager
      src=${args.src} timeout=${args.timeout || nothing}
      mode=${args.mode}
      topic=${args.topic || nothing}
      audience=${args.audience || nothing}
      date=${args.date || nothing}
      lang=${args.lang || nothing}
      ?season=${args.season}
      ?single=${args.single}
    >
      <a href="https://www.bannewitz.de/">Alle Tipps auf bannewitz.de</a>
    </kpr-prevention-tips>
  </div>`,
  argTypes: {
    src: { control: 'text', description: 'Feed URLs separated by spaces; a later feed replaces tips with the same id' },
    mode: { control: 'inline-radio', options: ['list', 'spotlight'] },
    topic: { control: 'select', options: ['', 'burglary', 'fraud-older-people', 'online-fraud', 'bicycle-theft', 'moral-courage', 'youth-protection', 'traffic', 'vandalism'] },
    audience: { control: 'select', options: ['', 'older-people', 'parents', 'young-people', 'businesses'] },
    date: { control: 'text', description: 'The day for the spotlight and the season, e.g. 2026-11-24' },
    width: { control: 'text', description: 'Width of the space around the widget (not an attribute)' },
  },
  args: { src: '/feeds/tips.json', mode: 'list', topic: '', audience: '', season: false, date: '', single: false, lang: '', width: '48rem' },
} satisfies Meta<TipsArgs>;

export default meta;
type Story = StoryObj<TipsArgs>;

export const Default: Story = {};
export const Spotlight: Story = { name: 'Tip of the day', args: { mode: 'spotlight', season: true, width: '28rem' } };
export const SeasonFirst: Story = { name: 'Season first (November)', args: { season: true, date: '2026-11-24' } };
export const ForOlderPeople: Story = { args: { audience: 'older-people' } };
export const OneTopic: Story = { args: { topic: 'burglary' } };
export const SingleOpen: Story = { name: 'One open at a time', args: { single: true } };
export const CentralAndLocal: Story = { name: 'Central and local feed merged', args: { src: '/fixtures/tips-central.json /fixtures/tips-local.json' } };
export const English: Story = { args: { lang: 'en' } };
export const Arabic: Story = { name: 'Arabic (right to left)', args: { lang: 'ar' } };
export const LeichteSprache: Story = { name: 'Leichte Sprache (de-x-ls)', args: { lang: 'de-x-ls' } };
export const Narrow: Story = { name: 'Narrow (320 px)', args: { width: '320px' } };
export const Themed: Story = {
  render: (args) => html`<style>
      .themed {
        --kpr-color-primary: #2e6b30;
        --kpr-color-surface: #f4f8f1;
        --kpr-color-border: #6d8f5e;
        --kpr-prevention-tips-gap: 2rem;
        font-family: Georgia, serif;
      }
      .themed kpr-prevention-tips::part(group-title) {
        color: #2e6b30;
        text-transform: uppercase;
        letter-spacing: 0.05em;
      }
    </style>
    <div class="themed">${meta.render(args)}</div>`,
};
export const Loading: Story = { args: { src: '/storybook-mock/hang', timeout: 86400 } };
export const Error: Story = { name: 'Error, with fallback content', args: { src: '/feeds/does-not-exist.json' } };
export const Empty: Story = {
  args: { src: URL.createObjectURL(new Blob([JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Leer', items: [] })], { type: 'application/feed+json' })) },
};
