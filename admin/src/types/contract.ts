// Wire shapes of docs/api-contract.md (v1). The console codes against the contract, not the API's code.

export type LocaleCode = 'zh-CN' | 'en';
export type LocalizedText = Record<LocaleCode, string>;
/** Some names may arrive already resolved to one language; the console accepts both. */
export type MaybeLocalized = LocalizedText | string;

export type RoleCode =
  | 'bureauAdmin'
  | 'bureauReviewer'
  | 'groupLead'
  | 'principal'
  | 'teacher'
  | 'inspector'
  | 'expert'
  | 'outsideDept'
  | 'securityAdmin'
  | 'auditor';

export type ApiErrorBody = {
  error: {
    code: string;
    message: LocalizedText;
    fieldErrors?: Record<string, LocalizedText>;
    rule?: string;
    lockedUntil?: string;
  };
};

export type Page<T> = { items: T[]; nextCursor?: string | null };

export type SessionUser = { id: string; username: string; displayName: string; locale?: string };
/** Someone named in an answer (a draft's editors, who published it). */
export type Person = { id: string; displayName: string };
/** 四眼原则 on drafts: who edited one (they may not publish it) and who approved and published it. */
export type DraftReview = { editors: Person[]; publishedBy: Person | null };
export type RoleGrant = { role: RoleCode; orgId: string; orgName: string };
export type MeResponse = {
  user: SessionUser;
  roles: RoleGrant[];
  rules: unknown[];
  csrfToken: string;
  /** While true every other call answers PASSWORD_CHANGE_REQUIRED: the console sends the user to /account. */
  mustChangePassword?: boolean;
  twoFactor?: boolean;
  /** The three powers (三权分立) set up an authenticator first: every other call answers TOTP_ENROLMENT_REQUIRED meanwhile. */
  mustEnrolTwoFactor?: boolean;
};

export type FieldType =
  | 'text'
  | 'textarea'
  | 'number'
  | 'date'
  | 'select'
  | 'multiselect'
  | 'boolean'
  | 'file'
  | 'table'
  | 'score'
  | 'findings';

export type Severity = 'high' | 'medium' | 'low';
/** A `findings` field's part: raising problems against a checklist, the school's replies, or the inspector's verdicts. */
export type FindingsConfig =
  | {
      mode: 'raise';
      itemsField: string;
      severities: Array<{ value: Severity; label: LocalizedText; workdays: number; offline?: boolean }>;
    }
  | { mode: 'rectify'; of: string; evidence?: 'required' | 'optional' }
  | { mode: 'verify'; of: string };

export type FieldDef = {
  name: string;
  type: FieldType;
  label: LocalizedText;
  help?: LocalizedText;
  required?: boolean;
  min?: number;
  max?: number;
  maxLength?: number;
  pattern?: string;
  options?: Array<{ value: string; label: LocalizedText }>;
  /** Required only when another field of the form has this value. */
  requiredWhen?: { field: string; equals: string | number | boolean };
  /** For `findings`: which part of the findings this step writes. */
  findings?: FindingsConfig;
  /** For `score`: the total of these criteria (a rubric), each with its own range. */
  sumOf?: string[];
  /** Column `options` are not in the workflows schema yet; used when present. */
  columns?: Array<{
    name: string;
    type: FieldType;
    label: LocalizedText;
    readonly?: boolean;
    options?: Array<{ value: string; label: LocalizedText }>;
  }>;
};
export type FieldAccess = 'editable' | 'readonly' | 'hidden' | 'required';
/** A step's form. Definitions say `permissions`; the instance view sends the resolved `access` of every field. */
export type FormDef = {
  fields: FieldDef[];
  permissions?: Record<string, FieldAccess>;
  access?: Record<string, FieldAccess>;
};

export type Org = {
  id: string;
  type: 'district' | 'group' | 'school' | 'department';
  name: string;
  parentId: string | null;
  groupKind?: string | null;
  shortName?: string | null;
  code?: string | null;
  version?: number;
};

export type DefinitionSummary = {
  id: string;
  key: string;
  version: number;
  status: 'draft' | 'published';
  name: LocalizedText;
  subject: 'school' | 'group' | 'district';
  publishedAt: string | null;
};
export type ActorRule = { role: RoleCode; scope: string };

