/**
 * The bounds the API's zod schemas put on what the console sends (lengths, ranges, list sizes), read from the
 * OpenAPI document and emitted into the console's generated types as `formLimits`, so a form holds the same
 * line as the route that validates it (issue 13.5). Per request-body schema (`…Body`) and per kind of
 * reference data (`ReferenceData.checklist`), keyed by the field's path: `reason`, `content.items[].code`.
 */
const BOUNDS = ['minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'minItems', 'maxItems'] as const;
type Bounds = Partial<Record<(typeof BOUNDS)[number], number>>;
type Schema = {
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
} & Partial<Record<(typeof BOUNDS)[number], unknown>>;

function walk(schema: Schema | undefined, path: string, out: Record<string, Bounds>): void {
  // A named schema ($ref) has its own entry where it matters; the console sends none of them nested but text.
  if (!schema || schema.$ref) return;
  const bounds: Bounds = {};
  for (const key of BOUNDS) if (typeof schema[key] === 'number') bounds[key] = schema[key];
  if (path && Object.keys(bounds).length) out[path] = { ...out[path], ...bounds };
  for (const [name, prop] of Object.entries(schema.properties ?? {})) walk(prop, path ? `${path}.${name}` : name, out);
  if (schema.items) walk(schema.items, `${path}[]`, out);
  for (const part of [...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...(schema.allOf ?? [])]) walk(part, path, out);
}

/** `formLimits` as TypeScript, from the document's named schemas. */
export function renderFormLimits(schemas: Record<string, Schema>): string {
  const all: Record<string, Record<string, Bounds>> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    if (name.endsWith('Body')) {
      const out: Record<string, Bounds> = {};
      walk(schema, '', out);
      if (Object.keys(out).length) all[name] = out;
    }
    // A union on `kind` (reference data): one entry per kind, its content's bounds.
    for (const variant of schema.oneOf ?? []) {
      const kind = variant.properties?.kind?.enum;
      if (!Array.isArray(kind) || kind.length !== 1) continue;
      const out: Record<string, Bounds> = {};
      walk(variant.properties?.content, 'content', out);
      if (Object.keys(out).length) all[`${name}.${String(kind[0])}`] = out;
    }
  }
  return `
/** The bounds the API's zod schemas put on each field the console sends (per body schema; reference data per kind). */
export const formLimits = ${JSON.stringify(all)} as const;
`;
}
