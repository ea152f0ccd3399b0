import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { feedUrl, widget, type WidgetArgs } from './support/render.js';

interface NewsFeedArgs extends WidgetArgs {
  /** Seconds until a feed request is given up (the Loading story waits a day). */
  timeout?: number;
  src: string;
  layout: 'list' | 'cards' | 'compact';
  limit: number;
  tag: string;
  lang: string;
  'time-zone': string;
  eager: boolean;
  width: string;
}

const topics = ['Einbruchschutz', 'Senioren', 'Jugend', 'Verkehr', 'Sauberkeit', 'Präventionsrat'];
const manyItems = Array.from({ length: 200 }, (_, i) => ({
  id: `meldung-${i + 1}`,
  url: `https://www.bannewitz.de/praevention/aktuelles/${i + 1}`,
  title: `Meldung ${i + 1}: ${['Sprechstunde der Bürgerpolizistin', 'Arbeitsgruppe Sauberkeit trifft sich', 'Neue Hinweise zum Schutz vor Trickbetrug', 'Schulwegplan aktualisiert'][i % 4]}`,
  summary: 'Eine kurze Zusammenfassung, damit die Übersicht lesbar bleibt.',
  content_text: 'Der vollständige Text steht auf der Seite der Gemeinde.',
  date_published: new Date(Date.UTC(2026, 10, 20) - i * 3 * 86_400_000).toISOString(),
  tags: [topics[i % topics.length]],
}));

const meta = {
  title: 'Widgets/News feed',
  component: 'kpr-news-feed',
  tags: ['autodocs'],
  render: (args) => widget('kpr-news-feed', args, html`<a href="https://www.bannewitz.de/">Zu den Neuigkeiten der Gemeinde</a>`),
  argTypes: {
    src: { control: 'text', description: 'One feed URL, or several separated by spaces' },
    layout: { control: 'inline-radio', options: ['list', 'cards', 'compact'] },
    limit: { control: { type: 'number', min: 0 }, description: 'Articles shown at first; 0 shows all' },
    tag: { control: 'text' },
    lang: { control: 'text', description: 'Overrides the page language (the toolbar)' },
    width: { control: 'text', description: 'Width of the space around the widget (not an attribute)' },
  },
  args: { eager: true, 'heading-level': 2, src: '/feeds/news.json', layout: 'list', limit: 0, tag: '', lang: '', 'time-zone': '', width: '48rem' },
} satisfies Meta<NewsFeedArgs>;

export default meta;
type Story = StoryObj<NewsFeedArgs>;

export const Default: Story = {};
export const Cards: Story = { args: { layout: 'cards', width: '72rem', src: '/feeds/news.json /feeds/lpr.rss /feeds/polizei.atom' } };
export const Compact: Story = { args: { layout: 'compact', width: '22rem', limit: 5 } };
export const WithLimit: Story = { name: 'Limit and "show more"', args: { limit: 2 } };
export const TagFilter: Story = { args: { tag: 'Jugend' } };
export const MergedFeeds: Story = { args: { src: '/feeds/news.json /feeds/lpr.rss /feeds/polizei.atom', limit: 6 } };
export const RssAndAtom: Story = { name: 'RSS and Atom', args: { src: '/feeds/lpr.rss /feeds/polizei.atom' } };
export const Loading: Story = { args: { src: '/storybook-mock/hang', timeout: 86400 } };
export const Error: Story = { name: 'Error, with fallback content', args: { src: '/feeds/does-not-exist.json' } };
export const Empty: Story = { args: { src: feedUrl([]) } };
export const EmptyTag: Story = { name: 'Empty for a tag', args: { tag: 'Radverkehr' } };
export const OneItem: Story = {
  args: {
    src: feedUrl([{
      id: 'eins', url: 'https://www.bannewitz.de/praevention/', title: 'Der Präventionsrat stellt sich vor',
      summary: 'Wer mitarbeitet, was er vorhat und wie Sie sich beteiligen können.', content_text: 'Text.',
      date_published: '2026-11-02T10:00:00+01:00', tags: ['Präventionsrat'],
    }]),
  },
};
export const TwoHundredItems: Story = { name: '200 items', args: { src: feedUrl(manyItems), limit: 20 } };
export const LongGermanWords: Story = {
  args: {
    width: '20rem',
    layout: 'cards',
    src: feedUrl([{
      id: 'lang', url: 'https://www.bannewitz.de/', title: 'Kriminalpräventionsratssitzungsprotokollveröffentlichungsankündigung',
      summary: 'Die Straßenbeleuchtungsmodernisierungsprogrammabschlussberichtsvorstellung findet im Bürgerhausveranstaltungssaal statt.',
      content_text: 'Text.', date_published: '2026-10-01T10:00:00+02:00', tags: ['Grundstücksverkehrsgenehmigungszuständigkeit'],
    }]),
  },
};
export const English: Story = { args: { lang: 'en', limit: 3 } };
export const Arabic: Story = { name: 'Arabic (right to left)', args: { lang: 'ar', limit: 3 } };
export const LeichteSprache: Story = { name: 'Leichte Sprache (de-x-ls)', args: { lang: 'de-x-ls', limit: 3 } };
export const CustomTheme: Story = {
  render: (args) => html`<style>
      .themed {
        --kpr-color-primary: #7a1f5c;
        --kpr-color-link: #7a1f5c;
        --kpr-radius: 1rem;
        --kpr-font-family: Georgia, serif;
        --kpr-news-feed-gap: 2.5rem;
      }
      .themed kpr-news-feed::part(title) {
        text-transform: uppercase;
        letter-spacing: 0.03em;
      }
      .themed kpr-news-feed::part(tag) {
        background: #f6e7f0;
      }
    </style>
    <div class="themed">${meta.render(args)}</div>`,
  args: { layout: 'cards', width: '60rem', limit: 3 },
};
export const Narrow: Story = { name: 'Narrow (320 px)', args: { width: '320px' } };
