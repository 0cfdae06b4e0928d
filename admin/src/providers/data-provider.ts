import type { BaseRecord, CrudFilter, CrudSort, DataProvider, GetListResponse, MetaQuery } from '@refinedev/core';

import type { Page } from '../types/contract';
import { cursorFor, rememberCursor } from './cursor-store';
import { API_BASE, http, type HttpOptions } from './http';

type Query = Record<string, string | number | undefined>;

function filterValue(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) return value.length ? value.map((v) => filterValue(v)).join(',') : undefined;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && 'toISOString' in value && typeof value.toISOString === 'function') {
    return String(value.toISOString());
  }
  return String(value);
}

/** Filters become query parameters named after their field (the contract's names: state, orgId, from…). */
export function filtersToQuery(filters: CrudFilter[] = []): Query {
  const query: Query = {};
  for (const f of filters) {
    if ('field' in f) {
      const v = filterValue(f.value);
      if (v !== undefined) query[f.field] = v;
    }
  }
  return query;
}

/** Refine's first sorter becomes the API's `sort` and `order` (each list has one sort column at a time). */
export function sortersToQuery(sorters: CrudSort[] = []): Query {
  const [first] = sorters;
  return first ? { sort: first.field, order: first.order } : {};
}

/** `meta.path` lets a page read a sub-collection (e.g. an instance's history) as a resource. */
function pathOf(resource: string, meta?: MetaQuery): string {
  return typeof meta?.path === 'string' ? meta.path : `/${resource}`;
}

async function fetchPage<T>(path: string, query: Query): Promise<Page<T>> {
  return http<Page<T>>(path, { query });
}

export const dataProvider: DataProvider = {
  getApiUrl: () => API_BASE,

  getList: async <TData extends BaseRecord = BaseRecord>({
    resource,
    pagination,
    filters,
    sorters,
    meta,
  }: Parameters<DataProvider['getList']>[0]) => {
    const path = pathOf(resource, meta);
    // The sort is part of the list key: a cursor remembered under one sort is never sent under another.
    const base = { ...filtersToQuery(filters), ...sortersToQuery(sorters) };
    if (pagination?.mode === 'off' || pagination?.mode === 'client') {
      const page = await fetchPage<TData>(path, base);
      return { data: page.items, total: page.items.length } satisfies GetListResponse<TData>;
    }
    const pageSize = pagination?.pageSize ?? 20;
    const currentPage = pagination?.currentPage ?? 1;
    const listKey = JSON.stringify([path, base, pageSize]);

    // Walk forward from the furthest page we know a cursor for (e.g. after a reload on page 3).
    let page = currentPage;
    while (page > 1 && cursorFor(listKey, page) === undefined) page -= 1;
    let result = await fetchPage<TData>(path, {
      ...base,
      limit: pageSize,
      cursor: cursorFor(listKey, page) ?? undefined,
    });
    rememberCursor(listKey, page + 1, result.nextCursor);
    while (page < currentPage && result.nextCursor) {
      page += 1;
      result = await fetchPage<TData>(path, { ...base, limit: pageSize, cursor: result.nextCursor });
      rememberCursor(listKey, page + 1, result.nextCursor);
    }
    // No total in keyset pagination: claim one more row when there is a next page so "next" stays enabled.
    const seen = (page - 1) * pageSize + result.items.length;
    const total = result.nextCursor ? page * pageSize + 1 : seen;
    return { data: result.items, total, nextCursor: result.nextCursor ?? null, page };
  },

  getOne: async <TData extends BaseRecord = BaseRecord>({
    resource,
    id,
    meta,
  }: Parameters<DataProvider['getOne']>[0]) => {
    const data = await http<TData>(`${pathOf(resource, meta)}/${encodeURIComponent(String(id))}`);
    return { data };
  },

  create: async <TData extends BaseRecord = BaseRecord, TVariables = object>({
    resource,
    variables,
    meta,
  }: Parameters<DataProvider['create']>[0] & { variables: TVariables }) => {
    const data = await http<TData>(pathOf(resource, meta), { method: 'POST', body: variables });
    return { data };
  },

  update: async <TData extends BaseRecord = BaseRecord, TVariables = object>({
    resource,
    id,
    variables,
    meta,
  }: Parameters<DataProvider['update']>[0] & { variables: TVariables }) => {
    const data = await http<TData>(`${pathOf(resource, meta)}/${encodeURIComponent(String(id))}`, {
      method: 'PATCH',
      body: variables,
    });
    return { data };
  },

  deleteOne: async <TData extends BaseRecord = BaseRecord>({
    resource,
    id,
    meta,
  }: Parameters<DataProvider['deleteOne']>[0]) => {
    const data = await http<TData>(`${pathOf(resource, meta)}/${encodeURIComponent(String(id))}`, { method: 'DELETE' });
    return { data };
  },

  custom: async <TData extends BaseRecord = BaseRecord>({
    url,
    method,
    payload,
    query,
    filters,
    headers,
  }: Parameters<NonNullable<DataProvider['custom']>>[0]) => {
    const q: Query = { ...filtersToQuery(filters), ...((query ?? {}) as Query) };
    const upper = method.toUpperCase() as NonNullable<HttpOptions['method']>;
    const data = await http<TData>(url, {
      method: upper,
      query: q,
      body: payload,
      headers: headers as Record<string, string> | undefined,
    });
    return { data };
  },
};
