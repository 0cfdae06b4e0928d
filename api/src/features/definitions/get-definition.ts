import { subject } from '@casl/ability';
import { eq } from 'drizzle-orm';

import type { AppAbility } from '../../auth/ability.js';
import { definitions } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import type { TDefinitionDetail } from './definitions.types.js';
import { toDetail } from './load-definition.js';

export async function getDefinition(
  deps: Deps,
  input: { ability: AppAbility; id: string },
): Promise<TDefinitionDetail> {
  const row = (await deps.db.select().from(definitions).where(eq(definitions.id, input.id)).limit(1))[0];
  // Unreadable and missing look the same: a draft's existence is not leaked to people who may not see it.
  if (!row || !input.ability.can('read', subject('Definition', { ...row }))) throw new AppError('NOT_FOUND');
  return await toDetail(deps, row);
}
