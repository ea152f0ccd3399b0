/**
 * The webmaster guides in docs/*.md are written for GitHub and the npm package, with links between the files.
 * Shown inside Storybook, a link to a guide that has a Storybook page goes to that page; a link to a file
 * Storybook does not show becomes plain text naming the file, instead of a link that leads nowhere.
 */
const PAGES: Record<string, string> = {
  'embedding.md': 'guides-embedding--docs',
  'typo3.md': 'guides-embedding-in-typo3--docs',
  'wordpress.md': 'guides-embedding-in-wordpress--docs',
  'cors.md': 'guides-feeds-from-other-servers--docs',
  'privacy.md': 'guides-privacy-notice--docs',
  'accessibility-statement.md': 'guides-accessibility-statement--docs',
  'contact-api.md': 'guides-contact-endpoint--docs',
  '../README.md#theming': 'guides-theming--docs',
  '../README.md#feeds': 'guides-feed-formats--docs',
  '../README.md#embedding-the-news-feed': 'widgets-news-feed--docs',
  '../src/schemas/kpr-contact.schema.json': 'guides-feed-formats--docs',
};

export function withStorybookLinks(markdown: string): string {
  return markdown.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (link, text: string, href: string) => {
    if (/^(https?:|mailto:|tel:|#)/.test(href)) return link;
    const [file = '', section] = href.split('#');
    const page = PAGES[href] ?? PAGES[file];
    if (page) return `[${text}](?path=/docs/${page})`;
    const path = file.startsWith('../') ? file.slice(3) : `docs/${file}`;
    return `${text} (${path}${section ? `, section "${section.replace(/-/g, ' ')}"` : ''})`;
  });
}
