import { defineOnce } from '../../core/define.js';
import { KprNewsFeed } from './news-feed.js';

defineOnce('kpr-news-feed', KprNewsFeed);

declare global {
  interface HTMLElementTagNameMap {
    'kpr-news-feed': KprNewsFeed;
  }
}
