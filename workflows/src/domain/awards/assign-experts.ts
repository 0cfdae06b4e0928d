export type SubmissionRef = { id: string; schoolId: string; groupId: string | null };
export type ExpertRef = { id: string; schoolId: string | null; groupId: string | null; load: number };

export type Avoid = 'school' | 'group';

/** Why an expert may not review a submission (回避): from its school, or from its group; null when free to. */
export function conflictOf(
  s: SubmissionRef,
  e: Pick<ExpertRef, 'schoolId' | 'groupId'>,
  avoid: Avoid[] = ['school', 'group'],
): Avoid | null {
  if (avoid.includes('school') && e.schoolId !== null && e.schoolId === s.schoolId) return 'school';
  if (avoid.includes('group') && s.groupId !== null && e.groupId === s.groupId) return 'group';
  return null;
}

export type AssignmentResult =
  | { ok: true; assignments: Record<string, string[]>; load: Record<string, number> }
  | { ok: false; submissionId: string; eligible: number };

/**
 * Assigns `perSubmission` experts to each submission, never an expert from the submitting school
 * or its group (回避), always the least loaded eligible experts first (ties by id, so the same input
 * gives the same answer). Fails, naming the submission, when too few experts are eligible.
 */
export function assignExperts(
  submissions: SubmissionRef[],
  experts: ExpertRef[],
  perSubmission = 3,
  avoid: Avoid[] = ['school', 'group'],
): AssignmentResult {
  const load = Object.fromEntries(experts.map((e) => [e.id, e.load]));
  const assignments: Record<string, string[]> = {};
  for (const s of submissions) {
    const eligible = experts.filter((e) => conflictOf(s, e, avoid) === null);
    if (eligible.length < perSubmission) return { ok: false, submissionId: s.id, eligible: eligible.length };
    const chosen = [...eligible]
      .sort((a, b) => load[a.id] - load[b.id] || a.id.localeCompare(b.id))
      .slice(0, perSubmission);
    for (const e of chosen) load[e.id]++;
    assignments[s.id] = chosen.map((e) => e.id);
  }
  return { ok: true, assignments, load };
}
