import { type AppAbility, defineAbilityFor } from '../../auth/ability.js';
import type { TAuthUser } from '../../auth/user.js';
import type { TAuditEventRow, TInstanceRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { blindSpot, type ReviewSeal, reviewSeal, type TDefinition, type TRole } from '../../engine.js';
import { ROLE_ZH } from '../exports/export-labels.js';
import { engineActor } from './engine-env.js';
import { instanceEvents } from './instance-events.js';
import type { THistoryEvent, TInstanceAssignment } from './instances.types.js';

type Alias = { role: TRole; n: number };

/**
 * What a viewer may not see of the people on an instance, applied by every answer that shows people:
 * the instance view (fields, assignments, refs), its history and its files. Two cases, both declared by
 * the definition:
 * - 独立评审: an expert in a running blind collect step sees neither the other experts nor their work;
 * - 评审保密: the submitting side of an expert review sees the experts only as 评审专家 1, 2, 3 until the
 *   results are published — progress without names (`reviewSeal` in workflows/ says who and until when).
 * Lists and exports carry no people; notifications name the workflow, step and school, never a person.
 */
export type Veil = {
  /** Form fields the viewer may not see. */
  fields: ReadonlySet<string>;
  /** People the viewer may not know: their files are not listed, their ids not shown. */
  people: ReadonlySet<string>;
  assignments(list: TInstanceAssignment[]): TInstanceAssignment[];
  history(items: TAuditEventRow[]): THistoryEvent[];
};

const NO_VEIL: Veil = { fields: new Set(), people: new Set(), assignments: (list) => list, history: (items) => items };

/** Readers of every instance whoever's it is (bureau staff, the auditor) oversee reviews: nobody's submitting side. */
export const oversees = (ability: AppAbility) =>
  ability.rulesFor('read', 'Instance').some((r) => !r.conditions && !r.inverted);

export async function veilFor(
  deps: Pick<Deps, 'db'>,
  input: { def: TDefinition; row: TInstanceRow; user: TAuthUser; ability?: AppAbility },
  events?: TAuditEventRow[],
): Promise<Veil> {
  const { def, row, user } = input;
  const spot = blindSpot(def, row.snapshot, user.id);
  if (spot) return peerVeil(spot, user.id);
  const seal = reviewSeal(def, row.snapshot, engineActor(user));
  if (!seal || oversees(input.ability ?? defineAbilityFor(user))) return NO_VEIL;
  return sealVeil(seal, events ?? (await instanceEvents(deps, row.id)));
}

const record = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
const pick = (v: unknown, keys: string[]) => {
  const r = record(v);
  return r ? Object.fromEntries(Object.entries(r).filter(([k]) => keys.includes(k))) : null;
};
// A veiled history carries no hashes: with the rest of an event shown, a hash would confirm a guess at what was left out.
const unhashed = <E extends TAuditEventRow>(e: E): E => ({ ...e, prevHash: '', hash: '' });

/** Assignments without the hidden people, saying how many there are: a seat count, not a name. */
function withHidden(list: TInstanceAssignment[], hidden: ReadonlySet<string>): TInstanceAssignment[] {
  return list.map((a) => {
    const shown = a.userIds.filter((id) => !hidden.has(id));
    return shown.length === a.userIds.length ? a : { ...a, userIds: shown, anonymous: a.userIds.length - shown.length };
  });
}

function peerVeil(spot: { actors: string[]; fields: string[] }, me: string): Veil {
  const others = new Set(spot.actors);
  return {
    fields: new Set(spot.fields),
    people: others,
    assignments: (list) => withHidden(list, others),
    // The others' events go; the rest keep what was done and said, not the notes that name the others.
    history: (items) =>
      items
        .filter((e) => !e.actorId || !others.has(e.actorId))
        .map((e) => unhashed(e.actorId === me ? e : { ...e, meta: pick(e.meta, ['type', 'comment', 'via']) })),
  };
}

/**
 * Stable labels: the reviewers the snapshot names, in the order they were named (a successor takes the
 * seat of the one they replaced), then reviewers only the history knows — those who scored or voted in
 * the review's steps and the people handed over from or to a reviewer (移交) — in the order they appear.
 */
function aliasesOf(
  seal: ReviewSeal,
  events: Array<Pick<TAuditEventRow, 'actorId' | 'meta' | 'before'>>,
): Map<string, Alias> {
  const aliases = new Map<string, Alias>();
  const seats = new Map<TRole, number>();
  const add = (userId: string, role: TRole) => {
    if (aliases.has(userId)) return;
    const n = (seats.get(role) ?? 0) + 1;
    seats.set(role, n);
    aliases.set(userId, { role, n });
  };
  for (const r of seal.reviewers) add(r.userId, r.role);
  const handovers: Array<[string, string]> = [];
  for (const e of events) {
    const meta = record(e.meta);
    const at = seal.actsAt[str(record(e.before)?.state) ?? ''];
    if (at && e.actorId && at.events.includes(str(meta?.type) ?? '')) add(e.actorId, at.role);
    const reassign = record(meta?.reassign);
    const from = str(reassign?.from);
    const to = str(reassign?.to);
    if (from && to) handovers.push([from, to]);
  }
  for (let grew = true; grew;) {
    grew = false;
    for (const [from, to] of handovers) {
      const known = aliases.get(to) ?? aliases.get(from);
      if (!known || (aliases.has(from) && aliases.has(to))) continue;
      add(from, known.role);
      add(to, known.role);
      grew = true;
    }
  }
  return aliases;
}

function sealVeil(seal: ReviewSeal, events: TAuditEventRow[]): Veil {
  const aliases = aliasesOf(seal, events);
  const label = (a: Alias) => `${ROLE_ZH[a.role]} ${a.n}`;
  const swap = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const a = aliases.get(v);
      return a ? label(a) : v;
    }
    if (Array.isArray(v)) return v.map(swap);
    const r = record(v);
    return r ? Object.fromEntries(Object.entries(r).map(([k, x]) => [k, swap(x)])) : v;
  };
  const people = new Set(aliases.keys());
  return {
    fields: new Set(seal.fields),
    people,
    assignments: (list) => withHidden(list, people),
    history: (items) =>
      items.map((e) => {
        const alias = e.actorId ? aliases.get(e.actorId) : undefined;
        // Others' notes keep their shape with each reviewer as a label (3 experts assigned, who was handed over).
        if (!alias) return unhashed({ ...e, before: swap(e.before), after: swap(e.after), meta: swap(e.meta) });
        // A reviewer's own act is progress: what was done and where, not who, nor what they wrote or uploaded.
        const state = ['state', 'version'];
        return unhashed({
          ...e,
          actorId: null,
          actorName: label(alias),
          actorAlias: alias,
          before: pick(e.before, state),
          after: pick(e.after, state),
          meta: pick(e.meta, ['type', 'via']),
        });
      }),
  };
}
