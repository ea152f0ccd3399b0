// <asskomm-table-import>: "take it from the spreadsheet" for an indicator's values or a goal's measures. A button
// opens a panel: paste cells copied from Excel or LibreOffice, or open a CSV file; a table shows what will be read,
// row by row, with the rows that cannot be read and why; Apply takes it into the draft as one undo step, Cancel
// changes nothing. The focus goes to the preview's heading, and back to the button afterwards. Light DOM, like the
// forms around it.
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { announce } from '../controllers/list-controller.js';
import type { FormContext } from '../fields/fields.js';
import { fieldId, getAt, setAt, updateList, type Json, type Path } from '../model/paths.js';
import type { MeasureColumn, MeasureEntry, MeasuresReading } from './measures-import.js';
import type { Encoding, Separator } from './read-table.js';
import type { Reason, ValueEntry, ValuesReading } from './values-import.js';

/** The readers and papaparse, loaded when an import is opened: the editor's first load stays without them. */
const loadReaders = () => import('./readers.js');

export type ImportKind = 'values' | 'measures';

/** Where the table came from, for the preview's caption. */
type Source = { pasted: true; separator: Separator } | { pasted: false; name: string; encoding: Encoding; separator: Separator };

const SEPARATOR_KEYS: Record<Separator, string> = { '\t': 'tab', ';': 'semicolon', ',': 'comma' };
const ENCODING_NAMES: Record<Encoding, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16', 'windows-1252': 'Windows-1252' };
/** The measure's fields the preview shows, in this order. */
const MEASURE_PREVIEW: readonly MeasureColumn[] = ['title', 'status', 'partners', 'start', 'end', 'description'];

export class TableImport extends LitElement {
  static override properties = {
    context: { attribute: false },
    kind: { attribute: false },
    path: { attribute: false },
    level: { attribute: false },
    open: { state: true },
    reading: { state: true },
    source: { state: true },
    message: { state: true },
  };

  declare context: FormContext;
  declare kind: ImportKind;
  /** The indicator's `series`, or the goal's `measures`. */
  declare path: Path;
  /** The level of the panel's heading; the preview's is one below (at most 6). */
  declare level: 4 | 5 | 6;
  declare open: boolean;
  declare reading?: ValuesReading | MeasuresReading;
  declare source?: Source;
  /** A sentence in place of the preview: nothing pasted yet, or a file that could not be read. */
  declare message?: string;

