// The feeds of the render benchmark (bench/render.mjs), generated the same on every run: 1,000 news articles (as
// JSON Feed and as RSS 2.0), 500 prevention tips, and 6 goals with 40 measures and 12 indicator charts.

const words = ['Präventionsrat', 'Bürgerpolizistin', 'Sprechstunde', 'Einbruchschutz', 'Schulweg', 'Beleuchtung', 'Graffiti', 'Sauberkeit', 'Nachbarschaft', 'Senioren', 'Vortrag', 'Arbeitsgruppe'];
const sentence = (i, n) => Array.from({ length: n }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ');

/** The articles: titles, summaries, 60-word texts, dates before the bench's instant, one or two tags; no images. */
export const articles = Array.from({ length: 1000 }, (_, i) => ({
  id: `https://www.bannewitz.de/praevention/aktuelles/${i}`,
  url: `https://www.bannewitz.de/praevention/aktuelles/${i}`,
  title: `${sentence(i, 5)} ${i}`,
  summary: `${sentence(i + 1, 14)}.`,
  content_text: `${sentence(i + 2, 60)}.`,
  date_published: new Date(Date.UTC(2026, 10, 1) - i * 26 * 3600_000).toISOString().replace('.000Z', '+00:00'),
  tags: [words[i % words.length], words[(i + 5) % words.length]].slice(0, 1 + (i % 2)),
}));

export const jsonFeed = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Bench', items: articles });

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
export const rssFeed = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench</title>${articles
  .map((item) => `<item><title>${escape(item.title)}</title><link>${item.url}</link><guid>${item.id}</guid><pubDate>${new Date(item.date_published).toUTCString()}</pubDate><description>${escape(item.content_text)}</description>${item.tags.map((t) => `<category>${t}</category>`).join('')}</item>`)
  .join('')}</channel></rss>`;

const topics = ['burglary', 'fraud-older-people', 'online-fraud', 'bicycle-theft', 'violence', 'moral-courage', 'youth-protection', 'traffic', 'vandalism'];
export const tipsFeed = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Bench tips',
  items: Array.from({ length: 500 }, (_, i) => ({
    id: `tip-${i}`,
    title: `${sentence(i, 4)} ${i}`,
    summary: `${sentence(i + 3, 12)}.`,
    content_text: `${sentence(i + 4, 50)}.`,
    _kpr: {
      topic: topics[i % topics.length],
      audience: [['older-people'], ['parents', 'young-people'], ['everyone'], []][i % 4],
      phones: i % 5 === 0 ? [{ label: 'Polizei', number: '110' }] : [],
      links: [{ title: 'Mehr', url: `https://www.bannewitz.de/tipps/${i}` }],
    },
  })),
});

export const goalsFeed = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Bench goals',
  items: Array.from({ length: 6 }, (_, goal) => ({
    id: `goal-${goal}`,
    title: `${sentence(goal, 3)}`,
    content_text: `${sentence(goal + 1, 25)}.`,
    _kpr: {
      icon: ['shield', 'scales', 'lamp', 'heart', 'people', 'sun'][goal],
      // 40 measures: 7 for the first four goals, 6 for the last two.
      measures: Array.from({ length: goal < 4 ? 7 : 6 }, (_, m) => ({
        title: `${sentence(goal * 7 + m, 5)}`,
        status: ['planned', 'running', 'done'][(goal + m) % 3],
        partners: words.slice(m % 5, (m % 5) + 2),
        start: `2024-0${1 + (m % 9)}`,
      })),
      indicators: [
        { name: 'Fälle', unit: 'Fälle', better: 'down', series: Array.from({ length: 12 }, (_, k) => ({ period: String(2014 + k), value: 400 - k * 7 + ((k * 13) % 11) })) },
        { name: 'Anteil', unit: '%', better: 'up', chart: 'bar', target: 80, series: Array.from({ length: 5 }, (_, k) => ({ period: String(2021 + k), value: 60 + k * 2.5 })) },
      ],
    },
  })),
});
