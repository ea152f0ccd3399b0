import type { Translations } from '../core/i18n.js';
import de from '../locales/de/editor.json';

/**
 * The editor's texts, German and English (src/locales/de/editor.json, src/locales/en/editor.json). The editor speaks those two; the preview's
 * widgets speak all seven, and i18next asks every registered part for a language a widget needs, so the others
 * are empty here: German, the fallback, answers for them.
 */
const none = () => Promise.resolve({ default: {} });
export const EDITOR_TRANSLATIONS: Translations = {
  name: 'editor',
  de,
  load: { en: () => import('../locales/en/editor.json'), cs: none, pl: none, uk: none, ar: none, ls: none },
};
