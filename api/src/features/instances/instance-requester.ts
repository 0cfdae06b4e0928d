import { and, inArray, ne } from 'drizzle-orm';

import type { TAuthUser } from '../../auth/user.js';
import { organisations } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import type { TDefinition } from '../../engine.js';

/**
 * Who filed an instance, as lists and cards name it beside the title: the school or group it is about,
 * or — for an instance about the whole district (a campus-entry request) — the starter's own department
 * or school, preferring the unit where they hold a starter role. Never the district, unless the starter
 * holds nothing below it (the bureau itself filed). migration 0026 backfills older rows by the same rule.
 */
export async function requesterOf(
  deps: Pick<Deps, 'db'>,
  def: TDefinition,
  subject: { id: string; type: string },
  actor: TAuthUser,
): Promise<string> {
  if (subject.type !== 'district') return subject.id;
  const starterRoles = new Set(def.starters.map((s) => s.role));
  const grants = [...actor.roles].sort((a, b) => Number(starterRoles.has(b.role)) - Number(starterRoles.has(a.role)));
  if (grants.length === 0) return subject.id;
  const below = new Set(
    (
      await deps.db
        .select({ id: organisations.id })
        .from(organisations)
        .where(
          and(
            inArray(
              organisations.id,
              grants.map((g) => g.orgId),
            ),
            ne(organisations.type, 'district'),
          ),
        )
    ).map((o) => o.id),
  );
  return grants.find((g) => below.has(g.orgId))?.orgId ?? subject.id;
}
