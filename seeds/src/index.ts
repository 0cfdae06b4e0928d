import type { Deps } from '@eduflow/api';
import { seedOrganisations } from './seed-organisations.js';
import { seedUsers } from './seed-users.js';
import { seedSecurityInspections } from './seed-security-inspections.js';
import { DEMO_USERS } from './district.js';

export { DEMO_USERS } from './district.js';

export type SeedSummary = { schools: number; groups: number; users: number; instances: number };

/** Builds the demo district through the API's own use-cases: organisations, accounts, workflows, instances. */
export async function seedDemo(deps: Deps, opts: { password: string }): Promise<SeedSummary> {
  const orgs = seedOrganisations(deps);
  const users = await seedUsers(deps, orgs, opts.password);
  const inspections = seedSecurityInspections(deps, orgs, users);
  return { schools: orgs.schools.size, groups: orgs.groups.size, users: users.size, instances: inspections.instances };
}

/** The demo accounts as the start banner and the README list them. */
export const demoAccounts = () => DEMO_USERS.map((u) => ({ username: u.username, displayName: u.displayName, role: u.role }));
