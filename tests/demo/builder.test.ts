import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import '../../demo/builder/main.js';
import type { EmbedBuilder } from '../../demo/builder/embed-builder.js';
import { FIELDS, WIDGETS } from '../../demo/builder/model.js';
import { TEXTS } from '../../demo/builder/texts.js';
import { captureConsole, fresh, jsonFeed, served } from '../support/helpers.js';

async function mountBuilder(lang: 'de' | 'en' = 'de'): Promise<EmbedBuilder> {
  return fixture<EmbedBuilder>(html`<asskomm-embed-builder lang=${lang}></asskomm-embed-builder>`);
}

const $ = <T extends Element = HTMLElement>(builder: EmbedBuilder, selector: string): T => {
  const found = builder.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in the builder`);
  return found;
};

/** Does what a person does with a text field, select or checkbox: sets it and leaves it (the change event). */
async function set(builder: EmbedBuilder, selector: string, value: string | boolean): Promise<void> {
  const control = $<HTMLInputElement>(builder, selector);
  if (typeof value === 'boolean') control.checked = value;
  else control.value = value;
  control.dispatchEvent(new Event(control.type === 'color' ? 'input' : 'change', { bubbles: true }));
  await builder.updateComplete;
}

async function chooseWidget(builder: EmbedBuilder, widget: string): Promise<void> {
  $<HTMLInputElement>(builder, `#builder-widget-${widget}`).click();
  await builder.updateComplete;
}

const busy = (widget: Element) => widget.shadowRoot?.querySelector('[part="base"]')?.getAttribute('aria-busy') !== 'false';
async function settled(widget: Element | undefined): Promise<HTMLElement> {
  await waitUntil(() => widget && !busy(widget), 'the widget to finish loading', { timeout: 6000 });
  return widget as HTMLElement;
}
/**
 * The widget's text as shown. Articles off screen skip rendering (content-visibility: auto) and have no
 * innerText, so the widget is scrolled into view first, as a person would to read it.
 */
async function visibleText(widget: Element): Promise<string> {
  const view = widget.ownerDocument.defaultView!;
  view.frameElement?.scrollIntoView();
  widget.scrollIntoView();
  await new Promise((resolve) => view.requestAnimationFrame(() => view.requestAnimationFrame(resolve)));
  return (widget.shadowRoot!.querySelector('[part="base"]') as HTMLElement).innerText.trim();
}
const summary = (builder: EmbedBuilder) => $(builder, '.builder-check-summary').textContent!.trim();
async function checked(builder: EmbedBuilder): Promise<void> {
  await waitUntil(() => summary(builder).startsWith('Geprüft') || summary(builder).startsWith('Checked'), 'the feed check to finish', { timeout: 6000 });
}
const snippetText = (builder: EmbedBuilder) => $<HTMLTextAreaElement>(builder, '#builder-snippet').value;

/**
 * The snippet pasted into a blank page: a fresh document in an iframe, whose script tag points at the library
 * (the placeholder path replaced, as the webmaster would by uploading it there).
 */
