import { z } from '../zod.js';

/** Text shown to people, in both console languages. */
export const zLocalizedText = z.object({
  'zh-CN': z.string().min(1),
  en: z.string().min(1),
});
export type TLocalizedText = z.infer<typeof zLocalizedText>;

/** The closed set of roles a bureau console knows (DOMAIN.md "People and roles"). */
export const ROLES = [
  'bureauAdmin',
  'bureauReviewer',
  'groupLead',
  'principal',
  'teacher',
  'inspector',
  'expert',
  'outsideDept',
  'securityAdmin',
  'auditor',
] as const;
export const zRole = z.enum(ROLES);
export type TRole = z.infer<typeof zRole>;

/**
 * 三权分立 (等保 2.0 level 3): the system administrator (bureauAdmin), the security administrator and
 * the auditor. No account holds two of them (docs/decisions/0014-separation-of-three-powers.md).
 */
export const PRIVILEGED_ROLES = ['bureauAdmin', 'securityAdmin', 'auditor'] as const satisfies readonly TRole[];
export type TPrivilegedRole = (typeof PRIVILEGED_ROLES)[number];
export const isPrivilegedRole = (role: TRole): role is TPrivilegedRole =>
  (PRIVILEGED_ROLES as readonly TRole[]).includes(role);

/**
 * Where, relative to the instance, the actor must hold the role:
 * - `subject.school` / `subject.group`: at the instance's school / the group above it;
 * - `subject.members`: at any member school of the instance's group (a group's principals);
 * - `district`: at the district (bureau staff);
 * - `assigned`: named on the instance's assignment list for that role (e.g. the inspector of a school);
 * - `initiator`: the user who started the instance;
 * - `listed`: at any organisation listed in the form field `field` (the schools a request targets);
 * - `parts`: a participant of the collect step `step` whose submitted part says `where` (the schools that confirmed);
 * - `any`: anywhere in the tree.
 */
export const SCOPES = [
  'subject.school',
  'subject.group',
  'subject.members',
  'district',
  'assigned',
  'initiator',
  'listed',
  'parts',
  'any',
] as const;
export const zScope = z.enum(SCOPES);
export type TScope = z.infer<typeof zScope>;

const zPartValue = z.union([z.string(), z.number(), z.boolean()]);
export const zActorRule = z
  .object({
    role: zRole,
    scope: zScope,
    field: z.string().optional(),
    /** For `parts`: the collect step whose participants are meant, and what their part must say. */
    step: z.string().optional(),
    where: z.object({ field: z.string().min(1), equals: zPartValue }).optional(),
  })
  .refine((r) => r.scope !== 'listed' || !!r.field, {
    message: 'scope "listed" needs the field that lists the organisations',
    path: ['field'],
  })
  .refine((r) => r.scope !== 'parts' || !!r.step, { message: 'scope "parts" needs the collect step', path: ['step'] });
export type TActorRule = z.infer<typeof zActorRule>;

export const FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'date',
  'select',
  'multiselect',
  'boolean',
  'file',
  'table',
  'score',
  'findings',
] as const;
export const zFieldType = z.enum(FIELD_TYPES);

const zIdentifier = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'letters, digits and _ only, starting with a letter');

/** The severities a findings ledger knows (its reports and sorts weigh them); their labels and deadlines are the definition's. */
export const SEVERITIES = ['high', 'medium', 'low'] as const;
export const zSeverity = z.enum(SEVERITIES);
export type TSeverity = z.infer<typeof zSeverity>;

/**
 * A `findings` field: problems raised item by item against a checklist, and what each later step does with
 * them. One field per step, by `mode`:
 * - `raise`: each failed row of the checklist `itemsField` becomes a finding with a severity, a rectification
 *   time pre-filled from `severities` (school working days; the inspector may change it), an offline order
 *   where the severity allows one, and the offline notice's number;
 * - `rectify`: the school's reply per open finding of the raise field `of` (a note, and evidence when `evidence`
 *   is required) — its rectification to-do list;
 * - `verify`: the inspector's verdict per finding of `of` (accepted, or returned with a reason).
 */
