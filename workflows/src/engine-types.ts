import type { TActorRule, TDefinition, TLocalizedText, TRole } from './definition/schema.js';

/** A role held by a user at one organisation of the tree. */
export type RoleGrant = { role: TRole; orgId: string };

/** Who is acting. `system` is the scheduler (timers) and carries no roles. */
export type Actor = { userId: string; roles: RoleGrant[] } | { userId: 'system'; roles: [] };

/** The organisation an instance is about, with the path from the district down to it. */
export type Subject = {
  orgId: string;
  path: string[];
  type: TDefinition['subject'];
  /** For a group: its member schools, for the `subject.members` scope. */
  members?: string[];
};

/** Facts the API looks up for guards (counts, caps, conflicts) so the engine stays pure. */
export type Facts = Record<string, unknown>;

/** Holidays, make-up workdays and vacations, as ISO dates (YYYY-MM-DD), in the district's time zone. */
/**
 * A year's statutory arrangement as the bureau loaded it from the State Council's notice: the days off
 * and the make-up working days (调休上班). `replacesPackage` makes it win over the `chinese-days` dataset
 * for a year the dataset covers; see `statutorySource`.
 */
export type StatutoryYear = { holidays: string[]; workdays: string[]; replacesPackage: boolean };

/**
 * The district's calendar: its own extra holidays, extra workdays and school vacations (over everything),
 * and the statutory years the bureau loaded, keyed by year ("2027").
 */
export type CalendarData = {
  holidays: string[];
  workdays: string[];
  vacations: Array<{ from: string; to: string }>;
  statutory?: Record<string, StatutoryYear>;
};

export type EngineEnv = {
  /** The current instant; the engine never reads a clock. */
  now: Date;
  calendar?: CalendarData;
  facts?: Facts;
  /**
   * Users resolved by the API for the review and collect states this step may enter (state id → user
   * ids): the engine cannot query the directory itself. See `reviewAssigneeRules`.
   */
  reviewers?: Record<string, string[]>;
  /**
   * How people know the participants of the collect steps (user id → their school), supplied by the API
   * so a collector's refused move can say who is still missing. Ids without a name are only counted.
   */
  partyNames?: Record<string, string>;
};

/** A candidate who may act on an open task: a user, or any holder of a role at an organisation (null = anywhere). */
export type TaskCandidate = { userId: string } | { role: TRole; orgId: string | null };

export type Effect =
  | {
      type: 'openTask';
      taskKey: string;
      state: string;
      candidates: TaskCandidate[];
      dueAt: string | null;
      /** Set for review tasks and escalations: why this task exists. */
      purpose: 'act' | 'review' | 'escalation' | 'sign';
    }
  /** Transfer, delegation and its return: the same task now waits on other people. */
  /** REASSIGN: a bureau admin hands a departing person's work to a successor (reason 'reassign'). */
  | {
      type: 'reassignTask';
      taskKey: string;
      candidates: TaskCandidate[];
      reason: 'transfer' | 'delegate' | 'signBefore' | 'signAfter' | 'resolved' | 'reassign';
    }
  /** Copy-to (抄送): these users may read the instance from now on. */
  | { type: 'addReaders'; userIds: string[] }
  | { type: 'closeTask'; taskKey: string; outcome: string; byUserId: string | null }
  | { type: 'scheduleTimer'; timerKey: string; dueAt: string; event: TimerEvent }
  | { type: 'cancelTimer'; timerKey: string }
  /** A declared transition was taken (the action's blocks record what it did); the caller performs nothing for it. */
  | { type: 'moved'; from: string; event: string; to: string }
  /** An automatic step decided by its rules; `reasons` lists each rule that refused (empty when a choice held). */
  | ({ type: 'decided' } & AutoDecision)
  | {
      type: 'notify';
      /** `returned`: a collector sent one participant's part back; `note` is the reason they gave.
       *  `refused`: the initiator is told which rules an automatic step found not met, `reasons` listing them. */
      kind: 'reminder' | 'escalation' | 'entered' | 'chase' | 'copy' | 'sign' | 'returned' | 'refused';
      state: string;
      to: TaskCandidate[];
      note?: string;
      reasons?: RuleReason[];
    };

export type TimerEvent = { type: 'TIMER'; timer: 'remind' | 'due' | 'noticeEnd'; state: string; visit: number };

/**
 * One rule that refused an automatic step, as the requester reads it: the rule's name (a guard's, or
 * one of a rule set's such as `leadTime`), its label, why, and the school it is about when it is one's.
 */
export type RuleReason = { rule: string; label?: TLocalizedText; message: TLocalizedText; schoolId?: string };

/** What an automatic step decided, and why when no choice's rules held (it went to `otherwise`). */
export type AutoDecision = { state: string; visit: number; to: string; reasons: RuleReason[] };

/** What a caller sends to move an instance. */
export type EngineEvent = {
  type: string;
  data?: Record<string, unknown>;
  comment?: string;
  /** For TIMER events. */
  timer?: TimerEvent['timer'];
  state?: string;
  visit?: number;
};

export type RefusalCode = 'EVENT_NOT_ALLOWED' | 'FORBIDDEN' | 'GUARD_FAILED' | 'VALIDATION' | 'COMMENT_REQUIRED';

export type Refusal = {
  ok: false;
  code: RefusalCode;
  message: TLocalizedText;
  /** The guard or rule that refused, by name, when one did. */
  rule?: string;
  fieldErrors?: Record<string, TLocalizedText>;
};

export type InstanceStatus = 'running' | 'completed';

export type StepOk = {
  ok: true;
  snapshot: PersistedSnapshot;
  state: string;
  status: InstanceStatus;
  outcome: string | null;
  effects: Effect[];
};

export type StepResult = StepOk | Refusal;

/** JSON-serialisable snapshot, stored as is in the instance row. */
export type PersistedSnapshot = Record<string, unknown>;

export type AvailableEvent = {
  type: string;
  label: TLocalizedText;
  to: string;
  commentRequired: boolean;
  requires: string[];
  /** Fields the action's dialog also offers to fill or correct (not required), e.g. the self-check summary beside the checklist. */
  asks?: string[];
  /** True for the engine's built-in approval mechanics (transfer, delegate, add signer, …). */
  mechanic?: boolean;
  /** For mechanics: what the console must ask for (a user, several users, a signer and position, an earlier step). */
  input?: 'user' | 'users' | 'signer' | 'step' | 'part';
  /** For RETURN_PART: the participants whose submitted part may be returned. */
  users?: string[];
  /** For RETURN_TO: the earlier steps one may return to. */
  choices?: Array<{ state: string; name: TLocalizedText }>;
  /** Why it cannot be fired now, if a guard refuses it (still listed so the UI can explain). */
  blockedBy?: { rule: string; message: TLocalizedText };
};

export type { TActorRule };
