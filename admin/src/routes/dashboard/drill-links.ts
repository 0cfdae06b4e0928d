import { instanceListLink, type InstanceQuery } from '../../lib/instance-link';
import type { ReportFilters } from './use-report';

/**
 * The instance list behind a chart datum, narrowed by the dashboard's filters as well: its period
 * (GET /instances's from/to, instances created between, as the overview counts them) and its
 * organisation (the school if one is chosen, else the group). A datum that names its own organisation
 * (a school's bar, a group's bar) overrides the dashboard's, since that is what was clicked.
 */
export function drillToInstances(filters: ReportFilters, q: InstanceQuery): string {
  // instanceListLink writes every field as an eq filter that the data provider passes to the API as is;
  // from/to are GET /instances query fields too, so they ride along the same way.
  const query: InstanceQuery & Pick<ReportFilters, 'from' | 'to'> = {
    orgId: filters.schoolId ?? filters.groupId,
    ...q,
    from: filters.from,
    to: filters.to,
  };
  return instanceListLink(query);
}