export const zFindingsConfig = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('raise'),
    itemsField: zIdentifier,
    severities: z
      .array(
        z.object({
          value: zSeverity,
          label: zLocalizedText,
          /** The rectification time this severity pre-fills, in school working days. */
          workdays: z.number().int().min(1).max(120),
          /** Whether a finding of this severity may order the system offline (责令下线). */
          offline: z.boolean().optional(),
        }),
      )
      .min(1),
  }),
  z.object({
    mode: z.literal('rectify'),
    of: zIdentifier,
    evidence: z.enum(['required', 'optional']).default('required'),
  }),
  z.object({ mode: z.literal('verify'), of: zIdentifier }),
]);
export type TFindingsConfig = z.infer<typeof zFindingsConfig>;

export const zFieldDef = z.object({
  name: zIdentifier,
  type: zFieldType,
  label: zLocalizedText,
  help: zLocalizedText.optional(),
  required: z.boolean().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  maxLength: z.number().int().positive().optional(),
  pattern: z.string().optional(),
  options: z.array(z.object({ value: z.string(), label: zLocalizedText })).optional(),
  /** For `findings`: which part of the findings this step writes (raise, rectify, verify) and how. */
  findings: zFindingsConfig.optional(),
  /**
   * For `score`: the score is the sum of these score fields (a rubric's criteria, each with its own range).
   * Given the criteria, the total is computed; given only the total, it stands on its own.
   */
  sumOf: z.array(zIdentifier).min(1).optional(),
  /** Required only when another field of the same form has this value (a reason when declining). */
  requiredWhen: z.object({ field: z.string().min(1), equals: zPartValue }).optional(),
  /** For `table`: the columns of each row. */
  columns: z
    .array(
      z.object({
        name: zIdentifier,
        type: zFieldType,
        label: zLocalizedText,
        options: z.array(z.object({ value: z.string(), label: zLocalizedText })).optional(),
        /** Set by whoever created the rows (the bureau's checklist): later steps fill the other columns only. */
        readonly: z.boolean().optional(),
      }),
    )
    .optional(),
});
export type TFieldDef = z.infer<typeof zFieldDef>;

export const FIELD_ACCESS = ['editable', 'readonly', 'hidden', 'required'] as const;
export const zFieldAccess = z.enum(FIELD_ACCESS);
export type TFieldAccess = z.infer<typeof zFieldAccess>;

/** A step's form: its fields and, per field, what this step may do with it. */
export const zForm = z.object({
  fields: z.array(zFieldDef).default([]),
  /** Fields of earlier steps shown here, and how. Fields not listed default to `editable` for own fields, `readonly` otherwise. */
  permissions: z.record(z.string(), zFieldAccess).optional(),
});
export type TForm = z.infer<typeof zForm>;

export const zDeadline = z.object({
  workdays: z.number().int().positive(),
  /** A number field that, when filled, overrides `workdays` (e.g. the rectification time the findings set). */
  fromField: z.string().optional(),
  remindBefore: z.number().int().nonnegative().optional(),
  escalateTo: zActorRule.optional(),
});
export type TDeadline = z.infer<typeof zDeadline>;

export const zGuardRef = z.object({
  name: z.string().min(1),
  params: z.record(z.string(), z.unknown()).optional(),
  /**
   * Why the rule refuses, in the definition's own words (zh-CN/en): shown to the requester on the
   * page, in the notice and in the history instead of the registry's generic message.
   */
  message: zLocalizedText.optional(),
});
export type TGuardRef = z.infer<typeof zGuardRef>;

