import {
  createDraftDefinition,
  type Deps,
  fireEvent,
  publishDefinition,
  saveAttachment,
  startInstance,
  type TAuthUser,
} from '@eduflow/api';
import { TEMPLATES } from '@eduflow/workflows';

import { CHECKLIST, GROUPS } from './district.js';
import type { OrgIndex } from './seed-organisations.js';
import { principalOf, type UserIndex } from './seed-users.js';

const DAY = 86_400_000;
/** The same use-cases, run as if on an earlier day, so that demo deadlines fall due and overdue. */
const daysAgo = (deps: Deps, days: number): Deps => ({
  ...deps,
  clock: () => new Date(deps.clock().getTime() - days * DAY),
});

type Stage = 'selfCheck' | 'saved' | 'inspection' | 'rectification' | 'verification' | 'passed' | 'rectified';

/** Where each secondary school's inspection stands in the demo; every state of the workflow appears. */
const PLAN: Record<string, { stage: Stage; startedDaysAgo: number }> = {
  // Started earliest-due among principal1's tasks, so the inbox opens on it.
  西永中学: { stage: 'saved', startedDaysAgo: 8 },
  虎溪中学: { stage: 'selfCheck', startedDaysAgo: 20 },
  含谷中学: { stage: 'inspection', startedDaysAgo: 8 },
  科学城第一中学: { stage: 'rectification', startedDaysAgo: 12 },
  曾家中学: { stage: 'rectification', startedDaysAgo: 6 },
  高新区实验中学: { stage: 'verification', startedDaysAgo: 15 },
  白市驿中学: { stage: 'passed', startedDaysAgo: 25 },
  大学城中学: { stage: 'rectified', startedDaysAgo: 30 },
};

const ITEMS = CHECKLIST.map(({ code, layer, title }) => ({ code, layer, title }));
/** Weak passwords are a high-severity finding (5 working days), unmasked student data a medium one (10). */
const SEVERITY: Record<string, string> = { 'HOST-01': 'high', 'DATA-01': 'medium' };
/** The findings as inspector1 raises them on the tablet: severity, deadline, and the paper notice handed over. */
const raised = (failCodes: string[], notice: number) => ({
  findings: failCodes.map((code, i) => ({
    code,
    severity: SEVERITY[code] ?? 'low',
    workdays: { high: 5, medium: 10, low: 20 }[SEVERITY[code] ?? 'low'],
    noticeNo: `高新教网安〔2026〕${notice + i}号`,
  })),
});
/** The smallest valid PNG, standing in for the school's photo of each fix. */
const FIX_PHOTO = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);
const NOTES: Record<string, string> = {
  'HOST-01': '已重置全部服务器口令并启用复杂度策略',
  'DATA-01': '学生信息页面已按最小必要原则脱敏展示',
};
/**
 * The school hands in per finding: a photo of the fix on the item (a minute after the finding was raised, so
 * it is newer than the finding) and a note, through the same use-cases the console calls.
 */
async function handIn(deps: Deps, at: Deps, who: TAuthUser, instanceId: string, failCodes: string[]) {
  const minuteLater: Deps = { ...deps, clock: () => new Date(at.clock().getTime() + 60_000) };
  for (const code of failCodes)
    await saveAttachment(minuteLater, {
      actor: who,
      instanceId,
      field: `items.${code}`,
      name: `${code}整改后.png`,
      bytes: FIX_PHOTO,
    });
  return {
    rectifications: failCodes.map((code) => ({ code, note: NOTES[code] ?? '已整改' })),
  };
}

const answers = (failCodes: string[]) =>
  ITEMS.map((item) =>
    failCodes.includes(item.code)
      ? { ...item, result: 'fail', severity: SEVERITY[item.code] ?? 'low', note: '现场核查未达标' }
      : { ...item, result: 'pass', note: '' },
  );

/**
 * Publishes the security-inspection workflow and opens this autumn's round for every secondary school,
 * moved through the same use-cases people call, so the demo obeys every rule.
 */
