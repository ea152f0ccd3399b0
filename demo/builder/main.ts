// The builder page's script (demo/builder.html): built by `npm start` into demo/build/builder.js.
import { EmbedBuilder } from './embed-builder.js';

customElements.define('asskomm-embed-builder', EmbedBuilder);
