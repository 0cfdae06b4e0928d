import type { DefinitionError, TLocalizedText } from '@eduflow/workflows';

import { buildUrl, http } from '../providers/http';
import type { DraftReview } from '../types/contract';
import type { Doc } from './model';

/** The definition endpoints the designer uses (docs/api-contract.md, "Designer"). */
export type DesignerDefinition = {
  id: string;
  key: string;
  version: number;
  status: 'draft' | 'published';
  name: TLocalizedText;
  subject: 'school' | 'group' | 'district';
  publishedAt: string | null;
  createdAt: string;
  revision: number;
  definition: Doc;
} & DraftReview;
export type DraftSaved = DesignerDefinition & { errors: DefinitionError[] };
export type DiffChange = {
  kind: string;
  change: 'added' | 'removed' | 'changed' | 'renamed' | 'moved';
  target: string;
  text: TLocalizedText;
};
export type DiffResult = {
  from: Omit<DesignerDefinition, 'definition'> | null;
  to: Omit<DesignerDefinition, 'definition'>;
  changes: DiffChange[];
};
export type PublishCheck = {
  previous: Omit<DesignerDefinition, 'definition'> | null;
  droppedBlocks: DiffChange[];
  strandedSteps: Array<{ state: string; name: TLocalizedText; running: number }>;
  needsConfirmation: boolean;
};
export type MigrationItem = {
  instanceId: string;
  subjectName: string;
  fromState: string;
  toState: string | null;
  ok: boolean;
  status: 'running' | 'completed' | null;
  closeTasks: string[];
  openTasks: Array<{ taskKey: string; state: string; purpose: string }>;
  timers: string[];
  refusal?: { code: string; message: TLocalizedText };
};
export type MigrationResult = {
  dryRun: boolean;
  items: MigrationItem[];
  migrated: number;
  refused: number;
  nextCursor: string | null;
};

export const designerApi = {
  get: (id: string) => http<DesignerDefinition>(`/definitions/${id}`),
  create: (definition: object) => http<DesignerDefinition>('/definitions', { method: 'POST', body: { definition } }),
  save: (id: string, definition: Doc, expectedRevision: number) =>
    http<DraftSaved>(`/definitions/${id}`, { method: 'PUT', body: { definition, expectedRevision } }),
  publishCheck: (id: string) => http<PublishCheck>(`/definitions/${id}/publish-check`),
  publish: (id: string, confirm = false) =>
    http<DesignerDefinition>(`/definitions/${id}/publish`, {
      method: 'POST',
      query: confirm ? { confirm: '1' } : undefined,
    }),
  clone: (body: { template?: string; definitionId?: string; key?: string; name?: TLocalizedText }) =>
    http<DesignerDefinition>('/definitions/clone', { method: 'POST', body }),
  diff: (id: string, against?: string) => http<DiffResult>(`/definitions/${id}/diff`, { query: { against } }),
  migrate: (
    id: string,
    body: { fromDefinitionId: string; mapping: Record<string, string>; dryRun: boolean; cursor?: string },
  ) => http<MigrationResult>(`/definitions/${id}/migrations`, { method: 'POST', body }),
  exportUrl: (id: string) => buildUrl(`/definitions/${id}/export`),
};
