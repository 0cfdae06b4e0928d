import { fileURLToPath } from 'node:url';

import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';

import { createApp } from '../app.js';
import { closeDb, openDb } from '../db/client.js';
import { openApiConfig } from './document.js';
import { renderFormLimits } from './form-limits.js';

/** The checked-in file the console's API types come from (ADR 0026). */
export const SCHEMA_TYPES_FILE = fileURLToPath(new URL('../../../admin/src/api/schema.gen.ts', import.meta.url));
export const REGENERATE_COMMAND = 'npm run api:types';

const HEADER = `// GENERATED from the API's OpenAPI document (the zod schemas of api/src/features/*): do not edit.
// Regenerate with \`${REGENERATE_COMMAND}\`; api/src/openapi/schema-types.test.ts fails while this file is stale.
`;

/** The OpenAPI document /api/openapi.json serves, built in-process: no server, no data (routes only). */
export function openApiDocument() {
  const db = openDb(':memory:');
  try {
    return createApp({ db }).getOpenAPI31Document(openApiConfig());
  } finally {
    closeDb(db);
  }
}

/** The TypeScript the console compiles against, formatted as the repository formats it. */
export async function renderSchemaTypes(): Promise<string> {
  const doc = nullableRefs(openApiDocument());
  const nodes = await openapiTS(doc as unknown as Parameters<typeof openapiTS>[0], {
    alphabetize: true,
    exportType: true,
    enum: false,
    silent: true,
  });
  const schemas = doc.components?.schemas ?? {};
  const source =
    HEADER +
    astToString(nodes) +
    enumValues(schemas) +
    renderFormLimits(schemas as Parameters<typeof renderFormLimits>[0]);
  const options = await resolveConfig(SCHEMA_TYPES_FILE);
  return format(source, { ...options, filepath: SCHEMA_TYPES_FILE });
}

/**
 * The values of each named enum schema (`NotificationKind` → `notificationKindValues`), for the console's
 * pickers. openapi-typescript's own `enumValues` option walks every inline enum too and types some
 * (nullable objects) wrongly, so only the named ones are emitted, each checked against its type.
 */
function enumValues(schemas: Record<string, unknown>): string {
  return Object.entries(schemas)
    .flatMap(([name, schema]) => {
      const values = (schema as { enum?: unknown[] }).enum;
      if (!Array.isArray(values)) return [];
      const id = `${name[0]!.toLowerCase()}${name.slice(1)}Values`;
      return [
        `export const ${id} = ${JSON.stringify(values)} as const satisfies ReadonlyArray<components['schemas']['${name}']>;`,
      ];
    })
    .join('\n');
}

/**
 * zod-to-openapi writes a nullable named schema as `allOf: [{ $ref }, { type: ['object', 'null'] }]`,
 * which openapi-typescript reads as `T & (Record<string, never> | null)`: never null. The same meaning
 * as `anyOf: [{ $ref }, { type: 'null' }]` gives `T | null`.
 */
export function nullableRefs<T>(node: T): T {
  if (Array.isArray(node)) return node.map(nullableRefs) as T;
  if (!node || typeof node !== 'object') return node;
  const entries = Object.entries(node).map(([k, v]) => [k, nullableRefs(v)] as const);
  const out = Object.fromEntries(entries) as Record<string, unknown>;
  const parts = out.allOf;
  if (Array.isArray(parts) && parts.length === 2 && isNullObject(parts[1])) {
    const { allOf: _allOf, ...rest } = out;
    const { type: _type, ...annotations } = parts[1] as Record<string, unknown>;
    return { ...rest, ...annotations, anyOf: [parts[0], { type: 'null' }] } as T;
  }
  return out as T;
}

function isNullObject(schema: unknown): boolean {
  if (!schema || typeof schema !== 'object') return false;
  const keys = Object.keys(schema).filter((k) => k !== 'description');
  const type = (schema as { type?: unknown }).type;
  return (
    keys.length === 1 && Array.isArray(type) && type.length === 2 && type.includes('null') && type.includes('object')
  );
}
