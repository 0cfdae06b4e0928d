import { matchesAny } from './actors.js';
import { usesOf } from './blocks/sites.js';
import type { EngineContext } from './context.js';
import type { TActorRule, TDefinition, TRole, TState } from './definition/schema.js';
import type { Actor } from './engine-types.js';

/**
 * An expert review as a definition declares it with the `assignExperts` block: the role the block's
 * action assigns, the form fields that name those people, the steps the action opens the review at, and
 * who runs it — whoever may take the assigning action and the collectors of the steps the role scores in.
 */
export type SealedReview = { role: TRole; fields: string[]; opens: string[]; runners: TActorRule[] };

const strings = (v: unknown) =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];

/** Who may take a declared action of a step that names no actors of its own (the engine's `mayFire`). */
const handlersOf = (s: TState): TActorRule[] =>
  s.kind === 'task' ? s.actors : s.kind === 'review' ? [s.assignees] : s.kind === 'collect' ? s.collectors : [];

const reviews = new WeakMap<TDefinition, SealedReview[]>();

/** The expert reviews a definition declares, once per definition object. */
export function sealedReviews(def: TDefinition): SealedReview[] {
  let list = reviews.get(def);
  if (list) return list;
  list = usesOf(def, 'assignExperts').flatMap((u) => {
    if (u.site.at !== 'action') return [];
    const from = def.states[u.site.state];
    const tr = from && 'on' in from ? from.on[u.site.event] : undefined;
    if (!from || !tr?.assigns) return [];
    const role = tr.assigns.role;
    const states = Object.values(def.states);
    const fields = states.flatMap((s) =>
      'on' in s ? Object.values(s.on).flatMap((x) => (x.assigns?.role === role ? [x.assigns.field] : [])) : [],
    );
    const collectors = states.flatMap((s) =>
      s.kind === 'collect' && s.participants.role === role ? s.collectors : [],
    );
    return [
      {
        role,
        fields: [...new Set([u.params.field, ...fields])],
        opens: [tr.to],
        runners: [...(tr.actors ?? handlersOf(from)), ...collectors],
      },
    ];
  });
  reviews.set(def, list);
  return list;
}

/**
 * Results are public once the instance has rested in a notice step (公示) since the review last opened:
 * the notice is where a definition makes results public. A review reopened after an objection is sealed
 * again; one that ends without a notice (not awarded) never unseals.
 */
function published(def: TDefinition, review: SealedReview, trail: string[]): boolean {
  let opened = -1;
  trail.forEach((s, i) => {
    if (review.opens.includes(s)) opened = i;
  });
  return opened >= 0 && trail.slice(opened + 1).some((s) => def.states[s]?.kind === 'notice');
}

/** The people the instance names for the review's role: assigned, in the fields, seated in its steps — in the order they were named. */
function reviewersOf(def: TDefinition, review: SealedReview, ctx: EngineContext): string[] {
  const ids = [...(ctx.assignments[review.role] ?? []), ...review.fields.flatMap((f) => strings(ctx.data[f]))];
  for (const [id, s] of Object.entries(def.states)) {
    const c = s.kind === 'collect' && s.participants.role === review.role ? ctx.collections[id] : undefined;
    if (c) ids.push(...c.participants, ...Object.keys(c.parts));
    const r = s.kind === 'review' && s.assignees.role === review.role ? ctx.reviews[id] : undefined;
    if (r) ids.push(...r.assignees, ...Object.keys(r.votes));
  }
  return [...new Set(ids)];
}

/**
 * What the submitting side may not learn of an expert review before its results are published (评审保密):
 * who the reviewers are and the fields naming them. `actsAt` says which events at which step are a
 * reviewer's own act (a part, a vote), so a history can recognise reviewers the snapshot no longer names.
 */
export type ReviewSeal = {
  reviewers: Array<{ userId: string; role: TRole }>;
  fields: string[];
  actsAt: Record<string, { role: TRole; events: string[] }>;
};

/**
 * The seal over the instance's expert reviews for this actor, or null when nothing is sealed from them:
 * no review declared, its results published, or the actor sits in it (an expert: see `blindSpotFor` for
 * what experts may not see of each other) or runs it (the bureau that assigns and collects). Everyone
 * else who may read the instance — the author, their principal and group lead, people copied in — is
 * on the reviewed side.
 */
export function reviewSealFor(def: TDefinition, ctx: EngineContext, actor: Actor): ReviewSeal | null {
  const sealed = sealedReviews(def).filter((r) => !published(def, r, ctx.trail));
  if (sealed.length === 0) return null;
  const reviewers = new Map<string, TRole>();
  for (const r of sealed) for (const id of reviewersOf(def, r, ctx)) if (!reviewers.has(id)) reviewers.set(id, r.role);
  if (reviewers.has(actor.userId) || sealed.some((r) => matchesAny(actor, r.runners, ctx))) return null;
  const roles = new Set(sealed.map((r) => r.role));
  const actsAt: ReviewSeal['actsAt'] = {};
  for (const [id, s] of Object.entries(def.states)) {
    if (s.kind === 'collect' && roles.has(s.participants.role))
      actsAt[id] = { role: s.participants.role, events: ['SUBMIT_PART'] };
    if (s.kind === 'review' && roles.has(s.assignees.role))
      actsAt[id] = { role: s.assignees.role, events: ['APPROVE', 'REJECT'] };
  }
  return {
    reviewers: [...reviewers].map(([userId, role]) => ({ userId, role })),
    fields: [...new Set(sealed.flatMap((r) => r.fields))],
    actsAt,
  };
}
