import { type Deps, fileBurdenReport, runDueTimers } from '@eduflow/api';

import { DEMO_USERS } from './district.js';
import { seedBundledAssessments } from './seed-bundled-assessments.js';
import { seedCalendar } from './seed-calendar.js';
import { seedCampusEntries } from './seed-campus-entries.js';
import { seedOrganisations } from './seed-organisations.js';
import { seedReference } from './seed-reference.js';
import { seedSecurityInspections } from './seed-security-inspections.js';
import { seedTeachingAwards } from './seed-teaching-awards.js';
import { seedUsers } from './seed-users.js';

export { DEMO_USERS } from './district.js';

export type SeedSummary = { schools: number; groups: number; users: number; instances: number };

/** Builds the demo district through the API's own use-cases: organisations, accounts, workflows, instances. */
export async function seedDemo(deps: Deps, opts: { password: string }): Promise<SeedSummary> {
  const orgs = await seedOrganisations(deps);
  const users = await seedUsers(deps, orgs, opts.password);
  await seedReference(deps, users.get('admin')!, users.get('reviewer')!);
  const inspections = await seedSecurityInspections(deps, orgs, users);
  const assessments = await seedBundledAssessments(deps, orgs, users);
  const entries = await seedCampusEntries(deps, orgs, users);
  const awards = await seedTeachingAwards(deps, orgs, users);
  await fileBurdenReport(deps, {
    actor: users.get('teacher1')!,
    burdenItem: 'JF-01',
    description: '街道要求教师每周填报社区志愿服务统计表，与教学无关。',
    hours: 3,
  });
  // What fell due while the demo's past was replayed (公示 ends, overdue escalations) happens now, as the scheduler would.
  while ((await runDueTimers(deps)).fired > 0);
  // Saved last: the replayed past keeps the deadlines it was seeded with; steps opened from now on count the vacations.
  await seedCalendar(deps, users.get('admin')!);
  return {
    schools: orgs.schools.size,
    groups: orgs.groups.size,
    users: users.size,
    instances: inspections.instances + assessments + entries + awards,
  };
}

/** The demo accounts as the start banner and the README list them (with the authenticator secret of the three powers). */
export const demoAccounts = () =>
  DEMO_USERS.map((u) => ({
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    ...('totp' in u ? { totpSecret: u.totp } : {}),
  }));
