// An event's recurrence in the form: how often (every week / every second week on Tuesday, monthly on the last Friday
// or on the 15th, yearly), until when, the days taken out and the extra days, and the next ten dates as the calendar
// will show them.
// A rule the form cannot express (from an opened file) is kept as written and shown read-only, with its dates.
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { now } from '../../core/clock.js';
import { formatDay, formatTime } from '../../core/format.js';
import { addDays, addMonthsKeepingDay, dayOf } from '../../core/time.js';
import { announce } from '../controllers/list-controller.js';
import { problemsOf, type FormContext } from '../fields/fields.js';
import { fieldId, pathString, type Json, type JsonObject, type Path } from '../model/paths.js';
import {
  defaultRule, FREQUENCIES, monthlyByWeekday, nextDates, ORDINALS, readRule, WEEKDAYS, writeRule,
  type Frequency, type RuleForm, type SeriesAnchor, type Weekday,
} from '../recurrence/rule-form.js';
import type { SeriesStart } from '../../widgets/event-calendar/recurrence.js';
import { anchorOf, readDay, shownDay } from './event-times.js';

/** Texts typed into fields that are not stored as typed, while they have the focus (event-form.ts). */
export interface TypedTexts {
  texts: Map<string, string>;
  /** The draft the texts were typed into: another (after an undo) forgets them. */
  feed: JsonObject | undefined;
}

const INTERVALS: Record<Frequency, number[]> = { DAILY: [1, 2, 3], WEEKLY: [1, 2, 3, 4], MONTHLY: [1, 2, 3, 4, 6, 12], YEARLY: [1, 2] };
const WHEN = /^(\d{4}-\d{2}-\d{2})([Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2}))?$/;

/** `exdates` or `rdates` as the calendar's expander takes them; entries it cannot read are left to the validator. */
function seriesDates(value: Json | undefined, allDay: boolean, timeZone: string): SeriesStart[] {
  return (Array.isArray(value) ? value : []).flatMap((entry) => {
    const match = typeof entry === 'string' ? WHEN.exec(entry.trim()) : null;
    if (!match) return [];
    if (!match[2]) return [match[1]!];
    const instant = new Date(Date.parse(entry as string));
    return Number.isNaN(instant.getTime()) ? [] : [allDay ? dayOf(instant, timeZone) : instant];
  });
}

/** The series' start as written in the feed (an instant, or a day), for the expander. */
function startOf(kpr: JsonObject, anchor: SeriesAnchor): SeriesStart {
  const start = typeof kpr.start === 'string' ? kpr.start.trim() : '';
  if (!anchor.time) return anchor.day;
  const instant = WHEN.test(start) ? new Date(Date.parse(start)) : undefined;
  return instant && !Number.isNaN(instant.getTime()) ? instant : anchor.day;
}

/** The next dates of each series, computed once per start, rule and exceptions: the form draws on every keystroke. */
const nextCache = new Map<string, ReturnType<typeof nextDates>>();
function cachedNextDates(series: Parameters<typeof nextDates>[0], today: string): ReturnType<typeof nextDates> {
  const key = JSON.stringify([series, today]);
  let found = nextCache.get(key);
  if (!found) {
    if (nextCache.size > 200) nextCache.clear();
    nextCache.set(key, (found = nextDates(series)));
  }
  return found;
}

