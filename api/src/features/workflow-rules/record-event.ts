import type { TInstanceRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import {
  actionBlocks,
  allFields,
  type BlockParams,
  type Effect,
  type EngineEvent,
  raisedRows,
  type TDefinition,
  verdictRows,
} from '../../engine.js';
import { closeFindings, markRectified, raiseFindings, reopenRectification } from './inspection-findings.js';

type Moved = Extract<Effect, { type: 'moved' }>;

/** The raise field's rows and the severities it declares, when the operation names one. */
function raisedOf(def: TDefinition, after: TInstanceRow, field: string | undefined) {
  const cfg = field ? allFields(def).get(field)?.findings : undefined;
  return cfg?.mode === 'raise' ? { rows: raisedRows(after.data[field!]), rules: cfg.severities } : undefined;
}

/** The findings ledger's four operations, written in the event's transaction; each returns what to add to the audit meta. */
async function ledger(
  deps: Deps,
  def: TDefinition,
  after: TInstanceRow,
  p: BlockParams<'findingsLedger'>,
  event: EngineEvent,
): Promise<Record<string, unknown>> {
  const now = deps.clock();
  switch (p.op) {
    case 'raise': {
      const round = p.roundField ? String(after.data[p.roundField] ?? '') : '';
      const list = await raiseFindings(deps, {
        instanceId: after.id,
        schoolId: after.subjectOrgId,
        districtId: after.districtId,
        items: after.data[p.itemsField],
        round,
        now,
        raised: raisedOf(def, after, p.field),
      });
      return {
        findings: list.map((f) => ({
          itemCode: f.itemCode,
          severity: f.severity,
          workdays: f.workdays,
          repeat: f.repeat,
          offlineOrdered: f.offlineOrdered,
          ...(f.noticeNo ? { noticeNo: f.noticeNo } : {}),
        })),
      };
    }
    case 'handIn':
      await markRectified(deps, after.id, now);
      return {};
    case 'reopen': {
      // The verdicts come with the deciding vote (a review keeps votes' data on the vote, not the instance).
      const verdicts = p.field ? verdictRows(event.data?.[p.field]) : [];
      const r = await reopenRectification(deps, after.id, verdicts.length ? verdicts : undefined, event.comment);
      return {
        ...(verdicts.length ? { closedFindings: r.closed, returnedFindings: r.returned } : {}),
        ...(r.escalated.length ? { escalatedFindings: r.escalated } : {}),
      };
    }
    case 'close':
      await closeFindings(deps, after.id, now);
      return {};
  }
}

/**
 * Rows the definition's blocks keep beside the instance, written in the event's transaction after the
 * engine took a declared action (reported as `moved`, whichever way it fired: directly, by the deciding
 * vote, by the last signer). Returns what to add to the audit meta.
 */
export async function recordEvent(
  deps: Deps,
  def: TDefinition,
  after: TInstanceRow,
  effects: Effect[],
  event: EngineEvent,
): Promise<Record<string, unknown>> {
  const meta: Record<string, unknown> = {};
  for (const move of effects.filter((e): e is Moved => e.type === 'moved'))
    for (const use of actionBlocks(def, move.from, move.event))
      if (use.name === 'findingsLedger')
        Object.assign(meta, await ledger(deps, def, after, use.params as BlockParams<'findingsLedger'>, event));
  return meta;
}
