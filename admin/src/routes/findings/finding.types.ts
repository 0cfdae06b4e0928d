import type { components } from '../../api/schema.gen';

/** One row of GET /api/findings. */
export type FindingRow = components['schemas']['Finding'];

/** Where a finding stands for the school: to rectify, handed in (the inspector's turn), returned to redo, or closed. */
export type FindingStatus = 'open' | 'verifying' | 'returned' | 'closed';
export function findingStatus(r: Pick<FindingRow, 'status' | 'rectifiedAt' | 'returnedAt'>): FindingStatus {
  if (r.status === 'closed') return 'closed';
  if (r.rectifiedAt) return 'verifying';
  return r.returnedAt ? 'returned' : 'open';
}
