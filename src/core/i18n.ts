import i18next, { type i18n, type TFunction } from 'i18next';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import core from '../locales/de/core.json';
import { singleton } from './singleton.js';

export const DEFAULT_LANGUAGE = 'de';
/**
 * Every part of the texts exists in each of these languages (a test checks it); they are the folders
 * under `src/locales/` and the keys of each part's `load`.
 */
export const LANGUAGES = [DEFAULT_LANGUAGE, 'en', 'cs', 'pl', 'uk', 'ar', 'ls'];
/**
 * Leichte Sprache (Easy German) has no language subtag of its own. A page selects it with the private-use
 * subtag "x-ls" after German ("de-x-ls", "de-DE-x-ls"); its texts are the `ls` files. i18next and `lang`
 * attributes get this tag rather than "ls", which is no language: it gives German plural rules, a German
 * voice in screen readers and German as the fallback for any missing text.
 */
export const LEICHTE_SPRACHE = 'de-x-ls';
const tagOf = (language: string) => (language === 'ls' ? LEICHTE_SPRACHE : language);
/** A language subtag with at most a region (two letters or three digits): "de", "de-AT", "es-419". */
const REGIONAL = /^[a-z]{2,3}(-([a-z]{2}|\d{3}))?$/i;
const isLeichteSprache = (tag: string) => /^de(-[a-z0-9]+)*-x(-[a-z0-9]+)*-ls(-|$)/i.test(tag);

type Resources = Record<string, unknown>;

/**
 * A widget's texts: German ships with the widget, every other language is loaded when a page asks for it.
 * Each widget brings only its own part, so no widget carries another one's texts.
 */
export interface Translations {
  name: string;
  de: Resources;
  load: Record<string, () => Promise<{ default: Resources }>>;
}

const CORE: Translations = {
  name: 'core',
  de: core,
  load: {
    en: () => import('../locales/en/core.json'),
    cs: () => import('../locales/cs/core.json'),
    pl: () => import('../locales/pl/core.json'),
    uk: () => import('../locales/uk/core.json'),
    ar: () => import('../locales/ar/core.json'),
    ls: () => import('../locales/ls/core.json'),
  },
};

/**
 * The library's own i18next instance: never the page's global one, which the page may configure, and
 * shared by both copies when the library is loaded twice.
 */
const instance = singleton('i18n', (): i18n => {
  const created = i18next.createInstance();
  void created.init({
    resources: {},
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    initAsync: false,
    // Lit escapes every interpolated value; escaping here as well would show "&amp;" to residents.
    interpolation: { escapeValue: false },
  });
  return created;
});

interface Part {
  translations: Translations;
  /** Languages being added, so that two widgets asking at once load a file once. */
  loading: Map<string, Promise<void>>;
  /** Languages added. */
  ready: Set<string>;
}

/** The parts registered on this page. */
const parts = singleton('i18n-parts', () => new Map<string, Part>());

function register(translations: Translations): void {
  if (parts.has(translations.name)) return;
  instance.addResourceBundle(DEFAULT_LANGUAGE, 'translation', translations.de, true, true);
  parts.set(translations.name, { translations, loading: new Map(), ready: new Set([DEFAULT_LANGUAGE]) });
}

/**
 * Loads what the named parts (a widget's own and the shared core) still lack in a language; undefined when nothing is
 * missing. Only the asking widget's parts: a German news feed on the page does not make an English goal overview
 * fetch the news texts in English.
 */
function ensureLanguage(language: string, names: Iterable<string>): Promise<unknown> | undefined {
  const pending: Promise<void>[] = [];
  for (const name of names) {
    const part = parts.get(name)!;
    if (part.ready.has(language)) continue;
    let loading = part.loading.get(language);
    if (!loading) {
      loading = part.translations.load[language]!().then((module) => {
        instance.addResourceBundle(tagOf(language), 'translation', module.default, true, true);
        part.ready.add(language);
      });
      part.loading.set(language, loading);
    }
    pending.push(loading);
  }
  return pending.length ? Promise.all(pending) : undefined;
}

