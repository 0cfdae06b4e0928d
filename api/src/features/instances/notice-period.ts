import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';

import type { Db } from '../../db/client.js';
import { definitions, instances, timers } from '../../db/schema.js';
import { noIndex, sqlFalse, sqlTrue } from '../../db/sql-dialect.js';
import type { Deps } from '../../deps.js';
import { type EngineEvent, type TDefinition, workdaysBetween } from '../../engine.js';
import { calendarFor } from '../calendar/get-calendar.js';
import { parsedDefinition } from '../definitions/load-definition.js';

/**
 * A 公示 (a step of kind `notice`) waits on nobody: it ends by itself when the engine's `noticeEnd`
 * timer fires. Its end is that timer's due time, counted in school working days when the step opened.
 */
const NOTICE_END: NonNullable<EngineEvent['timer']> = 'noticeEnd';

export const isNoticeStep = (def: TDefinition | undefined, state: string): boolean =>
  def?.states[state]?.kind === 'notice';

/** When the instance's running notice in `state` ends: its pending noticeEnd timer, or null. */
export async function noticeEndOf(deps: Pick<Deps, 'db'>, instanceId: string, state: string): Promise<string | null> {
  // The instance's own timers (a handful), by the (instance_id, timer_key) index.
  const pending = await deps.db
    .select({ dueAt: timers.dueAt, event: timers.event })
    .from(timers)
    .where(and(eq(timers.instanceId, instanceId), isNull(timers.firedAt), isNull(timers.cancelledAt)));
  return pending.find((t) => t.event.timer === NOTICE_END && t.event.state === state)?.dueAt ?? null;
}

/** The running notice of an instance view: its end, and the school working days left until it (0 on its last day). */
export async function noticePeriod(
  deps: Deps,
  def: TDefinition,
  row: { id: string; state: string; status: string; districtId: string },
) {
  if (row.status !== 'running' || !isNoticeStep(def, row.state)) return null;
  const endsAt = await noticeEndOf(deps, row.id, row.state);
  if (!endsAt) return null;
  const left = workdaysBetween(await calendarFor(deps, row.districtId), deps.clock(), new Date(endsAt));
  return { endsAt, workdaysLeft: Math.max(0, left) };
}

// Published definitions never change: their notice steps are read once per database and definition.
const stepsCache = new WeakMap<Db, Map<string, string[]>>();

/** (definition id, state) of every notice step an instance can rest in: declared data, never a name in code. */
export async function noticeSteps(deps: Pick<Deps, 'db'>): Promise<Array<{ definitionId: string; state: string }>> {
  let byDef = stepsCache.get(deps.db);
  if (!byDef) stepsCache.set(deps.db, (byDef = new Map()));
  // Instances run on published versions only; the definitions table is configuration (tens of rows).
  const ids = (
    await deps.db.select({ id: definitions.id }).from(definitions).where(eq(definitions.status, 'published'))
  ).map((d) => d.id);
  const missing = ids.filter((id) => !byDef.has(id));
  if (missing.length) {
    for (const row of await deps.db.select().from(definitions).where(inArray(definitions.id, missing))) {
      byDef.set(
        row.id,
        Object.entries((await parsedDefinition(deps, row)).states).flatMap(([id, s]) =>
          s.kind === 'notice' ? [id] : [],
        ),
      );
    }
  }
  return ids.flatMap((definitionId) => (byDef.get(definitionId) ?? []).map((state) => ({ definitionId, state })));
}

/**
 * "The instance rests in a notice step", as SQL. The state names come first so an unscoped reader's list
 * is a search of (state, …) indexes over the live notices; a scoped reader writes `+state` so that
 * their scope drives (ADR 0006). The (definition, state) pair keeps a same-named step of another
 * workflow out.
 */
export async function inNoticeStep(deps: Pick<Deps, 'db'>, opts: { scoped: boolean }): Promise<SQL> {
  const steps = await noticeSteps(deps);
  if (steps.length === 0) return sqlFalse;
  const names = [...new Set(steps.map((s) => s.state))];
  const state = opts.scoped ? noIndex(deps.db, instances.state) : sql`${instances.state}`;
  return sql`${state} in ${names} and ${isPair(steps)}`;
}

/** "The instance does not rest in a notice step": its deadline, if any, is a task's. */
export async function notInNoticeStep(deps: Pick<Deps, 'db'>): Promise<SQL> {
  const steps = await noticeSteps(deps);
  return steps.length ? sql`not ${isPair(steps)}` : sqlTrue;
}

const isPair = (steps: Array<{ definitionId: string; state: string }>) =>
  sql`(${instances.definitionId}, ${instances.state}) in (values ${sql.join(
    steps.map((s) => sql`(${s.definitionId}, ${s.state})`),
    sql`, `,
  )})`;
