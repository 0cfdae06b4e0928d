import { useQuery } from '@tanstack/react-query';

import { api, call } from '../api/client';
import type { CalendarCoverage } from '../types/contract';

export const COVERAGE_KEY = ['calendar', 'coverage'] as const;

/** Which years the statutory holidays are known for (GET /calendar/coverage); refetched when the calendar changes. */
export function useCalendarCoverage(enabled = true) {
  return useQuery({
    queryKey: COVERAGE_KEY,
    queryFn: () => call(api.GET('/api/calendar/coverage')),
    enabled,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** The years a bureau admin should be warned about: uncovered years with deadlines, this year or next year uncovered. */
export function coverageWarnings(c: CalendarCoverage | undefined): {
  deadlines: CalendarCoverage['uncoveredDeadlines'];
  uncoveredYears: number[];
} {
  if (!c) return { deadlines: [], uncoveredYears: [] };
  const withDeadlines = new Set(c.uncoveredDeadlines.map((d) => d.year));
  return {
    deadlines: c.uncoveredDeadlines,
    uncoveredYears: c.years.filter((y) => y.source === null && !withDeadlines.has(y.year)).map((y) => y.year),
  };
}

/** The years the bureau loaded (GET /calendar/statutory). */
export function useStatutoryYears() {
  return useQuery({
    queryKey: ['calendar', 'statutory'],
    queryFn: () => call(api.GET('/api/calendar/statutory')),
    retry: false,
  });
}
