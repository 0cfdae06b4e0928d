import { subject } from '@casl/ability';
import { eq } from 'drizzle-orm';

import { defineAbilityFor } from '../../auth/ability.js';
import type { TAuthUser } from '../../auth/user.js';
import { definitions } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { TEMPLATES } from '../../engine.js';
import { AppError } from '../../errors.js';
import { createDraftDefinition } from './create-draft.js';
import type { TCloneBody, TDefinitionDetail } from './definitions.types.js';

/**
 * A new draft copied from a built-in template or a stored definition. Without a new key it becomes the
 * next version of the same workflow (how a published one is edited); with one, a new workflow.
 */
export async function cloneDefinition(
  deps: Deps,
  input: TCloneBody & { actor: TAuthUser },
): Promise<TDefinitionDetail> {
  let source: unknown;
  if (input.template) {
    source = TEMPLATES[input.template];
    if (!source)
      throw new AppError('VALIDATION', {
        status: 422,
        fieldErrors: {
          template: {
            'zh-CN': `没有名为「${input.template}」的内置流程`,
            en: `No built-in workflow "${input.template}"`,
          },
        },
      });
  } else {
    const row = (
      await deps.db
        .select()
        .from(definitions)
        .where(eq(definitions.id, input.definitionId ?? ''))
        .limit(1)
    )[0];
    if (!row || !defineAbilityFor(input.actor).can('read', subject('Definition', { ...row })))
      throw new AppError('NOT_FOUND');
    source = row.body;
  }
  const doc = {
    ...(source as Record<string, unknown>),
    ...(input.key ? { key: input.key } : {}),
    ...(input.name ? { name: input.name } : {}),
  };
  return await createDraftDefinition(deps, { definition: doc, actor: input.actor });
}
