import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LANGUAGES, languageTagOf } from '../../src/core/i18n.js';
import { jsonFeed, served, settled, shadow } from '../support/helpers.js';

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
    const [british, french] = [...page.querySelectorAll('kpr-news-feed')];
    await Promise.all([settled(british!), settled(french!)]);
    await waitUntil(() => shadow(british!).querySelector('time')?.textContent === '1 May 2025', 'British English dates');
    expect(shadow(french!).querySelector('time')!.textContent).to.equal('1. Mai 2025');
    // The widget's own texts are German there, so the widget says so for screen readers.
    expect(shadow(french!).querySelector('[part="base"]')!.getAttribute('lang')).to.equal('de');
  });
});

describe('translations', () => {
  const parts = ['core', 'news', 'tips', 'goals', 'calendar', 'contact'];
  const keys = (object: Record<string, unknown>, prefix = ''): string[] =>
    Object.entries(object).flatMap(([key, value]) =>
      value && typeof value === 'object' ? keys(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key}`],
    );

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
});
