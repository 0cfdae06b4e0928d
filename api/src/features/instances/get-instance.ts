import { eq } from 'drizzle-orm';

import type { AppAbility } from '../../auth/ability.js';
import type { TAuthUser } from '../../auth/user.js';
import { tx } from '../../db/client.js';
import { instances, type TInstanceRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { loadDefinition } from '../definitions/load-definition.js';
import { veilFor } from './blind-review.js';
import { assignmentsOf, dataRefs } from './data-refs.js';
import { instanceSubject } from './instance-subject.js';
import { instanceView } from './instance-view.js';
import type { TInstanceView } from './instances.types.js';
import { partViews } from './part-views.js';
import { deniedEvent } from './refusal.js';

/** The row if this caller may read it; 404 otherwise, whether it is missing or someone else's. */
export async function readableInstance(
  deps: Deps,
  user: TAuthUser,
  ability: AppAbility,
  id: string,
): Promise<TInstanceRow> {
  const row = (await deps.db.select().from(instances).where(eq(instances.id, id)).limit(1))[0];
  if (!row) throw new AppError('NOT_FOUND');
  if (!ability.can('read', await instanceSubject(deps, row, user))) {
    // A refused read of an existing row is a permission event the auditor should see.
    await tx(deps.db, () =>
      deniedEvent(deps, {
        actor: user,
        action: 'instance.read',
        instanceId: id,
        error: new AppError('NOT_FOUND'),
      }),
    );
    throw new AppError('NOT_FOUND');
  }
  return row;
}

export async function getInstance(
  deps: Deps,
  input: { user: TAuthUser; ability: AppAbility; id: string },
): Promise<TInstanceView> {
  const row = await readableInstance(deps, input.user, input.ability, input.id);
  const loaded = await loadDefinition(deps, row.definitionId);
  if (!loaded) throw new AppError('INTERNAL');
  const veil = await veilFor(deps, { def: loaded.def, row, user: input.user, ability: input.ability });
  const view = await instanceView(deps, loaded.def, loaded.row, row, input.user, veil);
  const assignments = veil.assignments(assignmentsOf(loaded.def, row));
  const refs = await dataRefs(deps, {
    user: input.user,
    ability: input.ability,
    values: [...Object.values(view.data), ...assignments.map((a) => a.userIds)],
  });
  const parts = await partViews(deps, { def: loaded.def, row, user: input.user, ability: input.ability, veil });
  return { ...view, assignments, refs, parts };
}
