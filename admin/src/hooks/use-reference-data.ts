import { useList, useOne } from '@refinedev/core';
import { useQuery } from '@tanstack/react-query';

import { api, call } from '../api/client';
import { useLocalize } from '../components/localized-text';
import type { DefinitionDetail, DefinitionSummary, Org } from '../types/contract';

type Option = { value: string; label: string };

/** Workflow definitions (optionally only published ones) as rows and as select options by id and by key. */
export function useDefinitions(
  status?: 'published' | 'draft',
  block?: string | null,
  opts: { startable?: boolean } = {},
) {
  const localize = useLocalize();
  const { result, query } = useList<DefinitionSummary>({
    resource: 'definitions',
    pagination: { mode: 'off' },
    filters: [
      ...(status ? [{ field: 'status', operator: 'eq' as const, value: status }] : []),
      // Published definitions declaring a block: every workflow of that family, a bureau's copies included.
      ...(block ? [{ field: 'block', operator: 'eq' as const, value: block }] : []),
      // Only those the user may start somewhere (the start form's list; the API applies its own start checks).
      ...(opts.startable ? [{ field: 'startable', operator: 'eq' as const, value: '1' }] : []),
    ],
    queryOptions: { enabled: block !== null },
  });
  const rows = result.data ?? [];
  const byId: Option[] = rows.map((d) => ({ value: d.id, label: `${localize(d.name)} · v${d.version}` }));
  const keys = new Map<string, string>();
  for (const d of rows) if (!keys.has(d.key)) keys.set(d.key, localize(d.name));
  const byKey: Option[] = Array.from(keys, ([value, label]) => ({ value, label }));
  return { rows, byId, byKey, loading: query.isLoading, error: query.error };
}

export function useDefinition(id: string | undefined) {
  const { result, query } = useOne<DefinitionDetail>({
    resource: 'definitions',
    id: id ?? '',
    queryOptions: { enabled: !!id },
  });
  return { definition: result, loading: query.isLoading && !!id, error: query.error };
}

/** Organisations of one type (schools by default) as select options. */
export function useOrgOptions(type: Org['type'] = 'school') {
  const { result, query } = useList<Org>({
    resource: 'orgs',
    pagination: { mode: 'off' },
    filters: [{ field: 'type', operator: 'eq', value: type }],
  });
  const options: Option[] = (result.data ?? []).map((o) => ({ value: o.id, label: o.name }));
  return { options, loading: query.isLoading, error: query.error };
}

/**
 * The organisations the user may start a workflow about (GET /definitions/:id/start-subjects: the API's own
 * start checks), as select options, and the one to pre-select (their own school or group, or the only one).
 */
export function useStartSubjects(definitionId: string | undefined) {
  const query = useQuery({
    queryKey: ['start-subjects', definitionId],
    queryFn: () =>
      call(api.GET('/api/definitions/{id}/start-subjects', { params: { path: { id: definitionId ?? '' } } })),
    enabled: !!definitionId,
    retry: false,
  });
  const options: Option[] = (query.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
  return {
    options,
    preselected: query.data?.preselected ?? null,
    loaded: query.isSuccess,
    loading: query.isLoading && !!definitionId,
    error: query.error,
  };
}
