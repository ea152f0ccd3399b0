import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import manifest from 'virtual:kpr-custom-elements';
import '../src/index.js';
import { forStorybook } from '../stories/support/manifest.js';
import { installFeedMocks } from './feed-mocks.js';

installFeedMocks();
// Attributes, events, slots, CSS parts and custom properties of each widget (meta `component: 'kpr-…'`), for
// the controls and the docs tables: from the widgets' JSDoc, so they cannot drift from the code.
setCustomElementsManifest(forStorybook(manifest));

/** The page around a widget: the theme a town's site might have, in light or dark. */
const themes: Record<string, Record<string, string>> = {
  default: {},
  dark: { colorScheme: 'dark', background: '#121417', color: '#eceff3' },
  'high-contrast': {
    background: '#000', color: '#fff', '--kpr-color-primary': '#ffff00', '--kpr-color-on-primary': '#000',
    '--kpr-color-link': '#ffff00', '--kpr-color-border': '#fff', '--kpr-color-focus': '#00ffff',
  },
  bannewitz: {
    fontFamily: 'Georgia, serif', '--kpr-color-primary': '#2e6b30', '--kpr-color-surface': '#f4f8f1',
    '--kpr-color-border': '#6d8f5e', '--kpr-radius': '0.75rem',
  },
};

const preview: Preview = {
  globalTypes: {
    lang: {
      description: 'The language of the page around the widget',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'de', title: 'Deutsch' },
          { value: 'de-x-ls', title: 'Leichte Sprache' },
          { value: 'en', title: 'English' },
          { value: 'cs', title: 'Čeština' },
          { value: 'pl', title: 'Polski' },
          { value: 'uk', title: 'Українська' },
          { value: 'ar', title: 'العربية (right to left)' },
          { value: 'fr', title: 'Français (falls back to German)' },
        ],
      },
    },
    theme: {
      description: 'The page around the widget',
      toolbar: { title: 'Theme', icon: 'paintbrush', items: Object.keys(themes) },
    },
  },
  initialGlobals: { lang: 'de', theme: 'default' },
  decorators: [
    (story, context) => html`<div lang=${context.globals.lang} style=${styleMap({ padding: '1rem', ...themes[context.globals.theme as string] })}>
      ${story()}
    </div>`,
  ],
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
};

export default preview;