export function recurrenceFields(
  host: HTMLElement,
  context: FormContext,
  typed: TypedTexts,
  itemPath: Path,
  kpr: JsonObject,
  redraw: () => void,
): TemplateResult {
  const { t, draft } = context;
  const recurrencePath = [...itemPath, '_kpr', 'recurrence'];
  const rulePath = [...recurrencePath, 'rrule'];
  const exdatesPath = [...recurrencePath, 'exdates'];
  const base = fieldId(recurrencePath);
  const recurrence = kpr.recurrence && typeof kpr.recurrence === 'object' && !Array.isArray(kpr.recurrence) ? kpr.recurrence : undefined;
  const rrule = typeof recurrence?.rrule === 'string' && recurrence.rrule.trim() ? recurrence.rrule : undefined;
  const anchor = anchorOf(kpr);
  const form = rrule && anchor ? readRule(rrule, anchor) : undefined;
  const mode = !rrule ? 'none' : form ? form.freq : 'custom';
  const locale = t('locale');

  const store = (value: Json | undefined, path: Path = recurrencePath, typing: string | false = false) => {
    draft.set(path, value, typing);
    typed.feed = draft.feed;
  };
  const setRule = (next: RuleForm, typing: string | false = false) => {
    if (anchor) store({ ...(recurrence ?? {}), rrule: writeRule(next, anchor) }, recurrencePath, typing);
  };
  const chooseMode = (value: string) => {
    if (value === 'none') return store(undefined);
    if (!anchor || value === 'custom') return;
    const next = defaultRule(value as Frequency, anchor);
    if (form) next.end = form.end;
    setRule(next);
  };

  const modeSelect = html`<div class="editor-field">
    <label for=${fieldId(rulePath)}>${t('recurrence.repeat')}</label>
    ${anchor ? nothing : html`<p class="editor-hint" id="${fieldId(rulePath)}-hint">${t('recurrence.needsStart')}</p>`}
    ${problemsOf(context, rulePath)}
    <select id=${fieldId(rulePath)} data-path=${pathString(rulePath)} ?disabled=${!anchor && mode === 'none'}
      aria-describedby=${ifDefined([anchor ? '' : `${fieldId(rulePath)}-hint`, context.problems.get(pathString(rulePath))?.length ? `${fieldId(rulePath)}-error` : ''].filter(Boolean).join(' ') || undefined)}
      @change=${(event: Event) => chooseMode((event.target as HTMLSelectElement).value)}>
      <option value="none" ?selected=${mode === 'none'}>${t('recurrence.modes.none')}</option>
      ${FREQUENCIES.map((freq) => html`<option value=${freq} ?selected=${mode === freq}>${t(`recurrence.modes.${freq}`)}</option>`)}
      ${mode === 'custom' ? html`<option value="custom" selected>${t('recurrence.modes.custom')}</option>` : nothing}
    </select>
  </div>`;

  return html`<fieldset class="editor-recurrence" id="${base}-group">
    <legend>${t('recurrence.legend')}</legend>
    ${modeSelect}
    ${form && anchor ? ruleFields(context, typed, base, form, anchor, setRule, redraw) : nothing}
    ${mode === 'custom' ? html`<p class="editor-notice" id="${base}-custom">${t('recurrence.custom')} <code>${rrule}</code></p>` : nothing}
    ${rrule && anchor ? nextDatesList(host, context, base, kpr, anchor, rrule, recurrence!, exdatesPath, locale, store) : nothing}
    ${recurrence ? datesList('exdates', host, context, typed, base, recurrence, anchor, recurrencePath, locale, store, redraw) : nothing}
    ${recurrence ? datesList('rdates', host, context, typed, base, recurrence, anchor, recurrencePath, locale, store, redraw) : nothing}
  </fieldset>`;
}

