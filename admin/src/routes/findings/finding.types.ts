/** One row of GET /api/findings (api/src/features/findings/findings.types.ts ZFinding). */
export type FindingRow = {
  id: string;
  instanceId: string;
  schoolId: string;
  schoolName: string;
  round: string;
  itemCode: string;
  layer: string;
  title: string;
  severity: 'high' | 'medium' | 'low';
  workdays: number;
  dueAt: string;
  overdue: boolean;
  escalatedAt: string | null;
  /** Handed in for verification (整改复核); null while it is the school's turn. */
  rectifiedAt: string | null;
  offlineOrdered: boolean;
  repeat: boolean;
  status: 'open' | 'closed';
  createdAt: string;
  closedAt: string | null;
};
