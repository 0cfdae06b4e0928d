import { inArray } from 'drizzle-orm';

import { appendAudit } from '../../audit/append.js';
import { defineAbilityFor } from '../../auth/ability.js';
import type { TAuthUser } from '../../auth/user.js';
import { rollback, txOrThrow } from '../../db/client.js';
import { instances, type TInstanceRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { type TDefinition, usesOf } from '../../engine.js';
import { AppError } from '../../errors.js';
import { flatMapInTurn, mapInTurn } from '../../lib/in-turn.js';
import { authorize } from '../authorize.js';
import { loadDefinition } from '../definitions/load-definition.js';
import { applyEvent } from '../instances/fire-event.js';
import { instanceSubject } from '../instances/instance-subject.js';
import { deniedEvent } from '../instances/refusal.js';
import { storeNotifications } from '../notifications/store-notifications.js';
import { entryRuleRefusals } from '../workflow-rules/campus-entry-check.js';
import type { TMergeBody, TMergeResult } from './merge.types.js';
import { mergedFields, mergeWrites } from './merge-data.js';
import { type MergeSite, mergeSiteFor } from './merge-site.js';

/**
 * The merge may write at the merge step what the stored definition keeps read-only or hidden there
 * (so the generic event route cannot forge a merge): the survivor's schools, hours, plans and links.
 */
const mergeDefinition =
  (site: MergeSite) =>
  (def: TDefinition): TDefinition => {
    const state = def.states[site.state];
    if (!state || state.kind !== 'task') return def;
    const permissions = {
      ...(state.form?.permissions ?? {}),
      ...Object.fromEntries(mergeWrites(site.params).map((f) => [f, 'editable' as const])),
    };
    return {
      ...def,
      states: { ...def.states, [site.state]: { ...state, form: { fields: state.form?.fields ?? [], permissions } } },
    };
  };

const bad = (zh: string, en: string, field = 'absorbed') =>
  new AppError('VALIDATION', { status: 422, fieldErrors: { [field]: { 'zh-CN': zh, en } } });

/** Everything that can be refused before a row is written, in the order a reviewer would fix it. */
async function checkRequests(
  deps: Deps,
  actor: TAuthUser,
  input: TMergeBody,
  rows: Map<string, TInstanceRow>,
  sites: Map<string, MergeSite | null>,
): Promise<AppError | null> {
  const wanted = [input.survivor, ...input.absorbed];
  if (new Set(wanted.map((w) => w.id)).size !== wanted.length)
    return bad('合并的申请不能重复，也不能包含保留的申请本身', 'List each request once, and not the one that stays');
  const ability = defineAbilityFor(actor);
  for (const w of wanted) {
    const row = rows.get(w.id);
    if (!row || !ability.can('read', await instanceSubject(deps, row, actor))) return new AppError('NOT_FOUND');
  }
  const survivor = rows.get(input.survivor.id)!;
  const own = sites.get(survivor.definitionId);
  for (const w of wanted) {
    const row = rows.get(w.id)!;
    const site = sites.get(row.definitionId);
    if (!own || !site)
      return bad(
        '只能合并声明了“合并申请”模块的流程中的申请',
        'Only requests of a workflow that declares the merge block can be merged',
      );
    const denied = await authorize(deps, actor, {
      action: 'act',
      type: 'Instance',
      target: await instanceSubject(deps, row, actor),
      entityId: row.id,
      auditAction: 'instance.merge',
    });
    if (denied) return denied;
    if (row.version !== w.expectedVersion) return new AppError('VERSION_CONFLICT');
    if (row.state !== site.state || row.status !== 'running') {
      const step = (await loadDefinition(deps, row.definitionId))?.def.states[site.state]?.name ?? {
        'zh-CN': site.state,
        en: site.state,
      };
      return new AppError('EVENT_NOT_ALLOWED', {
        message: {
          'zh-CN': `只能合并处于“${step['zh-CN']}”环节的申请`,
          en: `Only requests at "${step.en}" can be merged`,
        },
      });
    }
    if (row.data[site.params.itemField] !== survivor.data[own.params.itemField])
      return bad('只能合并同一白名单事项的申请', 'Only requests for the same whitelist item can be merged');
  }
  return null;
}

/**
 * 教委审核时合并申请: two departments asking to bring the same whitelisted affair to overlapping
 * schools become one activity, so no school is visited twice and the caps count it once. In one
 * transaction: each absorbed request moves to 已合并 (engine event MERGE, linked to the survivor, its
 * requester notified), the survivor takes the merged schools and hours (engine SAVE), the automatic
 * checks run again on the merged request (a refusal names its rule and nothing is written), and one
 * `instance.merge` audit event records before and after.
 */
export async function mergeRequests(deps: Deps, input: TMergeBody & { actor: TAuthUser }): Promise<TMergeResult> {
  const { actor } = input;
  const ids = [input.survivor.id, ...input.absorbed.map((a) => a.id)];
  const audit = {
    actor,
    action: 'instance.merge',
    instanceId: input.survivor.id,
    meta: { absorbed: input.absorbed.map((a) => a.id) },
  };
  // Every refusal rolls back (some come after the first request has moved) and is audited after.
  return await txOrThrow(
    deps.db,
    async () => {
      const rows = new Map(
        (await deps.db.select().from(instances).where(inArray(instances.id, ids))).map((r) => [r.id, r]),
      );
      const sites = new Map(
        await mapInTurn([...rows.values()], async (r) => [r.definitionId, await mergeSiteFor(deps, r.definitionId)]),
      );
      const problem = await checkRequests(deps, actor, input, rows, sites);
      if (problem) rollback(problem);
      const survivor = rows.get(input.survivor.id)!;
      const site = sites.get(survivor.definitionId)!;
      const def = (await loadDefinition(deps, survivor.definitionId))!.def;
      const absorbed = input.absorbed.map((a) => rows.get(a.id)!);
      const fields = mergedFields(
        survivor.data,
        absorbed.map((r) => ({ id: r.id, data: r.data })),
        site.params,
      );
      const merged = { ...survivor.data, ...fields };
      // The merged request is checked with the survivor's rule sets as if filed when the survivor was (its
      // lead time stands), and the absorbed ones no longer count against the caps it is checked with.
      const refusals = await flatMapInTurn(usesOf(def, 'entryRules'), (u) =>
        entryRuleRefusals(deps, u.params, merged, new Date(survivor.createdAt), ids),
      );
      if (refusals.length) {
        const message = {
          'zh-CN': refusals.map((r) => r.message['zh-CN']).join('；'),
          en: refusals.map((r) => r.message.en).join('; '),
        };
        rollback(new AppError('GUARD_FAILED', { rule: refusals[0].rule, message }));
      }
      // Every move is marked `via: 'merge'`: the survivor's SAVE is the merge writing its data, not a draft
      // someone saved, and 办理记录 shows it under the one 合并申请 entry.
      const move = async (id: string, version: number, type: string, data: Record<string, unknown>) => {
        const res = await applyEvent(deps, {
          actor,
          instanceId: id,
          expectedVersion: version,
          definitionFor: mergeDefinition(sites.get(rows.get(id)!.definitionId)!),
          via: 'merge',
          event: { type, data, comment: input.comment },
        });
        if (res instanceof AppError) rollback(res);
        return res;
      };
      const ended: Array<{ id: string; state: string }> = [];
      for (const row of absorbed) {
        const own = sites.get(row.definitionId)!;
        const moved = await move(row.id, row.version, own.event, { [own.params.intoField]: survivor.id });
        ended.push({ id: row.id, state: moved.state });
        await storeNotifications(deps, row.id, {
          type: 'notify',
          kind: 'entered',
          state: moved.state,
          to: [{ userId: row.createdBy }],
        });
      }
      const saved = await move(survivor.id, survivor.version, 'SAVE', fields);
      const p = site.params;
      const num = (name: string) => (typeof fields[name] === 'number' ? (fields[name] as number) : null);
      const result: TMergeResult = {
        survivorId: survivor.id,
        version: saved.version,
        schoolIds: fields[p.schoolsField] as string[],
        studentHours: num('studentHours'),
        teacherHours: num('teacherHours'),
        mergedFrom: fields[p.fromField] as string[],
      };
      await appendAudit(deps.db, {
        at: deps.clock().toISOString(),
        actor,
        action: 'instance.merge',
        entityType: 'Instance',
        entityId: survivor.id,
        outcome: 'success',
        before: {
          survivor: {
            version: survivor.version,
            ...Object.fromEntries(Object.keys(fields).map((f) => [f, survivor.data[f] ?? null])),
          },
          absorbed: absorbed.map((r) => ({
            id: r.id,
            version: r.version,
            state: r.state,
            [p.schoolsField]: r.data[p.schoolsField],
          })),
        },
        after: { survivor: { version: result.version, ...fields }, absorbed: ended },
        meta: { itemCode: survivor.data[p.itemField], comment: input.comment ?? null },
      });
      return result;
    },
    // The writes rolled back; the refusal itself is the one thing kept.
    (refusal) => deniedEvent(deps, { ...audit, error: refusal }),
  );
}
