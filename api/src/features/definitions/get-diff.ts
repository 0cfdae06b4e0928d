import { subject } from '@casl/ability';
import { and, desc, eq, lt } from 'drizzle-orm';

import type { AppAbility } from '../../auth/ability.js';
import { definitions } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import type { TDiffResult } from './definitions.types.js';
import { diffDefinitions } from './diff-definitions.js';
import { toSummary } from './load-definition.js';

/** The diff of a version against `against`, or by default against the latest published version before it. */
export async function getDiff(
  deps: Deps,
  input: { ability: AppAbility; id: string; against?: string },
): Promise<TDiffResult> {
  const readable = async (id: string) => {
    const row = (await deps.db.select().from(definitions).where(eq(definitions.id, id)).limit(1))[0];
    return row && input.ability.can('read', subject('Definition', { ...row })) ? row : null;
  };
  const to = await readable(input.id);
  if (!to) throw new AppError('NOT_FOUND');
  const from = input.against
    ? await readable(input.against)
    : ((
        await deps.db
          .select()
          .from(definitions)
          .where(
            and(eq(definitions.key, to.key), eq(definitions.status, 'published'), lt(definitions.version, to.version)),
          )
          .orderBy(desc(definitions.version))
          .limit(1)
      )[0] ?? null);
  if (input.against && !from) throw new AppError('NOT_FOUND');
  return {
    from: from ? toSummary(from) : null,
    to: toSummary(to),
    changes: diffDefinitions(from?.body ?? {}, to.body),
  };
}
