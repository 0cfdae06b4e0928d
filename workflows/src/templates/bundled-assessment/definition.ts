import type { TDefinitionInput } from '../../definition/schema.js';
import { t as l } from '../../text.js';

const bureau = { role: 'bureauReviewer', scope: 'district' } as const;
const lead = { role: 'groupLead', scope: 'subject.group' } as const;
const members = { role: 'principal', scope: 'subject.members' } as const;

/**
 * 集团化办学捆绑式考核: each member school self-assesses with evidence → the group lead consolidates
 * (returning a school's part when needed) → bureau desk review, optional site visit → 公示 with
 * appeals → final grade. DOMAIN.md, workflow 1. The group score is computed by the indicator
 * system's roll-up rule (workflows/src/domain/assessment), not here.
 */
export const bundledAssessment = {
  key: 'bundled-assessment',
  version: 1,
  subject: 'group',
  name: l('集团化办学捆绑式考核', 'Bundled assessment of an education group'),
  description: l(
    '成员校自评、集团汇总、教委审核与实地考察、结果公示',
    'Member self-assessment, group consolidation, bureau review and site visit, public notice',
  ),
  starters: [{ role: 'bureauAdmin', scope: 'district' }, bureau],
  title: l('{cycle}年度捆绑式考核', '{cycle} bundled assessment'),
  startForm: {
    fields: [
      { name: 'cycle', type: 'text', label: l('考核年度', 'Assessment cycle'), required: true, maxLength: 40 },
      { name: 'indicatorSystem', type: 'text', label: l('指标体系', 'Indicator system'), required: true },
    ],
  },
  initial: 'selfAssessment',
  states: {
    selfAssessment: {
      kind: 'collect',
      name: l('成员校自评', 'Member self-assessment'),
      participants: members,
      collectors: [lead],
      blocks: [{ name: 'indicatorRows', params: { field: 'indicatorScores', systemField: 'indicatorSystem' } }],
      form: {
        fields: [
          {
            name: 'indicatorScores',
            type: 'table',
            label: l('指标自评', 'Indicator scores'),
            required: true,
            columns: [
              { name: 'name', type: 'text', label: l('指标名称', 'Indicator name'), readonly: true },
              { name: 'indicator', type: 'text', label: l('指标', 'Indicator'), readonly: true },
              { name: 'score', type: 'number', label: l('自评分', 'Score') },
              { name: 'evidence', type: 'file', label: l('佐证材料', 'Evidence') },
            ],
          },
          {
            name: 'selfSummary',
            type: 'textarea',
            label: l('自评报告', 'Self-assessment report'),
            required: true,
            maxLength: 4000,
          },
        ],
      },
      deadline: { workdays: 15, remindBefore: 3, escalateTo: bureau },
      on: { CONSOLIDATE: { to: 'deskReview', label: l('汇总上报', 'Consolidate and submit'), comment: 'required' } },
    },
    deskReview: {
      kind: 'task',
      name: l('教委书面审核', 'Bureau desk review'),
      actors: [bureau],
      form: {
        fields: [
          { name: 'deskNotes', type: 'textarea', label: l('审核意见', 'Review notes'), maxLength: 4000 },
          { name: 'groupScore', type: 'number', label: l('集团得分', 'Group score'), min: 0, max: 100 },
          {
            name: 'grade',
            type: 'select',
            label: l('考核等次', 'Grade'),
            options: [
              { value: 'excellent', label: l('优秀', 'Excellent') },
              { value: 'good', label: l('良好', 'Good') },
              { value: 'pass', label: l('合格', 'Pass') },
              { value: 'fail', label: l('不合格', 'Fail') },
            ],
          },
        ],
      },
      deadline: { workdays: 10, remindBefore: 2 },
      mechanics: ['SAVE', 'TRANSFER', 'ADD_SIGNER', 'COPY_TO', 'CHASE', 'RETURN_TO'],
      on: {
        SITE_VISIT: { to: 'siteVisit', label: l('安排实地考察', 'Arrange a site visit') },
        PUBLISH: {
          to: 'publicNotice',
          label: l('发布结果公示', 'Publish for notice'),
          requires: ['groupScore', 'grade'],
          blocks: [
            {
              name: 'groupRollUp',
              params: {
                from: 'selfAssessment',
                tableField: 'indicatorScores',
                systemField: 'indicatorSystem',
                scoreField: 'groupScore',
                gradeField: 'grade',
                cycleField: 'cycle',
              },
            },
          ],
        },
        RETURN: { to: 'selfAssessment', comment: 'required', validate: false },
      },
    },
    siteVisit: {
      kind: 'task',
      name: l('实地考察', 'Site visit'),
      actors: [bureau],
      form: {
        fields: [
          {
            name: 'siteVisitScore',
            type: 'number',
            label: l('实地考察得分', 'Site-visit score'),
            min: 0,
            max: 100,
            required: true,
          },
          { name: 'siteVisitNotes', type: 'textarea', label: l('考察记录', 'Visit notes'), maxLength: 4000 },
        ],
      },
      deadline: { workdays: 10 },
      on: { DONE: { to: 'deskReview', label: l('考察完成', 'Visit done') } },
    },
    publicNotice: {
      kind: 'notice',
      name: l('结果公示', 'Public notice'),
      duration: { workdays: 5 },
      onEnd: { to: 'graded' },
      on: {
        APPEAL: { to: 'appealReview', label: l('提出申诉', 'Appeal'), actors: [lead, members], comment: 'required' },
      },
    },
    appealReview: {
      kind: 'task',
      name: l('申诉复核', 'Appeal review'),
      actors: [bureau],
      on: {
        UPHOLD: { to: 'publicNotice', label: l('维持原结果', 'Uphold'), comment: 'required' },
        AMEND: { to: 'deskReview', label: l('重新审核', 'Review again'), comment: 'required' },
      },
    },
    graded: { kind: 'final', name: l('考核完成', 'Graded'), outcome: 'approved' },
  },
} satisfies TDefinitionInput;
