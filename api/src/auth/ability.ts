import { AbilityBuilder, createMongoAbility, type ForcedSubject, type MongoAbility } from '@casl/ability';

import { isPrivilegedRole, ROLES, type TRole } from '../engine.js';
import type { TAuthUser } from './user.js';

// `assign`: name people for an instance's roles when starting it (inspectors, experts) — bureau staff only.
// `archive`: move audit events past retention out of the table into a verifiable file — the auditor only.
// `grant`: add or remove one role grant of an account (a RoleGrant subject).
export const ACTIONS = [
  'manage',
  'create',
  'read',
  'update',
  'publish',
  'act',
  'verify',
  'assign',
  'archive',
  'grant',
] as const;
export type TAction = (typeof ACTIONS)[number];
export const SUBJECT_TYPES = [
  'Instance',
  'Definition',
  'Task',
  'AuditEvent',
  'Organisation',
  'User',
  'ReferenceData',
  'BurdenReport',
  'Notification',
  'Calendar',
  'Delegation',
  'RoleGrant',
] as const;
export type TSubjectType = (typeof SUBJECT_TYPES)[number];

/** The fields of an instance that rules may test; `participantIds` is materialised from instance_participants. */
export type TInstanceSubject = {
  id: string;
  definitionId: string;
  subjectOrgId: string;
  subjectGroupId: string | null;
  districtId: string;
  createdBy: string;
  status: string;
  participantIds: string[];
};

type Tagged<T extends TSubjectType, Fields> = Fields & ForcedSubject<T>;
/** Subject types, and the fields rules may test on each (the typed conditions catch misspelt fields). */
type Subjects =
  | TSubjectType
  | 'all'
  | Tagged<'Instance', TInstanceSubject>
  | Tagged<'Definition', { id: string; key: string; status: string }>
  /** `privileged`: the account holds one of the three powers (bureauAdmin, securityAdmin, auditor). */
  | Tagged<'User', { id: string; orgAncestorIds: string[]; privileged: boolean }>
  /** One grant being added or removed; `accountPrivileged` describes the account before the change. */
  | Tagged<'RoleGrant', { role: TRole; userId: string; accountPrivileged: boolean }>
  | Tagged<'Notification', { id: string; userId: string }>
  | Tagged<'Organisation', { id: string }>
  | Tagged<'Task', { id: string }>
  | Tagged<'AuditEvent', { id: string }>
  | Tagged<'ReferenceData', { id: string; status: string }>
  | Tagged<'BurdenReport', { id: string }>
  | Tagged<'Delegation', { id: string }>;
export type AppAbility = MongoAbility<[TAction, Subjects]>;
type Builder = AbilityBuilder<AppAbility>;

const orgsWith = (user: TAuthUser, role: TRole): string[] =>
  user.roles.filter((g) => g.role === role).map((g) => g.orgId);

const ORDINARY_ROLES = ROLES.filter((r) => !isPrivilegedRole(r));
/** Everything a workflow is made of: the security administrator and the auditor change none of it. */
const WORKFLOW_DATA: TSubjectType[] = [
  'Instance',
  'Definition',
  'Task',
  'ReferenceData',
  'BurdenReport',
  'Calendar',
  'Organisation',
  'Delegation',
];

