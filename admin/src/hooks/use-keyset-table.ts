import { useTable, type useTableProps } from '@refinedev/antd';
import type { BaseRecord, CrudFilter, HttpError } from '@refinedev/core';
import type { TablePaginationConfig } from 'antd';

type Options<T extends BaseRecord, S> = Omit<useTableProps<T, HttpError, S, T>, 'pagination'> & { pageSize?: number };

/**
 * Refine's table over the API's keyset pagination: antd's simple pager ("‹ 1 ›"), no jump to page N,
 * no total (the data provider remembers one cursor per page it has seen).
 */
export function useKeysetTable<T extends BaseRecord, S = unknown>({ pageSize = 20, ...options }: Options<T, S>) {
  const table = useTable<T, HttpError, S, T>({
    ...options,
    pagination: { mode: 'server', pageSize },
    syncWithLocation: options.syncWithLocation ?? true,
  });
  const base = table.tableProps.pagination;
  const pagination: TablePaginationConfig | false =
    base === false
      ? false
      : { ...base, simple: true, showSizeChanger: false, showQuickJumper: false, hideOnSinglePage: true, showTotal: undefined };
  return { ...table, tableProps: { ...table.tableProps, pagination } };
}

/** Replace the filters with a form's values, dropping empty ones. */
export function toFilters(values: Record<string, unknown>): CrudFilter[] {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([field, value]) => ({ field, operator: 'eq' as const, value }));
}
