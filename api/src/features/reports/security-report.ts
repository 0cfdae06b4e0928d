import { and, type SQL } from 'drizzle-orm';

import type { AppAbility } from '../../auth/ability.js';
import type { TAuthUser } from '../../auth/user.js';
import type { Deps } from '../../deps.js';
import { familyOf } from '../workflow-rules/families.js';
import { createdWithin, schoolSubjectIn } from './report-filters.js';
import { periodsOf } from './report-periods.js';
import { familyOnly, readableOf, visibleSchools } from './report-scope.js';
import { ALL_ROUNDS, type TRoundQuery, type TSecurityReport } from './reports.types.js';
import { figuresFromRows, figuresFromTallies, toReport } from './security-figures.js';
import { tallyScope } from './tally-scope.js';

type TInput = { user: TAuthUser; ability: AppAbility } & TRoundQuery;

/**
 * Findings of a round by layer, severity and school, open, overdue, escalated, repeats. The round is the
 * one asked for, else the latest (the dashboard offers `rounds`, newest first); every round only when
 * asked for as ALL_ROUNDS. Readers scoped by organisation get the figures from the tallies the triggers
 * keep (ADR 0020): the cost of a round's schools, not of the district's history. A date window, or read
 * rules that are not organisations, are answered from the findings of the chosen round.
 */
export async function securityReport(deps: Deps, input: TInput): Promise<TSecurityReport> {
  const now = deps.clock().toISOString();
  const family = await familyOf(deps, 'findingsLedger');
  const rounds = await periodsOf(deps, family);
  const round = input.round === ALL_ROUNDS ? null : (input.round ?? rounds[0] ?? null);
  const scope = input.from || input.to ? null : await tallyScope(deps, input.user, input.ability, input);
  if (!scope) return await securityFromRows(deps, input, round, rounds, now);
  const tallied = await figuresFromTallies(
    deps,
    scope.orgs,
    family.map((m) => m.id),
    round,
    now,
  );
  // What a reader takes part in beyond their organisations is their own few instances: counted from rows.
  const figures = scope.beyond
    ? await figuresFromRows(
        deps,
        and(familyOnly(deps.db, family, true), scope.beyond) as SQL,
        round,
        now,
        tallied,
        true,
      )
    : tallied;
  return await toReport(deps, figures, round, rounds);
}

/** The report from the findings of the instances the caller may read: the reference the tallies are tested against. */
export async function securityFromRows(
  deps: Deps,
  input: TInput,
  round: string | null,
  rounds: string[],
  now: string,
): Promise<TSecurityReport> {
  const family = await familyOf(deps, 'findingsLedger');
  // Everyone but the bureau reads their own few inspections: those lead, not the round's findings.
  const scopeLeads = (await visibleSchools(deps, input.user)) !== null;
  const where = and(
    readableOf({ db: deps.db, ...input, family, scopeLeads }),
    ...schoolSubjectIn(input),
    ...createdWithin(input),
  ) as SQL;
  return await toReport(deps, await figuresFromRows(deps, where, round, now, undefined, scopeLeads), round, rounds);
}
