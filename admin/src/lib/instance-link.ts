import { type CrudFilter, type CrudSort, stringifyTableParams } from '@refinedev/core';

export type InstanceQuery = {
  definitionKey?: string;
  block?: string;
  state?: string;
  status?: string;
  orgId?: string;
  overdue?: '1';
  notice?: '1';
};

/** A link to the instance list already filtered (and sorted), in the form Refine's synced table reads back from the URL. */
export function instanceListLink(q: InstanceQuery, sorters: CrudSort[] = []): string {
  const filters: CrudFilter[] = Object.entries(q)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([field, value]) => ({ field, operator: 'eq' as const, value }));
  return `/instances?${stringifyTableParams({ pagination: { currentPage: 1, pageSize: 20 }, sorters, filters })}`;
}
