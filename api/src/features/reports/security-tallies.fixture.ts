import { expect } from 'vitest';

import { CHECKLIST_V1 } from '../../test/fixtures/reference-docs.js';
import { makeWorkflowHarness } from '../../test/workflow-harness.js';

export const DAY = 86_400_000;
export const AUTUMN = '2026年秋季网络安全检查';
export type Severity = 'high' | 'medium' | 'low';

/**
 * The security report tallies' tests' district (security-tallies.test.ts on both engines,
 * security-tallies.sqlite.test.ts for SQLite's plans): autumn inspections with findings at three schools;
 * `raised` files another.
 */
export async function securityTalliesFixture() {
  const h = await makeWorkflowHarness();
  const ids: Record<string, string> = {};
  const answered = (fails: Record<string, Severity>) =>
    CHECKLIST_V1.items.map((i) => ({
      ...i,
      result: fails[i.code] ? 'fail' : 'pass',
      ...(fails[i.code] ? { severity: fails[i.code], note: '未达标' } : {}),
    }));

  async function raised(
    name: string,
    school: string,
    principal: string,
    round: string,
    fails: Record<string, Severity>,
  ) {
    const started = (await (
      await h.start(
        'admin',
        'security-inspection',
        school,
        { round, items: CHECKLIST_V1.items },
        { inspector: [h.users.inspector] },
      )
    ).json()) as { id: string };
    expect((await h.fire(started.id, principal, 'SUBMIT', { data: { items: answered(fails) } })).status).toBe(200);
    expect((await h.fire(started.id, 'inspector', 'RAISE_FINDINGS', { comment: '存在问题' })).status).toBe(200);
    ids[name] = started.id;
  }
  // Autumn: A (high + low), A2 (medium), B (high); then spring: A fails HOST-01 again (a repeat).
  await raised('A', h.orgs.schoolA, 'principalA', AUTUMN, { 'HOST-01': 'high', 'DATA-01': 'low' });
  await raised('A2', h.orgs.schoolA2, 'principalA2', AUTUMN, { 'MGT-01': 'medium' });
  await raised('B', h.orgs.schoolB, 'principalB', AUTUMN, { 'HOST-01': 'high' });
  h.clock.advance(2 * DAY);
  return { h, ids, raised };
}