export type DefinitionDocument = {
  name: LocalizedText;
  startForm?: FormDef;
  states: Record<
    string,
    {
      name: LocalizedText;
      kind: string;
      form?: FormDef;
      actors?: ActorRule[];
      assignees?: ActorRule;
      /** A collect step's submit button (提交评分, 提交本方意见). */
      partLabel?: LocalizedText;
      on?: Record<string, { to: string; label?: LocalizedText }>;
    }
  >;
};
export type DefinitionDetail = DefinitionSummary & { definition: DefinitionDocument };
/** GET /definitions/:id/start-subjects: the organisations the caller may start it about; their own pre-selected. */
export type StartSubjects = { items: Array<{ id: string; name: string; type: string }>; preselected: string | null };

export type InstanceStatus = 'running' | 'completed';

export type InstanceRow = {
  id: string;
  definitionKey: string;
  definitionName: MaybeLocalized;
  version: number;
  /** What it is called: the title its workflow declares (活动名称, 检查批次, 考核年度), else the workflow's name. */
  title: MaybeLocalized;
  subjectOrgId: string;
  subjectName: string;
  /** Who filed it: the school or group it is about, or the department that filed a district-wide request. */
  requesterName: string;
  state: string;
  stateName: MaybeLocalized;
  status: InstanceStatus;
  outcome: string | null;
  updatedAt: string;
  createdAt: string;
  /** Earliest deadline among its open tasks (办理时限), or in a 公示 the notice's end (公示截止); null when nothing waits. */
  dueAt: string | null;
  /** What dueAt is: a task's deadline or a notice's end. */
  dueKind: 'task' | 'notice' | null;
  /** Running and past a task's dueAt by the server's clock; never for a notice, which simply ends. */
  overdue: boolean;
};

export type AvailableEvent = {
  type: string;
  label: MaybeLocalized;
  to: string;
  commentRequired: boolean;
  requires: string[];
  blockedBy?: { rule: string; message: LocalizedText };
  /** The engine's approval mechanics (SAVE, TRANSFER, DELEGATE, ADD_SIGNER, COPY_TO, CHASE, RETURN_TO…). */
  mechanic?: boolean;
  /** What a mechanic needs from the user: one person, several, a signer and position, an earlier step, or (RETURN_PART) whose part. */
  input?: 'user' | 'users' | 'signer' | 'step' | 'part';
  /** For RETURN_PART: the participants whose submitted part may be returned (named in the view's `parts`). */
  users?: string[];
  /** Fields the dialog also offers, filled from the draft, not required (the self-check summary beside the checklist). */
  asks?: string[];
  choices?: Array<{ state: string; name: LocalizedText }>;
  /** The domain blocks this action runs (e.g. `mergeRequests`, which has its own screen). */
  blocks?: string[];
};

/** A block the instance's definition declares: where, with its parameters (defaults applied). */
export type DeclaredBlock = {
  name: string;
  at: 'start' | 'step' | 'action';
  state?: string;
  event?: string;
  params: Record<string, unknown>;
};

export type TraceState = { id: string; name: MaybeLocalized; kind: string; visited: boolean; current: boolean };

/** One rule an automatic step found not met, with why, as the definition declares it. */
export type RuleReason = { rule: string; label?: LocalizedText; message: LocalizedText; schoolId?: string };
/** Why an instance rests where its automatic checks sent it (未通过). */
export type Refusal = { state: string; stateName: MaybeLocalized; reasons: RuleReason[] } | null;
/** 预检: what the start's automatic checks would say, without filing. */
export type PrecheckResult = {
  passes: boolean;
  reasons: RuleReason[];
  checked: Array<{ state: string; name: LocalizedText }>;
  next: { state: string; name: LocalizedText };
};

export type InstanceView = {
  id: string;
  definition: { id: string; key: string; version: number; name: MaybeLocalized; blocks: DeclaredBlock[] };
  /** What it is called, and who filed it (see InstanceRow). */
  title: MaybeLocalized;
  requester: { orgId: string; name: string };
  subject: { orgId: string; name: string; path: Array<{ id: string; name: string; type: string }> };
  state: string;
  stateName: MaybeLocalized;
  stateKind: string;
  status: InstanceStatus;
  outcome: string | null;
  data: Record<string, unknown>;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: { id: string; displayName: string };
  availableEvents: AvailableEvent[];
  form: FormDef | null;
  states: TraceState[];
  transitions: Array<{ from: string; to: string; event: string }>;
  openTasks: Array<{ id: string; state: string; dueAt: string | null }>;
  /** While it rests in a 公示 (a notice step): when the notice ends by itself, and the school working days left (0 on its last day). */
  notice: { endsAt: string; workdaysLeft: number } | null;
  /**
   * GET /instances/:id only: who is assigned by role, and names for the ids in data and assignments.
   * `anonymous`: how many more hold the role whom the viewer may not know yet (a blind or sealed expert review).
   */
  assignments?: Array<{ role: RoleCode; userIds: string[]; anonymous?: number }>;
  refs?: Record<string, DataRef>;
  /** At a collect step with indicator rows: the rows a part starts from and the indicators needing evidence. */
  partPrefill?: { field: string; rows: Array<Record<string, unknown>>; evidenceRequired: string[] } | null;
  /** GET /instances/:id only: each collect step's parts the viewer may see (各单位填报). */
  parts?: PartStep[];
  /** Set while it rests where its automatic checks sent it: each rule that refused, and why. */
  refusal?: Refusal;
};

