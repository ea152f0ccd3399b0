import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { I18nController, LANGUAGES, LEICHTE_SPRACHE, languageTagOf } from '../../src/core/i18n.js';
import '../../src/goal-overview.js';
import { fresh, jsonFeed, served, settled, shadow } from '../support/helpers.js';

describe('i18n', () => {
  it('finds the lang that applies to an element, across shadow roots', async () => {
    const host = await fixture(html`<section lang="en-GB"><div></div></section>`);
    const inner = host.querySelector('div')!.attachShadow({ mode: 'open' });
    inner.innerHTML = '<p></p>';
    expect(languageTagOf(inner.querySelector('p')!)).to.equal('en-GB');
    expect(languageTagOf(document.createElement('p'))).to.equal('de');
  });

  it('uses British dates on an en-GB page and German for languages it does not have yet', async () => {
    const feed = served(jsonFeed([{ title: 'A', date: '2025-05-01T10:00:00+02:00' }]));
    const page = await fixture(html`<div>
      <kpr-news-feed eager lang="en-GB" src=${feed}></kpr-news-feed>
      <kpr-news-feed eager lang="fr" src=${feed}></kpr-news-feed>
    </div>`);
    const [british, french] = [...page.querySelectorAll<HTMLElement>('kpr-news-feed')];
    await Promise.all([settled(british!), settled(french!)]);
    await waitUntil(() => shadow(british!).querySelector('time')?.textContent === '1 May 2025', 'British English dates');
    expect(shadow(french!).querySelector('time')!.textContent).to.equal('1. Mai 2025');
    // The widget's own texts are German there, so the widget says so for screen readers.
    expect(shadow(french!).querySelector('[part="base"]')!.getAttribute('lang')).to.equal('de');
  });
});

describe('locales', () => {
  it('uses Austrian dates on a de-AT page without asking Intl which locales it has; for a longer tag it still asks', async () => {
    const original = Intl.DateTimeFormat.supportedLocalesOf;
    const asked: string[] = [];
    Intl.DateTimeFormat.supportedLocalesOf = (locales, options) => {
      asked.push(String(locales));
      return original(locales, options);
    };
    try {
      const feed = served(jsonFeed([{ title: 'A', date: '2025-01-15T10:00:00+01:00' }]));
      const page = await fixture(html`<div>
        <kpr-news-feed eager lang="de-AT" src=${feed}></kpr-news-feed>
        <kpr-news-feed eager lang="en-Latn-GB" src=${feed}></kpr-news-feed>
      </div>`);
      const [austrian, latin] = [...page.querySelectorAll<HTMLElement>('kpr-news-feed')];
      await Promise.all([settled(austrian!), settled(latin!)]);
      expect(shadow(austrian!).querySelector('time')!.textContent).to.equal('15. Jänner 2025');
      await waitUntil(() => shadow(latin!).querySelector('[part="base"]')?.getAttribute('lang') === 'en', 'English texts');
      expect([...new Set(asked)]).to.deep.equal(['en-Latn-GB']);
    } finally {
      Intl.DateTimeFormat.supportedLocalesOf = original;
    }
  });
});

describe('loading a language', () => {
  it('fetches only the asking widget\'s texts: a Ukrainian goal overview beside a German news feed loads no Ukrainian news texts', async () => {
    // Ukrainian is not loaded by any earlier test in this file (the last describe imports every file, so it runs after).
    const requested = () => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => path.includes('/locales/uk/'));
    expect(requested()).to.deep.equal([]);
    const page = await fixture(html`<div>
      <kpr-news-feed eager src=${served(jsonFeed([{ title: 'A' }]))}></kpr-news-feed>
      <kpr-goal-overview eager lang="uk" src=${fresh('/demo/feeds/goals.json')}></kpr-goal-overview>
    </div>`);
    const goals = page.querySelector<HTMLElement>('kpr-goal-overview')!;
    await settled(page.querySelector<HTMLElement>('kpr-news-feed')!);
    await settled(goals);
    await waitUntil(() => shadow(goals).querySelector('[part="base"]')?.getAttribute('lang') === 'uk', 'Ukrainian texts');
    expect(requested().sort()).to.deep.equal(['/src/locales/uk/core.json', '/src/locales/uk/goals.json']);
  });

  it('works out the language of a widget further down only when it comes near: a Polish goal overview below the fold loads its texts then', async () => {
    // Polish is not loaded by any earlier test in this file either.
    const requested = () => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => path.includes('/locales/pl/'));
    window.scrollTo(0, 0);
    const page = await fixture(html`<div><div style="height: 5000px"></div><kpr-goal-overview lang="pl" src=${fresh('/demo/feeds/goals.json')}></kpr-goal-overview></div>`);
    const goals = page.querySelector<HTMLElement>('kpr-goal-overview')!;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(requested()).to.deep.equal([]);
    goals.scrollIntoView();
    await settled(goals);
    await waitUntil(() => shadow(goals).querySelector('[part="base"]')?.getAttribute('lang') === 'pl', 'Polish texts');
    expect(requested().sort()).to.deep.equal(['/src/locales/pl/core.json', '/src/locales/pl/goals.json']);
    window.scrollTo(0, 0);
  });
});

