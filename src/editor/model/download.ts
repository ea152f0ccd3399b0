/** Hands the text to the browser as a file download; nothing leaves the computer. */
export function downloadText(text: string, name: string, document: Document): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/feed+json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has the file once click() returns; the address is of no further use.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name for the download: the opened one, else one from the feed's kind; always ending in .json. */
export function downloadName(name: string): string {
  const base = name.split(/[/\\]/).pop()!.replace(/[?#].*$/, '') || 'feed.json';
  return /\.json$/i.test(base) ? base : `${base}.json`;
}
