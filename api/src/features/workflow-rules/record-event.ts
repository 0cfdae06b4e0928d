import type { TInstanceRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import type { EngineEvent, TDefinition } from '../../engine.js';
import { closeFindings, markRectified, raiseFindings, reopenRectification } from './inspection-findings.js';

/**
 * Rows the built-in workflows keep beside the instance, written in the event's transaction after the
 * engine accepted it: security findings raised, handed in for verification, returned and closed. Returns what to add to the audit meta.
 */
export function recordEvent(deps: Deps, def: TDefinition, before: TInstanceRow, after: TInstanceRow, event: EngineEvent): Record<string, unknown> {
  if (def.key !== 'security-inspection') return {};
  const now = deps.clock();
  if (before.state === 'inspection' && event.type === 'RAISE_FINDINGS') {
    const list = raiseFindings(deps, { instanceId: after.id, schoolId: after.subjectOrgId, districtId: after.districtId, data: after.data, now });
    return { findings: list.map((f) => ({ itemCode: f.itemCode, severity: f.severity, workdays: f.workdays, repeat: f.repeat, offlineOrdered: f.offlineOrdered })) };
  }
  if (before.state === 'rectification' && after.state === 'verification') markRectified(deps, after.id, now);
  if (before.state === 'verification' && after.state === 'rectification') {
    const escalated = reopenRectification(deps, after.id);
    if (escalated.length > 0) return { escalatedFindings: escalated };
  }
  if (after.state === 'closed' && before.state !== 'closed') closeFindings(deps, after.id, now);
  return {};
}
