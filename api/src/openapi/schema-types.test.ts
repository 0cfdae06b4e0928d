import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { REGENERATE_COMMAND, renderSchemaTypes, SCHEMA_TYPES_FILE } from './schema-types.js';

describe('the console API types (admin/src/api/schema.gen.ts)', () => {
  it('are what the OpenAPI document generates today', async () => {
    const fresh = await renderSchemaTypes();
    const checkedIn = readFileSync(SCHEMA_TYPES_FILE, 'utf8');
    expect(checkedIn === fresh, `admin/src/api/schema.gen.ts is stale: run \`${REGENERATE_COMMAND}\``).toBe(true);
  }, 60_000);

  it('type the console calls by their documented answers', async () => {
    const fresh = await renderSchemaTypes();
    // A route the console calls whose answer the API did not document would type as `never`/`unknown`.
    expect(fresh).toContain(`'/api/me': {`);
    expect(fresh).toMatch(/Me: \{[^}]*csrfToken: string;/s);
    expect(fresh).toContain("export const notificationKindValues = [\n  'entered',");
  }, 60_000);
});
