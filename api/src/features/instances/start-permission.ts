import { subject as asSubject } from '@casl/ability';

import type { AppAbility } from '../../auth/ability.js';
import type { TAuthUser } from '../../auth/user.js';
import type { TOrganisationRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { matchesRule, type TDefinition } from '../../engine.js';
import { engineActor } from './engine-env.js';
import { subjectOf } from './instance-view.js';

/** The CASL subject a start is checked against: the instance it would create, about the chain's last organisation. */
export function startSubject(definitionId: string, chain: TOrganisationRow[], actorId: string) {
  const org = chain[chain.length - 1];
  const subjectGroupId = org?.type === 'group' ? org.id : (chain.find((o) => o.type === 'group')?.id ?? null);
  return {
    subjectGroupId,
    casl: {
      id: '',
      definitionId,
      subjectOrgId: org?.id ?? '',
      subjectGroupId,
      districtId: chain[0]?.id ?? org?.id ?? '',
      createdBy: actorId,
      status: 'running',
      participantIds: [],
    },
  };
}

/** Whether CASL lets this user create an instance of the definition about the chain's organisation. */
export const mayCreateAbout = (ability: AppAbility, definitionId: string, chain: TOrganisationRow[], actorId: string) =>
  ability.can('create', asSubject('Instance', startSubject(definitionId, chain, actorId).casl));

/**
 * Both checks a start passes before its form is looked at — CASL's `create` (start-instance.ts) and the
 * definition's starter rules (the engine's start()) — for one organisation: the start form offers only
 * the organisations this answers yes for, so a wrong choice cannot be made.
 */
export async function mayStartAbout(
  deps: Deps,
  input: { actor: TAuthUser; ability: AppAbility; def: TDefinition; definitionId: string; chain: TOrganisationRow[] },
): Promise<boolean> {
  const org = input.chain[input.chain.length - 1];
  if (!org || org.type !== input.def.subject) return false;
  if (!mayCreateAbout(input.ability, input.definitionId, input.chain, input.actor.id)) return false;
  const parties = {
    subject: await subjectOf(deps, input.def, input.chain, org.id),
    initiatorId: input.actor.id,
    assignments: {},
  };
  const actor = engineActor(input.actor);
  return input.def.starters.some((rule) => matchesRule(actor, rule, parties));
}