async function pasteIntoBlankPage(snippet: string, scriptSrc: string): Promise<Document> {
  expect(snippet).to.include(`<script type="module" src="${scriptSrc}"></script>`);
  const frame = document.createElement('iframe');
  frame.title = 'A blank page';
  frame.width = '900';
  frame.height = '1200';
  frame.srcdoc = `<!doctype html><html lang="de"><body>${snippet.replace(scriptSrc, '/src/index.ts')}</body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  (await fixture(html`<div></div>`)).append(frame);
  await loaded;
  // The widget loads when it comes near the viewport, as on any page.
  frame.scrollIntoView();
  return frame.contentDocument!;
}

const attributesOf = (element: Element) => Object.fromEntries([...element.attributes].filter((a) => a.name !== 'style').map((a) => [a.name, a.value]));
const customProperties = (element: Element, names: string[]) => {
  const style = element.ownerDocument.defaultView!.getComputedStyle(element);
  return names.map((name) => style.getPropertyValue(name).trim());
};

describe('the embed builder', () => {
  it('writes a snippet that, pasted into a blank page, renders the widget of the preview', async () => {
    const builder = await mountBuilder();
    const feed = fresh('/demo/feeds/news.json');
    await set(builder, '#builder-source', feed);
    await set(builder, '#builder-lang', 'en');
    await set(builder, '#builder-attr-layout', 'cards');
    await set(builder, '#builder-attr-limit', '2');
    await set(builder, '#builder-attr-heading-level', '4');
    await set(builder, '#builder-colour-primary', '#2e6b30');
    await set(builder, '#builder-radius', '0.75rem');
    await set(builder, '#builder-fallback', '/praevention/aktuelles');
    const preview = await settled(builder.previewElement);

    const snippet = snippetText(builder);
    expect(snippet).to.equal(
      [
        '<script type="module" src="/assets/asskomm-widgets/asskomm-widgets.js"></script>',
        '<style>',
        '  kpr-news-feed {',
        '    --kpr-color-primary: #2e6b30;',
        '    --kpr-radius: 0.75rem;',
        '  }',
        '</style>',
        `<kpr-news-feed src="${feed}" layout="cards" limit="2" heading-level="4" lang="en">`,
        // The widget is in English, so its fallback link is too.
        '  <a href="/praevention/aktuelles">All news of the prevention council</a>',
        '</kpr-news-feed>',
      ].join('\n'),
    );
    const page = await pasteIntoBlankPage(snippet, '/assets/asskomm-widgets/asskomm-widgets.js');
    const pasted = await settled(await waitUntil(() => page.querySelector('kpr-news-feed'), 'the pasted element').then(() => page.querySelector('kpr-news-feed')!));

    expect(attributesOf(pasted)).to.deep.equal(attributesOf(preview));
    const links = (element: Element) => [...element.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent]);
    expect(links(pasted)).to.deep.equal([['/praevention/aktuelles', 'All news of the prevention council']]);
    expect(links(preview)).to.deep.equal(links(pasted));
    expect(customProperties(pasted, ['--kpr-color-primary', '--kpr-radius'])).to.deep.equal(['#2e6b30', '0.75rem']);
    expect(customProperties(preview, ['--kpr-color-primary', '--kpr-radius'])).to.deep.equal(['#2e6b30', '0.75rem']);
    expect(pasted.shadowRoot!.querySelectorAll('[part="item"]').length).to.equal(2);
    const pastedText = await visibleText(pasted);
    expect(pastedText).to.equal(await visibleText(preview));
    expect(pastedText).to.include('Show 2 more articles');
  });

  it('leaves defaults out of the snippet, and a colour set back to its default with it', async () => {
    const builder = await mountBuilder();
    await chooseWidget(builder, 'goal-overview');
    await set(builder, '#builder-attr-layout', 'cards');
    await set(builder, '#builder-attr-expanded', true);
    await set(builder, '#builder-colour-surface', '#ffffff');
    expect(snippetText(builder)).to.include('--kpr-color-surface: #ffffff;');
    $<HTMLButtonElement>(builder, '#builder-colour-surface ~ button').click();
    await builder.updateComplete;
    expect(snippetText(builder)).to.equal(
      [
        '<script type="module" src="/assets/asskomm-widgets/asskomm-widgets.js"></script>',
        '<kpr-goal-overview src="/feeds/goals.json" expanded>',
        '  <!-- Hier einen Link auf die Seite Ihrer Website mit denselben Inhalten einsetzen, zum Beispiel <a href="/praevention/">Alle Ziele und Maßnahmen des Präventionsrats</a>. Besucher sehen ihn, solange das Widget lädt, ohne JavaScript und wenn der Feed nicht geladen werden kann. -->',
        '</kpr-goal-overview>',
      ].join('\n'),
    );
  });

  it('shows the fallback link where the feed cannot be loaded, in the preview as on the page', async () => {
    const builder = await mountBuilder();
    await set(builder, '#builder-source', '/demo/feeds/gibt-es-nicht.json');
    await set(builder, '#builder-fallback', 'https://www.bannewitz.de/praevention/');
    expect(snippetText(builder)).to.include(
      '<kpr-news-feed src="/demo/feeds/gibt-es-nicht.json">\n  <a href="https://www.bannewitz.de/praevention/">Alle Neuigkeiten des Präventionsrats</a>\n</kpr-news-feed>',
    );
    // The widget's error state puts its content (the link) below the retry button.
    const fallbackShown = (widget: Element) => {
      const link = widget.querySelector('a');
      return link?.assignedSlot && link.checkVisibility() ? link.textContent : undefined;
    };
    const preview = await settled(builder.previewElement);
    expect(await visibleText(preview)).to.include('Erneut versuchen');
    expect(fallbackShown(preview)).to.equal('Alle Neuigkeiten des Präventionsrats');
    const page = await pasteIntoBlankPage(snippetText(builder), '/assets/asskomm-widgets/asskomm-widgets.js');
    const pasted = await settled(await waitUntil(() => page.querySelector('kpr-news-feed'), 'the pasted element').then(() => page.querySelector('kpr-news-feed')!));
    expect(await visibleText(pasted)).to.equal(await visibleText(preview));
    expect(fallbackShown(pasted)).to.equal('Alle Neuigkeiten des Präventionsrats');

    // Only web addresses: a javascript: link is not written, and the field says so.
    await set(builder, '#builder-fallback', 'javascript:alert(1)');
    expect(snippetText(builder)).not.to.include('javascript:');
    expect(snippetText(builder)).to.include('<!-- Hier einen Link');
    expect($(builder, '#builder-fallback').getAttribute('aria-invalid')).to.equal('true');
    expect(builder.previewElement!.querySelector('a')).to.equal(null);

    // The contact form reads no feed and shows no fallback.
    await chooseWidget(builder, 'contact');
    expect(builder.querySelector('#builder-fallback')).to.equal(null);
    expect(snippetText(builder)).to.match(/<kpr-contact endpoint="[^"]*"><\/kpr-contact>$/);
  });

  it('asks for the privacy notice of the contact form: an error at the field and in the check until it is given', async () => {
    const builder = await mountBuilder();
    const warnings = captureConsole('warn');
    try {
      await chooseWidget(builder, 'contact');
      const field = $<HTMLInputElement>(builder, '#builder-attr-privacy-url');
      expect(field.required).to.equal(true);
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      const error = $(builder, `#${field.getAttribute('aria-describedby')}`);
      expect(error.textContent).to.include('Datenschutzerklärung');
      expect(summary(builder)).to.include('Es fehlt 1 Pflichtangabe: Adresse Ihrer Datenschutzerklärung.');
      expect($<HTMLAnchorElement>(builder, '.builder-missing a').getAttribute('href')).to.equal('#builder-attr-privacy-url');
      expect(snippetText(builder)).not.to.include('privacy-url');
      // The preview's form says the same in the console, as it would on the webmaster's page.
      await waitUntil(() => warnings.messages.some((message) => message.includes('<kpr-contact> has no privacy-url')), 'the contact form to warn');

      await set(builder, '#builder-attr-privacy-url', 'https://www.bannewitz.de/datenschutz/');
      expect(field.getAttribute('aria-invalid')).to.equal('false');
      expect(field.hasAttribute('aria-describedby')).to.equal(false);
      expect(builder.querySelector('.builder-missing')).to.equal(null);
      expect(summary(builder)).not.to.include('Pflichtangabe');
      expect(snippetText(builder)).to.include(' privacy-url="https://www.bannewitz.de/datenschutz/"');
      const consent = builder.previewElement!.shadowRoot!.querySelector<HTMLAnchorElement>('a[href="https://www.bannewitz.de/datenschutz/"]');
      expect(consent, 'the consent links to the privacy notice').to.not.equal(null);
    } finally {
      warnings.restore();
    }
  });

  it('has the contact form warn in the console when it has no privacy-url, and not when it has one', async () => {
    const warnings = captureConsole('warn');
    try {
      await fixture(html`<kpr-contact eager endpoint="/api/contact/messages"></kpr-contact>`);
      expect(warnings.messages.filter((message) => message.includes('privacy-url'))).to.deep.equal([
        '[asskomm-widgets] <kpr-contact> has no privacy-url (an http(s) address), so the consent text names the privacy notice without a link to it; add privacy-url="https://…/datenschutz/"',
      ]);
      warnings.messages.length = 0;
      await fixture(html`<kpr-contact eager endpoint="/api/contact/messages" privacy-url="https://www.bannewitz.de/datenschutz/"></kpr-contact>`);
      expect(warnings.messages.filter((message) => message.includes('privacy-url'))).to.deep.equal([]);
    } finally {
      warnings.restore();
    }
  });

  it('copies a contact snippet without privacy notice, and says what it still lacks', async () => {
    const builder = await mountBuilder();
    await chooseWidget(builder, 'contact');
    const button = [...builder.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Code kopieren')!;
    const status = $(builder, '.builder-copy-status');
    const clipboard = navigator.clipboard;
    const realWrite = clipboard.writeText;
    let copied = '';
    clipboard.writeText = async (text: string) => {
      copied = text;
    };
    try {
      button.click();
      await waitUntil(() => status.textContent!.trim() !== '', 'the copy to be announced');
      expect(status.textContent!.trim()).to.equal('Kopiert. Es fehlt noch: Adresse Ihrer Datenschutzerklärung.');
      expect(copied).to.equal(snippetText(builder));
    } finally {
      clipboard.writeText = realWrite;
    }
  });

  it('keeps numbers within what the widget takes', async () => {
    const builder = await mountBuilder();
    await set(builder, '#builder-attr-limit', '500');
    expect($<HTMLInputElement>(builder, '#builder-attr-limit').value).to.equal('100');
    expect(snippetText(builder)).to.include(' limit="100"');
    await set(builder, '#builder-attr-limit', '-3');
    expect($<HTMLInputElement>(builder, '#builder-attr-limit').value).to.equal('0');
    expect(snippetText(builder)).not.to.include('limit=');
    await set(builder, '#builder-attr-limit', '2.6');
    expect(snippetText(builder)).to.include(' limit="3"');
    await chooseWidget(builder, 'event-calendar');
    await set(builder, '#builder-attr-limit', '0');
    expect($<HTMLInputElement>(builder, '#builder-attr-limit').value).to.equal('1');
    expect(snippetText(builder)).to.include(' limit="1"');
    await set(builder, '#builder-attr-limit', '');
    expect($<HTMLInputElement>(builder, '#builder-attr-limit').value).to.equal('5');
    expect(snippetText(builder)).not.to.include('limit=');
  });

  it('offers every widget with its own attributes, and names the address the script will have', async () => {
    const builder = await mountBuilder();
    for (const widget of WIDGETS) {
      await chooseWidget(builder, widget);
      const names = [...builder.querySelectorAll('.builder-attribute')].map((code) => code.textContent);
      for (const field of FIELDS[widget]) expect(names, widget).to.include(field.name);
      expect(snippetText(builder), widget).to.match(new RegExp(`<kpr-${widget}[ >]`));
    }
    expect($(builder, 'label[for="builder-source"]').textContent).to.include('Endpunkts');
    expect(snippetText(builder)).to.include('endpoint="/api/contact/messages"');
    await set(builder, '#builder-script-src', '/js/asskomm-widgets.js');
    expect(snippetText(builder)).to.match(/^<script type="module" src="\/js\/asskomm-widgets\.js"><\/script>/);
  });

  it('previews a file dropped from the computer through a Blob URL, and the snippet names where to upload it', async () => {
    const builder = await mountBuilder();
    const text = JSON.stringify(jsonFeed([{ id: 'lokal', title: 'Aus der Datei vom Schreibtisch', date: '2026-11-20T10:00:00+01:00' }]));
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'meine news.json', { type: 'application/json' }));
    $(builder, '.builder-drop').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await builder.updateComplete;
    const preview = await settled(builder.previewElement);
    expect(preview.getAttribute('src')).to.match(/^blob:/);
    expect(await visibleText(preview)).to.include('Aus der Datei vom Schreibtisch');
    expect($(builder, '#builder-source').hasAttribute('disabled')).to.equal(true);
    expect(snippetText(builder)).to.include('<kpr-news-feed src="/praevention/meine-news.json">\n');
    await set(builder, '#builder-upload-path', '/fileadmin/kpr/news.json');
    expect(snippetText(builder)).to.include('src="/fileadmin/kpr/news.json"');
    await checked(builder);
    expect($(builder, '.builder-source').textContent).to.equal('meine news.json');

    [...builder.querySelectorAll('button')].find((b) => b.textContent === 'Datei entfernen')!.click();
    await builder.updateComplete;
    expect(document.activeElement?.id).to.equal('builder-source');
    expect(snippetText(builder)).to.include('src="/feeds/news.json"');
  });

  it('says in words why a feed from another site cannot be read', async () => {
    const builder = await mountBuilder('en');
    // Another origin, which answers nothing the browser may read.
    await set(builder, '#builder-source', 'https://127.0.0.1:9/feed.json');
    await checked(builder);
    expect(summary(builder)).to.equal('Checked: 1 error and 0 warnings.');
    expect($(builder, '.builder-problems').textContent!.replace(/\s+/g, ' ')).to.include(
      "The browser may not read this feed from another site: the feed's server needs CORS headers",
    );
  });

  it('says that a feed with http:// cannot be read here, rather than blaming CORS', async () => {
    const builder = await mountBuilder('en');
    await set(builder, '#builder-source', 'http://127.0.0.1:9/feed.json');
    await checked(builder);
    const problem = $(builder, '.builder-problems').textContent!.replace(/\s+/g, ' ');
    expect(problem).to.include('The address starts with http://, not https://.');
    expect(problem).not.to.include('CORS');
  });

  it('says that an address is not valid instead of checking for ever', async () => {
    const builder = await mountBuilder('en');
    await set(builder, '#builder-source', 'https://');
    await checked(builder);
    expect(summary(builder)).to.equal('Checked: 1 error and 0 warnings.');
    expect($(builder, '.builder-problems').textContent!.replace(/\s+/g, ' ')).to.include('This is not a valid address.');
  });

  it('copies the snippet and announces it, or selects it and says how to copy it', async () => {
    const builder = await mountBuilder();
    const button = [...builder.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Code kopieren')!;
    const status = $(builder, '.builder-copy-status');
    expect(status.getAttribute('role')).to.equal('status');

    let copied = '';
    const clipboard = navigator.clipboard;
    const realWrite = clipboard.writeText;
    clipboard.writeText = async (text: string) => {
      copied = text;
    };
    try {
      button.click();
      await waitUntil(() => status.textContent!.trim() !== '', 'the copy to be announced');
      expect(status.textContent!.trim()).to.equal('Kopiert.');
      expect(copied).to.equal(snippetText(builder));

      // A browser that gives no clipboard (an insecure page, a refused permission).
      clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
      button.click();
      await waitUntil(() => status.textContent!.includes('markiert'), 'the fallback to be announced');
      const area = $<HTMLTextAreaElement>(builder, '#builder-snippet');
      expect(status.textContent!.trim()).to.equal('Der Code ist markiert. Kopieren Sie ihn mit Strg+C (Mac: Befehlstaste+C).');
      expect(document.activeElement).to.equal(area);
      expect(area.value.slice(area.selectionStart, area.selectionEnd)).to.equal(snippetText(builder));
    } finally {
      clipboard.writeText = realWrite;
    }
  });

  it('switches its own texts between German and English', async () => {
    const builder = await mountBuilder();
    expect($(builder, 'h1').textContent).to.equal('Einbettungs-Generator');
    const other = $<HTMLButtonElement>(builder, '.builder-language');
    expect(other.getAttribute('lang')).to.equal('en');
    other.click();
    await builder.updateComplete;
    expect(builder.getAttribute('lang')).to.equal('en');
    expect($(builder, 'h1').textContent).to.equal('Embed builder');
    expect($(builder, '.builder-language').textContent!.trim()).to.equal('Deutsch');
  });

  it('has a label for every field of every widget, in German and in English', () => {
    for (const texts of Object.values(TEXTS)) {
      for (const widget of WIDGETS) {
        expect(texts.widgets[widget], widget).to.be.a('string');
        for (const field of FIELDS[widget]) {
          expect(texts.fields[`${widget}.${field.name}`], `${widget}.${field.name}`).to.be.a('string');
          if (field.kind === 'select' && field.name !== 'heading-level') {
            for (const option of field.options) expect(texts.options[`${widget}.${field.name}.${option}`], `${widget}.${field.name}.${option}`).to.be.a('string');
          }
        }
      }
    }
  });

  it('is accessible, in German and in English, with a file chosen and with the contact form', async () => {
    const builder = await mountBuilder();
    await set(builder, '#builder-source', fresh('/demo/feeds/news.json'));
    await settled(builder.previewElement);
    await checked(builder);
    await expect(builder).to.be.accessible();

    const en = await mountBuilder('en');
    en.chooseFile(new File([JSON.stringify(jsonFeed([{ title: 'Eins' }]))], 'feed.json', { type: 'application/json' }));
    await en.updateComplete;
    await settled(en.previewElement);
    await checked(en);
    await set(en, '#builder-radius', 'rund');
    expect($(en, '#builder-radius').getAttribute('aria-invalid')).to.equal('true');
    await expect(en).to.be.accessible();

    await chooseWidget(en, 'contact');
    await en.updateComplete;
    await expect(en).to.be.accessible();
  });

  it('shows each problem of a bad feed with its place and how to fix it', async () => {
    const builder = await mountBuilder();
    const bad = served({ version: 'https://jsonfeed.org/version/1.1', title: 'Kaputt', items: [{ id: 'a', content_text: 'ohne Datum', date_published: 'gestern' }, { title: 'ohne id' }] });
    await set(builder, '#builder-source', bad);
    await checked(builder);
    expect(summary(builder)).to.match(/^Geprüft: 3 Fehler und \d+ Hinweise?\.$/);
    expect($(builder, '#builder-check-heading').localName).to.equal('h2');
    const problems = [...builder.querySelectorAll('.builder-problems li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    for (const problem of problems) expect(problem).to.match(/^(Fehler|Hinweis): .+ Stelle: \S+ So beheben Sie es: \S/);
    const at = (path: string) => problems.find((problem) => problem.includes(`Stelle: ${path} `));
    expect(at('items[0].date_published')).to.match(/^Fehler: .*gestern.* So beheben Sie es: .*2026-12-03T18:00:00\+01:00/);
    expect(at('items[1].id')).to.match(/^Fehler: .*"id" is required.* So beheben Sie es: Give the item an "id"/);
  });

  it('asks for the images of a feed on its own site, and warns about one that does not load', async () => {
    const builder = await mountBuilder();
    const feed = jsonFeed([
      { title: 'Mit Bild', date: '2026-11-01T10:00:00+01:00', image: '/demo/feeds/images/beleuchtung.svg' },
      { title: 'Bild fehlt', date: '2026-11-02T10:00:00+01:00', image: '/demo/feeds/images/fehlt.svg' },
    ]);
    await set(builder, '#builder-source', served(feed));
    await checked(builder);
    const problems = [...builder.querySelectorAll('.builder-problems li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    const unreachable = problems.filter((problem) => problem.includes('does not load'));
    expect(unreachable).to.have.length(1);
    expect(unreachable[0]).to.match(/^Hinweis: \S+\/demo\/feeds\/images\/fehlt\.svg does not load \(HTTP 404.*Stelle: items\[1\]\.image So beheben Sie es: Upload the image/);
  });

});
