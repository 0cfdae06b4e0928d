import type { TDefinition, TFieldAccess, TFieldDef, TForm } from '../definition/schema.js';

/** The form a state fills (the start form for the start step), or an empty one. */
export function formOf(def: TDefinition, state: string | null): TForm {
  if (state === null) return def.startForm ?? { fields: [] };
  const s = def.states[state];
  return s && 'form' in s && s.form ? s.form : { fields: [] };
}

/** Every field any step of the definition declares, by name (first declaration wins). */
export function allFields(def: TDefinition): Map<string, TFieldDef> {
  const fields = new Map<string, TFieldDef>();
  for (const f of def.startForm?.fields ?? []) fields.set(f.name, f);
  for (const s of Object.values(def.states)) {
    if ('form' in s && s.form) for (const f of s.form.fields) if (!fields.has(f.name)) fields.set(f.name, f);
  }
  return fields;
}

/**
 * What a step may do with each field: its own fields are editable (or required) unless its
 * permissions say otherwise; fields of other steps are read-only unless listed.
 */
export function fieldAccess(def: TDefinition, state: string | null): Record<string, TFieldAccess> {
  const form = formOf(def, state);
  const own = new Set(form.fields.map((f) => f.name));
  const access: Record<string, TFieldAccess> = {};
  for (const [name, field] of allFields(def)) {
    const declared = form.permissions?.[name];
    if (declared) access[name] = declared;
    else if (own.has(name)) access[name] = field.required ? 'required' : 'editable';
    else access[name] = 'readonly';
  }
  return access;
}
