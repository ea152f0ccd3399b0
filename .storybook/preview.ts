import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import manifest from 'virtual:kpr-custom-elements';
import '../src/index.js';
import { moveSampleFeedsOnFetch } from '../src/samples/sample-fetch.js';
import { forStorybook } from '../stories/support/manifest.js';
import { themes } from '../stories/support/themes.js';
import { installFeedMocks } from './feed-mocks.js';

installFeedMocks();
// The demo's sample feeds (served at /feeds/, see main.ts) were written for November 2026: every story shows them
// moved to the current week, so the calendar's month has events and the news are recent on any day.
moveSampleFeedsOnFetch('/feeds/');
// Attributes, events, slots, CSS parts and custom properties of each widget (meta `component: 'kpr-…'`), for
// the controls and the docs tables: from the widgets' JSDoc, so they cannot drift from the code.
setCustomElementsManifest(forStorybook(manifest));

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
    options: {
      storySort: {
        order: [
          'Guides',
          ['Embedding', 'Embedding in TYPO3', 'Embedding in WordPress', 'Feeds from other servers', 'Theming', 'Feed formats', 'Accessibility and privacy', 'Privacy notice', 'Accessibility statement', 'Contact endpoint'],
          'Widgets',
        ],
      },
    },
  },
};

export default preview;
