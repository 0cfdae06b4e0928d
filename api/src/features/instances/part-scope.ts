import type { AppAbility } from '../../auth/ability.js';
import type { TAuthUser } from '../../auth/user.js';
import type { TInstanceRow } from '../../db/schema.js';
import { describeSnapshot, matchesRule, type TDefinition } from '../../engine.js';
import { oversees } from './blind-review.js';
import { engineActor } from './engine-env.js';

type Collection = ReturnType<typeof describeSnapshot>['collections'][string];

export type PartScope = {
  step: string;
  collection: Collection;
  /** The step's form fields: what a part holds, and what its evidence is attached to. */
  fields: string[];
  /** Every part (a collector of the step, or someone who oversees every instance) or only the viewer's own. */
  all: boolean;
};

/**
 * Who sees which parts of each collect step (各单位填报): its collectors and those who oversee every instance
 * see every part; a participant sees their own only. One rule for the parts card and for the files the
 * parts' authors attached, so a member school reads neither another school's answers nor its evidence.
 */
export function partScopes(
  def: TDefinition,
  row: Pick<TInstanceRow, 'snapshot'>,
  user: TAuthUser,
  ability: AppAbility,
): PartScope[] {
  const described = describeSnapshot(def, row.snapshot);
  const ctx = row.snapshot.context as Parameters<typeof matchesRule>[2];
  const actor = engineActor(user);
  const seesAll = oversees(ability);
  return Object.entries(def.states).flatMap(([step, state]) => {
    const collection = described.collections[step];
    if (state.kind !== 'collect' || !collection) return [];
    const all = seesAll || state.collectors.some((rule) => matchesRule(actor, rule, ctx));
    return [{ step, collection, all, fields: (state.form?.fields ?? []).map((f) => f.name) }];
  });
}

/** A file is evidence for a step's part when it was attached to one of the step's fields (or a row of its table). */
export const isPartField = (fields: readonly string[], field: string | null) =>
  !!field && fields.some((f) => field === f || field.startsWith(`${f}.`));

/** The files the viewer may not see: other participants' evidence in the steps where they see only their own part. */
export type HiddenPartFiles = Array<{ people: string[]; fields: string[] }>;

export function hiddenPartFiles(scopes: PartScope[], userId: string): HiddenPartFiles {
  return scopes
    .filter((s) => !s.all)
    .map((s) => ({ people: s.collection.participants.filter((u) => u !== userId), fields: s.fields }))
    .filter((h) => h.people.length > 0 && h.fields.length > 0);
}

export const hidesFile = (hidden: HiddenPartFiles, file: { uploadedBy: string; field: string | null }) =>
  hidden.some((h) => h.people.includes(file.uploadedBy) && isPartField(h.fields, file.field));
