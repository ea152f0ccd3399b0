// The fields of the feed itself (its name, its pages, its language) and the kind of feed, above the items' form.
import { html, type TemplateResult } from 'lit';
import { textField, type FormContext } from '../fields/fields.js';
import { FEED_KINDS, type FeedKind } from '../model/templates.js';

export function feedFields(context: FormContext, kind: FeedKind, changeKind: (kind: FeedKind) => void): TemplateResult {
  const { t } = context;
  return html`<section class="editor-feed" aria-labelledby="editor-feed-heading">
    <h2 id="editor-feed-heading" tabindex="-1">${t('feed.heading')}</h2>
    <div class="editor-field">
      <label for="editor-kind">${t('feed.kind')}</label>
      <p class="editor-hint" id="editor-kind-hint">${t('feed.kindHint')}</p>
      <select id="editor-kind" aria-describedby="editor-kind-hint" @change=${(event: Event) => changeKind((event.target as HTMLSelectElement).value as FeedKind)}>
        ${FEED_KINDS.map((value) => html`<option value=${value} ?selected=${value === kind}>${t(`feed.kinds.${value}`)}</option>`)}
      </select>
    </div>
    ${textField(context, { path: ['title'], label: t('feed.title'), hint: t('feed.titleHint'), required: true })}
    ${textField(context, { path: ['home_page_url'], label: t('feed.homePage'), hint: t('feed.homePageHint'), type: 'url' })}
    ${textField(context, { path: ['feed_url'], label: t('feed.feedUrl'), hint: t('feed.feedUrlHint'), type: 'url' })}
    ${textField(context, { path: ['description'], label: t('feed.description'), type: 'textarea' })}
  </section>`;
}
