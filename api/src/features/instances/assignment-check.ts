import { and, eq, inArray } from 'drizzle-orm';

import { roleGrants, users } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import type { TDefinition, TRole } from '../../engine.js';
import { AppError } from '../../errors.js';

/**
 * Every assigned user must be a live account holding the role they are assigned for: the engine routes
 * `assigned` steps to these ids without a directory to check them against.
 */
export async function badAssignment(
  deps: Deps,
  assignments: Partial<Record<TRole, string[]>>,
  field = 'assignments',
): Promise<AppError | null> {
  for (const [role, ids] of Object.entries(assignments)) {
    if (!ids?.length) continue;
    const holders = await deps.db
      .selectDistinct({ userId: roleGrants.userId })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(and(eq(roleGrants.role, role), inArray(roleGrants.userId, ids), eq(users.disabled, false)));
    if (holders.length !== new Set(ids).size) {
      const key = field === 'assignments' ? `assignments.${role}` : field;
      return new AppError('VALIDATION', {
        status: 422,
        fieldErrors: {
          [key]: {
            'zh-CN': `所指派人员须具有「${role}」角色`,
            en: `Every user assigned as ${role} must hold that role`,
          },
        },
      });
    }
  }
  return null;
}

/** A transition that assigns people from a form field (e.g. the experts chosen at preliminary review). */
export async function badTransitionAssignment(
  deps: Deps,
  def: TDefinition,
  state: string,
  type: string,
  data: Record<string, unknown>,
): Promise<AppError | null> {
  const s = def.states[state];
  const assigns = s && 'on' in s ? s.on[type]?.assigns : undefined;
  if (!assigns) return null;
  const v = data[assigns.field];
  const ids = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
  return await badAssignment(deps, { [assigns.role]: ids }, assigns.field);
}