describe('Leichte Sprache and other languages', () => {
  const feed = () => served(jsonFeed([1, 2, 3, 4].map((n) => ({ title: `Meldung ${n}`, date: `2025-05-0${n}T10:00:00+02:00` }))));
  const button = (el: HTMLElement) => shadow(el).querySelector('[part="more-button"]')?.textContent?.replace(/\s+/g, ' ').trim();

  it('shows the Leichte Sprache texts for lang="de-x-ls" and "de-DE-x-ls", with German dates', async () => {
    const page = await fixture(html`<div>
      <kpr-news-feed eager lang="de-x-ls" limit="3" src=${feed()}></kpr-news-feed>
      <div lang="de-DE-x-ls"><kpr-news-feed eager limit="2" src=${feed()}></kpr-news-feed></div>
    </div>`);
    const [one, other] = [...page.querySelectorAll<HTMLElement>('kpr-news-feed')];
    await Promise.all([settled(one!), settled(other!)]);
    await waitUntil(() => button(one!) === '1 weitere Nachricht zeigen', 'Leichte Sprache');
    await waitUntil(() => button(other!) === '2 weitere Nachrichten zeigen', 'Leichte Sprache under de-DE-x-ls');
    expect(shadow(one!).querySelector('time')!.textContent).to.equal('4. Mai 2025');
    expect(shadow(other!).querySelector('time')!.textContent).to.equal('4. Mai 2025');
    // Screen readers read it as German; a page without the private-use subtag keeps the standard texts.
    expect(shadow(one!).querySelector('[part="base"]')!.getAttribute('lang')).to.equal(LEICHTE_SPRACHE);
    expect(shadow(one!).querySelector('[part="base"]')!.getAttribute('dir')).to.equal('ltr');
    one!.setAttribute('lang', 'de');
    await waitUntil(() => button(one!) === '1 weitere Meldung anzeigen', 'back to German');
  });

  it('counts and dates in Czech: "few" and "other" plural forms, Czech long dates', async () => {
    const el = await fixture<HTMLElement>(html`<kpr-news-feed eager lang="cs" limit="2" src=${feed()}></kpr-news-feed>`);
    await settled(el);
    await waitUntil(() => button(el) === 'Zobrazit 2 další zprávy', 'Czech "few"');
    expect(shadow(el).querySelector('time')!.textContent).to.equal('4. května 2025');
    expect(shadow(el).querySelector('[part="base"]')!.getAttribute('lang')).to.equal('cs');
    const many = await fixture<HTMLElement>(html`<kpr-news-feed eager lang="cs" limit="5" src=${served(jsonFeed(Array.from({ length: 10 }, (_, n) => ({ title: `M ${n}` }))))}></kpr-news-feed>`);
    await settled(many);
    await waitUntil(() => button(many) === 'Zobrazit 5 dalších zpráv', 'Czech "other"');
  });
});

describe('texts looked up once', () => {
  const goals = async (lang: string) => {
    const el = await fixture<HTMLElement>(html`<kpr-goal-overview eager lang=${lang} src=${fresh('/demo/feeds/goals.json')}></kpr-goal-overview>`);
    await settled(el);
    return el;
  };
  const words = (el: HTMLElement) => ({
    summary: shadow(el).querySelector('[part="summary"]')!.textContent!.replace(/\s+/g, ' ').trim(),
    button: shadow(el).querySelector('[part="measures-button"]')!.textContent!.replace(/\s+/g, ' ').trim(),
  });

  it('shows the new words in every string of a rendered goal overview when its language changes, and back', async () => {
    const el = await goals('de');
    const german = words(el);
    expect(german.summary).to.match(/^6 Ziele · \d+ Maßnahmen: /);
    expect(german.button).to.match(/^Maßnahmen anzeigen \(\d+\)$/);
    el.setAttribute('lang', 'en');
    await waitUntil(() => words(el).button.startsWith('Show measures'), 'English words', { timeout: 5000 });
    expect(words(el).summary).to.match(/^6 goals · \d+ measures: /);
    expect(words(el).summary).not.to.match(/Ziel|Maßnahme|geplant|laufend|umgesetzt/);
    el.setAttribute('lang', 'de');
    await waitUntil(() => words(el).button === german.button, 'German again');
    expect(words(el)).to.deep.equal(german);
  });

  it('answers with texts added after a widget first asked for them', async () => {
    class Probe extends LitElement {
      readonly i18n = new I18nController(this, { name: 'probe', de: {}, load: {} });
      override render() {
        return this.i18n.t('probe.greeting');
      }
    }
    customElements.define('kpr-i18n-probe', Probe);
    const el = await fixture<Probe>(html`<kpr-i18n-probe></kpr-i18n-probe>`);
    expect(el.shadowRoot!.textContent).to.equal('probe.greeting');
    await el.i18n.addTexts({ name: 'probe-later', de: { probe: { greeting: 'Guten Tag' } }, load: {} });
    el.requestUpdate();
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.equal('Guten Tag');
  });
});

