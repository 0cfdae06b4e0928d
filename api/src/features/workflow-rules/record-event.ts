import type { TInstanceRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { actionBlocks, type BlockParams, type Effect, type TDefinition } from '../../engine.js';
import { closeFindings, markRectified, raiseFindings, reopenRectification } from './inspection-findings.js';

type Moved = Extract<Effect, { type: 'moved' }>;

/** The findings ledger's four operations, written in the event's transaction; each returns what to add to the audit meta. */
function ledger(deps: Deps, after: TInstanceRow, p: BlockParams<'findingsLedger'>): Record<string, unknown> {
  const now = deps.clock();
  switch (p.op) {
    case 'raise': {
      const round = p.roundField ? String(after.data[p.roundField] ?? '') : '';
      const list = raiseFindings(deps, {
        instanceId: after.id,
        schoolId: after.subjectOrgId,
        districtId: after.districtId,
        items: after.data[p.itemsField],
        round,
        now,
      });
      return {
        findings: list.map((f) => ({
          itemCode: f.itemCode,
          severity: f.severity,
          workdays: f.workdays,
          repeat: f.repeat,
          offlineOrdered: f.offlineOrdered,
        })),
      };
    }
    case 'handIn':
      markRectified(deps, after.id, now);
      return {};
    case 'reopen': {
      const escalated = reopenRectification(deps, after.id);
      return escalated.length ? { escalatedFindings: escalated } : {};
    }
    case 'close':
      closeFindings(deps, after.id, now);
      return {};
  }
}

/**
 * Rows the definition's blocks keep beside the instance, written in the event's transaction after the
 * engine took a declared action (reported as `moved`, whichever way it fired: directly, by the deciding
 * vote, by the last signer). Returns what to add to the audit meta.
 */
export function recordEvent(
  deps: Deps,
  def: TDefinition,
  after: TInstanceRow,
  effects: Effect[],
): Record<string, unknown> {
  const meta: Record<string, unknown> = {};
  for (const move of effects.filter((e): e is Moved => e.type === 'moved'))
    for (const use of actionBlocks(def, move.from, move.event))
      if (use.name === 'findingsLedger')
        Object.assign(meta, ledger(deps, after, use.params as BlockParams<'findingsLedger'>));
  return meta;
}
