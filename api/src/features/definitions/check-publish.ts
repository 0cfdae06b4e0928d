import { subject } from '@casl/ability';
import { eq } from 'drizzle-orm';

import type { AppAbility } from '../../auth/ability.js';
import { definitions } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import type { TPublishCheck } from './definitions.types.js';
import { publishRisks } from './publish-risks.js';

/** GET /definitions/{id}/publish-check: what the console's 发布 confirmation lists before publishing. */
export function checkPublish(deps: Deps, input: { ability: AppAbility; id: string }): TPublishCheck {
  const row = deps.db.select().from(definitions).where(eq(definitions.id, input.id)).get();
  if (!row || !input.ability.can('read', subject('Definition', { ...row }))) throw new AppError('NOT_FOUND');
  return publishRisks(deps, row);
}