describe('translations', () => {
  const parts = ['core', 'news', 'tips', 'goals', 'calendar', 'contact', 'contact-sending'];
  const keys = (object: Record<string, unknown>, prefix = ''): string[] =>
    Object.entries(object).flatMap(([key, value]) =>
      value && typeof value === 'object' ? keys(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key}`],
    );
  const flat = (object: Record<string, unknown>, prefix = ''): Record<string, string> =>
    Object.fromEntries(
      Object.entries(object).flatMap(([key, value]) =>
        value && typeof value === 'object' ? Object.entries(flat(value as Record<string, unknown>, `${prefix}${key}.`)) : [[`${prefix}${key}`, String(value)]],
      ),
    );
  const load = async (language: string, part: string) => flat((await import(`../../src/locales/${language}/${part}.json`)).default);
  const PLURAL = /^(.+)_(zero|one|two|few|many|other)$/;
  /** `{{count}}`-style placeholders and the `<0>`, `</0>` markers that become links. */
  const slots = (text: string) => (text.match(/\{\{\s*[\w.]+\s*\}\}|<\/?\d+>/g) ?? []).map((slot) => slot.replace(/\s/g, '')).sort();
  const pluralRules = (language: string) => new Intl.PluralRules(language === 'ls' ? 'de' : language);
  /** Categories that stand for one number only (Arabic "two" is 2): a form for them may say the number in words. */
  const exactCategories = (language: string) => {
    const rules = pluralRules(language);
    const numbers = new Map<string, number>();
    for (let n = 0; n <= 1000; n++) numbers.set(rules.select(n), (numbers.get(rules.select(n)) ?? 0) + 1);
    return new Set([...numbers].filter(([, count]) => count === 1).map(([category]) => category));
  };

  it('covers the languages of the issue, with Leichte Sprache', () => {
    expect(LANGUAGES).to.include.members(['de', 'en', 'cs', 'pl', 'uk', 'ar', 'ls']);
  });

  for (const part of parts) {
    it(`has every German key of "${part}" in every language`, async () => {
      const german = keys((await import(`../../src/locales/de/${part}.json`)).default);
      expect(german.length).to.be.greaterThan(3);
      for (const language of LANGUAGES.filter((l) => l !== 'de')) {
        const other = keys((await import(`../../src/locales/${language}/${part}.json`)).default);
        expect(german.filter((key) => !other.includes(key)), `${language}/${part}.json lacks`).to.deep.equal([]);
      }
    });
  }

  for (const part of parts) {
    it(`has in every language the plural forms it needs, the same placeholders and the same link markers in "${part}"`, async () => {
      const german = await load('de', part);
      const pluralKeys = [...new Set(Object.keys(german).flatMap((key) => PLURAL.exec(key)?.[1] ?? []))];
      for (const language of LANGUAGES.filter((l) => l !== 'de')) {
        const other = await load(language, part);
        const categories = pluralRules(language).resolvedOptions().pluralCategories;
        const missing = pluralKeys.flatMap((key) => categories.filter((c) => !(`${key}_${c}` in other)).map((c) => `${key}_${c}`));
        expect(missing, `${language}/${part}.json lacks plural forms`).to.deep.equal([]);
        const exact = exactCategories(language);
        for (const [key, text] of Object.entries(other)) {
          const [, base, category] = PLURAL.exec(key) ?? [];
          const source = german[key] ?? (base !== undefined ? german[`${base}_other`] ?? german[base] : undefined);
          if (source === undefined) continue;
          const expected = slots(source);
          const found = slots(text);
          if (category && exact.has(category)) {
            expect(found.filter((slot) => !expected.includes(slot)), `${language}/${part}.json ${key} adds`).to.deep.equal([]);
            expect(found.filter((slot) => slot.startsWith('<')), `${language}/${part}.json ${key}`).to.deep.equal(expected.filter((slot) => slot.startsWith('<')));
          } else {
            expect(found, `${language}/${part}.json ${key}`).to.deep.equal(expected);
          }
        }
      }
    });
  }
});
