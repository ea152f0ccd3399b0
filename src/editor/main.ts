// The editor page's script (demo/editor.html): built by `npm start` into demo/build/editor/editor.js and by
// `npm run build` into dist/editor/. The widgets of the preview come from the bundle the page loads beside it.
import { EditorOpen } from './editor-open/editor-open.js';
import { EditorPreview } from './editor-preview/editor-preview.js';
import { ErrorSummary } from './error-summary/error-summary.js';
import { EventForm } from './event-form/event-form.js';
import { FeedEditor } from './feed-editor/feed-editor.js';
import { GoalForm } from './goal-form/goal-form.js';
import { TableImport } from './import/table-import.js';
import { NewsForm } from './news-form/news-form.js';
import { TipForm } from './tip-form/tip-form.js';

const ELEMENTS: Record<string, CustomElementConstructor> = {
  'asskomm-feed-editor': FeedEditor,
  'asskomm-editor-open': EditorOpen,
  'asskomm-editor-preview': EditorPreview,
  'asskomm-error-summary': ErrorSummary,
  'asskomm-goal-form': GoalForm,
  'asskomm-table-import': TableImport,
  'asskomm-tip-form': TipForm,
  'asskomm-event-form': EventForm,
  'asskomm-news-form': NewsForm,
};
for (const [name, element] of Object.entries(ELEMENTS)) if (!customElements.get(name)) customElements.define(name, element);
