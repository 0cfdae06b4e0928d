import type { TDefinition, TLocalizedText, TStateKind } from '../definition/schema.js';
import { allFields } from '../forms/field-access.js';
import { t } from '../text.js';
import { z } from '../zod.js';
import {
  type BlockSite,
  type InputProblem,
  needCollect,
  needField,
  needFindings,
  needTable,
  needWritable,
} from './inputs.js';

/** Which findings field each ledger operation reads. */
const FINDINGS_MODE_OF_OP = { raise: 'raise', handIn: 'rectify', reopen: 'verify', close: 'verify' } as const;

/**
 * When a block runs, relative to the engine:
 * - `startPrefill`: fills the start data before the engine starts the instance (checklist rows);
 * - `partPrefill`: the rows each participant's part of a collect step starts from (indicator rows);
 * - `facts`: computes a fact the step's guards read (the campus-entry rule set);
 * - `beforeDecide`: computes or checks the action's data before the engine decides (experts, scores, roll-up);
 * - `afterAccept`: writes rows beside the instance once the engine took the action (the findings ledger);
 * - `screen`: the console offers a screen that fires the action itself (merging requests);
 * - `report`: what the step collects feeds a report (teacher hours spent).
 */
export const BLOCK_POINTS = [
  'startPrefill',
  'partPrefill',
  'facts',
  'beforeDecide',
  'afterAccept',
  'screen',
  'report',
] as const;
export type BlockPoint = (typeof BLOCK_POINTS)[number];

export const BLOCK_POINT_LABELS: Record<BlockPoint, TLocalizedText> = {
  startPrefill: t('发起时预填', 'Prefills the start'),
  partPrefill: t('分头填报预填', 'Prefills each part'),
  facts: t('自动校验', 'Automatic checks'),
  beforeDecide: t('流转前计算', 'Computes before the move'),
  afterAccept: t('流转后记录', 'Records after the move'),
  screen: t('提供专用操作界面', 'Offers its own screen'),
  report: t('进入统计报表', 'Feeds a report'),
};

type BlockSpec<P extends z.ZodType> = {
  label: TLocalizedText;
  help: TLocalizedText;
  points: BlockPoint[];
  /** Where a definition may declare it; for `step`, the step kinds it fits. */
  sites: Array<BlockSite['at']>;
  stepKinds?: TStateKind[];
  params: P;
  /** What the block reads and writes must exist where it is placed. */
  inputs?: (params: z.infer<P>, def: TDefinition, site: BlockSite) => InputProblem[];
  /** Facts it provides to guards (e.g. `noRefusals { fact }`). */
  provides?: (params: z.infer<P>) => string[];
  /** The named checks it runs, each with its label: what a requester may check in advance (预检). */
  rules?: (params: z.infer<P>) => Array<{ rule: string; label: TLocalizedText }>;
  /** Form fields whose values it reads as references (school ids, a whitelist item's code): the console's pickers. */
  refs?: (params: z.infer<P>) => TFieldRef[];
};

/** What a form field's values name, when the definition says so (see `fieldRefs`). */
export type TFieldHolds = 'school' | 'whitelistItem';
export type TFieldRef = { field: string; holds: TFieldHolds };

const block = <P extends z.ZodType>(spec: BlockSpec<P>) => spec;

// `input` tells the designer what a parameter names, so it offers the definition's fields or collect steps.
const name = z.string().min(1).meta({ input: 'field' });
const step = z.string().min(1).meta({ input: 'step' });
const fact = z.string().min(1);
const ENTRY_RULES = [
  'onWhitelist',
  'inWindow',
  'leadTime',
  'notCommercial',
  'schoolCap',
  'itemFrequency',
  'inScope',
  'emergencyApproved',
] as const;
export type EntryRuleName = (typeof ENTRY_RULES)[number];