/** A domain block from the closed registry (workflows/src/blocks/registry.ts), with its parameters. */
export const zBlockRef = z.object({
  name: z.string().min(1),
  params: z.record(z.string(), z.unknown()).optional(),
});
export type TBlockRef = z.infer<typeof zBlockRef>;
const zBlocks = z.array(zBlockRef).optional();

export const zTransition = z.object({
  to: z.string().min(1),
  label: zLocalizedText.optional(),
  /** Who may fire it; defaults to the state's actors (task) or assignees (review). */
  actors: z.array(zActorRule).optional(),
  guards: z.array(zGuardRef).optional(),
  /** Form fields that must be filled (in the event's data or already on the instance) to fire it. */
  requires: z.array(z.string()).optional(),
  /**
   * Fields of the step's form the action's dialog also shows, filled from the draft, for a last look or
   * correction before it goes (the self-check summary beside the checklist); never required by this.
   */
  asks: z.array(z.string()).optional(),
  comment: z.enum(['required', 'optional']).optional(),
  /** false for moves that send work back (return, withdraw): the step's required fields are not enforced. */
  validate: z.boolean().optional(),
  /** The users listed in this event's data field become the instance's assignees for the role (e.g. the experts chosen). */
  assigns: z.object({ role: zRole, field: z.string().min(1) }).optional(),
  /** Domain blocks run when this action is taken: computed before the engine decides, recorded after. */
  blocks: zBlocks,
});
export type TTransition = z.infer<typeof zTransition>;

const zEventName = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'UPPER_SNAKE_CASE');

/**
 * Approval mechanics every task or review step offers without declaring transitions:
 * save a draft of the step's form (暂存), transfer (转办), delegate (委派, comes back), add a signer (加签), copy to readers (抄送), chase (催办),
 * and return to a chosen earlier step (退回任意环节, off unless listed).
 */
export const MECHANICS = ['SAVE', 'TRANSFER', 'DELEGATE', 'ADD_SIGNER', 'COPY_TO', 'CHASE', 'RETURN_TO'] as const;
export const zMechanic = z.enum(MECHANICS);
export type TMechanic = z.infer<typeof zMechanic>;
const DEFAULT_MECHANICS: TMechanic[] = ['SAVE', 'TRANSFER', 'DELEGATE', 'ADD_SIGNER', 'COPY_TO', 'CHASE'];
/** Event names the engine reserves for mechanics and timers. */
export const RESERVED_EVENTS = [
  ...MECHANICS,
  'RESOLVE',
  'SIGN',
  'DECLINE_SIGN',
  'SUBMIT_PART',
  'RETURN_PART',
  'TIMER',
  'REASSIGN',
] as const;
const zOn = z.record(zEventName, zTransition);

const base = {
  name: zLocalizedText,
  description: zLocalizedText.optional(),
  /** Domain blocks that belong to the step itself (facts its guards read, rows its parts start from). */
  blocks: zBlocks,
};

export const zTaskState = z.object({
  ...base,
  kind: z.literal('task'),
  actors: z.array(zActorRule).min(1),
  form: zForm.optional(),
  deadline: zDeadline.optional(),
  mechanics: z.array(zMechanic).default(DEFAULT_MECHANICS),
  on: zOn,
});

export const zJoin = z.discriminatedUnion('policy', [
  z.object({ policy: z.literal('all') }),
  z.object({ policy: z.literal('any') }),
  z.object({ policy: z.literal('quorum'), count: z.number().int().positive() }),
]);
export type TJoin = z.infer<typeof zJoin>;

/**
 * Parallel review: every assignee votes APPROVE or REJECT; the join decides when the state is done.
 * `on.APPROVE` / `on.REJECT` name where the joined outcome goes; other events act at once.
 */
export const zReviewState = z.object({
  ...base,
  kind: z.literal('review'),
  assignees: zActorRule,
  join: zJoin,
  form: zForm.optional(),
  deadline: zDeadline.optional(),
  mechanics: z.array(zMechanic).default(DEFAULT_MECHANICS),
  on: zOn,
});

