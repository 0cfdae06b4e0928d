import { subject } from '@casl/ability';
import { eq } from 'drizzle-orm';

import type { AppAbility } from '../../auth/ability.js';
import { definitions } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import type { TPublishCheck } from './definitions.types.js';
import { publishRisks } from './publish-risks.js';

/** GET /definitions/{id}/publish-check: what the console's 发布 confirmation lists before publishing. */
export async function checkPublish(deps: Deps, input: { ability: AppAbility; id: string }): Promise<TPublishCheck> {
  const row = (await deps.db.select().from(definitions).where(eq(definitions.id, input.id)).limit(1))[0];
  if (!row || !input.ability.can('read', subject('Definition', { ...row }))) throw new AppError('NOT_FOUND');
  return await publishRisks(deps, row);
}
