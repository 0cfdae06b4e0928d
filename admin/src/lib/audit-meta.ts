import type { AuditEvent } from '../types/contract';

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
