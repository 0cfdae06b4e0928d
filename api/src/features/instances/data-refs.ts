import { inArray } from 'drizzle-orm';

import type { AppAbility } from '../../auth/ability.js';
import type { TAuthUser } from '../../auth/user.js';
import { instances, organisations, type TInstanceRow, users } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { describeSnapshot, type TDefinition } from '../../engine.js';
import { userSubject } from '../users/user-subject.js';
import { instanceSubject } from './instance-subject.js';
import type { TDataRef, TInstanceAssignment } from './instances.types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A form holds a few dozen ids at most (schools of a request, experts); more is not a detail page. */
const MAX_IDS = 500;

function idsIn(values: unknown[]): string[] {
  const out = new Set<string>();
  for (const v of values)
    for (const s of Array.isArray(v) ? v : [v]) if (typeof s === 'string' && UUID.test(s)) out.add(s);
  return [...out].slice(0, MAX_IDS);
}

/** Who is assigned by role on this instance (the inspector of a school, the experts of a submission); veil it before showing. */
export function assignmentsOf(def: TDefinition, row: TInstanceRow): TInstanceAssignment[] {
  const assigned = describeSnapshot(def, row.snapshot).assignments as Record<string, string[] | undefined>;
  return Object.entries(assigned)
    .filter(([, ids]) => (ids ?? []).length > 0)
    .map(([role, ids]) => ({ role, userIds: ids ?? [] }));
}

/**
 * What the ids in an instance's data (and its assignments) stand for, so the detail page shows names,
 * not ids: schools by name, people by display name, other requests (合并) by title. One query per
 * table. A person or instance the viewer may not read is named null: the page says so, and nothing
 * leaks that the lists would not show them (an expert's name to the submitting teacher, say).
 */
export async function dataRefs(
  deps: Deps,
  input: { user: TAuthUser; ability: AppAbility; values: unknown[] },
): Promise<Record<string, TDataRef>> {
  const ids = idsIn(input.values);
  const refs: Record<string, TDataRef> = {};
  if (ids.length === 0) return refs;
  for (const o of await deps.db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, ids))) {
    refs[o.id] = { kind: 'organisation', name: o.name };
  }
  for (const u of await deps.db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, ids))) {
    refs[u.id] = {
      kind: 'user',
      name: input.ability.can('read', await userSubject(deps, u.id)) ? u.displayName : null,
    };
  }
  for (const row of await deps.db.select().from(instances).where(inArray(instances.id, ids))) {
    const readable = input.ability.can('read', await instanceSubject(deps, row, input.user));
    const title = (row.data as Record<string, unknown>).title;
    refs[row.id] = { kind: 'instance', name: readable ? (typeof title === 'string' ? title : '') : null };
  }
  return refs;
}
