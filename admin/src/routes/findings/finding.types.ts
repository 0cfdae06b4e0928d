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
  /** 线下整改通知书编号, when the inspector gave one. */
  noticeNo: string | null;
  /** Last returned at verification, and why: its evidence must be newer. */
  returnedAt: string | null;
  returnNote: string | null;
  repeat: boolean;
  status: 'open' | 'closed';
  createdAt: string;
  closedAt: string | null;
};

/** Where a finding stands for the school: to rectify, handed in (the inspector's turn), returned to redo, or closed. */
export type FindingStatus = 'open' | 'verifying' | 'returned' | 'closed';
export function findingStatus(r: Pick<FindingRow, 'status' | 'rectifiedAt' | 'returnedAt'>): FindingStatus {
  if (r.status === 'closed') return 'closed';
  if (r.rectifiedAt) return 'verifying';
  return r.returnedAt ? 'returned' : 'open';
}
