import type { TDefinitionInput } from '../../definition/schema.js';
import { t as l } from '../../text.js';

const bureau = { role: 'bureauReviewer', scope: 'district' } as const;
const requester = { role: 'outsideDept', scope: 'initiator' } as const;
const targetSchools = { role: 'principal', scope: 'listed', field: 'schoolIds' } as const;

/**
 * 社会事务进校园: an outside department's request is checked automatically against the whitelist
 * (the API computes the refusals, each named by its rule) → bureau review → each target school confirms
 * or declines with a reason → the activity is held → each school records the outcome and the hours.
 * DOMAIN.md, workflow 2. "凡进必审".
 */
export const campusEntry = {
  key: 'campus-entry',
  version: 1,
  subject: 'district',
  name: l('社会事务进校园申请', 'Social affair entering campus'),
  description: l(
    '白名单校验、教委审核、学校确认、活动开展与减负统计',
    'Whitelist checks, bureau review, school confirmation, outcome and teacher hours',
  ),
  starters: [{ role: 'outsideDept', scope: 'any' }],
  // Named by the activity, not by the district it is filed with (issue 12).
  title: l('{title}', '{title}'),
  startForm: {
    fields: [
      { name: 'itemCode', type: 'text', label: l('白名单事项', 'Whitelist item'), required: true },
      { name: 'title', type: 'text', label: l('活动名称', 'Activity'), required: true, maxLength: 60 },
      { name: 'activityDate', type: 'date', label: l('活动日期', 'Date'), required: true },
      { name: 'schoolIds', type: 'multiselect', label: l('进入学校', 'Schools'), required: true },
      { name: 'studentHours', type: 'number', label: l('预计占用学生课时', 'Student hours'), min: 0, max: 40 },
      { name: 'teacherHours', type: 'number', label: l('预计占用教师工时', 'Teacher hours'), min: 0, max: 40 },
      { name: 'materials', type: 'file', label: l('活动方案', 'Plan') },
      { name: 'commercial', type: 'boolean', label: l('是否商业性质', 'Commercial') },
      { name: 'feeCharging', type: 'boolean', label: l('是否收费', 'Fee-charging') },
      {
        name: 'emergency',
        type: 'boolean',
        label: l('领导小组批准的临时增补', 'Emergency addition approved by the leading group'),
      },
    ],
  },
  initial: 'autoCheck',
  states: {
    autoCheck: {
      kind: 'auto',
      name: l('自动校验', 'Automatic checks'),
      blocks: [
        {
          name: 'entryRules',
          params: {
            fact: 'entryRefusals',
            itemField: 'itemCode',
            schoolsField: 'schoolIds',
            dateField: 'activityDate',
            commercialField: 'commercial',
            feeField: 'feeCharging',
            emergencyField: 'emergency',
          },
        },
      ],
      choices: [{ to: 'bureauReview', guards: [{ name: 'noRefusals', params: { fact: 'entryRefusals' } }] }],
      otherwise: 'refused',
    },
    bureauReview: {
      kind: 'task',
      name: l('教委审核', 'Bureau review'),
      actors: [bureau],
      form: {
        fields: [
          { name: 'reviewNotes', type: 'textarea', label: l('审核意见', 'Review notes'), maxLength: 2000 },
          // Written only by the merge use-case (api/src/features/campus-entry/merge-requests.ts), which
          // widens these in memory; read-only here so the generic event route cannot forge a merge.
          { name: 'mergedInto', type: 'text', label: l('并入申请', 'Merged into') },
          { name: 'mergedFrom', type: 'multiselect', label: l('合并自', 'Merged from') },
        ],
        permissions: { mergedInto: 'readonly', mergedFrom: 'readonly' },
      },
      deadline: { workdays: 5, remindBefore: 1 },
      on: {
        APPROVE: { to: 'schoolConfirm' },
        // The bureau folds this request into another one for the same item (see merge-requests.ts).
        MERGE: {
          to: 'merged',
          label: l('合并申请', 'Merge requests'),
          requires: ['mergedInto'],
          blocks: [
            {
              name: 'mergeRequests',
              params: {
                itemField: 'itemCode',
                schoolsField: 'schoolIds',
                maxFields: ['studentHours', 'teacherHours'],
                filesField: 'materials',
              },
            },
          ],
        },
        REJECT: { to: 'refused', comment: 'required' },
        RETURN: { to: 'revise', comment: 'required', validate: false },
      },
    },
    revise: {
      kind: 'task',
      name: l('申请单位修改', 'Requester revises'),
      actors: [requester],
      form: {
        fields: [],
        permissions: {
          title: 'editable',
          activityDate: 'editable',
          studentHours: 'editable',
          teacherHours: 'editable',
          materials: 'editable',
        },
      },
      // A revised request goes through the automatic checks again: a new date may break the window or a cap.
      on: { RESUBMIT: { to: 'autoCheck' }, WITHDRAW: { to: 'withdrawn', validate: false } },
    },
    schoolConfirm: {
      kind: 'collect',
      name: l('学校确认', 'Schools confirm'),
      participants: targetSchools,
      partLabel: l('提交本方意见', 'Submit our answer'),
      form: {
        fields: [
          {
            name: 'decision',
            type: 'select',
            label: l('是否接受', 'Decision'),
            required: true,
            options: [
              { value: 'confirm', label: l('确认接受', 'Confirm') },
              { value: 'decline', label: l('婉拒', 'Decline') },
            ],
          },
          {
            name: 'declineReason',
            type: 'text',
            label: l('婉拒理由', 'Reason for declining'),
            maxLength: 200,
            requiredWhen: { field: 'decision', equals: 'decline' },
          },
        ],
      },
      deadline: { workdays: 5 },
      onComplete: { to: 'confirmed' },
    },
    // Only the schools that confirmed hold the activity; when every school declined it does not take place.
    confirmed: {
      kind: 'auto',
      name: l('确认结果', 'Confirmation result'),
      choices: [
        {
          to: 'outcome',
          guards: [
            {
              name: 'partsMatch',
              params: { step: 'schoolConfirm', field: 'decision', equals: 'confirm' },
              message: l('没有学校确认接受，活动不开展', 'No school confirmed; the activity does not take place'),
            },
          ],
        },
      ],
      otherwise: 'notHeld',
    },
    outcome: {
      kind: 'collect',
      name: l('活动开展与工时登记', 'Outcome and hours'),
      blocks: [{ name: 'teacherHours', params: { plannedField: 'teacherHours', spentField: 'actualTeacherHours' } }],
      participants: {
        role: 'principal',
        scope: 'parts',
        step: 'schoolConfirm',
        where: { field: 'decision', equals: 'confirm' },
      },
      form: {
        fields: [
          { name: 'held', type: 'boolean', label: l('活动已开展', 'Held'), required: true },
          {
            name: 'actualTeacherHours',
            type: 'number',
            label: l('实际占用教师工时', 'Teacher hours spent'),
            min: 0,
            max: 200,
            required: true,
          },
          { name: 'outcomeNotes', type: 'textarea', label: l('开展情况', 'Notes'), maxLength: 2000 },
        ],
      },
      deadline: { workdays: 10 },
      onComplete: { to: 'done' },
    },
    done: { kind: 'final', name: l('已完成', 'Completed'), outcome: 'approved' },
    refused: { kind: 'final', name: l('未通过', 'Refused'), outcome: 'rejected' },
    withdrawn: { kind: 'final', name: l('已撤回', 'Withdrawn'), outcome: 'withdrawn' },
    merged: { kind: 'final', name: l('已合并', 'Merged'), outcome: 'merged' },
    notHeld: { kind: 'final', name: l('未开展', 'Not held'), outcome: 'cancelled' },
  },
} satisfies TDefinitionInput;
