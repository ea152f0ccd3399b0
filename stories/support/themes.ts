/**
 * The pages around a widget that the toolbar's Theme switch and the Theming page offer: the theme a town's site
 * might have, in light or dark, and a high-contrast one. Keys are CSS properties for a `styleMap`.
 */
export const themes: Record<string, Record<string, string>> = {
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
