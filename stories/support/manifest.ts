/**
 * The parts of a Custom Elements Manifest (schema 2.x) that Storybook and the docs pages read, and the
 * readings they share: which widget documents what, and which custom properties every widget takes.
 */
export interface Described {
  name: string;
  description?: string;
  summary?: string;
  default?: string;
  type?: { text: string };
}
export interface Attribute extends Described {
  fieldName?: string;
}
export interface Member extends Described {
  kind: 'field' | 'method';
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
  attribute?: string;
}
export interface Declaration extends Described {
  kind: string;
  tagName?: string;
  customElement?: boolean;
  attributes?: Attribute[];
  members?: Member[];
  events?: Described[];
  slots?: Described[];
  cssParts?: Described[];
  cssProperties?: Described[];
}
export interface Manifest {
  schemaVersion: string;
  modules: { kind: string; path: string; declarations?: Declaration[] }[];
}

/** The custom elements in the manifest, in the order of the tag names. */
export function widgets(manifest: Manifest): Declaration[] {
  return manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.tagName)
    .sort((a, b) => a.tagName!.localeCompare(b.tagName!));
}

/**
 * What Storybook's controls and tables should show. Private and protected members are implementation; a public
 * field that has an attribute is already shown (and controllable) as that attribute, so it is not listed twice
 * — its property name goes into the attribute's description. The summary stands in for an empty description.
 */
export function forStorybook(manifest: Manifest): Manifest {
  return {
    ...manifest,
    modules: manifest.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) => {
        if (!declaration.tagName) return declaration;
        const reflected = new Set((declaration.attributes ?? []).map((attribute) => attribute.fieldName));
        return {
          ...declaration,
          description: declaration.description || declaration.summary,
          attributes: declaration.attributes?.map((attribute) => ({
            ...attribute,
            description: [attribute.description, attribute.fieldName && attribute.fieldName !== attribute.name ? `Property: \`${attribute.fieldName}\`.` : '']
              .filter(Boolean)
              .join(' '),
          })),
          members: declaration.members?.filter(
            (member) => member.kind === 'field' && (member.privacy ?? 'public') === 'public' && !member.static && !reflected.has(member.name),
          ),
        };
      }),
    })),
  };
}

export interface ThemeProperty {
  name: string;
  description: string;
  /** The tag names of the widgets that read the property. */
  widgets: string[];
}

/**
 * Every `--kpr-*` custom property the widgets document, once each. Properties every widget reads (the shared
 * tokens) come first; a description is the first one given.
 */
export function themeProperties(manifest: Manifest): { shared: ThemeProperty[]; specific: ThemeProperty[] } {
  const all = widgets(manifest);
  const byName = new Map<string, ThemeProperty>();
  for (const widget of all) {
    for (const property of widget.cssProperties ?? []) {
      const entry = byName.get(property.name) ?? { name: property.name, description: '', widgets: [] };
      entry.description ||= property.description ?? '';
      entry.widgets.push(widget.tagName!);
      byName.set(property.name, entry);
    }
  }
  const sorted = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  return {
    shared: sorted.filter((property) => property.widgets.length === all.length),
    specific: sorted.filter((property) => property.widgets.length < all.length),
  };
}
