import type { JsonObject } from './paths.js';

/** The feeds the editor writes, named as the validator and the widgets name them. */
export type FeedKind = 'goal-overview' | 'prevention-tips' | 'event-calendar' | 'news-feed';
export const FEED_KINDS: readonly FeedKind[] = ['goal-overview', 'prevention-tips', 'event-calendar', 'news-feed'];

const JSON_FEED = 'https://jsonfeed.org/version/1.1';

/**
 * The six goals of the ASSKomm cooperation agreement, each with an icon of the goal overview and an explanation a
 * council can keep or rewrite; the measures are the council's own, so they start empty.
 */
const ASSKOMM_GOALS: ReadonlyArray<[id: string, icon: string, title: string, text: string]> = [
  ['ziel-straftaten', 'shield', 'Weniger Straftaten, und weniger schwere', 'Wir arbeiten daran, dass in unserer Gemeinde seltener eingebrochen, gestohlen und beschädigt wird und dass Taten, die doch geschehen, weniger Schaden anrichten.'],
  ['ziel-umgang', 'scales', 'Sachlich über Kriminalität sprechen', 'Wir informieren offen und mit belastbaren Zahlen über die Lage vor Ort, damit Gerüchte und Ängste nicht den Blick auf die Wirklichkeit verstellen.'],
  ['ziel-sicherheitsgefuehl', 'eye', 'Sich in der Gemeinde sicher fühlen', 'Wir kümmern uns um Orte, an denen sich Menschen unwohl fühlen, etwa dunkle Wege oder verwahrloste Ecken, und fragen regelmäßig nach, wie sicher sich die Einwohnerinnen und Einwohner fühlen.'],
  ['ziel-engagement', 'heart', 'Engagement für andere stärken', 'Wir ermutigen Menschen, sich in Vereinen, Nachbarschaften und Projekten für ihre Gemeinde einzusetzen, und unterstützen sie dabei.'],
  ['ziel-gemeinschaft', 'people', 'Die Gemeinschaft stärken', 'Wir bringen Verwaltung, Polizei, Schulen, Jugendarbeit, Vereine, Kirchen, Unternehmen und Einwohnerschaft an einen Tisch, damit sie gemeinsam handeln.'],
  ['ziel-klima', 'sun', 'Ein gutes Miteinander im Ort', 'Aus weniger Straftaten, mehr Vertrauen und mehr Engagement soll ein Ort werden, in dem man gern lebt und aufeinander achtet.'],
];

export type TemplateName = 'goals' | 'tips' | 'events' | 'news';
export const TEMPLATE_NAMES: readonly TemplateName[] = ['goals', 'tips', 'events', 'news'];

export const TEMPLATE_KIND: Record<TemplateName, FeedKind> = { goals: 'goal-overview', tips: 'prevention-tips', events: 'event-calendar', news: 'news-feed' };

/** A new feed of one kind; its title names the council generically, for the coordinator to put the town's name in. */
export function templateFeed(name: TemplateName): JsonObject {
  const feed = (title: string, items: JsonObject[]): JsonObject => ({ version: JSON_FEED, title, language: 'de', items });
  switch (name) {
    case 'goals':
      return feed(
        'Kommunaler Präventionsrat: Ziele und Maßnahmen',
        ASSKOMM_GOALS.map(([id, icon, title, text]) => ({ id, title, content_text: text, _kpr: { icon, measures: [], indicators: [] } })),
      );
    case 'tips':
      return feed('Kommunaler Präventionsrat: Tipps', []);
    case 'events':
      return feed('Kommunaler Präventionsrat: Termine', []);
    case 'news':
      return feed('Kommunaler Präventionsrat: Neuigkeiten', []);
  }
}

/** An id not yet used in the list, from a prefix: `tipp-1`, `tipp-2`, … */
export function freshId(prefix: string, items: readonly unknown[]): string {
  const taken = new Set(items.map((item) => (item && typeof item === 'object' ? (item as JsonObject).id : undefined)));
  let n = items.length + 1;
  while (taken.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

/** A new item of a kind, as the form adds it: the fields the widget needs, empty where the coordinator must write. */
export function newItem(kind: FeedKind, items: readonly unknown[]): JsonObject {
  switch (kind) {
    case 'goal-overview':
      return { id: freshId('ziel', items), title: '', content_text: '', _kpr: { measures: [], indicators: [] } };
    case 'prevention-tips':
      return { id: freshId('tipp', items), title: '', content_text: '', _kpr: { topic: 'other' } };
    case 'event-calendar':
      return { id: freshId('termin', items), title: '', content_text: '', _kpr: {} };
    case 'news-feed':
      return { id: freshId('meldung', items), title: '', content_text: '' };
  }
}
