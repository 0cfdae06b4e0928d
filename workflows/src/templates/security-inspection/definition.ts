import type { TDefinitionInput } from '../../definition/schema.js';

const school = { role: 'principal', scope: 'subject.school' } as const;
const inspector = { role: 'inspector', scope: 'assigned' } as const;
const bureau = { role: 'bureauReviewer', scope: 'district' } as const;

const l = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/**
 * 网络安全检查: school self-check → inspection by the assigned inspector → rectification of findings →
 * verification (every assigned inspector signs off) → closed. DOMAIN.md, workflow 4.
 */
export const securityInspection = {
  key: 'security-inspection',
  version: 1,
  subject: 'school',
  name: l('网络安全检查', 'Network-security inspection'),
  description: l(
    '学校自查、检查员逐项检查、问题整改与复核',
    'School self-check, item-by-item inspection, rectification and verification',
  ),
  starters: [{ role: 'bureauAdmin', scope: 'district' }, bureau],
  title: l('{round}', '{round}'),
  startForm: {
    fields: [
      { name: 'round', type: 'text', label: l('检查批次', 'Inspection round'), required: true, maxLength: 60 },
      {
        name: 'items',
        type: 'table',
        label: l('检查项', 'Checklist items'),
        columns: [
          { name: 'code', type: 'text', label: l('编号', 'Code'), readonly: true },
          { name: 'layer', type: 'text', label: l('层面', 'Layer'), readonly: true },
          { name: 'title', type: 'text', label: l('检查内容', 'Item'), readonly: true },
          {
            name: 'result',
            type: 'select',
            label: l('结论', 'Result'),
            options: [
              { value: 'pass', label: l('符合', 'Pass') },
              { value: 'fail', label: l('不符合', 'Fail') },
              { value: 'na', label: l('不适用', 'Not applicable') },
            ],
          },
          {
            name: 'severity',
            type: 'select',
            label: l('问题等级', 'Severity'),
            options: [
              { value: 'high', label: l('高', 'High') },
              { value: 'medium', label: l('中', 'Medium') },
              { value: 'low', label: l('低', 'Low') },
            ],
          },
          { name: 'note', type: 'text', label: l('说明', 'Note') },
        ],
      },
    ],
  },
  startBlocks: [{ name: 'checklistItems', params: { field: 'items' } }],
  initial: 'selfCheck',
  states: {
    selfCheck: {
      kind: 'task',
      name: l('学校自查', 'School self-check'),
      actors: [school],
      form: {
        fields: [
          { name: 'selfCheckNotes', type: 'textarea', label: l('自查说明', 'Self-check notes'), maxLength: 2000 },
        ],
        permissions: { items: 'required' },
      },
      deadline: { workdays: 10, remindBefore: 2, escalateTo: bureau },
      on: {
        SUBMIT: {
          to: 'inspection',
          // The dialog shows the draft's summary beside the checklist; a summary claiming all compliant under a 不符合 item is sent back.
          asks: ['selfCheckNotes'],
          guards: [
            { name: 'allItemsAnswered', params: { field: 'items' } },
            { name: 'summaryMatchesItems', params: { field: 'items', summaryField: 'selfCheckNotes' } },
          ],
        },
      },
    },
    inspection: {
      kind: 'task',
      name: l('现场检查', 'Inspection'),
      actors: [inspector],
      form: {
        fields: [
          { name: 'inspectionNotes', type: 'textarea', label: l('检查意见', 'Inspection notes'), maxLength: 2000 },
          {
            name: 'rectificationDays',
            type: 'number',
            label: l('整改期限（工作日）', 'Rectification time (working days)'),
            help: l(
              '按最高问题等级自动计算：高 5、中 10、低 20 个工作日，可调整',
              'Set from the most severe finding: high 5, medium 10, low 20 working days; may be changed',
            ),
            min: 1,
            max: 60,
          },
          {
            name: 'findings',
            type: 'findings',
            label: l('整改问题（逐项）', 'Findings, item by item'),
            help: l(
              '每个不符合项登记为一个问题：风险等级、办理时限（按等级预填，可调整）、是否责令下线、线下整改通知书编号，并附现场照片',
              'Each failed item becomes a finding: severity, deadline (pre-filled by severity, may be changed), offline order, the paper notice’s number, and a site photo',
            ),
            findings: {
              mode: 'raise',
              itemsField: 'items',
              severities: [
                { value: 'high', label: l('高风险', 'High'), workdays: 5, offline: true },
                { value: 'medium', label: l('中风险', 'Medium'), workdays: 10 },
                { value: 'low', label: l('低风险', 'Low'), workdays: 20 },
              ],
            },
          },
        ],
        permissions: { items: 'editable' },
      },
      deadline: { workdays: 15, remindBefore: 3, escalateTo: bureau },
      on: {
        RAISE_FINDINGS: {
          to: 'rectification',
          guards: [{ name: 'hasFailedItems', params: { field: 'items' } }],
          requires: ['findings'],
          comment: 'required',
          blocks: [
            // The ledger completes the findings first (a failed item left without one gets its severity's time).
            {
              name: 'findingsLedger',
              params: { op: 'raise', itemsField: 'items', roundField: 'round', field: 'findings' },
            },
            {
              name: 'rectificationDeadline',
              params: { itemsField: 'items', daysField: 'rectificationDays', findingsField: 'findings' },
            },
          ],
        },
        PASS: { to: 'closed', guards: [{ name: 'noFailedItems', params: { field: 'items' } }], comment: 'required' },
        RETURN: { to: 'selfCheck', comment: 'required', validate: false },
      },
    },
    rectification: {
      kind: 'task',
      name: l('问题整改', 'Rectification'),
      actors: [school],
      form: {
        fields: [
          {
            name: 'rectifications',
            type: 'findings',
            label: l('整改清单', 'Rectification list'),
            help: l(
              '逐项填写整改说明并上传整改后的照片或文件；退回的问题须重新提交',
              'For each finding, say what was done and upload a photo or file of the fix; returned findings are handed in again',
            ),
            findings: { mode: 'rectify', of: 'findings', evidence: 'required' },
          },
          {
            name: 'rectificationReport',
            type: 'textarea',
            label: l('整改总体说明', 'Rectification summary'),
            maxLength: 4000,
          },
          { name: 'rectificationEvidence', type: 'file', label: l('整改佐证材料', 'Rectification evidence') },
        ],
      },
      deadline: { workdays: 15, fromField: 'rectificationDays', remindBefore: 2, escalateTo: bureau },
      on: {
        SUBMIT_RECTIFICATION: {
          to: 'verification',
          requires: ['rectifications'],
          blocks: [{ name: 'findingsLedger', params: { op: 'handIn', field: 'rectifications' } }],
        },
      },
    },
    verification: {
      kind: 'review',
      name: l('整改复核', 'Verification'),
      assignees: inspector,
      join: { policy: 'all' },
      form: {
        fields: [
          {
            name: 'verdicts',
            type: 'findings',
            label: l('逐项复核', 'Verdict per finding'),
            help: l(
              '逐项查看学校的整改说明与佐证：通过的问题销号，退回的问题注明原因，学校重新整改',
              'Look at each finding’s reply and evidence: accepted findings close, returned ones say why and go back to the school',
            ),
            findings: { mode: 'verify', of: 'findings' },
          },
        ],
      },
      deadline: { workdays: 5 },
      on: {
        APPROVE: {
          to: 'closed',
          label: l('复核通过', 'Accept'),
          blocks: [{ name: 'findingsLedger', params: { op: 'close', field: 'verdicts' } }],
        },
        REJECT: {
          to: 'rectification',
          label: l('退回整改', 'Return for rectification'),
          comment: 'required',
          requires: ['verdicts'],
          blocks: [{ name: 'findingsLedger', params: { op: 'reopen', field: 'verdicts' } }],
        },
      },
    },
    closed: { kind: 'final', name: l('已办结', 'Closed'), outcome: 'closed' },
  },
} satisfies TDefinitionInput;
