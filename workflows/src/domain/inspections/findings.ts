export type Severity = 'high' | 'medium' | 'low';
export type InspectionItem = {
  code: string;
  layer: string;
  title: string;
  result?: 'pass' | 'fail' | 'na';
  note?: string;
  severity?: Severity;
  offline?: boolean;
};
export type Finding = {
  itemCode: string;
  layer: string;
  title: string;
  severity: Severity;
  workdays: number;
  offlineOrdered: boolean;
  repeat: boolean;
  note?: string;
};

/** Rectification time by severity, in school working days (configurable per round). */
export const DEFAULT_RECTIFICATION_DAYS: Record<Severity, number> = { high: 5, medium: 10, low: 20 };

/**
 * Every failed item becomes a finding with its severity's deadline. A high-severity finding may
 * order the system offline; a finding on an item that also failed at this school in an earlier
 * round is flagged as a repeat (屡查屡犯).
 */
export function findingsFromItems(
  items: InspectionItem[],
  previousFailedCodes: string[] = [],
  days = DEFAULT_RECTIFICATION_DAYS,
): Finding[] {
  const previous = new Set(previousFailedCodes);
  return items
    .filter((i) => i.result === 'fail')
    .map((i) => {
      const severity = i.severity ?? 'medium';
      return {
        itemCode: i.code,
        layer: i.layer,
        title: i.title,
        severity,
        workdays: days[severity],
        offlineOrdered: severity === 'high' && i.offline === true,
        repeat: previous.has(i.code),
        ...(i.note ? { note: i.note } : {}),
      };
    });
}

/** The rectification step's deadline: the shortest among the findings. */
export const rectificationWorkdays = (findings: Finding[]) =>
  findings.length ? Math.min(...findings.map((f) => f.workdays)) : 0;
