import type { AuditEvent, RuleReason } from '../types/contract';

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}

function field(obj: unknown, key: string): unknown {
  return obj && typeof obj === 'object' && key in obj ? (obj as Record<string, unknown>)[key] : undefined;
}

/** The parts of an audit event a person reads: which event, from/to which state, the comment. */
export function auditDetails(e: AuditEvent) {
  return {
    event: str(field(e.meta, 'event')) ?? str(field(e.meta, 'type')),
    comment: str(field(e.meta, 'comment')),
    from: str(field(e.meta, 'from')) ?? str(field(e.before, 'state')),
    to: str(field(e.meta, 'to')) ?? str(field(e.after, 'state')),
    reason: str(field(e.meta, 'code')) ?? str(field(e.meta, 'reason')),
    /** Fired by a use-case rather than by hand (the campus-entry merge): `merge`. */
    via: str(field(e.meta, 'via')),
    /** Whose part a collector returned (RETURN_PART): the school's name. */
    part: str(field(field(e.meta, 'part'), 'name')),
  };
}

/** The rules an automatic step found not met in this move (the start or a resubmission), as the API kept them. */
export function auditRefusals(e: AuditEvent): RuleReason[] {
  const list = field(e.meta, 'refusals');
  return Array.isArray(list)
    ? list.filter((r): r is RuleReason => !!r && typeof r === 'object' && typeof (r as RuleReason).rule === 'string')
    : [];
}

/** What a timer did by itself (系统 · 到期自动处理): which deadline, at which step, what followed. */
export function auditTimer(e: AuditEvent) {
  const timer = field(e.meta, 'timer');
  if (!timer || typeof timer !== 'object') return null;
  const kind = str(field(timer, 'kind'));
  return {
    kind: kind === 'remind' || kind === 'noticeEnd' ? kind : ('due' as const),
    state: str(field(timer, 'state')),
    dueAt: str(field(timer, 'dueAt')),
    escalated: field(timer, 'escalated') === true,
  };
}
