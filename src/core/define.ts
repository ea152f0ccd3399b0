/**
 * Registers a custom element unless the tag is taken already. A page that loads the library twice (two
 * plugins, two versions) keeps the first registration working instead of throwing `NotSupportedError`.
 */
export function defineOnce(tag: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, element);
  } else if (existing !== element) {
    console.info(`[asskomm-widgets] <${tag}> is already defined on this page (the library is loaded twice); the first definition stays in use.`);
  }
}
