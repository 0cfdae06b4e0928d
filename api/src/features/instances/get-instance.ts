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
import { ownParts } from './own-parts.js';
import { deniedEvent } from './refusal.js';

/** The row if this caller may read it; 404 otherwise, whether it is missing or someone else's. */
export function readableInstance(deps: Deps, user: TAuthUser, ability: AppAbility, id: string): TInstanceRow {
  const row = deps.db.select().from(instances).where(eq(instances.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND');
  if (!ability.can('read', instanceSubject(deps, row, user))) {
    // A refused read of an existing row is a permission event the auditor should see.
    tx(deps.db, () =>
      deniedEvent(deps, { actor: user, action: 'instance.read', instanceId: id, error: new AppError('NOT_FOUND') }),
    );
    throw new AppError('NOT_FOUND');
  }
  return row;
}

export function getInstance(deps: Deps, input: { user: TAuthUser; ability: AppAbility; id: string }): TInstanceView {
  const row = readableInstance(deps, input.user, input.ability, input.id);
  const loaded = loadDefinition(deps, row.definitionId);
  if (!loaded) throw new AppError('INTERNAL');
  const veil = veilFor(deps, { def: loaded.def, row, user: input.user, ability: input.ability });
  const view = instanceView(deps, loaded.def, loaded.row, row, input.user, veil);
  const assignments = veil.assignments(assignmentsOf(loaded.def, row));
  const refs = dataRefs(deps, {
    user: input.user,
    ability: input.ability,
    values: [...Object.values(view.data), ...assignments.map((a) => a.userIds)],
  });
  return { ...view, assignments, refs, ownParts: ownParts(loaded.def, row, input.user.id) };
}