// One small function per role; a user with several grants gets the union.
const ROLE_RULES: Record<TRole, (b: Builder, user: TAuthUser) => void> = {
  bureauAdmin: ({ can }) => {
    can('manage', ['Definition', 'Organisation', 'ReferenceData']);
    // 三权分立: the system administrator keeps the ordinary accounts and their ordinary roles; accounts
    // holding one of the three powers, and those roles themselves, are the security administrator's.
    can('read', 'User');
    can(['create', 'update'], 'User', { privileged: false });
    can('grant', 'RoleGrant', { role: { $in: ORDINARY_ROLES }, accountPrivileged: false });
    can(['read', 'create', 'assign'], 'Instance');
    can('read', 'Task');
    can('update', 'Calendar');
    // Hand a departing person's work in any instance to a successor (engine REASSIGN); deciding stays with 'act'.
    can('update', 'Instance');
  },
  bureauReviewer: ({ can }) => {
    can('read', 'User');
    can('read', ['Instance', 'Definition', 'Organisation', 'BurdenReport']);
    // Reviewers open rounds and cycles too (the built-in definitions list them as starters).
    can(['create', 'assign'], 'Instance');
    // 负担码 complaints are bureau tasks: reviewers resolve them.
    can('update', 'BurdenReport');
    can('act', 'Instance');
    // 四眼原则: the admins' drafts (workflows, whitelists, checklists, indicator systems, rubrics) are
    // approved by someone else — a reviewer reads them and publishes; editing stays with the admins.
    can('read', 'ReferenceData');
    can('publish', ['Definition', 'ReferenceData'], { status: 'draft' });
  },
  groupLead: ({ can }, user) => {
    can(['read', 'act'], 'Instance', { subjectGroupId: { $in: orgsWith(user, 'groupLead') } });
  },
  principal: ({ can }, user) => {
    can(['read', 'create', 'act'], 'Instance', { subjectOrgId: { $in: orgsWith(user, 'principal') } });
  },
  teacher: ({ can }, user) => {
    can('create', 'BurdenReport');
    // The author may act (resubmit, withdraw) on what they started; the engine decides which events.
    can(['read', 'act'], 'Instance', { createdBy: user.id });
    can('create', 'Instance', { subjectOrgId: { $in: orgsWith(user, 'teacher') } });
  },
  inspector: ({ can }, user) => {
    can(['read', 'act'], 'Instance', { participantIds: user.id });
  },
  expert: ({ can }, user) => {
    can(['read', 'act'], 'Instance', { participantIds: user.id });
  },
  outsideDept: ({ can }, user) => {
    can('create', 'Instance');
    can(['read', 'act'], 'Instance', { createdBy: user.id });
  },
  securityAdmin: ({ can, cannot }) => {
    // 三权分立: role grants and the privileged accounts (system admins, security admins, auditors) —
    // never workflow data, and never an ordinary account's password: that would be a way into its work.
    can('read', 'User');
    can(['create', 'update'], 'User', { privileged: true });
    can('grant', 'RoleGrant');
    cannot(['create', 'update', 'publish', 'act', 'assign'], WORKFLOW_DATA);
    cannot('read', ['Instance', 'Task', 'BurdenReport', 'Definition']);
  },
  auditor: ({ can, cannot }) => {
    // 三权分立: the auditor sees everything and changes nothing.
    can('read', 'all');
    can('verify', 'AuditEvent');
    // Archiving changes no record: each event leaves the table only into a file the chain vouches for, ≥ 180
    // days old, and the archive itself is an audit event (ADR 0015). Keeping the log is the auditor's duty.
    can('archive', 'AuditEvent');
    cannot(['create', 'update', 'publish', 'act', 'grant'], 'all');
  },
};

/** The powers applied last, so that their `cannot` rules win over any other role the person holds. */
const LAST: readonly TRole[] = ['securityAdmin', 'auditor'];

/** All permissions in one place. The engine decides which events a role may fire; CASL decides who may see/touch the row. */
export function defineAbilityFor(user: TAuthUser): AppAbility {
  const builder: Builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  if (user.roles.length > 0) {
    // Everyone signed in sees the org tree, published definitions, their own account and their inbox.
    builder.can('read', 'Organisation');
    builder.can('read', 'Definition', { status: 'published' });
    builder.can('read', 'ReferenceData', { status: 'published' });
    builder.can('read', 'User', { id: user.id });
    // The people picker: whoever holds a grant in my part of the tree (my school, my group's schools…).
    builder.can('read', 'User', { orgAncestorIds: { $in: [...new Set(user.roles.map((g) => g.orgId))] } });
    builder.can(['read', 'update'], 'Notification', { userId: user.id });
    builder.can('read', 'Calendar');
    builder.can('read', 'Task');
    // People named on an instance (assigned, handed a task, copied in) may open it; the engine still
    // decides which events each of them may fire.
    builder.can(['read', 'act'], 'Instance', { participantIds: user.id });
    // Anyone with duties may hand them over for a leave (standing delegation); the auditor's `cannot` wins.
    builder.can('create', 'Delegation');
  }
  const roles = new Set(user.roles.map((g) => g.role));
  for (const role of roles) if (!LAST.includes(role)) ROLE_RULES[role](builder, user);
  for (const role of LAST) if (roles.has(role)) ROLE_RULES[role](builder, user);
  // Nobody changes their own roles: no one grants themselves a power, or removes the trace of one.
  builder.cannot('grant', 'RoleGrant', { userId: user.id });
  return builder.build();
}
