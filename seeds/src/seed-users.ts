import { createUser, type Deps, hashPassword, loadAuthUser, presetTotp, type TAuthUser } from '@eduflow/api';
import type { TRole } from '@eduflow/workflows';

import { DEMO_USERS, GROUPS } from './district.js';
import type { OrgIndex } from './seed-organisations.js';

export type UserIndex = Map<string, TAuthUser>;

function orgOf(index: OrgIndex, at: string): string {
  const [kind, name] = at.split(':');
  const id =
    kind === 'district'
      ? index.districtId
      : kind === 'group'
        ? index.groups.get(name)
        : kind === 'school'
          ? index.schools.get(name)?.id
          : index.departments.get(name);
  if (!id) throw new Error(`demo user placed at unknown organisation ${at}`);
  return id;
}

/**
 * The demo accounts (the three powers with their authenticator already set up), plus a principal for every other school and a lead for every other group so that
 * every routed task has someone to go to. One argon2 hash serves them all: they share the demo password.
 */
export async function seedUsers(deps: Deps, index: OrgIndex, password: string): Promise<UserIndex> {
  const passwordHash = await hashPassword(password);
  const users: UserIndex = new Map();
  const add = async (username: string, displayName: string, role: TRole, orgId: string) => {
    const created = await createUser(deps, { username, displayName, passwordHash, roles: [{ role, orgId }] });
    users.set(username, (await loadAuthUser(deps, created.id))!);
  };
  for (const u of DEMO_USERS) {
    await add(u.username, u.displayName, u.role, orgOf(index, u.at));
    if ('totp' in u) await presetTotp(deps, { userId: users.get(u.username)!.id, secret: u.totp });
  }
  const taken = new Set(DEMO_USERS.map((u) => `${u.role}@${u.at}`));
  for (const [name, school] of index.schools)
    if (!taken.has(`principal@school:${name}`))
      await add(`principal-${school.code.toLowerCase()}`, `${name}校长`, 'principal', school.id);
  for (const g of GROUPS)
    if (!taken.has(`groupLead@group:${g.key}`))
      await add(
        `lead-${g.key.toLowerCase()}`,
        `${g.name.replace('教育集团', '')}总校长`,
        'groupLead',
        index.groups.get(g.key)!,
      );
  return users;
}

/** The principal account of a school, demo or generated. */
export function principalOf(users: UserIndex, index: OrgIndex, schoolName: string): TAuthUser {
  const demo = DEMO_USERS.find((u) => u.role === 'principal' && u.at === `school:${schoolName}`);
  const username = demo?.username ?? `principal-${index.schools.get(schoolName)!.code.toLowerCase()}`;
  return users.get(username)!;
}
