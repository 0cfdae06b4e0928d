import { subject } from '@casl/ability';
import { asc, eq } from 'drizzle-orm';

import type { AppAbility } from '../../auth/ability.js';
import type { TAuthUser } from '../../auth/user.js';
import { organisations } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import type { TDefinition } from '../../engine.js';
import { AppError } from '../../errors.js';
import { filterInTurn, someInTurn } from '../../lib/in-turn.js';
import { mayStartAbout } from '../instances/start-permission.js';
import { orgPath } from '../orgs/org-path.js';
import type { TStartSubjects } from './definitions.types.js';
import { loadDefinition } from './load-definition.js';

/**
 * 发起流程's organisation list: every organisation of the workflow's subject type that the same checks
 * as POST /instances let the caller start it about. Bounded by the org tree (a district's ~60 schools),
 * never by its instances; the caller's own school or group is pre-selected when it is one of them.
 */
/** The organisations of the definition's subject type, in the order the start form lists them. */
const candidatesOf = async (deps: Deps, type: TDefinition['subject']) =>
  await deps.db
    .select({ id: organisations.id, name: organisations.name, type: organisations.type })
    .from(organisations)
    .where(eq(organisations.type, type))
    .orderBy(asc(organisations.code), asc(organisations.name));

/** Whether the caller may start the definition about any organisation at all (GET /definitions?startable=1). */
export async function mayStartAny(
  deps: Deps,
  input: { actor: TAuthUser; ability: AppAbility; def: TDefinition; definitionId: string },
): Promise<boolean> {
  return await someInTurn(await candidatesOf(deps, input.def.subject), async (o) =>
    mayStartAbout(deps, { ...input, chain: await orgPath(deps, o.id) }),
  );
}

export async function listStartSubjects(
  deps: Deps,
  input: { actor: TAuthUser; ability: AppAbility; id: string },
): Promise<TStartSubjects> {
  const loaded = await loadDefinition(deps, input.id);
  if (
    !loaded ||
    loaded.row.status !== 'published' ||
    !input.ability.can('read', subject('Definition', { ...loaded.row }))
  )
    throw new AppError('NOT_FOUND');
  const items = await filterInTurn(await candidatesOf(deps, loaded.def.subject), async (o) =>
    mayStartAbout(deps, {
      actor: input.actor,
      ability: input.ability,
      def: loaded.def,
      definitionId: loaded.row.id,
      chain: await orgPath(deps, o.id),
    }),
  );
  const own = new Set(input.actor.roles.map((g) => g.orgId));
  const preselected = items.length === 1 ? items[0]!.id : (items.find((o) => own.has(o.id))?.id ?? null);
  return { items, preselected };
}