/** One participant's part of a collect step (a member school's self-assessment). */
export type Part = {
  userId: string;
  person: string;
  orgId: string | null;
  orgName: string | null;
  status: 'pending' | 'submitted' | 'returned';
  submittedAt: string | null;
  returns: number;
  returnReason: string | null;
  data: Record<string, unknown>;
  files: Attachment[];
};
/** `all`: a collector or overseer sees every part; `own`: a participant sees theirs. */
export type PartStep = {
  step: string;
  stepName: LocalizedText;
  current: boolean;
  scope: 'all' | 'own';
  parts: Part[];
  /** The rows the step's parts start from (an indicator system's keys and names): they name the parts' rows. */
  rows: { field: string; rows: Array<Record<string, unknown>> } | null;
};

/** What an id in instance data stands for; name null when the viewer may not read that person or request. */
export type DataRef = { kind: 'organisation' | 'user' | 'instance'; name: string | null };

export type EventResult = Pick<
  InstanceView,
  'id' | 'state' | 'stateName' | 'status' | 'outcome' | 'version' | 'availableEvents' | 'refusal'
>;

export type TaskRow = {
  id: string;
  /** Null for a 负担码 report's task (burdenReportId set). */
  instanceId: string | null;
  burdenReportId?: string | null;
  definitionKey: string;
  definitionName: MaybeLocalized;
  /** The blocks the workflow declares (its families, e.g. `entryRules`). */
  workflowBlocks: string[];
  /** The blocks on the task's step and its actions, `name` or `name:op` (e.g. `findingsLedger:handIn`). */
  stepBlocks: string[];
  state: string;
  stateName: MaybeLocalized;
  subjectName: string;
  /** The instance's title (or a 负担码 report's kind) and who filed it. */
  title: MaybeLocalized;
  requesterName: string;
  purpose: 'act' | 'review' | 'escalation' | string;
  dueAt: string | null;
  overdue: boolean;
  createdAt: string;
};

/** GET /tasks/done: a task the user closed (已办), what closed it, and the figures of their own part (我的评分). */
export type DoneTaskRow = {
  id: string;
  instanceId: string;
  definitionName: LocalizedText;
  title: LocalizedText;
  state: string;
  stateName: LocalizedText;
  subjectName: string;
  requesterName: string;
  action: LocalizedText;
  closedAt: string;
  figures: Array<{ name: string; label: LocalizedText; value: number }>;
};

export type AuditOutcome = 'success' | 'denied' | 'failed';
export type AuditEvent = {
  id: string;
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  outcome: AuditOutcome;
  before: unknown;
  after: unknown;
  meta: Record<string, unknown> | null;
  prevHash: string;
  hash: string;
  /** In an instance's history: someone the viewer may not know yet (an expert, before the results are published), by role and seat. */
  actorAlias?: { role: RoleCode; n: number };
};

export type AuditVerify =
  | {
      ok: true;
      count: number;
      lastHash: string;
      checkpoints?: { count: number; lastSeq: number | null; lastAt: string | null } | null;
      /** `incremental`: only the events after the last verified position were rehashed (`checked` of them). */
      mode?: 'full' | 'incremental';
      checked?: number;
      /** Where the live chain begins after older events were archived (ADR 0015). */
      anchor?: { seq: number; hash: string; archiveId: string; archivedAt: string; cutoff: string } | null;
      fullAt?: string | null;
    }
  | {
      ok: false;
      count: number;
      brokenAt: number;
      reason: string;
      message?: LocalizedText;
      missing?: { from: number; to: number };
    };

