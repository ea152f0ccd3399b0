/** Console messages for the webmaster: always prefixed and naming the element, so they can be found. */
const PREFIX = '[asskomm-widgets]';

export function logError(host: Element, message: string): void {
  console.error(`${PREFIX} <${host.localName}> ${message}`);
}

export function logWarning(host: Element, message: string): void {
  console.warn(`${PREFIX} <${host.localName}> ${message}`);
}
