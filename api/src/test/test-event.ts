import { appendAudit } from '../audit/append.js';
import type { Harness } from './harness.js';

/** A system event of the test's own (entity `Test`), said in the caller's transaction: what audit tests append. */
export const testEvent = (h: Pick<Harness, 'db' | 'clock'>, action: string, meta?: Record<string, unknown>) =>
  appendAudit(h.db, {
    at: h.clock.now().toISOString(),
    actor: null,
    action,
    entityType: 'Test',
    entityId: null,
    outcome: 'success',
    meta,
  });
