/** `asskomm-widgets/news-feed`: registers `<kpr-news-feed>`. */
import './widgets/news-feed/define.js';

export { KprNewsFeed } from './widgets/news-feed/news-feed.js';
export type { NewsLayout } from './widgets/news-feed/news-feed.types.js';
export type { KprErrorDetail, KprLoadDetail } from './core/events.js';
