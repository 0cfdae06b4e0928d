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
  /** 线下整改通知书编号, when the inspector gave one. */
  noticeNo?: string;
};

/**
 * Rectification time by severity, in school working days, for definitions that declare no findings field
 * (stored before one existed); a findings field declares its own (its `severities`).
 */
export const DEFAULT_RECTIFICATION_DAYS: Record<Severity, number> = { high: 5, medium: 10, low: 20 };

/** What a raise-mode findings field declares per severity: its time and whether it may order an offline. */
export type SeverityRules = Array<{ value: Severity; workdays: number; offline?: boolean }>;
/** One finding as the inspector raised it (a row of a raise-mode findings field). */
export type RaisedFinding = {
  code: string;
  severity: Severity;
  workdays: number;
  offline?: boolean;
  noticeNo?: string;
  note?: string;
};

/**
 * The findings a raise completes from the checklist: one per failed item — the inspector's row where there
 * is one, else the item's own severity (or the middle one declared) with that severity's time. Rows on items
 * that did not fail are returned as `stray`: a finding needs a failed item.
 */
export function completeRaised(
  items: InspectionItem[],
  rows: RaisedFinding[],
  rules: SeverityRules,
): { rows: RaisedFinding[]; stray: string[] } {
  const failed = items.filter((i) => i.result === 'fail');
  const failedCodes = new Set(failed.map((i) => i.code));
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const fallback = rules[Math.floor((rules.length - 1) / 2)];
  const out = failed.flatMap((item): RaisedFinding[] => {
    const given = byCode.get(item.code);
    if (given) return [given];
    const rule = rules.find((r) => r.value === item.severity) ?? fallback;
    if (!rule) return [];
    // The item's own offline order stands where the severity allows one (a row raised by API or an older console).
    const offline = item.offline === true && rule.offline === true;
    return [{ code: item.code, severity: rule.value, workdays: rule.workdays, ...(offline ? { offline } : {}) }];
  });
  return { rows: out, stray: rows.map((r) => r.code).filter((c) => !failedCodes.has(c)) };
}

/** Each raised finding on its checklist item, flagged as a repeat when the item failed here in an earlier round. */
export function findingsFromRaised(
  items: InspectionItem[],
  raised: RaisedFinding[],
  rules: SeverityRules,
  previousFailedCodes: string[] = [],
): Finding[] {
  const previous = new Set(previousFailedCodes);
  const byCode = new Map(items.map((i) => [i.code, i]));
  return raised.flatMap((r) => {
    const item = byCode.get(r.code);
    if (!item) return [];
    return [
      {
        itemCode: r.code,
        layer: item.layer,
        title: item.title,
        severity: r.severity,
        workdays: r.workdays,
        offlineOrdered: r.offline === true && rules.some((s) => s.value === r.severity && s.offline),
        repeat: previous.has(r.code),
        ...(r.note || item.note ? { note: r.note || item.note } : {}),
        ...(r.noticeNo?.trim() ? { noticeNo: r.noticeNo.trim() } : {}),
      },
    ];
  });
}

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
