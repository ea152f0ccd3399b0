// The builder page's script (demo/builder.html): built by `npm start` into demo/build/builder.js.
import { moveSampleFeedsOnFetch } from '../../src/samples/sample-fetch.js';
import { EmbedBuilder } from './embed-builder.js';
import { SAMPLE_FOLDER } from './model.js';

// The sample feeds the builder starts with were written for November 2026: moved to the current week, the calendar
// previews this month's events, wherever the page is served from (npm start, or dist/builder/ as static files).
moveSampleFeedsOnFetch(new URL(SAMPLE_FOLDER, document.baseURI));
customElements.define('asskomm-embed-builder', EmbedBuilder);