/** Interval, weekdays or day of the month, and the end: the choices of a rule the form can express. */
function ruleFields(
  context: FormContext,
  typed: TypedTexts,
  base: string,
  form: RuleForm,
  anchor: SeriesAnchor,
  setRule: (next: RuleForm, typing?: string | false) => void,
  redraw: () => void,
): TemplateResult {
  const { t } = context;
  const intervals = INTERVALS[form.freq].includes(form.interval) ? INTERVALS[form.freq] : [...INTERVALS[form.freq], form.interval].sort((a, b) => a - b);
  const every = (n: number) => t(`recurrence.every.${form.freq}.${n}`, { defaultValue: t(`recurrence.every.${form.freq}.n`, { count: n }) });
  const weekdayName = (day: Weekday) => t(`recurrence.weekdays.${day}`);
  const select = (id: string, label: string, value: string, choices: Array<[string, string]>, change: (value: string) => void) => html`<div class="editor-field">
    <label for=${id}>${label}</label>
    <select id=${id} @change=${(event: Event) => change((event.target as HTMLSelectElement).value)}>
      ${choices.map(([choice, text]) => html`<option value=${choice} ?selected=${choice === value}>${text}</option>`)}
    </select>
  </div>`;
  const radio = (name: string, id: string, checked: boolean, label: string, choose: () => void, reveal: TemplateResult | typeof nothing = nothing) => html`<div class="editor-choice">
      <input type="radio" name=${name} id=${id} .checked=${live(checked)} @change=${choose} />
      <label for=${id}>${label}</label>
    </div>
    ${checked && reveal !== nothing ? html`<div class="editor-reveal">${reveal}</div>` : nothing}`;

  const textInput = (id: string, label: string, hint: string, shown: string, read: (text: string) => RuleForm | undefined) => {
    const text = typed.texts.get(id) ?? shown;
    const invalid = typed.texts.has(id) && !read(text);
    return html`<div class="editor-field ${invalid ? 'editor-field-error' : ''}">
      <label for=${id}>${label}</label>
      <p class="editor-hint" id="${id}-hint">${hint}</p>
      <input id=${id} class="editor-input-short" type="text" autocomplete="off" spellcheck="false" aria-describedby="${id}-hint" aria-invalid=${ifDefined(invalid ? 'true' : undefined)}
        .value=${live(text)}
        @input=${(event: Event) => {
          const value = (event.target as HTMLInputElement).value;
          typed.texts.set(id, value);
          const next = read(value);
          if (next) setRule(next, id);
          else redraw();
        }}
        @blur=${() => typed.texts.delete(id) && redraw()} />
    </div>`;
  };

  const weekdays = form.freq === 'WEEKLY'
    ? html`<fieldset class="editor-choices editor-inline" id="${base}-weekdays">
        <legend>${t('recurrence.onWeekdays')}</legend>
        ${WEEKDAYS.map((day) => html`<div class="editor-choice">
          <input type="checkbox" id="${base}-weekday-${day}" .checked=${live(form.weekdays.includes(day))}
            @change=${(event: Event) => {
              const on = (event.target as HTMLInputElement).checked;
              setRule({ ...form, weekdays: WEEKDAYS.filter((one) => (one === day ? on : form.weekdays.includes(one))) });
            }} />
          <label for="${base}-weekday-${day}">${weekdayName(day)}</label>
        </div>`)}
      </fieldset>`
    : nothing;

  const monthly = form.monthly;
  const monthlyFields = form.freq === 'MONTHLY'
    ? html`<fieldset class="editor-choices" id="${base}-monthly">
        <legend>${t('recurrence.monthlyOn')}</legend>
        ${radio(`${base}-monthly`, `${base}-monthly-day`, monthly.by === 'day', t('recurrence.byDay'), () => setRule({ ...form, monthly: { by: 'day', day: Number(anchor.day.slice(8, 10)) } }),
          monthly.by === 'day'
            ? select(`${base}-month-day`, t('recurrence.monthDay'), String(monthly.day), Array.from({ length: 31 }, (_, index) => [String(index + 1), `${index + 1}.`]), (value) => setRule({ ...form, monthly: { by: 'day', day: Number(value) } }))
            : nothing)}
        ${radio(`${base}-monthly`, `${base}-monthly-weekday`, monthly.by === 'weekday', t('recurrence.byWeekday'), () => setRule({ ...form, monthly: monthlyByWeekday(anchor) }),
          monthly.by === 'weekday'
            ? html`<div class="editor-row">
                ${select(`${base}-ordinal`, t('recurrence.ordinal'), String(monthly.ordinal), ORDINALS.map((ordinal) => [String(ordinal), t(`recurrence.ordinals.${ordinal}`)]), (value) => setRule({ ...form, monthly: { ...monthly, ordinal: Number(value) } }))}
                ${select(`${base}-weekday`, t('recurrence.weekday'), monthly.weekday, WEEKDAYS.map((day) => [day, weekdayName(day)]), (value) => setRule({ ...form, monthly: { ...monthly, weekday: value as Weekday } }))}
              </div>`
            : nothing)}
      </fieldset>`
    : nothing;

  const end = form.end;
  const untilDefault = addDays(addMonthsKeepingDay(anchor.day, 12), -1);
  const endFields = html`<fieldset class="editor-choices" id="${base}-end">
    <legend>${t('recurrence.end')}</legend>
    ${radio(`${base}-end`, `${base}-end-never`, end.by === 'never', t('recurrence.endNever'), () => setRule({ ...form, end: { by: 'never' } }))}
    ${radio(`${base}-end`, `${base}-end-until`, end.by === 'until', t('recurrence.endUntil'), () => setRule({ ...form, end: { by: 'until', day: untilDefault } }),
      end.by === 'until'
        ? textInput(`${base}-until`, t('recurrence.untilDay'), t('recurrence.untilHint'), shownDay(end.day), (text) => {
            const day = readDay(text);
            return day ? { ...form, end: { by: 'until', day } } : undefined;
          })
        : nothing)}
    ${radio(`${base}-end`, `${base}-end-count`, end.by === 'count', t('recurrence.endCount'), () => setRule({ ...form, end: { by: 'count', count: 10 } }),
      end.by === 'count'
        ? textInput(`${base}-count`, t('recurrence.count'), t('recurrence.countHint'), String(end.count), (text) => {
            const count = /^\s*\d{1,4}\s*$/.test(text) ? Number(text) : 0;
            return count >= 1 ? { ...form, end: { by: 'count', count } } : undefined;
          })
        : nothing)}
  </fieldset>`;

  return html`${select(`${base}-interval`, t('recurrence.interval'), String(form.interval), intervals.map((n) => [String(n), every(n)]), (value) => setRule({ ...form, interval: Number(value) }))}
    ${weekdays}${monthlyFields}${endFields}`;
}

