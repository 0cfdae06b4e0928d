import { type CrudFilter, stringifyTableParams } from '@refinedev/core';

/** The filters the 整改问题 page keeps in its URL; the names are GET /api/findings's own query fields. */
export type FindingQuery = {
  schoolId?: string;
  round?: string;
  layer?: string;
  severity?: 'high' | 'medium' | 'low';
  status?: 'open' | 'closed';
  overdue?: '1';
  escalated?: '1';
  repeat?: '1';
  offline?: '1';
};

/** A link to the findings list already filtered, in the form Refine's synced table reads back from the URL. */
export function findingsLink(q: FindingQuery = {}): string {
  const filters: CrudFilter[] = Object.entries(q)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([field, value]) => ({ field, operator: 'eq' as const, value }));
  return `/findings?${stringifyTableParams({ pagination: { currentPage: 1, pageSize: 20 }, sorters: [], filters })}`;
}

/** Checklists name their layers in Chinese (the API stores them so); the console translates them by key. */
export const LAYER_KEYS: Record<string, string> = {
  物理安全: 'physical',
  网络安全: 'network',
  主机安全: 'host',
  应用安全: 'application',
  数据安全: 'data',
  安全管理: 'management',
};
