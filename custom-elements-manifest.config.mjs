/**
 * Lit's `static properties` entries with `state: true` are internal reactive state, not attributes, but the
 * analyzer's Lit plugin lists them as attributes all the same. Dropping the attributes whose field is private
 * keeps them out of the manifest, and so out of editors' completions and Storybook's controls.
 */
function dropPrivateStateAttributes() {
  return {
    name: 'kpr-drop-private-state-attributes',
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of customElementsManifest.modules.flatMap((module) => module.declarations ?? [])) {
        if (!declaration.attributes) continue;
        const hidden = new Set((declaration.members ?? []).filter((member) => member.privacy === 'private' || member.privacy === 'protected').map((member) => member.name));
        declaration.attributes = declaration.attributes.filter((attribute) => !hidden.has(attribute.fieldName));
      }
    },
  };
}

export default {
  globs: ['src/widgets/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/define.ts', 'src/**/*.types.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [dropPrivateStateAttributes()],
};
