import { mapAntdSorterToCrudSorting, useTable, type useTableProps } from '@refinedev/antd';
import type { BaseRecord, CrudFilter, HttpError } from '@refinedev/core';
import type { TableProps } from 'antd';
import { createElement } from 'react';

import { KeysetPager } from '../components/keyset-pager';

type Options<T extends BaseRecord, S> = Omit<useTableProps<T, HttpError, S, T>, 'pagination'> & { pageSize?: number };

/**
 * Refine's table over the API's keyset pagination (the data provider remembers one cursor per page
 * it has seen). antd's pager is replaced by previous / page N / next: there is no total to show.
 */
export function useKeysetTable<T extends BaseRecord, S = unknown>({ pageSize = 20, ...options }: Options<T, S>) {
  const table = useTable<T, HttpError, S, T>({
    ...options,
    pagination: { mode: 'server', pageSize },
    syncWithLocation: options.syncWithLocation ?? true,
  });
  const hasNext = !!table.tableQuery.data?.nextCursor;
  const pager = createElement(KeysetPager, {
    page: table.currentPage,
    hasNext,
    loading: table.tableQuery.isFetching,
    onChange: table.setCurrentPage,
  });
  // antd reports a header click as a table change; Refine's own handler would also reset the page size
  // (antd's pager is off here). A new sort starts again from page 1: the old cursors mean nothing under it.
  const onChange: TableProps<T>['onChange'] = (_pagination, _filters, sorter) => {
    table.setSorters(mapAntdSorterToCrudSorting(sorter));
    table.setCurrentPage(1);
  };
  return { ...table, pager, tableProps: { ...table.tableProps, onChange, pagination: false as const } };
}

/** Replace the filters with a form's values, dropping empty ones. */
export function toFilters(values: Record<string, unknown>): CrudFilter[] {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([field, value]) => ({ field, operator: 'eq' as const, value }));
}
