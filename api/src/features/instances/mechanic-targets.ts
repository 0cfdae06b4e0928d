import { and, eq, inArray } from 'drizzle-orm';
import { users } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import type { EngineEvent } from '../../engine.js';
import { AppError } from '../../errors.js';

/** Mechanics whose `data.to` names people (RETURN_TO's names a step): 转办, 委派, 加签, 抄送, and a successor (REASSIGN). */
const PERSON_TARGETS = new Set(['TRANSFER', 'DELEGATE', 'ADD_SIGNER', 'COPY_TO', 'REASSIGN']);

/**
 * The engine checks a mechanic's input is complete but cannot know whether the people exist: a task
 * handed to a mistyped or disabled account would wait forever. Null when every target is a live account.
 */
export function badMechanicTargets(deps: Deps, event: EngineEvent): AppError | null {
  if (!PERSON_TARGETS.has(event.type)) return null;
  const to = event.data?.to;
  const ids = typeof to === 'string' ? [to] : Array.isArray(to) ? to.filter((x): x is string => typeof x === 'string') : [];
  if (ids.length === 0) return null; // the engine reports the missing input with its own message
  const live = deps.db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.disabled, false)))
    .all();
  if (live.length === new Set(ids).size) return null;
  return new AppError('VALIDATION', {
    status: 422,
    fieldErrors: { to: { 'zh-CN': '所选人员不存在或已停用', en: 'A chosen person does not exist or is disabled' } },
  });
}