export async function seedSecurityInspections(
  deps: Deps,
  index: OrgIndex,
  users: UserIndex,
): Promise<{ definitionId: string; instances: number }> {
  const admin = users.get('admin')!;
  const inspector = users.get('inspector1')!;
  // Drafted by the admin, approved and published by a reviewer (four eyes).
  const draft = await createDraftDefinition(deps, { definition: TEMPLATES['security-inspection'], actor: admin });
  const published = await publishDefinition(deps, { id: draft.id, actor: users.get('reviewer')! });
  const secondary = GROUPS.filter((g) => g.kind === 'secondary').flatMap((g) => g.schools);
  let count = await seedSpringRound(deps, published.id, index, users);
  for (const school of secondary) {
    const plan = PLAN[school] ?? { stage: 'selfCheck' as Stage, startedDaysAgo: 2 };
    const when = daysAgo(deps, plan.startedDaysAgo);
    const started = (
      await startInstance(when, {
        actor: admin,
        definitionId: published.id,
        subjectOrgId: index.schools.get(school)!.id,
        data: { round: '2026年秋季网络安全检查', items: ITEMS },
        assignments: { inspector: [inspector.id] },
      })
    ).body;
    count++;
    let version = started.version;
    const act = async (
      who: TAuthUser,
      type: string,
      extra: { data?: Record<string, unknown>; comment?: string } = {},
      at = when,
    ) => {
      version = (
        await fireEvent(at, {
          actor: who,
          instanceId: started.id,
          event: { type, ...extra },
          expectedVersion: version,
        })
      ).version;
    };
    const principal = principalOf(users, index, school);
    const later = daysAgo(deps, Math.max(plan.startedDaysAgo - 2, 0));
    if (plan.stage === 'selfCheck') continue;
    if (plan.stage === 'saved') {
      await act(principal, 'SAVE', {
        data: { items: answers([]), selfCheckNotes: '已完成全部检查项自查，均符合要求。' },
      });
      continue;
    }
    const fails = plan.stage === 'passed' ? [] : ['HOST-01', 'DATA-01'];
    await act(principal, 'SUBMIT', { data: { items: answers(fails), selfCheckNotes: '自查完成。' } });
    if (plan.stage === 'inspection') continue;
    if (plan.stage === 'passed') {
      await act(inspector, 'PASS', { comment: '现场检查全部合格。' }, later);
      continue;
    }
    await act(
      inspector,
      'RAISE_FINDINGS',
      { comment: '服务器存在弱口令；学生信息未脱敏展示。', data: raised(fails, 11 + count * 2) },
      later,
    );
    if (plan.stage === 'rectification') continue;
    const handedIn = { ...deps, clock: () => new Date(later.clock().getTime() + 120_000) };
    await act(
      principal,
      'SUBMIT_RECTIFICATION',
      {
        data: {
          ...(await handIn(deps, later, principal, started.id, fails)),
          rectificationReport: '已重置全部服务器口令并启用复杂度策略；学生信息页面已脱敏。',
        },
      },
      handedIn,
    );
    if (plan.stage === 'verification') continue;
    await act(
      inspector,
      'APPROVE',
      { comment: '整改到位。' },
      { ...deps, clock: () => new Date(later.clock().getTime() + 180_000) },
    );
  }
  return { definitionId: published.id, instances: count };
}

/**
 * The spring round at 科学城第一中学 found weak passwords too, rectified and closed: the autumn finding on
 * the same item is flagged as a repeat (屡查屡犯) in the findings and the report.
 */
async function seedSpringRound(deps: Deps, definitionId: string, index: OrgIndex, users: UserIndex): Promise<number> {
  const school = '科学城第一中学';
  const inspector = users.get('inspector1')!;
  const principal = principalOf(users, index, school);
  const started = (
    await startInstance(daysAgo(deps, 200), {
      actor: users.get('admin')!,
      definitionId,
      subjectOrgId: index.schools.get(school)!.id,
      data: { round: '2026年春季网络安全检查', items: ITEMS },
      assignments: { inspector: [inspector.id] },
    })
  ).body;
  let version = started.version;
  const act = async (
    who: TAuthUser,
    type: string,
    extra: { data?: Record<string, unknown>; comment?: string },
    ago: number,
  ) => {
    version = (
      await fireEvent(daysAgo(deps, ago), {
        actor: who,
        instanceId: started.id,
        event: { type, ...extra },
        expectedVersion: version,
      })
    ).version;
  };
  await act(principal, 'SUBMIT', { data: { items: answers(['HOST-01']), selfCheckNotes: '自查完成。' } }, 195);
  await act(inspector, 'RAISE_FINDINGS', { comment: '服务器存在弱口令。', data: raised(['HOST-01'], 3) }, 190);
  await act(
    principal,
    'SUBMIT_RECTIFICATION',
    {
      data: {
        ...(await handIn(deps, daysAgo(deps, 190), principal, started.id, ['HOST-01'])),
        rectificationReport: '已重置口令。',
      },
    },
    185,
  );
  await act(inspector, 'APPROVE', { comment: '整改到位。' }, 180);
  return 1;
}
