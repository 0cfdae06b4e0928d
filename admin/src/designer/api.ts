import { api, call } from '../api/client';
import type { components } from '../api/schema.gen';
import { buildUrl } from '../providers/http';
import type { Doc } from './model';

type Schemas = components['schemas'];

/**
 * A definition as the designer edits it. The API sends the definition document as opaque JSON (ADR 0026),
 * so its shape is the designer's model; everything around it is the generated type.
 */
export type DesignerDefinition = Omit<Schemas['DefinitionDetail'], 'definition'> & { definition: Doc };
export type DraftSaved = DesignerDefinition & { errors: Schemas['DefinitionError'][] };
export type DiffChange = Schemas['DefinitionDiffChange'];
export type DiffResult = Schemas['DefinitionDiff'];
export type PublishCheck = Schemas['PublishCheck'];
export type MigrationItem = Schemas['MigrationItem'];
export type MigrationResult = Schemas['MigrationResult'];

const asDesigner = <T extends { definition: Record<string, unknown> }>(d: T) =>
  d as unknown as Omit<T, 'definition'> & { definition: Doc };
const byId = (id: string) => ({ params: { path: { id } } });

export const designerApi = {
  get: async (id: string) => asDesigner(await call(api.GET('/api/definitions/{id}', byId(id)))),
  create: async (definition: object) =>
    asDesigner(
      await call(api.POST('/api/definitions', { body: { definition: definition as Record<string, unknown> } })),
    ),
  save: async (id: string, definition: Doc, expectedRevision: number) =>
    asDesigner(
      await call(
        api.PUT('/api/definitions/{id}', { ...byId(id), body: { definition: { ...definition }, expectedRevision } }),
      ),
    ),
  publishCheck: (id: string) => call(api.GET('/api/definitions/{id}/publish-check', byId(id))),
  publish: async (id: string, confirm = false) =>
    asDesigner(
      await call(
        api.POST('/api/definitions/{id}/publish', {
          params: { path: { id }, query: confirm ? { confirm: '1' } : {} },
        }),
      ),
    ),
  clone: async (body: Schemas['CloneDefinitionBody']) =>
    asDesigner(await call(api.POST('/api/definitions/clone', { body }))),
  diff: (id: string, against?: string) =>
    call(api.GET('/api/definitions/{id}/diff', { params: { path: { id }, query: { against } } })),
  migrate: (id: string, body: Omit<Schemas['MigrationBody'], 'limit'>) =>
    call(api.POST('/api/definitions/{id}/migrations', { ...byId(id), body: { limit: 100, ...body } })),
  exportUrl: (id: string) => buildUrl(`/definitions/${id}/export`),
};
