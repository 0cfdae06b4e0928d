import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { uploadEvidence } from '../../test/evidence-upload.js';
import { INDICATORS_2026 } from '../../test/fixtures/reference-docs.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';
import { createReference } from '../reference/create-reference.js';
import { publishReference } from '../reference/publish-reference.js';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await makeWorkflowHarness();
});
afterAll(() => h.close());

const scores = (cadre: number, teacher: number, uplift: number) => ({
  indicatorScores: [
    { indicator: 'cadre', score: cadre },
    { indicator: 'teacher', score: teacher },
    { indicator: 'uplift', score: uplift },
  ],
  selfSummary: '本年度集团内干部互派 3 人次，教师互访 40 人次。',
});

describe('bundled assessment cycle', () => {
  it('opens the cycle for every group in one action, returns one part, rolls the group score up so the weakest member counts, ranks the groups', async () => {
    const [g1, g2] = (await h.openAssessmentCycle([h.orgs.group1, h.orgs.group2])) as [string, string];

    expect((await h.fire(g1, 'principalA', 'SUBMIT_PART', { data: scores(50, 50, 100) })).status).toBe(200);
    expect((await h.fire(g1, 'principalA2', 'SUBMIT_PART', { data: scores(10, 10, 20) })).status).toBe(200);
    // The lead returns school A2's part; A2 resubmits better evidence.
    const back = await h.fire(g1, 'lead1', 'RETURN_PART', {
      data: { userId: h.users.principalA2 },
      comment: '佐证材料不全',
    });
    expect(back.status, JSON.stringify(await back.clone().json())).toBe(200);
    expect((await h.fire(g1, 'principalA2', 'SUBMIT_PART', { data: scores(30, 30, 60) })).status).toBe(200);
    expect((await h.fire(g1, 'lead1', 'CONSOLIDATE', { comment: '同意上报' })).status).toBe(200);
    const published = await h.fire(g1, 'reviewer1', 'PUBLISH');
    expect(published.status, JSON.stringify(await published.clone().json())).toBe(200);
    // Member percentages 100 and 60 on both dimensions: minWeighted α=0.3 → 0.7·80 + 0.3·60 = 74 → 合格.
    expect((await h.view(g1)).data).toMatchObject({ groupScore: 74, grade: 'pass' });

    expect((await h.fire(g2, 'principalB', 'SUBMIT_PART', { data: scores(45, 45, 95) })).status).toBe(200);
    // Still collecting: publishing is not possible yet, and the report ranks only what is scored.
    expect((await h.fire(g2, 'reviewer1', 'PUBLISH')).status).toBe(409);
    const report = await (await h.get('/api/reports/bundled-assessment?cycle=2026', await h.as('reviewer1'))).json();
    expect(report.ranking[0]).toMatchObject({
      groupId: h.orgs.group1,
      score: 74,
      grade: 'pass',
      rank: 1,
      weakest: { schoolId: h.orgs.schoolA2, score: 60 },
    });
    expect(report.ranking[1]).toMatchObject({ groupId: h.orgs.group2, score: null, rank: null });
    const lead = await (await h.get('/api/reports/bundled-assessment?cycle=2026', await h.as('lead1'))).json();
    expect(lead.ranking.map((r: { groupId: string }) => r.groupId)).toEqual([h.orgs.group1]);
  });
});

const attach = (instanceId: string, who: string, field: string) =>
  uploadEvidence(h, instanceId, who, field, '提升数据.png');

describe('indicator rows and their evidence (block indicatorRows)', () => {
  it('a part starts from the system’s indicator rows; an indicator that requires evidence refuses the part until its author attached a file to that row', async () => {
    // A system where the weakest member's uplift must be shown by data.
    const system = {
      ...INDICATORS_2026,
      key: 'bundled-evidence',
      dimensions: INDICATORS_2026.dimensions.map((d) => ({
        ...d,
        indicators: d.indicators.map((i) => ({ ...i, evidenceRequired: i.key === 'uplift' })),
      })),
    };
    await publishReference(h.deps, {
      kind: 'indicator-system',
      id: (await createReference(h.deps, { kind: 'indicator-system', name: '佐证', content: system })).id,
    });
    const [id] = (await h.openAssessmentCycle([h.orgs.group1], '2027', 'bundled-evidence')) as [string];
    const view = await h.view(id, 'principalA');
    expect(view.partPrefill).toEqual({
      field: 'indicatorScores',
      rows: [
        { indicator: 'cadre', name: '干部互派' },
        { indicator: 'teacher', name: '教师互访' },
        { indicator: 'uplift', name: '薄弱校质量提升' },
      ],
      evidenceRequired: ['uplift'],
    });

    const before = (await h.view(id)).version;
    const bare = await h.fire(id, 'principalA', 'SUBMIT_PART', { data: scores(40, 40, 80) });
    expect(bare.status).toBe(422);
    const error = (await bare.json()).error;
    expect(error.rule).toBe('indicatorEvidenceRequired');
    expect(Object.keys(error.fieldErrors)).toEqual(['indicatorScores.uplift']);
    expect(error.message['zh-CN']).toContain('薄弱校质量提升');
    expect((await h.view(id)).version).toBe(before);

    // Another school's file on the row is not this school's evidence; an unknown indicator takes no file.
    expect((await attach(id, 'principalA2', 'indicatorScores.uplift')).status).toBe(201);
    expect((await attach(id, 'principalA', 'indicatorScores.nope')).status).toBe(422);
    expect((await h.fire(id, 'principalA', 'SUBMIT_PART', { data: scores(40, 40, 80) })).status).toBe(422);
    expect((await attach(id, 'principalA', 'indicatorScores.uplift')).status).toBe(201);
    const ok = await h.fire(id, 'principalA', 'SUBMIT_PART', { data: scores(40, 40, 80) });
    expect(ok.status, JSON.stringify(await ok.clone().json())).toBe(200);
  });
});
