import { CHECKLIST_V1 } from './fixtures/reference-docs.js';
import { handInRectification } from './rectification.js';
import type { WorkflowHarness } from './workflow-harness.js';

type Json = Record<string, unknown>;
/**
 * Who fires an event and with what; `parts` lists who submits a collect step's parts first. `fire`
 * drives an event that has its own endpoint instead of the generic event route (the campus merge).
 */
export type Act = {
  who: string;
  data?: Json;
  comment?: string;
  fire?: (h: WorkflowHarness, id: string) => Promise<Response>;
};
export type Script = {
  subject: (h: WorkflowHarness) => string;
  starter: string;
  startData: (h: WorkflowHarness, target?: string) => Json;
  assignments?: (h: WorkflowHarness) => Json;
  /** Per collect state: who submits a part and the part's data (by the automatic choice the run is meant to take, if any). */
  parts?: Record<
    string,
    { who: (h: WorkflowHarness, data: Json) => string[]; data: Json | ((target?: string) => Json) }
  >;
  acts: Record<string, Record<string, Act>>;
};

const answers = (fail: boolean) =>
  CHECKLIST_V1.items.map((i) => ({ ...i, result: fail && i.code === 'HOST-01' ? 'fail' : 'pass', severity: 'medium' }));
const why = { comment: '办理意见' };

async function mergeIntoAnother(h: WorkflowHarness, id: string): Promise<Response> {
  const started = await h.start('outside', 'campus-entry', h.orgs.district, {
    itemCode: 'KP-01',
    title: '科普进校园',
    activityDate: '2027-01-05',
    schoolIds: [h.orgs.schoolB],
  });
  const survivor = (await started.json()) as { id: string; version: number };
  const absorbed = await h.view(id);
  const body = {
    survivor: { id: survivor.id, expectedVersion: survivor.version },
    absorbed: [{ id, expectedVersion: absorbed.version }],
  };
  return h.post('/api/campus-entry/merges', body, await h.as('reviewer1'));
}

/** Demo-like actors for every transition of the four built-in definitions. */
export const SCRIPTS: Record<string, Script> = {
  'security-inspection': {
    subject: (h) => h.orgs.schoolA,
    starter: 'admin',
    startData: (_h) => ({ round: '图遍历批次', items: CHECKLIST_V1.items }),
    assignments: (h) => ({ inspector: [h.users.inspector] }),
    acts: {
      selfCheck: { SUBMIT: { who: 'principalA', data: { items: answers(true) } } },
      inspection: {
        RAISE_FINDINGS: { who: 'inspector', ...why },
        PASS: { who: 'inspector', data: { items: answers(false) }, ...why },
        RETURN: { who: 'inspector', ...why },
      },
      rectification: { SUBMIT_RECTIFICATION: { who: 'principalA', fire: (h, id) => handInRectification(h, id) } },
      verification: { APPROVE: { who: 'inspector', ...why }, REJECT: { who: 'inspector', ...why } },
    },
  },
  'campus-entry': {
    subject: (h) => h.orgs.district,
    starter: 'outside',
    startData: (h, target) => ({
      itemCode: 'KP-01',
      title: '科普进校园',
      activityDate: '2027-01-05',
      schoolIds: [h.orgs.schoolA, h.orgs.schoolB],
      commercial: target === 'refused',
      teacherHours: 1,
    }),
    parts: {
      // Every school declining sends the request to 未开展; otherwise both confirm and report the outcome.
      schoolConfirm: {
        who: () => ['principalA', 'principalB'],
        data: (target) =>
          target === 'notHeld' ? { decision: 'decline', declineReason: '与期末考试冲突' } : { decision: 'confirm' },
      },
      outcome: { who: () => ['principalA', 'principalB'], data: { held: true, actualTeacherHours: 2 } },
    },
    acts: {
      bureauReview: {
        APPROVE: { who: 'reviewer1' },
        REJECT: { who: 'reviewer1', ...why },
        RETURN: { who: 'reviewer1', ...why },
        // Only the merge endpoint moves a request to 已合并: a second request for the item absorbs it.
        MERGE: { who: 'reviewer1', fire: mergeIntoAnother },
      },
      revise: { RESUBMIT: { who: 'outside' }, WITHDRAW: { who: 'outside' } },
    },
  },
  'bundled-assessment': {
    subject: (h) => h.orgs.group1,
    starter: 'admin',
    startData: (_h) => ({ cycle: '2026', indicatorSystem: 'bundled-2026' }),
    parts: {
      selfAssessment: {
        who: () => ['principalA', 'principalA2'],
        data: { indicatorScores: [{ indicator: 'cadre', score: 40 }], selfSummary: '自评报告' },
      },
    },
    acts: {
      selfAssessment: { CONSOLIDATE: { who: 'lead1', ...why } },
      deskReview: {
        SITE_VISIT: { who: 'reviewer1' },
        PUBLISH: { who: 'reviewer1', data: { groupScore: 82, grade: 'good' } },
        RETURN: { who: 'reviewer1', ...why },
      },
      siteVisit: { DONE: { who: 'reviewer1', data: { siteVisitScore: 85 } } },
      publicNotice: { APPEAL: { who: 'lead1', ...why } },
      appealReview: { UPHOLD: { who: 'reviewer1', ...why }, AMEND: { who: 'reviewer1', ...why } },
    },
  },
  'teaching-award': {
    subject: (h) => h.orgs.schoolA,
    starter: 'teacherA',
    startData: (_h) => ({
      category: 'achievement',
      title: '图遍历成果',
      completers: [{ name: '张老师', unit: '实验小学' }],
      practiceYears: 3,
      summaryReport: '总结报告',
    }),
    parts: {
      expertReview: {
        who: (h, data) =>
          (data.experts as string[]).map((id) => Object.entries(h.users).find(([, v]) => v === id)?.[0] ?? id),
        data: { score: 80 },
      },
    },
    acts: {
      schoolRecommend: {
        RECOMMEND: { who: 'principalA' },
        RETURN: { who: 'principalA', ...why },
        REJECT: { who: 'principalA', ...why },
      },
      revise: { RESUBMIT: { who: 'teacherA' }, WITHDRAW: { who: 'teacherA' } },
      preliminary: { PASS: { who: 'reviewer1' }, RETURN: { who: 'reviewer1', ...why } },
      expertReview: { RANK: { who: 'reviewer1' } },
      ranking: {
        PUBLISH: { who: 'reviewer1', data: { finalScore: 80, level: 'first' } },
        NOT_AWARDED: { who: 'reviewer1', ...why },
      },
      publicNotice: { OBJECT: { who: 'teacherA', ...why } },
      objectionReview: { DISMISS: { who: 'reviewer1', ...why }, REOPEN: { who: 'reviewer1', ...why } },
    },
  },
};
