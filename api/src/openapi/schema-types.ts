import { fileURLToPath } from 'node:url';

import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';

import { createApp } from '../app.js';
import { openDb } from '../db/client.js';
import { openApiConfig } from './document.js';

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
    return createApp({ db }).getOpenAPIDocument(openApiConfig());
  } finally {
    db.$client.close();
  }
}

/** The TypeScript the console compiles against, formatted as the repository formats it. */
export async function renderSchemaTypes(): Promise<string> {
  const doc = openApiDocument();
  const nodes = await openapiTS(doc as unknown as Parameters<typeof openapiTS>[0], {
    alphabetize: true,
    exportType: true,
    enum: false,
    silent: true,
  });
  const source = HEADER + astToString(nodes) + enumValues(doc.components?.schemas ?? {});
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