/**
 * Texts already looked up, by language, key and count: a goal overview asks for the same few words about 170 times
 * a render, and i18next's lookup was most of its cost. An answer changes only when texts are added (a language or a
 * part loaded), which empties the cache, or with the language, which is part of the key: a widget switching language
 * gets the new words at once. (The instance's own language never changes: widgets use `getFixedT`.) A second copy
 * of the library on the page keeps its own cache, emptied by its own listener on the shared instance.
 */
const looked = new Map<string, string>();
instance.store.on('added', () => looked.clear());

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
  /** The supported language in use as a tag for `lang` attributes, for example "de", or "de-x-ls" for Leichte Sprache. */
  language = DEFAULT_LANGUAGE;
  /** The full tag for `Intl`, for example "de-AT" on an Austrian page, or "de". */
  locale = DEFAULT_LANGUAGE;
  dir: 'ltr' | 'rtl' = 'ltr';
  private translate: TFunction = instance.getFixedT(DEFAULT_LANGUAGE);
  /** This widget's parts of the texts, by name: the core's, its own and those added later (`addTexts`). */
  private readonly parts = new Set([CORE.name]);

  constructor(private readonly host: ReactiveControllerHost & HTMLElement, translations: Translations) {
    register(CORE);
    register(translations);
    this.parts.add(translations.name);
    host.addController(this);
  }

  /** Whether the language has been worked out since the widget joined the page (see hostConnected). */
  private known = false;

  hostConnected(): void {
    watchers.add(this);
    // A widget that has not rendered yet works out its language when it first does (`hostUpdate`): one further down
    // the page renders only when it comes near (renderWhenNear), and then its language costs the page's start-up
    // nothing. One put back after it has rendered follows the `lang` of its new place at once.
    if ((this.host as { hasUpdated?: boolean }).hasUpdated) this.refresh();
    else this.known = false;
  }

  hostUpdate(): void {
    if (this.known) return;
    this.known = true;
    this.refresh();
  }

  hostDisconnected(): void {
    watchers.delete(this);
  }

  /**
   * Adds texts that a widget needs only after a resident acts (the contact form's error messages and outcomes), from
   * the chunk that loads then, so they are not part of the widget's first download. Resolves once they are there in
   * the language the widget shows; later changes of `lang` load them with the widget's other texts.
   */
  async addTexts(translations: Translations): Promise<void> {
    register(translations);
    this.parts.add(translations.name);
    await ensureLanguage(this.language === LEICHTE_SPRACHE ? 'ls' : this.language, this.parts);
  }

  t(key: string, options?: Record<string, unknown>): string {
    const count = options?.count;
    // Only calls whose answer depends on nothing but the key and a count: other options interpolate values.
    if (options && (typeof count !== 'number' || Object.keys(options).length > 1)) return this.translate(key, options) as string;
    const id = `${this.language} ${key} ${count}`;
    let text = looked.get(id);
    if (text === undefined) looked.set(id, (text = this.translate(key, options) as string));
    return text;
  }

  refresh(): void {
    this.known = true;
    const tag = languageTagOf(this.host);
    const primary = tag.toLowerCase().split('-')[0]!;
    // "de-x-ls", "de-DE-x-ls": the Leichte Sprache texts with German dates and numbers ("de", "de-DE" for Intl).
    const easy = isLeichteSprache(tag);
    const files = easy ? 'ls' : primary !== 'ls' && LANGUAGES.includes(primary) ? primary : DEFAULT_LANGUAGE;
    const language = tagOf(files);
    const intlTag = easy ? tag.replace(/-x-.*$/i, '') : tag;
    // A language we bundle, alone or with a region ("de-AT", "en-GB"), is one Intl has: asking would start the
    // browser's locale data at the page's start (57 ms on a phone, Lighthouse), before any date is shown.
    const known = (easy || files === primary) && (REGIONAL.test(intlTag) || Intl.DateTimeFormat.supportedLocalesOf(intlTag).length > 0);
    const locale = known ? intlTag : easy ? DEFAULT_LANGUAGE : files;
    const pending = ensureLanguage(files, this.parts);
    if (!pending && language === this.language && locale === this.locale) return;
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