/** A start in words, in the series' zone: "Dienstag, 1. Dezember 2026, 16:00 Uhr". */
function startInWords(context: FormContext, start: SeriesStart, timeZone: string, locale: string): string {
  if (typeof start === 'string') return formatDay(start, locale, 'long');
  return context.t('recurrence.dateTime', { day: formatDay(dayOf(start, timeZone), locale, 'long'), time: formatTime(start, locale, timeZone) });
}

/** The next ten dates as the calendar will show them, each with a button that takes that day out of the series. */
function nextDatesList(
  host: HTMLElement,
  context: FormContext,
  base: string,
  kpr: JsonObject,
  anchor: SeriesAnchor,
  rrule: string,
  recurrence: JsonObject,
  exdatesPath: Path,
  locale: string,
  store: (value: Json | undefined, path?: Path) => void,
): TemplateResult {
  const { t } = context;
  const allDay = !anchor.time;
  const series = {
    start: startOf(kpr, anchor),
    timeZone: anchor.timeZone,
    rrule,
    exdates: seriesDates(recurrence.exdates, allDay, anchor.timeZone),
    rdates: seriesDates(recurrence.rdates, allDay, anchor.timeZone),
  };
  const { starts, problem } = cachedNextDates(series, dayOf(now(), anchor.timeZone));
  const exclude = async (start: SeriesStart, index: number) => {
    const day = typeof start === 'string' ? start : dayOf(start, anchor.timeZone);
    const old = Array.isArray(recurrence.exdates) ? recurrence.exdates : [];
    store([...old, day], exdatesPath);
    announce(host, t('recurrence.excluded', { day: formatDay(day, locale, 'long') }));
    await context.settled();
    const buttons = host.querySelectorAll<HTMLButtonElement>(`#${base}-next button`);
    (buttons[Math.min(index, buttons.length - 1)] ?? host.ownerDocument.getElementById(`${base}-exdates`))?.focus();
  };
  return html`<div class="editor-next-dates" id="${base}-next-dates">
    <h4 id="${base}-next-heading">${t('recurrence.next', { count: starts.length })}</h4>
    ${problem ? html`<p class="editor-warning" lang="en">${problem}</p>` : nothing}
    ${starts.length
      ? html`<ol id="${base}-next" aria-labelledby="${base}-next-heading">
          ${starts.map((start, index) => {
            const words = startInWords(context, start, anchor.timeZone, locale);
            return html`<li><span class="editor-next-date">${words}</span>
              <button type="button" class="editor-button-secondary editor-button-small" @click=${() => exclude(start, index)}>${t('recurrence.exclude')}<span class="editor-visually-hidden">: ${words}</span></button></li>`;
          })}
        </ol>`
      : html`<p>${t('recurrence.noneAhead')}</p>`}
  </div>`;
}

/**
 * The series' own lists of days: those taken out (`exdates`) and the extra ones outside the rule (`rdates`, starting at
 * the series' time of day). Each day has a button that takes it off the list, and a field adds another.
 */
