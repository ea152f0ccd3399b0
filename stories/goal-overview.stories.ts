import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { feedUrl, widget, type WidgetArgs } from './support/render.js';

interface GoalArgs extends WidgetArgs {
  /** Seconds until a feed request is given up (the Loading story waits a day). */
  timeout?: number;
  src: string;
  layout: 'cards' | 'list';
  goals: string;
  expanded: boolean;
  eager: boolean;
  lang: string;
  width: string;
}

const meta = {
  title: 'Widgets/Goal overview',
  component: 'kpr-goal-overview',
  tags: ['autodocs'],
  render: (args) => widget('kpr-goal-overview', args, html`<a href="https://www.bannewitz.de/">Die Ziele des Präventionsrats auf bannewitz.de</a>`),
  argTypes: {
    src: { control: 'text', description: 'Feed URLs separated by spaces; a later feed replaces goals with the same id' },
    layout: { control: 'inline-radio', options: ['cards', 'list'] },
    goals: { control: 'text', description: 'Only these goal ids, separated by spaces, e.g. ziel-klima' },
    width: { control: 'text', description: 'Width of the space around the widget (not an attribute)' },
  },
  args: { eager: true, 'heading-level': 2, src: '/feeds/goals.json', layout: 'cards', goals: '', expanded: false, lang: '', width: '72rem' },
} satisfies Meta<GoalArgs>;

export default meta;
type Story = StoryObj<GoalArgs>;

/** Six goals with 40 measures and long series: how the widget holds up when a council has done a lot. */
const busy = () =>
  feedUrl(Array.from({ length: 6 }, (_, goal) => ({
    id: `ziel-${goal}`,
    title: ['Weniger Straftaten', 'Sachlich bleiben', 'Sich sicher fühlen', 'Engagement fördern', 'Gemeinschaft stärken', 'Gutes Miteinander'][goal],
    content_text: 'Ein Ziel mit vielen Maßnahmen und einer langen Reihe von Kennzahlen.',
    _kpr: {
      icon: ['shield', 'scales', 'lamp', 'heart', 'people', 'sun'][goal],
      measures: Array.from({ length: goal < 4 ? 7 : 6 }, (_, m) => ({
        title: `Maßnahme ${m + 1} mit einem etwas längeren Titel, wie er in der Praxis vorkommt`,
        status: (['done', 'running', 'planned'] as const)[(goal + m) % 3],
        partners: ['Polizeirevier Freital', 'Gemeindeverwaltung', 'Oberschule Bannewitz'].slice(0, 1 + (m % 3)),
        start: `202${3 + (m % 3)}-0${1 + (m % 9)}`,
      })),
      indicators: [
        { name: 'Erfasste Fälle je Quartal', unit: 'Fälle', better: 'down', series: Array.from({ length: 16 }, (_, q) => ({ period: `${2022 + Math.floor(q / 4)}-Q${(q % 4) + 1}`, value: 40 - q + ((q * 7) % 5) })) },
        { name: 'Zufriedenheit', unit: '%', better: 'up', chart: 'bar', target: 75, baseline: { period: '2021', value: 58 }, series: [{ period: '2023', value: 61.5 }, { period: '2026', value: 68 }] },
      ],
    },
  })));

export const Cards: Story = {};
export const List: Story = { args: { layout: 'list', width: '48rem' } };
export const Expanded: Story = { name: 'All measures shown (for print)', args: { expanded: true } };
export const OneGoal: Story = { name: 'One goal, on its own page', args: { goals: 'ziel-sicherheitsgefuehl', layout: 'list', width: '40rem' } };
export const English: Story = { args: { lang: 'en' } };
export const Arabic: Story = { name: 'Arabic (right to left)', args: { lang: 'ar' } };
export const LeichteSprache: Story = { name: 'Leichte Sprache (de-x-ls)', args: { lang: 'de-x-ls' } };
export const Narrow: Story = { name: 'Narrow (320 px)', args: { width: '320px' } };
export const Busy: Story = { name: 'Busy: 6 goals, 40 measures, long series', args: { src: busy() } };
export const BadData: Story = { name: 'Bad data: gaps, text values, unknown icon, HTML in a title', args: { src: '/fixtures/goals-problems.json', width: '48rem' } };
export const Themed: Story = {
  render: (args) => html`<style>
      .themed {
        --kpr-color-primary: #2e6b30;
        --kpr-goal-overview-chart-color: #8a4f00;
        --kpr-color-surface: #f4f8f1;
        --kpr-radius: 0.75rem;
        font-family: Georgia, serif;
      }
      .themed kpr-goal-overview::part(goal-title) {
        color: #2e6b30;
      }
    </style>
    <div class="themed">${meta.render(args)}</div>`,
};
export const Loading: Story = { args: { src: '/storybook-mock/hang', timeout: 86400 } };
export const Error: Story = { name: 'Error, with fallback content', args: { src: '/feeds/does-not-exist.json' } };
export const Empty: Story = { args: { src: feedUrl([]) } };
