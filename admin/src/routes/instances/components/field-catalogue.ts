import type { DefinitionDocument, FieldDef, FormDef } from '../../../types/contract';

/**
 * Every field an instance may carry, by name: the current state's form first (its labels win),
 * then the other states' forms and the start form of the definition.
 */
export function fieldCatalogue(
  current: FormDef | null,
  definition: DefinitionDocument | undefined,
): Map<string, FieldDef> {
  const fields = new Map<string, FieldDef>();
  const add = (form: FormDef | undefined | null) => {
    for (const f of form?.fields ?? []) if (!fields.has(f.name)) fields.set(f.name, f);
  };
  add(current);
  for (const state of Object.values(definition?.states ?? {})) if ('form' in state) add(state.form);
  add(definition?.startForm);
  return fields;
}

function accessOf(current: FormDef | null, name: string) {
  return current?.access?.[name] ?? current?.permissions?.[name];
}

/** Fields the current step hides are not shown, even when the data carries them. */
export function isHidden(current: FormDef | null, name: string): boolean {
  return accessOf(current, name) === 'hidden';
}

/** What this step may write: its own fields unless read-only, and earlier fields it marks editable or required. */
export function editableFields(current: FormDef | null, catalogue: Map<string, FieldDef>): FieldDef[] {
  const own = (current?.fields ?? []).filter(
    (f) => !['readonly', 'hidden'].includes(accessOf(current, f.name) ?? 'editable'),
  );
  const granted = Object.entries(current?.access ?? current?.permissions ?? {})
    .filter(([name, a]) => (a === 'editable' || a === 'required') && !own.some((f) => f.name === name))
    .map(([name]) => catalogue.get(name) ?? fallbackField(name));
  return [...own, ...granted];
}

export function fallbackField(name: string): FieldDef {
  return { name, type: 'text', label: { 'zh-CN': name, en: name } };
}