/** How each rule of the campus-entry rule set is named to the requester (zh-CN/en). */
export const ENTRY_RULE_LABELS: Record<EntryRuleName, TLocalizedText> = {
  onWhitelist: t('在本年度白名单内', 'On this year’s whitelist'),
  inWindow: t('在事项的开展时间窗口内', 'Inside the item’s window'),
  leadTime: t('按规定时间提前申报', 'Filed far enough ahead'),
  notCommercial: t('非商业、非收费活动', 'Neither commercial nor fee-charging'),
  schoolCap: t('每校每学期进校园活动上限', 'Each school’s cap per semester'),
  itemFrequency: t('该事项每学期频次上限', 'The item’s frequency per semester'),
  inScope: t('适用学校范围', 'The item’s school kinds'),
  emergencyApproved: t('临时增补须经领导小组批准', 'Emergency additions approved by the leading group'),
};

/** The transition an action block sits on, when it is one. */
const transitionAt = (def: TDefinition, site: BlockSite) => {
  if (site.at !== 'action') return undefined;
  const s = def.states[site.state];
  return s && 'on' in s ? s.on[site.event] : undefined;
};

/**
 * The closed registry of domain blocks a definition may declare on its start, steps and actions. Each
 * has a parameter schema the designer renders as a form, a label and help, the points where it runs,
 * and a check that what it reads and writes exists where it is placed. The API implements what each
 * does with the database (api/src/features/workflow-rules/blocks/); the engine stays pure.
 */
