import { useQuery } from '@tanstack/react-query';
import { http } from '../../providers/http';

export type ReportFilters = { from?: string; to?: string; groupId?: string; schoolId?: string };

/** One report endpoint under the dashboard's filters; each card loads (and fails) on its own. */
export function useReport<T>(path: string, filters: ReportFilters, extra: Record<string, string | undefined> = {}) {
  return useQuery({
    queryKey: ['report', path, filters, extra],
    queryFn: () => http<T>(path, { query: { ...filters, ...extra } }),
    retry: false,
    staleTime: 30_000,
  });
}