  constructor() {
    super();
    Object.assign(this, { kind: 'values', path: [], level: 5, open: false });
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private get t(): FormContext['t'] {
    return this.context.t;
  }

  private get baseId(): string {
    return `${fieldId(this.path)}-import`;
  }

  private async show(): Promise<void> {
    this.open = true;
    this.reading = undefined;
    this.message = undefined;
    // Ready by the time the cells are pasted.
    void loadReaders()
      .then(({ loadPapa }) => loadPapa())
      .catch(() => undefined);
    await this.updateComplete;
    this.querySelector<HTMLElement>(`#${this.baseId}-paste`)?.focus();
  }

  private async close(applied?: string): Promise<void> {
    this.open = false;
    this.reading = undefined;
    this.source = undefined;
    if (applied) announce(this, applied);
    await this.context.settled();
    await this.updateComplete;
    this.querySelector<HTMLElement>(`#${this.baseId}`)?.focus();
  }

  private onPaste(event: ClipboardEvent): void {
    const text = event.clipboardData?.getData('text/plain');
    if (!text) return;
    event.preventDefault();
    (event.target as HTMLTextAreaElement).value = text;
    void this.read(text, undefined);
  }

  private async onFile(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    try {
      const { decodeTable } = await loadReaders();
      const { text, encoding } = decodeTable(await file.arrayBuffer());
      await this.read(text, { name: file.name, encoding });
    } catch {
      await this.say(this.t('import.readFailed', { name: file.name }));
    }
  }

  private async say(message: string): Promise<void> {
    this.reading = undefined;
    this.message = message;
    await this.updateComplete;
    this.querySelector<HTMLElement>(`#${this.baseId}-preview-heading`)?.focus();
  }

  private async read(text: string, file: { name: string; encoding: Encoding } | undefined): Promise<void> {
    if (!text.trim()) return this.say(this.t('import.empty'));
    const { parseTable, readMeasures, readValues } = await loadReaders();
    const table = await parseTable(text);
    this.source = file ? { pasted: false, ...file, separator: table.separator } : { pasted: true, separator: table.separator };
    const current = getAt(this.context.draft.feed, this.path);
    this.reading = this.kind === 'values' ? readValues(table, Array.isArray(current) ? current : []) : readMeasures(table);
    this.message = this.taken().length ? undefined : this.t('import.nothing');
    await this.updateComplete;
    this.querySelector<HTMLElement>(`#${this.baseId}-preview-heading`)?.focus();
  }

  private taken(): (ValueEntry | MeasureEntry)[] {
    return (this.reading?.entries ?? []).filter((entry: ValueEntry | MeasureEntry) => !entry.reason);
  }

  private async apply(): Promise<void> {
    const reading = this.reading;
    if (!reading) return;
    const { applyValues } = await loadReaders();
    const count = this.taken().length;
    const path = this.path;
    if (reading.kind === 'values') {
      this.context.draft.transform((feed) => {
        const series = getAt(feed, path);
        return setAt(feed, path, applyValues(Array.isArray(series) ? series : [], reading));
      });
    } else {
      const measures = reading.entries.flatMap((entry) => (entry.measure ? [entry.measure] : []));
      this.context.draft.transform((feed) => updateList(feed, path, (list) => list.push(...measures)));
    }
    void this.close(this.t(`import.${reading.kind}.applied`, { count }));
  }

  private reason(reason: Reason): string {
    return this.t('import.notTaken', { reason: this.t(`import.reasons.${reason.key}`, reason.values) });
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.context) return nothing;
    const t = this.t;
    const id = this.baseId;
    const heading = this.headingTag(this.level, `${id}-heading`, t(`import.${this.kind}.heading`), false);
    if (!this.open) {
      return html`<button type="button" class="editor-button-secondary editor-import-open" id=${id} aria-expanded="false" @click=${() => this.show()}>${t(`import.${this.kind}.open`)}</button>`;
    }
    return html`<button type="button" class="editor-button-secondary editor-import-open" id=${id} aria-expanded="true" aria-controls="${id}-panel" @click=${() => this.close()}>${t(`import.${this.kind}.open`)}</button>
      <section class="editor-import" id="${id}-panel" aria-labelledby="${id}-heading" @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && this.close()}>
        ${heading}
        <p class="editor-hint">${t(`import.${this.kind}.intro`)}</p>
        <div class="editor-field">
          <label for="${id}-paste">${t('import.paste')}</label>
          <p class="editor-hint" id="${id}-paste-hint">${t('import.pasteHint')}</p>
          <textarea id="${id}-paste" rows="4" aria-describedby="${id}-paste-hint" spellcheck="false" @paste=${(event: ClipboardEvent) => this.onPaste(event)}></textarea>
        </div>
        <div class="editor-actions">
          <button type="button" class="editor-button-secondary" id="${id}-show" @click=${() => this.read(this.querySelector<HTMLTextAreaElement>(`#${id}-paste`)!.value, undefined)}>${t('import.show')}</button>
        </div>
        <div class="editor-field">
          <label for="${id}-file">${t('import.file')}</label>
          <p class="editor-hint" id="${id}-file-hint">${t('import.fileHint')}</p>
          <input type="file" id="${id}-file" accept=".csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values" aria-describedby="${id}-file-hint" @change=${(event: Event) => this.onFile(event)} />
        </div>
        ${this.reading || this.message ? this.renderPreview() : nothing}
        <div class="editor-actions">
          ${this.reading && this.taken().length
            ? html`<button type="button" class="editor-button" id="${id}-apply" @click=${() => this.apply()}>${t(`import.${this.kind}.apply`, { count: this.taken().length })}</button>`
            : nothing}
          <button type="button" class="editor-button-secondary" id="${id}-cancel" @click=${() => this.close()}>${t('import.cancel')}</button>
        </div>
      </section>`;
  }

  private headingTag(level: number, id: string, text: string, focusable: boolean): TemplateResult {
    const tabindex = focusable ? '-1' : undefined;
    switch (Math.min(level, 6)) {
      case 4:
        return html`<h4 id=${id} tabindex=${tabindex ?? nothing}>${text}</h4>`;
      case 5:
        return html`<h5 id=${id} tabindex=${tabindex ?? nothing}>${text}</h5>`;
      default:
        return html`<h6 id=${id} tabindex=${tabindex ?? nothing}>${text}</h6>`;
    }
  }

  private renderPreview(): TemplateResult {
    const t = this.t;
    const id = this.baseId;
    const reading = this.reading;
    const taken = this.taken().length;
    const skipped = (reading?.entries.length ?? 0) - taken;
    return html`<div class="editor-import-preview" role="group" aria-labelledby="${id}-preview-heading">
      ${this.headingTag(this.level + 1, `${id}-preview-heading`, t('import.previewHeading'), true)}
      ${this.message ? html`<p>${this.message}</p>` : nothing}
      ${reading
        ? html`<p>${t(`import.${reading.kind}.summary`, { count: taken })}${skipped ? ` ${t('import.skipped', { count: skipped })}` : ''}</p>
            ${reading.header ? html`<p class="editor-hint">${t('import.header', { cells: reading.header.filter(Boolean).join(' · ') })}</p>` : nothing}
            ${this.renderIgnored(reading)}
            ${reading.kind === 'values' ? this.valuesTable(reading) : this.measuresTable(reading)}`
        : nothing}
    </div>`;
  }

  private renderIgnored(reading: ValuesReading | MeasuresReading): TemplateResult | typeof nothing {
    if (reading.kind === 'values') {
      if (!reading.ignored) return nothing;
      return html`<p class="editor-hint">${this.t(reading.layout === 'rows' ? 'import.values.ignoredColumns' : 'import.values.ignoredRows', { count: reading.ignored })}</p>`;
    }
    return reading.ignored.length ? html`<p class="editor-hint">${this.t('import.measures.ignored', { columns: reading.ignored.join(', ') })}</p>` : nothing;
  }

  private caption(): string {
    const source = this.source!;
    const separator = this.t(`import.separators.${SEPARATOR_KEYS[source.separator]}`);
    return source.pasted
      ? this.t('import.captionPasted', { separator })
      : this.t('import.captionFile', { name: source.name, encoding: ENCODING_NAMES[source.encoding], separator });
  }

  private where(entry: ValueEntry): string {
    return 'row' in entry.where ? this.t('import.row', { row: entry.where.row }) : this.t('import.column', { column: entry.where.column });
  }

  private number(value: Json | undefined): string {
    return typeof value === 'number' ? value.toLocaleString(this.closest('[lang]')?.getAttribute('lang') ?? 'de', { maximumFractionDigits: 10 }) : this.t('import.gap');
  }

  private valuesTable(reading: ValuesReading): TemplateResult {
    const t = this.t;
    const result = (entry: ValueEntry) =>
      entry.reason
        ? html`<td class="editor-import-skipped"><strong>${this.reason(entry.reason)}</strong></td>`
        : html`<td>${entry.replaces === 'new' ? t('import.becomesNew') : entry.replaces === null ? t('import.becomesFills') : t('import.becomesReplaces', { value: this.number(entry.replaces) })}</td>`;
    return html`<table class="editor-table">
      <caption>${this.caption()}</caption>
      <thead>
        <tr>
          <th scope="col">${t('import.place')}</th>
          <th scope="col">${t('import.values.period')}</th>
          <th scope="col">${t('import.values.value')}</th>
          <th scope="col">${t('import.becomes')}</th>
        </tr>
      </thead>
      <tbody>
        ${reading.entries.map(
          (entry) => html`<tr class=${entry.reason ? 'editor-import-row-skipped' : ''}>
            <th scope="row">${this.where(entry)}</th>
            <td>${entry.period ?? entry.cells[0] ?? ''}</td>
            <td>${entry.reason ? (entry.cells[1] ?? '') : this.number(entry.value)}</td>
            ${result(entry)}
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private measureCell(entry: MeasureEntry, column: MeasureColumn): string {
    const measure = entry.measure;
    const read = entry.fields[column] ?? '';
    if (!measure) return read;
    switch (column) {
      case 'status':
        return entry.statusAssumed ? this.t('import.measures.statusAssumed') : this.t(`measure.statuses.${measure.status as string}`);
      case 'partners':
        return Array.isArray(measure.partners) ? measure.partners.join('; ') : '';
      case 'start':
      case 'end':
        return typeof measure[column] === 'string' ? (measure[column] as string) : '';
      default:
        return read;
    }
  }

  private measuresTable(reading: MeasuresReading): TemplateResult {
    const t = this.t;
    return html`<table class="editor-table">
      <caption>${this.caption()}</caption>
      <thead>
        <tr>
          <th scope="col">${t('import.place')}</th>
          ${MEASURE_PREVIEW.map((column) => html`<th scope="col">${t(`import.measures.columns.${column}`)}</th>`)}
          <th scope="col">${t('import.becomes')}</th>
        </tr>
      </thead>
      <tbody>
        ${reading.entries.map(
          (entry) => html`<tr class=${entry.reason ? 'editor-import-row-skipped' : ''}>
            <th scope="row">${t('import.row', { row: entry.row })}</th>
            ${MEASURE_PREVIEW.map((column) => html`<td>${this.measureCell(entry, column)}</td>`)}
            ${entry.reason
              ? html`<td class="editor-import-skipped"><strong>${this.reason(entry.reason)}</strong></td>`
              : html`<td>${t('import.measures.becomes')}</td>`}
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}
