import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/docs/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  framework: {
    name: '@storybook/web-components-vite',
    // The project's vite.config.ts builds the library; Storybook needs only the plain defaults.
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  core: { disableTelemetry: true },
  staticDirs: [
    { from: '../demo/feeds', to: '/feeds' },
    { from: '../tests/fixtures', to: '/fixtures' },
  ],
};

export default config;