export type AuditArchivePreview = {
  before: string;
  cutoff: string;
  latestBefore: string;
  retentionDays: number;
  allowed: boolean;
  count: number;
  fromSeq: number | null;
  throughSeq: number | null;
  firstAt: string | null;
  lastAt: string | null;
};

export type AuditArchiveManifest = {
  archiveId: string;
  file: string;
  sha256: string;
  bytes: number;
  createdAt: string;
  createdBy: { id: string; displayName: string } | null;
  cutoff: string;
  fromSeq: number;
  throughSeq: number;
  count: number;
  firstAt: string;
  lastAt: string;
  lastHash: string;
};

export type AuditArchive = AuditArchiveManifest & { recordedAt: string | null; recordedSeq: number | null };

// Console-facing endpoints (issue 4) and workflow reports (issue 3), as agreed in docs/api-contract.md.

export type DirectoryUser = {
  id: string;
  username: string;
  displayName: string;
  disabled: boolean;
  roles: RoleGrant[];
  version?: number;
  twoFactor?: boolean;
  mustChangePassword?: boolean;
};

export type Attachment = {
  id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  url: string;
  field?: string | null;
  createdAt?: string;
  uploadedBy?: string;
};

/** `entityType`/`entityId`: what a notice not about an instance concerns (kind `security`: the account whose powers changed). */
export type NotificationRow = {
  id: string;
  kind: string;
  instanceId: string | null;
  state: string | null;
  entityType?: string | null;
  entityId?: string | null;
  title: MaybeLocalized;
  /** What happened, in a sentence (a deadline passed and what the system did, checks that refused). */
  detail?: LocalizedText | null;
  /** `refused`: each rule the automatic checks found not met. */
  reasons?: RuleReason[] | null;
  createdAt: string;
  readAt: string | null;
  /** A to-do notice whose task has closed since (已办结). */
  resolvedAt?: string | null;
};

export type StateCount = { state: string; stateName: MaybeLocalized; count: number };
export type WorkflowCount = { definitionKey: string; name: MaybeLocalized; byState: StateCount[] };
export type OverviewReport = {
  byWorkflow: WorkflowCount[];
  openTasks: number;
  overdueTasks: number;
  overdueByWorkflow: Array<{ definitionKey: string; name: MaybeLocalized; count: number }>;
};

export type ImportResult = {
  created: number;
  skipped: number;
  errors: Array<{ row: number; field: string; message: MaybeLocalized }>;
};
export type BulkTaskResult = {
  done: number;
  failed: Array<{ taskId: string; instanceId?: string; code: string; message: MaybeLocalized }>;
};
export type BulkStartResult = {
  started: Array<{ id: string; orgId?: string } | string>;
  failed: Array<{ orgId: string; code: string; message: MaybeLocalized }>;
};

export type DistrictCalendar = {
  holidays: string[];
  workdays: string[];
  vacations: Array<{ from: string; to: string; name: string }>;
  version: number;
};

/** A day of a year's statutory arrangement (the State Council's notice), with the festival it belongs to. */
export type StatutoryDay = { date: string; name: string };
export type StatutorySource = 'package' | 'bureau';
/** A year the bureau loaded: `inEffect` is false for a package year it did not explicitly replace. */
export type StatutoryYear = {
  year: number;
  holidays: StatutoryDay[];
  workdays: StatutoryDay[];
  replacesPackage: boolean;
  documentNo: string | null;
  title: string | null;
  source: 'form' | 'xlsx' | 'csv' | 'ics';
  version: number;
  updatedAt: string;
  updatedBy: string | null;
  inEffect: boolean;
};
/** GET /calendar/coverage: which years are covered and by what; the uncovered years open deadlines fall into. */
export type CalendarCoverage = {
  today: string;
  dataset: { name: string; version: string; years: number[] };
  bureauYears: number[];
  years: Array<{ year: number; source: StatutorySource | null }>;
  uncoveredDeadlines: Array<{ year: number; firstDueAt: string }>;
};
/** POST /calendar/statutory/{year}/import: the preview (and, when written, the loaded year). */
export type StatutoryImport = {
  dryRun: boolean;
  year: number;
  source: 'xlsx' | 'csv' | 'ics';
  holidays: StatutoryDay[];
  workdays: StatutoryDay[];
  skipped: Array<StatutoryDay & { kind: 'holiday' | 'workday' }>;
  errors: Array<{ row: number; field: string; message: LocalizedText }>;
  saved: StatutoryYear | null;
};
