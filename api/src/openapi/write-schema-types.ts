// npm run api:types — writes admin/src/api/schema.gen.ts from the API's OpenAPI document.
import { writeFileSync } from 'node:fs';

import { renderSchemaTypes, SCHEMA_TYPES_FILE } from './schema-types.js';

writeFileSync(SCHEMA_TYPES_FILE, await renderSchemaTypes());
console.log(`wrote ${SCHEMA_TYPES_FILE}`);
