import type { AccessControlProvider } from '@refinedev/core';

import { loadSession } from './session';

/** Console resource → CASL subject of the API. Resources not listed are open to anyone signed in. */
const SUBJECTS: Record<string, string> = {
  audit: 'AuditEvent',
  definitions: 'Definition',
  orgs: 'Organisation',
  users: 'User',
};

/**
 * Resources whose list the contract opens to every signed-in user with workflow duties (the server
 * filters rows); the security administrator has none (三权分立), which its CASL rules say.
 */
const OPEN_LISTS = new Set(['tasks', 'instances']);

/**
 * The bureau's reference-data screens: shown to whoever may change them, and read-only to the bureau
 * reviewers and auditors; every other role reads what it needs inside the workflows instead.
 */
const BUREAU_SCREENS: Record<string, [string, string]> = {
  users: ['update', 'User'],
  orgs: ['update', 'Organisation'],
  reference: ['create', 'ReferenceData'],
  calendar: ['update', 'Calendar'],
  // The group shows when any screen in it does: the security administrator sees only 用户与角色.
  settings: ['update', 'User'],
};
const BUREAU_READERS = new Set(['bureauReviewer', 'auditor']);

/**
 * 整改问题: the roles that may read security inspections (api/src/auth/ability.ts) — the bureau, the
 * auditor, inspectors, principals and group leads. Teachers, experts and outside departments read none.
 */
const FINDING_READERS = new Set(['bureauAdmin', 'bureauReviewer', 'auditor', 'inspector', 'principal', 'groupLead']);

const ACTIONS: Record<string, string> = { list: 'read', show: 'read', edit: 'update', delete: 'manage' };

const SUBJECT_OF_ENTITY: Record<string, string> = { instances: 'Instance', tasks: 'Task' };

/**
 * Hides menu items and buttons the user cannot use. It never grants anything: the API decides
 * every request with the same rules.
 */
export const accessControlProvider: AccessControlProvider = {
  can: async ({ resource, action }) => {
    if (!resource) return { can: true };
    const session = await loadSession();
    if (!session) return { can: false };
    const caslAction = ACTIONS[action] ?? action;
    const screen = BUREAU_SCREENS[resource];
    if (screen && caslAction === 'read') {
      return {
        can: session.ability.can(screen[0], screen[1]) || session.me.roles.some((r) => BUREAU_READERS.has(r.role)),
      };
    }
    if (caslAction === 'read' && OPEN_LISTS.has(resource))
      return { can: session.ability.can('read', SUBJECT_OF_ENTITY[resource] ?? 'all') };
    // 负担码 is a form to file, not a list to read: shown to whoever may file (teachers).
    if (resource === 'burden-reports') return { can: session.ability.can('create', 'BurdenReport') };
    if (resource === 'findings')
      return { can: caslAction === 'read' && session.me.roles.some((r) => FINDING_READERS.has(r.role)) };
    const subject = SUBJECTS[resource] ?? SUBJECT_OF_ENTITY[resource];
    if (!subject) return { can: true };
    return { can: session.ability.can(caslAction, subject) };
  },
  options: {
    buttons: { enableAccessControl: true, hideIfUnauthorized: true },
    queryOptions: { staleTime: 60_000 },
  },
};
