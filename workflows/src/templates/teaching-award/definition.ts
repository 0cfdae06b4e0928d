import type { TDefinitionInput } from '../../definition/schema.js';
import { t as l } from '../../text.js';

const bureau = { role: 'bureauReviewer', scope: 'district' } as const;
const author = { role: 'teacher', scope: 'initiator' } as const;
const principal = { role: 'principal', scope: 'subject.school' } as const;

/**
 * 教学成果奖 / 基础教育精品课: teachers submit → the principal recommends within the school's quota →
 * district formal check → at least three experts, never from the school or its group (回避), score
 * independently → the bureau ranks and sets the level → 公示, where a written objection reopens the
 * review → final result, recommended upward. DOMAIN.md, workflow 3. Trimmed means, outlier flags,
 * expert choice and quotas per level live in workflows/src/domain/awards.
 */
export const teachingAward = {
  key: 'teaching-award',
  version: 1,
  subject: 'school',
  name: l('教学成果奖与精品课评审', 'Teaching-achievement award and quality course'),
  description: l(
    '教师申报、学校推荐、区级初审、专家评审、排名定级与公示',
    'Submission, school recommendation, formal check, expert review, ranking and notice',
  ),
  starters: [{ role: 'teacher', scope: 'subject.school' }],
  title: l('{title}', '{title}'),
  startForm: {
    fields: [
      {
        name: 'category',
        type: 'select',
        label: l('申报类别', 'Category'),
        required: true,
        options: [
          { value: 'achievement', label: l('教学成果奖', 'Teaching-achievement award') },
          { value: 'course', label: l('基础教育精品课', 'Quality course') },
        ],
      },
      { name: 'title', type: 'text', label: l('成果名称', 'Title'), required: true, maxLength: 35 },
      {
        name: 'completers',
        type: 'table',
        label: l('成果完成人（按排序，不超过 5 人）', 'Completers, in order (at most 5)'),
        required: true,
        max: 5,
        columns: [
          { name: 'name', type: 'text', label: l('姓名', 'Name') },
          { name: 'unit', type: 'text', label: l('单位', 'Unit') },
        ],
      },
      {
        name: 'practiceYears',
        type: 'number',
        label: l('实践检验年限', 'Years of practice'),
        required: true,
        min: 2,
        max: 50,
      },
      {
        name: 'summaryReport',
        type: 'textarea',
        label: l('成果总结报告', 'Summary report'),
        required: true,
        maxLength: 8000,
      },
      { name: 'evidence', type: 'file', label: l('佐证材料', 'Evidence') },
    ],
  },
  initial: 'schoolRecommend',
  states: {
    schoolRecommend: {
      kind: 'task',
      name: l('学校推荐', 'School recommendation'),
      actors: [principal],
      deadline: { workdays: 5, remindBefore: 1 },
      on: {
        RECOMMEND: {
          to: 'preliminary',
          label: l('推荐上报', 'Recommend'),
          guards: [
            {
              name: 'withinCap',
              params: { fact: 'schoolRecommendations', cap: 3, capFact: 'schoolRecommendationQuota' },
            },
          ],
        },
        RETURN: { to: 'revise', comment: 'required', validate: false },
        REJECT: {
          to: 'notRecommended',
          label: l('不予推荐', 'Do not recommend'),
          comment: 'required',
          validate: false,
        },
      },
    },
    revise: {
      kind: 'task',
      name: l('申报人修改', 'Author revises'),
      actors: [author],
      form: {
        fields: [],
        permissions: {
          title: 'editable',
          completers: 'editable',
          summaryReport: 'editable',
          evidence: 'editable',
          practiceYears: 'editable',
        },
      },
      on: { RESUBMIT: { to: 'schoolRecommend' }, WITHDRAW: { to: 'withdrawn', validate: false } },
    },
    preliminary: {
      kind: 'task',
      name: l('区级初审', 'Formal check'),
      actors: [bureau],
      form: {
        fields: [
          {
            name: 'experts',
            type: 'multiselect',
            label: l('评审专家', 'Experts'),
            help: l(
              '至少 3 名，自动回避本校及本集团专家',
              'At least 3; experts from the school and its group are excluded',
            ),
          },
        ],
      },
      deadline: { workdays: 10 },
      on: {
        PASS: {
          to: 'expertReview',
          label: l('初审通过并分配专家', 'Pass and assign experts'),
          assigns: { role: 'expert', field: 'experts' },
          blocks: [{ name: 'assignExperts', params: { field: 'experts', avoid: ['school', 'group'] } }],
        },
        RETURN: { to: 'revise', comment: 'required', validate: false },
      },
    },
    expertReview: {
      kind: 'collect',
      name: l('专家评审', 'Expert review'),
      participants: { role: 'expert', scope: 'assigned' },
      collectors: [bureau],
      blind: true,
      partLabel: l('提交评分', 'Submit score'),
      form: {
        // The rubric: each criterion with its range; the score is their sum.
        fields: [
          {
            name: 'innovation',
            type: 'score',
            label: l('创新性', 'Innovation'),
            help: l('成果在理念、内容或方法上的创新程度', 'How new the ideas, content or methods are'),
            min: 0,
            max: 30,
          },
          {
            name: 'practice',
            type: 'score',
            label: l('实践检验效果', 'Proven in practice'),
            help: l('实践检验的时间、范围与成效', 'How long, how widely and how well it has been proven'),
            min: 0,
            max: 40,
          },
          {
            name: 'spread',
            type: 'score',
            label: l('示范推广价值', 'Value to others'),
            help: l('在区内外的示范、辐射与推广价值', 'How far it can serve and spread to other schools'),
            min: 0,
            max: 30,
          },
          {
            name: 'score',
            type: 'score',
            label: l('评分（总分）', 'Score (total)'),
            required: true,
            min: 0,
            max: 100,
            sumOf: ['innovation', 'practice', 'spread'],
          },
          { name: 'expertComment', type: 'textarea', label: l('评审意见', 'Comments'), maxLength: 2000 },
        ],
      },
      deadline: { workdays: 10, remindBefore: 2, escalateTo: bureau },
      on: { RANK: { to: 'ranking', label: l('进入排名定级', 'Go to ranking') } },
    },
    ranking: {
      kind: 'task',
      name: l('排名定级', 'Ranking and level'),
      actors: [bureau],
      form: {
        fields: [
          {
            name: 'finalScore',
            type: 'number',
            label: l('最终得分（去掉最高最低分）', 'Final score (trimmed mean)'),
            min: 0,
            max: 100,
          },
          {
            name: 'level',
            type: 'select',
            label: l('获奖等次', 'Level'),
            options: [
              { value: 'special', label: l('特等奖', 'Special prize') },
              { value: 'first', label: l('一等奖', 'First prize') },
              { value: 'second', label: l('二等奖', 'Second prize') },
            ],
          },
        ],
      },
      on: {
        PUBLISH: {
          to: 'publicNotice',
          label: l('公示', 'Publish for notice'),
          requires: ['finalScore', 'level'],
          blocks: [
            { name: 'trimmedMean', params: { from: 'expertReview', scoreField: 'score', resultField: 'finalScore' } },
            {
              name: 'levelByQuota',
              params: { scoreField: 'finalScore', levelField: 'level', categoryField: 'category', titleField: 'title' },
            },
          ],
        },
        NOT_AWARDED: { to: 'notAwarded', label: l('未获奖', 'Not awarded'), comment: 'required', validate: false },
      },
    },
    publicNotice: {
      kind: 'notice',
      name: l('结果公示', 'Public notice'),
      duration: { workdays: 7 },
      onEnd: { to: 'awarded' },
      on: {
        OBJECT: {
          to: 'objectionReview',
          label: l('实名提出异议', 'Object (signed)'),
          actors: [
            { role: 'teacher', scope: 'any' },
            { role: 'principal', scope: 'any' },
            { role: 'expert', scope: 'any' },
          ],
          comment: 'required',
        },
      },
    },
    objectionReview: {
      kind: 'task',
      name: l('异议复核', 'Objection review'),
      actors: [bureau],
      on: {
        DISMISS: { to: 'publicNotice', label: l('异议不成立', 'Dismiss'), comment: 'required' },
        REOPEN: { to: 'expertReview', label: l('重新评审', 'Review again'), comment: 'required' },
      },
    },
    awarded: { kind: 'final', name: l('获奖并推荐上报', 'Awarded and recommended'), outcome: 'approved' },
    notRecommended: { kind: 'final', name: l('学校未推荐', 'Not recommended'), outcome: 'rejected' },
    notAwarded: { kind: 'final', name: l('未获奖', 'Not awarded'), outcome: 'rejected' },
    withdrawn: { kind: 'final', name: l('已撤回', 'Withdrawn'), outcome: 'withdrawn' },
  },
} satisfies TDefinitionInput;
