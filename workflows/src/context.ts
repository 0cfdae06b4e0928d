import type { Collection } from './collect.js';
import type { TJoin, TRole } from './definition/schema.js';
import type { Actor, AutoDecision, EngineEnv, Subject } from './engine-types.js';

export type Vote = { vote: 'APPROVE' | 'REJECT'; at: string; data?: Record<string, unknown>; comment?: string };

/** One visit of a review state: who must vote and what each said. */
export type ReviewRound = { visit: number; assignees: string[]; votes: Record<string, Vote>; dueAt: string | null };

/** Everything an instance carries between steps; stored inside the persisted snapshot. */
export type EngineContext = {
  subject: Subject;
  initiatorId: string;
  assignments: Partial<Record<TRole, string[]>>;
  data: Record<string, unknown>;
  /** How many times each state was entered: task keys and timers are scoped to a visit. */
  visits: Record<string, number>;
  /** States in the order they were entered, for the trace diagram. */
  trail: string[];
  reviews: Record<string, ReviewRound>;
  /** A task state's work handed to someone else in this visit (转办 / 委派 / 前加签). */
  holders: Record<string, Holder>;
  /** Signers added after the handler (后加签), and the move waiting for their signatures. */
  afterSigners: Record<string, AfterSign>;
  /** Users the instance was copied to (抄送): they may read it. */
  readers: string[];
  /** Parts submitted in collect steps, per state. */
  collections: Record<string, Collection>;
  /** What each automatic step last decided and why (absent in snapshots older than the field). */
  decisions?: Record<string, AutoDecision>;
};

export type Holder = { userId: string; mode: 'transfer' | 'delegate' | 'signBefore'; from: string; prev?: Holder };
export type PendingMove = { event: string; data?: Record<string, unknown>; comment?: string; by: string };
export type AfterSign = { signers: string[]; signed: string[]; pending?: PendingMove };

/** The event the compiled machine receives: the caller's event plus who sent it and the environment. */
export type MachineEvent = {
  type: string;
  data?: Record<string, unknown>;
  comment?: string;
  timer?: string;
  state?: string;
  visit?: number;
  actor: Actor;
  env: EngineEnv;
};

export type StartInput = {
  subject: Subject;
  initiatorId: string;
  data: Record<string, unknown>;
  assignments: Partial<Record<TRole, string[]>>;
  actor: Actor;
  env: EngineEnv;
  /** For `enter()`: the whole context to arrive with (its visit counters continue), instead of a fresh one. */
  context?: EngineContext;
};

/** XState enters the initial state with an init event carrying the input; later events carry env themselves. */
export function envOf(event: unknown): { env: EngineEnv; actor: Actor | null } {
  const e = event as Partial<MachineEvent> & { input?: StartInput };
  if (e.input) return { env: e.input.env, actor: e.input.actor };
  return { env: e.env as EngineEnv, actor: e.actor ?? null };
}

/** When is a parallel review decided, and which way? null = still waiting for votes. */
export function joinOutcome(join: TJoin, round: ReviewRound): 'APPROVE' | 'REJECT' | null {
  const votes = Object.values(round.votes);
  const approvals = votes.filter((v) => v.vote === 'APPROVE').length;
  const rejections = votes.length - approvals;
  const total = round.assignees.length;
  switch (join.policy) {
    case 'any':
      return votes.length === 0 ? null : approvals > 0 ? 'APPROVE' : 'REJECT';
    case 'all':
      return rejections > 0 ? 'REJECT' : approvals === total ? 'APPROVE' : null;
    case 'quorum':
      if (approvals >= join.count) return 'APPROVE';
      return rejections > total - join.count ? 'REJECT' : null;
  }
}
