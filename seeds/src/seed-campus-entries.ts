import { createDraftDefinition, type Deps, publishDefinition, startInstance } from '@eduflow/api';
import { TEMPLATES } from '@eduflow/workflows';

import { dateIn, daysAgo, mover } from './seed-helpers.js';
import type { OrgIndex } from './seed-organisations.js';
import { principalOf, type UserIndex } from './seed-users.js';

type Plan = {
  title: string;
  itemCode: string;
  filedAgo: number;
  activityIn: number;
  schools: string[];
  stage: 'review' | 'confirm' | 'done' | 'auto';
};

/** dept1 (区科协) requests in every interesting state; two are refused by a named rule (not whitelisted, too late). */
const PLANS: Plan[] = [
  {
    title: '“科技之光”科普巡展',
    itemCode: 'KP',
    filedAgo: 70,
    activityIn: -35,
    schools: ['虎溪中学', '含谷中学'],
    stage: 'done',
  },
  {
    title: '青少年科学素质讲座',
    itemCode: 'KP',
    filedAgo: 5,
    activityIn: 40,
    schools: ['西永中学', '含谷中学'],
    stage: 'confirm',
  },
  {
    title: '非遗剪纸体验课',
    itemCode: 'FY',
    filedAgo: 1,
    activityIn: 35,
    schools: ['科学城第一中学'],
    stage: 'review',
  },
  { title: '编程培训机构课程推介', itemCode: 'SY', filedAgo: 2, activityIn: 40, schools: ['曾家中学'], stage: 'auto' },
  { title: '机器人科普秀', itemCode: 'KP', filedAgo: 0, activityIn: 10, schools: ['白市驿中学'], stage: 'auto' },
  // Two 法治进校园 requests for overlapping schools wait at bureau review: the reviewer may merge them.
  {
    title: '“宪法宣传周”法治讲座',
    itemCode: 'FZ',
    filedAgo: 3,
    activityIn: 38,
    schools: ['科学城第一中学', '西永中学'],
    stage: 'review',
  },
  {
    title: '模拟法庭进校园',
    itemCode: 'FZ',
    filedAgo: 2,
    activityIn: 45,
    schools: ['西永中学', '虎溪中学'],
    stage: 'review',
  },
];

export async function seedCampusEntries(deps: Deps, index: OrgIndex, users: UserIndex): Promise<number> {
  const admin = users.get('admin')!;
  const dept = users.get('dept1')!;
  const reviewer = users.get('reviewer')!;
  // Drafted by the admin, approved and published by a reviewer (four eyes).
  const def = await publishDefinition(deps, {
    id: (await createDraftDefinition(deps, { definition: TEMPLATES['campus-entry'], actor: admin })).id,
    actor: reviewer,
  });
  for (const plan of PLANS) {
    const started = (
      await startInstance(daysAgo(deps, plan.filedAgo), {
        actor: dept,
        definitionId: def.id,
        subjectOrgId: index.districtId,
        data: {
          itemCode: plan.itemCode,
          title: plan.title,
          activityDate: dateIn(deps, plan.activityIn),
          schoolIds: plan.schools.map((s) => index.schools.get(s)!.id),
          studentHours: 2,
          teacherHours: 2,
          commercial: false,
          feeCharging: false,
        },
      })
    ).body;
    if (plan.stage === 'auto' || plan.stage === 'review') continue;
    const act = mover(deps, started.id, started.version);
    const [first, ...rest] = plan.schools.map((s) => principalOf(users, index, s));
    if (plan.stage === 'confirm') {
      await act(reviewer, 'APPROVE', { comment: '符合白名单，同意进校。' });
      // The other school has confirmed; 西永中学 (principal1) still has to.
      for (const p of rest) await act(p, 'SUBMIT_PART', { data: { decision: 'confirm' } });
      continue;
    }
    await act(reviewer, 'APPROVE', { comment: '同意。' }, plan.filedAgo - 3);
    for (const p of [first, ...rest]) await act(p, 'SUBMIT_PART', { data: { decision: 'confirm' } }, plan.filedAgo - 6);
    for (const [i, p] of [first, ...rest].entries())
      await act(
        p,
        'SUBMIT_PART',
        { data: { held: true, actualTeacherHours: 3 + i, outcomeNotes: '活动顺利开展，学生反响良好。' } },
        30,
      );
  }
  return PLANS.length;
}
