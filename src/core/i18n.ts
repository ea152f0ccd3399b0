import i18next, { type i18n, type TFunction } from 'i18next';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import de from '../locales/de.json';
import { singleton } from './singleton.js';

export const DEFAULT_LANGUAGE = 'de';

type Resources = Record<string, unknown>;

/** German ships inside every widget; other languages are loaded when a page asks for them. */
const loaders: Record<string, () => Promise<{ default: Resources }>> = {
  en: () => import('../locales/en.json'),
};

export const LANGUAGES = [DEFAULT_LANGUAGE, ...Object.keys(loaders)];

/**
 * The library's own i18next instance: never the page's global one, which the page may configure, and
 * shared by both copies when the library is loaded twice.
 */
const instance = singleton('i18n', (): i18n => {
  const created = i18next.createInstance();
  void created.init({
    resources: { [DEFAULT_LANGUAGE]: { translation: de } },
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    initAsync: false,
    // Lit escapes every interpolated value; escaping here as well would show "&amp;" to residents.
    interpolation: { escapeValue: false },
  });
  return created;
});

const loading = new Map<string, Promise<void>>();

function ensureLanguage(language: string): Promise<void> | undefined {
  if (instance.hasResourceBundle(language, 'translation')) return undefined;
  let pending = loading.get(language);
  if (!pending) {
    pending = loaders[language]!().then((module) => {
      instance.addResourceBundle(language, 'translation', module.default);
    });
    loading.set(language, pending);
  }
  return pending;
}

/** The `lang` that applies to an element: its own, its closest ancestor's (across shadow roots), else `<html lang>`. */
export function languageTagOf(element: Element): string {
  for (let node: Node | null = element; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    const lang = node instanceof Element ? node.getAttribute('lang') : null;
    if (lang) return lang;
  }
  return DEFAULT_LANGUAGE;
}

/** Every widget's i18n follows `lang` changes anywhere on the page through one shared observer. */
const watchers = singleton('i18n-watchers', () => {
  const set = new Set<{ refresh(): void }>();
  new MutationObserver(() => set.forEach((watcher) => watcher.refresh())).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
    subtree: true,
  });
  return set;
});

/**
 * Gives a widget its language: `t()` for texts, `locale` for `Intl`, `dir` for the layout. Texts are
 * resolved in `render()` through `t()`, so a change of `lang` re-renders the widget in the new language.
 */
export class I18nController implements ReactiveController {
  /** The supported language in use, for example "de". */
  language = DEFAULT_LANGUAGE;
  /** The full tag for `Intl`, for example "de-AT" on an Austrian page, or "de". */
  locale = DEFAULT_LANGUAGE;
  dir: 'ltr' | 'rtl' = 'ltr';
  private translate: TFunction = instance.getFixedT(DEFAULT_LANGUAGE);

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    watchers.add(this);
    this.refresh();
  }

  hostDisconnected(): void {
    watchers.delete(this);
  }

  t(key: string, options?: Record<string, unknown>): string {
    return this.translate(key, options) as string;
  }

  refresh(): void {
    const tag = languageTagOf(this.host);
    const primary = tag.toLowerCase().split('-')[0]!;
    const language = LANGUAGES.includes(primary) ? primary : DEFAULT_LANGUAGE;
    const locale = language === primary && Intl.DateTimeFormat.supportedLocalesOf(tag).length ? tag : language;
    if (language === this.language && locale === this.locale) return;
    const pending = ensureLanguage(language);
    if (pending) {
      void pending.then(() => this.refresh());
      return;
    }
    this.language = language;
    this.locale = locale;
    this.dir = instance.dir(language);
    this.translate = instance.getFixedT(language);
    this.host.requestUpdate();
  }
}