/**
 * Parallel collection (分头填报): every participant submits their own part on the step's form (each
 * member school's self-assessment, each target school's confirmation). A collector may return one
 * part for rework; the step's own transitions wait until every part is in, unless the transition says `validate: false` (the refusal names who is missing).
 * With `onComplete`, the last part moves the instance on by itself.
 */
export const zCollectState = z.object({
  ...base,
  kind: z.literal('collect'),
  participants: zActorRule,
  collectors: z.array(zActorRule).default([]),
  form: zForm.optional(),
  deadline: zDeadline.optional(),
  onComplete: z.object({ to: z.string().min(1) }).optional(),
  /** Independent review (独立评审): while the step runs, a participant sees neither who else takes part nor their parts. */
  blind: z.boolean().optional(),
  /** What a participant's submit button says (提交评分, 提交本方意见); without it, 提交本单位填报. */
  partLabel: zLocalizedText.optional(),
  mechanics: z.array(zMechanic).default(['CHASE', 'COPY_TO']),
  on: zOn.default({}),
});

/** A timed public notice (公示): ends by itself after `duration`, unless an event (an objection) interrupts it. */
export const zNoticeState = z.object({
  ...base,
  kind: z.literal('notice'),
  duration: z.object({ workdays: z.number().int().positive() }),
  onEnd: z.object({ to: z.string().min(1) }),
  form: zForm.optional(),
  on: zOn.default({}),
});

/** Decided by rules alone: the first choice whose guards all pass, else `otherwise`. */
export const zAutoState = z.object({
  ...base,
  kind: z.literal('auto'),
  choices: z.array(z.object({ to: z.string().min(1), guards: z.array(zGuardRef).min(1) })).min(1),
  otherwise: z.string().min(1),
});

// `merged`: a campus-entry request the bureau folded into another one for the same item.
// `cancelled`: did not take place (every school declined a campus-entry activity).
export const OUTCOMES = ['approved', 'rejected', 'withdrawn', 'closed', 'merged', 'cancelled'] as const;
export const zFinalState = z.object({
  ...base,
  kind: z.literal('final'),
  outcome: z.enum(OUTCOMES).default('closed'),
});

export const zState = z.discriminatedUnion('kind', [
  zTaskState,
  zReviewState,
  zCollectState,
  zNoticeState,
  zAutoState,
  zFinalState,
]);
export type TState = z.infer<typeof zState>;
export type TStateKind = TState['kind'];

export const zDefinition = z.object({
  key: z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and -'),
  version: z.number().int().positive().default(1),
  name: zLocalizedText,
  description: zLocalizedText.optional(),
  /** What an instance is about: a school (most), a group (bundled assessment) or the district. */
  subject: z.enum(['school', 'group', 'district']),
  /** Who may start an instance. */
  starters: z.array(zActorRule).min(1),
  /** The form filled when starting. */
  startForm: zForm.optional(),
  /**
   * How an instance is named in lists, cards, the inbox, page titles, notifications and exports: text
   * with `{field}` placeholders filled from the instance's data (the activity's title, the inspection
   * round, the assessment cycle). When it is absent or a placeholder is empty, the workflow's name stands in.
   */
  title: zLocalizedText.optional(),
  /** Domain blocks run when an instance starts (e.g. the checklist prefilled). */
  startBlocks: zBlocks,
  initial: z.string().min(1),
  states: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/), zState),
  /**
   * Where each step sits on the designer's canvas (top-left corner), as the bureau arranged it; 自动布局
   * recomputes it. The engine ignores it; steps without a place are laid out when the designer opens.
   */
  layout: z.record(z.string(), z.object({ x: z.number().finite(), y: z.number().finite() })).optional(),
});
export type TDefinition = z.infer<typeof zDefinition>;
/** A definition as written by a person, before defaults are applied. */
export type TDefinitionInput = z.input<typeof zDefinition>;
