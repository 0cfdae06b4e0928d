import { type CrudFilter, stringifyTableParams } from '@refinedev/core';

/** The audit log already filtered (GET /api/audit's own query fields), in the form Refine's synced table reads back. */
export function auditLink(q: { entityId?: string; entityType?: string } = {}): string {
  const filters: CrudFilter[] = Object.entries(q)
    .filter(([, v]) => v)
    .map(([field, value]) => ({ field, operator: 'eq' as const, value }));
  return `/audit?${stringifyTableParams({ pagination: { currentPage: 1, pageSize: 20 }, sorters: [], filters })}`;
}
