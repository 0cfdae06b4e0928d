import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';

import { api, call } from '../../../api/client';
import { auditDetails } from '../../../lib/audit-meta';
import type { InstanceView } from '../../../types/contract';

/** The state changes this instance really made ("from->to"), from its history; undefined until known. */
export function useTraceMoves(view: InstanceView): Set<string> | undefined {
  const query = useQuery({
    queryKey: ['trace-moves', view.id, view.version],
    queryFn: () => call(api.GET('/api/instances/{id}/history', { params: { path: { id: view.id } } })),
    retry: false,
  });
  return useMemo(() => {
    if (!query.data) return undefined;
    const moves = new Set<string>();
    for (const e of query.data.items) {
      if (e.outcome !== 'success') continue;
      const d = auditDetails(e);
      if (d.from && d.to && d.from !== d.to) moves.add(`${d.from}->${d.to}`);
    }
    return moves;
  }, [query.data]);
}
