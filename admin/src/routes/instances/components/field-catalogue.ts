import type { DefinitionDocument, FieldDef, FormDef } from '../../../types/contract';

/**
 * Every field an instance may carry, by name: the current state's form first (its labels win),
 * then the other states' forms and the start form of the definition.
 */
export function fieldCatalogue(current: FormDef | null, definition: DefinitionDocument | undefined): Map<string, FieldDef> {
  const fields = new Map<string, FieldDef>();
  const add = (form: FormDef | undefined | null) => {
    for (const f of form?.fields ?? []) if (!fields.has(f.name)) fields.set(f.name, f);
  };
  add(current);
  for (const state of Object.values(definition?.states ?? {})) add(state.form);
  add(definition?.startForm);
  return fields;
}

/** Fields the current step hides are not shown, even when the data carries them. */
export function isHidden(current: FormDef | null, name: string): boolean {
  return current?.permissions?.[name] === 'hidden';
}

export function fallbackField(name: string): FieldDef {
  return { name, type: 'text', label: { 'zh-CN': name, en: name } };
}
