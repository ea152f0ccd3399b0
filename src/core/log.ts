import type { ProblemCode } from './feed/problems.js';

/**
 * Console messages for the webmaster: always prefixed and naming the element, so they can be found, and naming the
 * problem's code (docs/problem-codes.md) where there is one, so that it can be looked up and searched for.
 */
const PREFIX = '[asskomm-widgets]';

export function logError(host: Element, message: string, code?: ProblemCode): void {
  console.error(line(host, message, code));
}

export function logWarning(host: Element, message: string, code?: ProblemCode): void {
  console.warn(line(host, message, code));
}

function line(host: Element, message: string, code?: ProblemCode): string {
  return `${PREFIX} <${host.localName}> ${code ? `[${code}] ` : ''}${message}`;
}
