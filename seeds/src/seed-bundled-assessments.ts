import { createDraftDefinition, type Deps, publishDefinition, saveAttachment, startBulk } from '@eduflow/api';
import { TEMPLATES } from '@eduflow/workflows';

import { GROUPS } from './district.js';
import { INDICATORS_2026 } from './reference-data.js';
import { daysAgo, mover } from './seed-helpers.js';
import type { OrgIndex } from './seed-organisations.js';
import { principalOf, type UserIndex } from './seed-users.js';

type Stage = 'returned' | 'partial' | 'desk' | 'site' | 'notice' | 'appeal' | 'graded';
const STAGE: Record<string, Stage> = {
  S1: 'returned',
  S2: 'desk',
  S3: 'site',
  S4: 'notice',
  S5: 'appeal',
  P1: 'graded',
  P2: 'graded',
  P3: 'graded',
  P4: 'graded',
  K1: 'graded',
  K2: 'graded',
};

const INDICATORS = INDICATORS_2026.dimensions.flatMap((d) => d.indicators);

/**
 * Plausible self-assessment points (0–10, one decimal) per indicator: each group has its level, later members
 * trail the lead school. Rows as the console's form hands them in: the indicator's key and name, then the score.
 */
function scores(groupIdx: number, schoolIdx: number) {
  const rows = INDICATORS.map((i, k) => ({
    indicator: i.key,
    name: i.name['zh-CN'],
    score: Math.round(Math.max(3, Math.min(10, 10 - (groupIdx % 4) * 0.5 - schoolIdx * 0.8 - (k % 3) * 0.3)) * 10) / 10,
  }));
  return { indicatorScores: rows, selfSummary: '本年度集团内干部互派、教师互访常态化开展，联合教研覆盖全部成员校。' };
}

// A one-page PDF standing in for each school's uplift data (the indicator requires evidence).
const UPLIFT_PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** The 2026 cycle opened for all 17 groups in one bulk action, then moved group by group into every state. */
export async function seedBundledAssessments(deps: Deps, index: OrgIndex, users: UserIndex): Promise<number> {
  const admin = users.get('admin')!;
  const reviewer = users.get('reviewer')!;
  // Drafted by the admin, approved and published by a reviewer (four eyes).
  const def = await publishDefinition(deps, {
    id: (await createDraftDefinition(deps, { definition: TEMPLATES['bundled-assessment'], actor: admin })).id,
    actor: reviewer,
  });
  const opened = await startBulk(daysAgo(deps, 30), {
    actor: admin,
    definitionId: def.id,
    subjectOrgIds: GROUPS.map((g) => index.groups.get(g.key)!),
    data: { cycle: '2026', indicatorSystem: 'bundled-2026' },
  });
  if (opened.failed.length) throw new Error(`bundled assessment: ${JSON.stringify(opened.failed)}`);
  for (const [gi, group] of GROUPS.entries()) {
    const started = opened.started.find((s) => s.orgId === index.groups.get(group.key))!;
    const stage = STAGE[group.key] ?? 'partial';
    const lead = users.get(group.key === 'S1' ? 'lead1' : `lead-${group.key.toLowerCase()}`)!;
    const act = mover(deps, started.instanceId, 1);
    const schools = stage === 'partial' ? group.schools.slice(0, 1) : group.schools;
    for (const [si, school] of schools.entries()) {
      const principal = principalOf(users, index, school);
      await saveAttachment(daysAgo(deps, 26), {
        actor: principal,
        instanceId: started.instanceId,
        field: 'indicatorScores.uplift',
        name: `${school}薄弱校提升数据.pdf`,
        bytes: UPLIFT_PDF,
      });
      await act(principal, 'SUBMIT_PART', { data: scores(gi, si) }, 25);
    }
    if (stage === 'partial') continue;
    if (stage === 'returned') {
      const weak = principalOf(users, index, group.schools[2]);
      await act(
        lead,
        'RETURN_PART',
        { data: { userId: weak.id }, comment: '干部交流佐证材料缺少任职文件，请补充后重新提交。' },
        20,
      );
      continue;
    }
    await act(lead, 'CONSOLIDATE', { comment: '集团已汇总审核，同意上报。' }, 20);
    if (stage === 'desk') continue;
    if (stage === 'site') {
      await act(reviewer, 'SITE_VISIT', { comment: '安排实地考察。' }, 15);
      continue;
    }
    const publishedAgo = stage === 'notice' ? 1 : stage === 'appeal' ? 4 : 12;
    // The group score and grade are rolled up by the API from the members' parts.
    await act(reviewer, 'PUBLISH', { comment: '书面审核完成，结果公示。' }, publishedAgo);
    if (stage === 'appeal') await act(lead, 'APPEAL', { comment: '薄弱校提升指标的佐证材料未被采纳，申请复核。' }, 2);
  }
  return GROUPS.length;
}