const DATE_LISTS = {
  exdates: {
    input: 'exclude-day', list: 'exdates-list', add: 'exclude-add',
    texts: { legend: 'exdates', none: 'noExdates', remove: 'putBack', removed: 'restored', day: 'excludeDay', hint: 'excludeDayHint', invalid: 'excludeDayInvalid', addButton: 'excludeAdd', added: 'excluded' },
  },
  rdates: {
    input: 'rdate-day', list: 'rdates-list', add: 'rdate-add',
    texts: { legend: 'rdates', none: 'noRdates', remove: 'rdateRemove', removed: 'rdateRemoved', day: 'rdateDay', hint: 'rdateDayHint', invalid: 'excludeDayInvalid', addButton: 'rdateAdd', added: 'rdateAdded' },
  },
} as const;

function datesList(
  kind: keyof typeof DATE_LISTS,
  host: HTMLElement,
  context: FormContext,
  typed: TypedTexts,
  base: string,
  recurrence: JsonObject,
  anchor: SeriesAnchor | undefined,
  recurrencePath: Path,
  locale: string,
  store: (value: Json | undefined, path?: Path) => void,
  redraw: () => void,
): TemplateResult {
  const ids = DATE_LISTS[kind];
  const texts = ids.texts;
  const t = (key: string, options?: Record<string, unknown>) => context.t(`recurrence.${key}`, options);
  const path = [...recurrencePath, kind];
  const days = Array.isArray(recurrence[kind]) ? recurrence[kind] : [];
  const zone = anchor?.timeZone ?? 'Europe/Berlin';
  const inWords = (entry: Json) => {
    const [date] = seriesDates([entry], true, zone);
    return typeof date === 'string' ? formatDay(date, locale, 'long') : String(entry);
  };
  const inputId = `${base}-${ids.input}`;
  const remove = async (index: number) => {
    const day = inWords(days[index]!);
    const rest = days.filter((_, at) => at !== index);
    store(rest.length ? rest : undefined, path);
    announce(host, t(texts.removed, { day }));
    await context.settled();
    const buttons = host.querySelectorAll<HTMLButtonElement>(`#${base}-${ids.list} button`);
    (buttons[Math.min(index, buttons.length - 1)] ?? host.ownerDocument.getElementById(inputId))?.focus();
  };
  const text = typed.texts.get(inputId) ?? '';
  const invalid = typed.texts.get(`${inputId}-invalid`) === 'true';
  const add = async () => {
    const day = readDay(typed.texts.get(inputId) ?? '');
    if (!day) {
      typed.texts.set(`${inputId}-invalid`, 'true');
      redraw();
      return;
    }
    typed.texts.delete(inputId);
    typed.texts.delete(`${inputId}-invalid`);
    store([...days, day], path);
    announce(host, t(texts.added, { day: formatDay(day, locale, 'long') }));
  };
  return html`<fieldset class="editor-pairs" id="${fieldId(path)}" data-path=${pathString(path)} tabindex="-1">
    <legend>${t(texts.legend)}</legend>
    ${problemsOf(context, path)}
    ${days.length
      ? html`<ul id="${base}-${ids.list}">${days.map((entry, index) => html`<li>${inWords(entry)}
          <button type="button" class="editor-button-secondary editor-button-small" @click=${() => remove(index)}>${t(texts.remove)}<span class="editor-visually-hidden">: ${inWords(entry)}</span></button></li>`)}</ul>`
      : html`<p class="editor-hint">${t(texts.none)}</p>`}
    <div class="editor-field ${invalid ? 'editor-field-error' : ''}">
      <label for=${inputId}>${t(texts.day)}</label>
      <p class="editor-hint" id="${inputId}-hint">${t(texts.hint)}</p>
      ${invalid ? html`<div class="editor-field-problems" id="${inputId}-error"><p class="editor-error">${t(texts.invalid)}</p></div>` : nothing}
      <input id=${inputId} class="editor-input-short" type="text" autocomplete="off" spellcheck="false"
        aria-describedby=${invalid ? `${inputId}-hint ${inputId}-error` : `${inputId}-hint`} aria-invalid=${ifDefined(invalid ? 'true' : undefined)}
        .value=${live(text)}
        @input=${(event: Event) => typed.texts.set(inputId, (event.target as HTMLInputElement).value)}
        @keydown=${(event: KeyboardEvent) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void add();
          }
        }} />
    </div>
    <button type="button" class="editor-button-secondary" id="${base}-${ids.add}" @click=${() => add()}>${t(texts.addButton)}</button>
  </fieldset>`;
}