export const BLOCKS = {
  checklistItems: block({
    label: t('检查清单预填', 'Checklist items'),
    help: t(
      '发起时，若未提供检查项，按最新发布的检查清单填入表格（编号、层面、检查内容），待学校与检查员逐项填写。',
      'At start, when no items are given, fills the table with the newest published checklist (code, layer, item) for the school and inspector to answer.',
    ),
    points: ['startPrefill'],
    sites: ['start'],
    params: z.object({ field: name.default('items') }),
    inputs: (p, def) => needTable(def, 'field', p.field, ['code', 'layer', 'title'], null),
  }),
  indicatorRows: block({
    label: t('指标体系预填与佐证', 'Indicator rows and evidence'),
    help: t(
      '每个参与单位的填报表格按实例所选（或最新发布）的指标体系预填指标行；指标要求佐证的，提交时须已为该行上传佐证材料，否则拒绝并列出指标。',
      'Each participant’s table starts from the rows of the indicator system the instance names (or the newest); an indicator that requires evidence must have a file attached to its row when the part is submitted, or the refusal lists it.',
    ),
    points: ['partPrefill', 'beforeDecide'],
    sites: ['step'],
    stepKinds: ['collect'],
    params: z.object({ field: name.default('indicatorScores'), systemField: name.default('indicatorSystem') }),
    inputs: (p, def, site) => [
      ...(site.at === 'step'
        ? needCollect(def, 'field', site.state, { param: 'field', name: p.field, columns: ['indicator', 'score'] })
        : []),
      ...needField(def, 'systemField', p.systemField, 'text'),
    ],
  }),
  entryRules: block({
    label: t('进校园白名单校验', 'Campus-entry rule set'),
    help: t(
      '按活动年度发布的白名单逐条校验：在白名单内、在时间窗口内、提前申报、非商业收费、每校每学期上限、事项频次、适用学校范围、临时增补批准。每条规则可单独关闭；结果作为事实供“自动校验全部通过”规则读取，每条拒绝注明规则名。',
      'Checks the request against the whitelist published for the activity’s year: on the whitelist, in its window, lead time, not commercial, each school’s cap per semester, item frequency, the item’s school kinds, emergency approval. Each rule can be switched off; the refusals become a fact the “every automatic check passes” guard reads, each named by its rule.',
    ),
    points: ['facts'],
    sites: ['step'],
    params: z.object({
      fact: fact.default('entryRefusals'),
      itemField: name.default('itemCode'),
      schoolsField: name.default('schoolIds'),
      dateField: name.default('activityDate'),
      /** The yes/no answers the rules read: commercial, fee-charging, an emergency addition (waives the lead time). */
      commercialField: name.default('commercial'),
      feeField: name.default('feeCharging'),
      emergencyField: name.default('emergency'),
      rules: z.array(z.enum(ENTRY_RULES)).default([...ENTRY_RULES]),
      /** Overrides the whitelist's lead time and school cap when set. */
      leadTimeDays: z.number().int().nonnegative().optional(),
      schoolCapPerSemester: z.number().int().positive().optional(),
    }),
    inputs: (p, def) => [
      ...needField(def, 'itemField', p.itemField, 'text'),
      ...needField(def, 'schoolsField', p.schoolsField, 'people'),
      ...needField(def, 'dateField', p.dateField, 'date'),
      // A commercial request must not pass because the question was renamed: the rule needs its answers.
      ...(p.rules.includes('notCommercial')
        ? [
            ...needField(def, 'commercialField', p.commercialField, 'flag'),
            ...needField(def, 'feeField', p.feeField, 'flag'),
          ]
        : []),
      // Without the question no request is an emergency, and the lead time applies: stricter, so optional.
      ...(allFields(def).has(p.emergencyField) ? needField(def, 'emergencyField', p.emergencyField, 'flag') : []),
    ],
    provides: (p) => [p.fact],
    rules: (p) => p.rules.map((rule) => ({ rule, label: ENTRY_RULE_LABELS[rule] })),
    refs: (p) => [
      { field: p.itemField, holds: 'whitelistItem' },
      { field: p.schoolsField, holds: 'school' },
    ],
  }),
  assignExperts: block({
    label: t('分配评审专家（回避）', 'Assign experts (conflict-free)'),
    help: t(
      '未指定专家时，按负荷最少优先自动分配不少于 N 名专家，回避申报学校及其所在集团；手工指定的专家同样须回避，否则拒绝并注明规则。评审保密：自分配起至结果公示（进入公示环节）前，申报方（申报人、校长、集团总校长等）只看到“评审专家 1、2、3”及评审进度，看不到专家姓名及其上传的材料；负责分配与汇总的教委人员和审计员可见全部。',
      'When no experts are named, assigns at least N experts, least loaded first, never from the submitting school or its group; experts named by hand must avoid them too, or the move is refused naming the rule. Sealed review: from the assignment until the results are published (a notice step), the submitting side (author, principal, group lead …) sees only “Expert 1, 2, 3” and the progress, neither the experts’ names nor the files they upload; the bureau staff who assign and collect, and the auditor, see everything.',
    ),
    points: ['beforeDecide'],
    sites: ['action'],
    params: z.object({
      field: name.default('experts'),
      /** Experts per submission; without it, the published award rubric's number (3 by default). */
      count: z.number().int().min(1).max(20).optional(),
      avoid: z.array(z.enum(['school', 'group'])).default(['school', 'group']),
    }),
    inputs: (p, def, site) => {
      const problems = [...needWritable(def, site, 'field', p.field), ...needField(def, 'field', p.field, 'people')];
      const tr = transitionAt(def, site);
      if (tr && tr.assigns?.field !== p.field)
        problems.push({
          param: 'field',
          message: t(
            `该操作须将字段「${p.field}」中的人员设为办理人（assigns）`,
            `The action must assign the people in "${p.field}" (assigns)`,
          ),
        });
      return problems;
    },
  }),
  trimmedMean: block({
    label: t('去掉最高最低分取平均', 'Trimmed mean of the scores'),
    help: t(
      '从分头评分环节收集各专家的分数：满 5 个分数时去掉最高分和最低分后取平均，否则取平均；偏离平均超过阈值的专家标记为异常。计算结果写入得分字段（已填写的不覆盖）。',
      'Reads each expert’s score from the collect step: from 5 scores up, drops the highest and lowest and averages the rest, otherwise averages; experts further than the threshold from the mean are flagged. Writes the result into the score field unless it is already filled.',
    ),
    points: ['beforeDecide'],
    sites: ['action'],
    params: z.object({
      from: step,
      scoreField: name.default('score'),
      resultField: name.default('finalScore'),
      trimFrom: z.number().int().min(3).default(5),
      outlierThreshold: z.number().positive().default(15),
    }),
    inputs: (p, def, site) => [
      ...needCollect(def, 'from', p.from, { param: 'scoreField', name: p.scoreField, kind: 'number' }),
      ...needWritable(def, site, 'resultField', p.resultField),
      ...needField(def, 'resultField', p.resultField, 'number'),
    ],
  }),
  levelByQuota: block({
    label: t('按名额评定等次', 'Level by the rubric’s quotas'),
    help: t(
      '在同一年度、同一类别已评分的申报中排名，按发布的评审细则中各等次名额（特等/一等/二等）评定等次；结果进入获奖统计报表。',
      'Ranks the submission within its year and category among those already scored and sets the level by the published rubric’s quotas (special/first/second); the result appears in the award report.',
    ),
    points: ['beforeDecide'],
    sites: ['action'],
    params: z.object({
      scoreField: name.default('finalScore'),
      levelField: name.default('level'),
      /** Which quotas apply: the value `course` takes the quality-course quotas, anything else the achievement ones. */
      categoryField: name.optional(),
      /** Shown in the ranking. */
      titleField: name.optional(),
    }),
    inputs: (p, def, site) => [
      ...needField(def, 'scoreField', p.scoreField, 'number'),
      ...needWritable(def, site, 'levelField', p.levelField),
      ...needField(def, 'levelField', p.levelField, 'choice'),
      ...needField(def, 'categoryField', p.categoryField, 'choice'),
      ...needField(def, 'titleField', p.titleField, 'text'),
    ],
  }),
  groupRollUp: block({
    label: t('集团捆绑汇总得分', 'Group roll-up'),
    help: t(
      '按所选指标体系的汇总规则（兼顾最弱成员校）由各成员校的指标自评计算集团得分与等次；已填写的不覆盖。结果进入集团考核排名。',
      'Computes the group’s score and grade from the members’ indicator scores with the indicator system’s roll-up rule (the weakest member weighs in), unless already filled. The result appears in the group ranking.',
    ),
    points: ['beforeDecide'],
    sites: ['action'],
    params: z.object({
      from: step,
      tableField: name.default('indicatorScores'),
      systemField: name.default('indicatorSystem'),
      scoreField: name.default('groupScore'),
      gradeField: name.default('grade'),
      /** The assessment period the ranking filters by. */
      cycleField: name.optional(),
    }),
    inputs: (p, def, site) => [
      ...needCollect(def, 'from', p.from, { param: 'tableField', name: p.tableField, columns: ['indicator', 'score'] }),
      ...needField(def, 'systemField', p.systemField, 'text'),
      ...needWritable(def, site, 'scoreField', p.scoreField),
      ...needField(def, 'scoreField', p.scoreField, 'number'),
      ...needWritable(def, site, 'gradeField', p.gradeField),
      ...needField(def, 'cycleField', p.cycleField, 'text'),
    ],
  }),
  rectificationDeadline: block({
    label: t('整改期限按最高风险等级', 'Rectification time from the most severe finding'),
    help: t(
      '由不合格项确定整改期限，取最短者：有逐项问题字段时取各问题的办理时限（按字段声明的风险等级预填），否则按风险等级高 5、中 10、低 20 个学校工作日；检查员已填写的不覆盖。',
      'Sets the rectification time from the failed items, the shortest wins: with a findings field, each finding’s own time (pre-filled by the severities the field declares), else high 5, medium 10, low 20 school working days; a value the inspector entered stays.',
    ),
    points: ['beforeDecide'],
    sites: ['action'],
    params: z.object({
      itemsField: name.default('items'),
      daysField: name.default('rectificationDays'),
      /** The raise-mode findings field whose rows carry each finding's time. */
      findingsField: name.optional(),
    }),
    inputs: (p, def, site) => [
      ...needTable(def, 'itemsField', p.itemsField, ['code', 'result', 'severity']),
      ...needWritable(def, site, 'daysField', p.daysField),
      ...needField(def, 'daysField', p.daysField, 'number'),
      ...needFindings(def, 'findingsField', p.findingsField, 'raise'),
    ],
  }),
  findingsLedger: block({
    label: t('整改问题台账', 'Findings ledger'),
    help: t(
      '在整改问题台账中记录：raise 将每个不合格项登记为问题（期限、责令下线与整改通知书编号取自逐项问题字段，标记重复问题，要求佐证的须已附佐证）；handIn 标记学校已提交整改（停止计时；有整改清单字段时每个问题须有整改说明，要求佐证的须附整改后的佐证）；reopen 退回整改（有复核字段时逐项：通过的销号，退回的重新计时）；close 销号。台账、看板与报表读取这些记录。',
      'Keeps the findings ledger: raise turns each failed item into a finding (deadline, offline order and notice number from the findings field, repeats flagged, required evidence attached); handIn marks the rectification handed in (the clock stops; with a reply field every finding needs its note, and evidence of the fix where required); reopen returns it (with a verdict field, finding by finding: accepted ones close, returned ones run again); close closes them. The ledger, dashboard and report read these rows.',
    ),
    points: ['beforeDecide', 'afterAccept'],
    sites: ['action'],
    params: z.object({
      op: z.enum(['raise', 'handIn', 'reopen', 'close']),
      itemsField: name.default('items'),
      roundField: name.optional(),
      /** The findings field this operation reads: raise → the raise field, handIn → the replies, reopen and close → the verdicts. */
      field: name.optional(),
    }),
    inputs: (p, def, site) => [
      ...(p.op === 'raise'
        ? needTable(def, 'itemsField', p.itemsField, ['code', 'layer', 'title', 'result', 'severity'])
        : []),
      ...needField(def, 'roundField', p.roundField, 'text'),
      ...needFindings(def, 'field', p.field, FINDINGS_MODE_OF_OP[p.op]),
      // Raising completes the inspector's rows, so the field must be the action's to write.
      ...(p.op === 'raise' && p.field ? needWritable(def, site, 'field', p.field) : []),
    ],
  }),
  teacherHours: block({
    label: t('教师工时统计（减负）', 'Teacher hours (burden)'),
    help: t(
      '各学校在本分头填报环节登记实际占用的教师工时，与申请时预计的工时一起进入减负统计（按白名单事项汇总）。',
      'Each school records the teacher hours it actually spent in this collect step; with the hours planned in the request they feed the burden figures by whitelist item.',
    ),
    points: ['report'],
    sites: ['step'],
    stepKinds: ['collect'],
    params: z.object({ plannedField: name.default('teacherHours'), spentField: name.default('actualTeacherHours') }),
    inputs: (p, def, site) => [
      ...needField(def, 'plannedField', p.plannedField, 'number'),
      ...(site.at === 'step'
        ? needCollect(def, 'spentField', site.state, { param: 'spentField', name: p.spentField, kind: 'number' })
        : []),
    ],
  }),
  mergeRequests: block({
    label: t('合并同一事项的申请', 'Merge requests for the same item'),
    help: t(
      '在该操作所在环节，审核人可将同一白名单事项的其他申请并入本申请：学校取并集、课时取最大、方案全部保留，被并入的申请以该操作结束；合并后的申请重新按本流程的白名单校验。',
      'At this action’s step, the reviewer may fold other requests for the same whitelist item into this one: schools united, the largest hours, every plan kept; the absorbed requests end through this action, and the merged request is checked again with this workflow’s rule set.',
    ),
    points: ['screen'],
    sites: ['action'],
    params: z.object({
      itemField: name.default('itemCode'),
      schoolsField: name.default('schoolIds'),
      intoField: name.default('mergedInto'),
      fromField: name.default('mergedFrom'),
      maxFields: z.array(name).default([]),
      filesField: name.optional(),
    }),
    inputs: (p, def, site) => [
      ...needField(def, 'itemField', p.itemField, 'text'),
      ...needField(def, 'schoolsField', p.schoolsField, 'people'),
      ...needField(def, 'intoField', p.intoField),
      ...needField(def, 'fromField', p.fromField, 'people'),
      ...p.maxFields.flatMap((f, i) => needField(def, `maxFields.${i}`, f, 'number')),
      ...needField(def, 'filesField', p.filesField),
      ...(transitionAt(def, site)?.requires?.includes(p.intoField)
        ? []
        : [
            {
              param: 'intoField',
              message: t(`该操作须要求填写「${p.intoField}」`, `The action must require "${p.intoField}"`),
            },
          ]),
    ],
    refs: (p) => [
      { field: p.itemField, holds: 'whitelistItem' },
      { field: p.schoolsField, holds: 'school' },
    ],
  }),
} as const;

export type BlockName = keyof typeof BLOCKS;
export type BlockParams<N extends BlockName> = z.infer<(typeof BLOCKS)[N]['params']>;

export const isBlockName = (n: string): n is BlockName => Object.hasOwn(BLOCKS, n);
export const BLOCK_NAMES = Object.keys(BLOCKS) as BlockName[];
