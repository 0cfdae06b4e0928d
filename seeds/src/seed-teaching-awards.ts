import { createDraftDefinition, type Deps, publishDefinition, startInstance, type TAuthUser } from '@eduflow/api';
import { TEMPLATES } from '@eduflow/workflows';

import { daysAgo, mover } from './seed-helpers.js';
import type { OrgIndex } from './seed-organisations.js';
import type { UserIndex } from './seed-users.js';

type Stage = 'notRecommended' | 'preliminary' | 'scoring' | 'notice' | 'awarded';
type Plan = { title: string; category: 'achievement' | 'course'; startedAgo: number; stage: Stage };

/**
 * teacher1's submissions (西永中学) in every interesting state. The awarded one dates from the spring
 * semester, so this semester's three recommendations fill the school's quota of three exactly.
 */
const PLANS: Plan[] = [
  { title: '“双减”背景下初中作业设计的实践探索', category: 'achievement', startedAgo: 150, stage: 'awarded' },
  { title: '基于大概念的初中物理单元教学', category: 'achievement', startedAgo: 60, stage: 'notice' },
  { title: '跨学科主题学习：嘉陵江水质调查', category: 'achievement', startedAgo: 20, stage: 'scoring' },
  { title: '初中数学“说题”校本课程', category: 'course', startedAgo: 6, stage: 'preliminary' },
  { title: '校园足球精品课', category: 'course', startedAgo: 30, stage: 'notRecommended' },
];

/** Each expert's scores by the rubric's criteria (创新性 30, 实践检验效果 40, 示范推广价值 30); the API adds them up. */
const SCORES: Record<string, { innovation: number; practice: number; spread: number }> = {
  expert1: { innovation: 26, practice: 36, spread: 26 },
  expert2: { innovation: 27, practice: 37, spread: 27 },
  expert3: { innovation: 25, practice: 35, spread: 26 },
};

export async function seedTeachingAwards(deps: Deps, index: OrgIndex, users: UserIndex): Promise<number> {
  const admin = users.get('admin')!;
  const teacher = users.get('teacher1')!;
  const principal = users.get('principal1')!;
  const reviewer = users.get('reviewer')!;
  const expert = (name: string): TAuthUser => users.get(name)!;
  // Drafted by the admin, approved and published by a reviewer (four eyes).
  const def = await publishDefinition(deps, {
    id: (await createDraftDefinition(deps, { definition: TEMPLATES['teaching-award'], actor: admin })).id,
    actor: reviewer,
  });
  for (const plan of PLANS) {
    const ago = plan.startedAgo;
    const started = (
      await startInstance(daysAgo(deps, ago), {
        actor: teacher,
        definitionId: def.id,
        subjectOrgId: index.schools.get('西永中学')!.id,
        data: {
          category: plan.category,
          title: plan.title,
          completers: [
            { name: '赵雨欣', unit: '西永中学' },
            { name: '刘晓燕', unit: '西永中学' },
          ],
          practiceYears: 3,
          summaryReport: '成果经三年教学实践检验，在集团内四所学校推广应用，学生学业负担明显减轻、学习兴趣显著提升。',
        },
      })
    ).body;
    const act = mover(deps, started.id, started.version);
    if (plan.stage === 'notRecommended') {
      await act(principal, 'REJECT', { comment: '本年度学校推荐名额已用于其他项目，建议明年申报。' }, ago - 2);
      continue;
    }
    await act(principal, 'RECOMMEND', { comment: '同意推荐。' }, ago - 2);
    if (plan.stage === 'preliminary') continue;
    // No experts named: the API picks three, never from 西永中学 or its group, least loaded first.
    await act(reviewer, 'PASS', { comment: '形式审查通过。' }, ago - 5);
    const experts = plan.stage === 'scoring' ? ['expert1', 'expert3'] : ['expert1', 'expert2', 'expert3'];
    for (const name of experts)
      await act(
        expert(name),
        'SUBMIT_PART',
        { data: { ...SCORES[name], expertComment: '成果创新性强，推广价值明显。' } },
        ago - 10,
      );
    if (plan.stage === 'scoring') continue;
    await act(reviewer, 'RANK', { comment: '评审完成。' }, ago - 15);
    // Final score (trimmed mean) and level (by the rubric's quotas) are computed by the API.
    await act(reviewer, 'PUBLISH', {}, plan.stage === 'notice' ? 1 : ago - 20);
  }
  return PLANS.length;
}
