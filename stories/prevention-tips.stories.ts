import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { feedUrl, widget, type WidgetArgs } from './support/render.js';

interface TipsArgs extends WidgetArgs {
  /** Seconds until a feed request is given up (the Loading story waits a day). */
  timeout?: number;
  src: string;
  mode: 'list' | 'spotlight';
  topic: string;
  audience: string;
  season: boolean;
  date: string;
  single: boolean;
  eager: boolean;
  lang: string;
  width: string;
}

const meta = {
  title: 'Widgets/Prevention tips',
  component: 'kpr-prevention-tips',
  tags: ['autodocs'],
  render: (args) => widget('kpr-prevention-tips', args, html`<a href="https://www.bannewitz.de/">Alle Tipps auf bannewitz.de</a>`),
  argTypes: {
    src: { control: 'text', description: 'Feed URLs separated by spaces; a later feed replaces tips with the same id' },
    mode: { control: 'inline-radio', options: ['list', 'spotlight'] },
    topic: { control: 'select', options: ['', 'burglary', 'fraud-older-people', 'online-fraud', 'bicycle-theft', 'moral-courage', 'youth-protection', 'traffic', 'vandalism'] },
    audience: { control: 'select', options: ['', 'older-people', 'parents', 'young-people', 'businesses'] },
    date: { control: 'text', description: 'The day for the spotlight and the season, e.g. 2026-11-24' },
    width: { control: 'text', description: 'Width of the space around the widget (not an attribute)' },
  },
  args: { eager: true, 'heading-level': 2, src: '/feeds/tips.json', mode: 'list', topic: '', audience: '', season: false, date: '', single: false, lang: '', width: '48rem' },
} satisfies Meta<TipsArgs>;

export default meta;
type Story = StoryObj<TipsArgs>;

/** The grandchild trick with a version in Leichte Sprache (`_kpr.easy`, without a teaser of its own), and a tip without one. */
const easyTips = [
  {
    id: 'enkeltrick',
    title: 'Der Enkeltrick',
    summary: 'Betrüger geben sich am Telefon als Verwandte aus und bitten um Geld.',
    content_text: 'Legen Sie auf und rufen Sie Ihre Familie unter der Nummer zurück, die Sie kennen. Geben Sie Fremden kein Geld.',
    _kpr: {
      topic: 'fraud-older-people',
      audience: ['older-people'],
      phones: [{ label: 'Polizei-Notruf', number: '110' }],
      easy: { title: 'Vorsicht bei Anrufen', content_text: 'Jemand ruft an.\nEr sagt: Ich bin Ihr Enkel.\nEr will Geld.\nLegen Sie auf.\nRufen Sie Ihre Familie an.' },
    },
  },
  { id: 'haustuer', title: 'Haustür auch tagsüber abschließen', content_text: 'Ein Schloss, das nur zugezogen ist, öffnen Einbrecher in Sekunden.', _kpr: { topic: 'burglary' } },
];

export const Default: Story = {};
export const Spotlight: Story = { name: 'Tip of the day', args: { mode: 'spotlight', season: true, width: '28rem' } };
export const SeasonFirst: Story = { name: 'Season first (November)', args: { season: true, date: '2026-11-24' } };
export const ForOlderPeople: Story = { args: { audience: 'older-people' } };
export const OneTopic: Story = { args: { topic: 'burglary' } };
export const SingleOpen: Story = { name: 'One open at a time', args: { single: true } };
export const CentralAndLocal: Story = { name: 'Central and local feed merged', args: { src: '/fixtures/tips-central.json /fixtures/tips-local.json' } };
export const English: Story = { args: { lang: 'en' } };
export const Arabic: Story = { name: 'Arabic (right to left)', args: { lang: 'ar' } };
export const LeichteSprache: Story = { name: 'Leichte Sprache (de-x-ls)', args: { lang: 'de-x-ls', src: `/feeds/tips.json ${feedUrl(easyTips)}` } };
/** In German, the open tip offers 'In Leichter Sprache lesen' and back. */
export const EasyVersion: Story = { name: 'A tip with a Leichte-Sprache version', args: { src: feedUrl(easyTips) } };
export const EasyVersionArabic: Story = { name: 'A tip with a Leichte-Sprache version, in Arabic', args: { lang: 'ar', src: feedUrl(easyTips) } };
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
/** Sixty tips across every topic, some with long texts, many numbers and links: a district's full collection. */
const manyTips = Array.from({ length: 60 }, (_, i) => ({
  id: `tipp-${i + 1}`,
  title: `Tipp ${i + 1}: ${['Haustür auch tagsüber abschließen', 'Am Telefon keine Auskunft über Geld geben', 'Passwörter nicht mehrfach verwenden', 'Fahrrad codieren lassen', 'Hinsehen und Hilfe holen', 'Mit Kindern über Chats sprechen', 'Schulweg gemeinsam üben', 'Schäden schnell melden'][i % 8]}`,
  summary: 'Eine kurze Einführung, worum es geht und warum es sich lohnt.',
  content_text: 'Ein ausführlicher Rat mit mehreren Sätzen. '.repeat(1 + (i % 6)),
  _kpr: {
    topic: ['burglary', 'fraud-older-people', 'online-fraud', 'bicycle-theft', 'moral-courage', 'youth-protection', 'traffic', 'vandalism'][i % 8],
    audience: [['everyone'], ['older-people'], ['parents', 'young-people'], ['businesses']][i % 4],
    phones: Array.from({ length: i % 3 }, (_, n) => ({ label: `Beratungsstelle ${n + 1}`, number: `0351 647 20${n}` })),
    links: Array.from({ length: i % 4 }, (_, n) => ({ title: `Weiterlesen, Quelle ${n + 1}`, url: `https://www.polizei-beratung.de/themen-und-tipps/${n + 1}` })),
  },
}));

export const Busy: Story = { name: 'Overfull: 60 tips in every topic', args: { src: feedUrl(manyTips) } };
export const Empty: Story = {
  args: { src: feedUrl([]) },
};
