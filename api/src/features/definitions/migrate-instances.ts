import { subject } from '@casl/ability';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';

import { appendAudit } from '../../audit/append.js';
import type { TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import { definitions, instances, organisations, tasks, timers, type TInstanceRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { periodOf, type TDefinition, titleOf } from '../../engine.js';
import { AppError, type TLocalized } from '../../errors.js';
import { requirePermission } from '../authorize.js';
import { applyEffects } from '../instances/apply-effects.js';
import { buildEnv, engineRun } from '../instances/engine-env.js';
import { addParticipants } from '../instances/instance-subject.js';
import { subjectOf } from '../instances/instance-view.js';
import { orgPath } from '../orgs/org-path.js';
import type { TMigrationBody, TMigrationItem, TMigrationResult } from './definitions.types.js';
import { loadDefinition } from './load-definition.js';
import { rebuildSnapshot, type TRebuilt } from './rebuild-snapshot.js';

type Plan = {
  item: TMigrationItem;
  rebuilt: TRebuilt | null;
  period?: string | null;
  title?: ReturnType<typeof titleOf>;
};

const refused = (row: TInstanceRow, name: string, code: string, message: TLocalized): Plan => ({
  item: {
    instanceId: row.id,
    subjectName: name,
    fromState: row.state,
    toState: null,
    ok: false,
    status: null,
    closeTasks: [],
    openTasks: [],
    timers: [],
    refusal: { code, message },
  },
  rebuilt: null,
});

/** What migrating one instance would do; the same function feeds the dry run and the migration. */
async function planOne(
  deps: Deps,
  def: TDefinition,
  row: TInstanceRow,
  mapping: Record<string, string>,
): Promise<Plan> {
  const name =
    (
      await deps.db
        .select({ name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, row.subjectOrgId))
        .limit(1)
    )[0]?.name ?? '';
  const target = mapping[row.state];
  if (!target || !def.states[target])
    return refused(row, name, 'UNMAPPED_STATE', {
      'zh-CN': target
        ? `映射的目标环节「${target}」在新版本中不存在`
        : `当前环节「${row.state}」没有映射到新版本的环节`,
      en: target
        ? `Target step "${target}" is not in the new version`
        : `Current step "${row.state}" is not mapped to a step of the new version`,
    });
  const subj = await subjectOf(deps, def, await orgPath(deps, row.subjectOrgId), row.subjectOrgId);
  const actor = { userId: 'system' as const, roles: [] as [] };
  const env = await buildEnv(deps, def, subj, actor, row.data as Record<string, unknown>, row.id);
  const rebuilt = await engineRun(env, () => rebuildSnapshot(def, row.snapshot, target, subj, env));
  if (!rebuilt.ok) return refused(row, name, rebuilt.code, rebuilt.message);
  const open = await deps.db
    .select({ key: tasks.taskKey })
    .from(tasks)
    .where(and(eq(tasks.instanceId, row.id), eq(tasks.status, 'open')))
    .orderBy(asc(tasks.taskKey));
  return {
    item: {
      instanceId: row.id,
      subjectName: name,
      fromState: row.state,
      toState: rebuilt.state,
      ok: true,
      status: rebuilt.status,
      closeTasks: open.map((t) => t.key),
      openTasks: rebuilt.effects.flatMap((e) =>
        e.type === 'openTask' ? [{ taskKey: e.taskKey, state: e.state, purpose: e.purpose }] : [],
      ),
      timers: rebuilt.effects.flatMap((e) => (e.type === 'scheduleTimer' ? [e.timerKey] : [])),
    },
    rebuilt,
    period: periodOf(def, (rebuilt.snapshot.context as { data: Record<string, unknown> }).data),
    // The new version may name its instances differently.
    title: titleOf(def, (rebuilt.snapshot.context as { data: Record<string, unknown> }).data),
  };
}

/** Moves one instance in the caller's transaction: old tasks closed, old timers cancelled, new snapshot and effects. */
async function applyOne(deps: Deps, actor: TAuthUser, row: TInstanceRow, toDefinitionId: string, plan: Plan) {
  const rebuilt = plan.rebuilt;
  if (!rebuilt?.ok) return;
  const at = deps.clock().toISOString();
  await deps.db
    .update(tasks)
    .set({ status: 'closed', outcome: 'MIGRATED', closedBy: actor.id, closedAt: at })
    .where(and(eq(tasks.instanceId, row.id), eq(tasks.status, 'open')));
  await deps.db
    .update(timers)
    .set({ cancelledAt: at })
    .where(and(eq(timers.instanceId, row.id), isNull(timers.firedAt), isNull(timers.cancelledAt)));
  const data = (rebuilt.snapshot.context as { data: Record<string, unknown> }).data;
  await deps.db
    .update(instances)
    .set({
      definitionId: toDefinitionId,
      snapshot: rebuilt.snapshot,
      data,
      state: rebuilt.state,
      status: rebuilt.status,
      outcome: rebuilt.outcome,
      version: row.version + 1,
      updatedAt: at,
      period: plan.period ?? null,
      title: plan.title ?? null,
    })
    .where(and(eq(instances.id, row.id), eq(instances.version, row.version)));
  const { named } = await applyEffects(deps, row.id, rebuilt.effects);
  await addParticipants(
    deps,
    row.id,
    named.map((userId) => ({ userId, role: 'candidate' })),
  );
  await appendAudit(deps.db, {
    at,
    actor,
    action: 'instance.migrate',
    entityType: 'Instance',
    entityId: row.id,
    outcome: 'success',
    before: { definitionId: row.definitionId, state: row.state, version: row.version },
    after: { definitionId: toDefinitionId, state: rebuilt.state, version: row.version + 1 },
    meta: { closedTasks: plan.item.closeTasks, openedTasks: plan.item.openTasks.map((t) => t.taskKey) },
  });
}

/**
 * Dry run or migration of the running instances of one version to a newer published version of the same
 * key, a page at a time (keyset on id). Each instance moves in its own transaction, so one refusal or
 * failure leaves the others done; refused instances stay where they are.
 */
export async function migrateInstances(
  deps: Deps,
  input: TMigrationBody & { toDefinitionId: string; actor: TAuthUser },
): Promise<TMigrationResult> {
  const target = (await deps.db.select().from(definitions).where(eq(definitions.id, input.toDefinitionId)).limit(1))[0];
  await requirePermission(deps, input.actor, {
    action: 'publish',
    type: 'Definition',
    target: target ? subject('Definition', { id: target.id, status: target.status, key: target.key }) : undefined,
    entityId: input.toDefinitionId,
    auditAction: 'instance.migrate',
    hideUnreadable: true,
  });
  const to = await loadDefinition(deps, input.toDefinitionId);
  const from = (await deps.db.select().from(definitions).where(eq(definitions.id, input.fromDefinitionId)).limit(1))[0];
  if (!to || !from) throw new AppError('NOT_FOUND');
  const bad = (field: string, zh: string, en: string) =>
    new AppError('VALIDATION', { status: 422, fieldErrors: { [field]: { 'zh-CN': zh, en } } });
  if (to.row.status !== 'published')
    throw bad('toDefinitionId', '只能迁移到已发布的版本', 'Instances can only move to a published version');
  if (from.key !== to.row.key || from.version >= to.row.version)
    throw bad(
      'fromDefinitionId',
      '只能迁移到同一流程的更新版本',
      'Instances can only move to a newer version of the same workflow',
    );

  const rows = await deps.db
    .select()
    .from(instances)
    .where(
      and(
        eq(instances.definitionId, from.id),
        eq(instances.status, 'running'),
        input.cursor ? gt(instances.id, input.cursor) : undefined,
      ),
    )
    .orderBy(asc(instances.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const items: TMigrationItem[] = [];
  for (const row of page) {
    if (input.dryRun) {
      items.push((await planOne(deps, to.def, row, input.mapping)).item);
      continue;
    }
    items.push(
      await txOrThrow(deps.db, async () => {
        // Re-read inside the write transaction: the instance may have moved since the page was read.
        const fresh = (await deps.db.select().from(instances).where(eq(instances.id, row.id)).limit(1))[0] ?? row;
        if (fresh.definitionId !== from.id || fresh.status !== 'running')
          return refused(fresh, '', 'ALREADY_MOVED', {
            'zh-CN': '该事项已结束或已迁移',
            en: 'This instance has finished or moved already',
          }).item;
        const plan = await planOne(deps, to.def, fresh, input.mapping);
        await applyOne(deps, input.actor, fresh, to.row.id, plan);
        return plan.item;
      }),
    );
  }
  return {
    dryRun: input.dryRun,
    items,
    migrated: input.dryRun ? 0 : items.filter((i) => i.ok).length,
    refused: items.filter((i) => !i.ok).length,
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
