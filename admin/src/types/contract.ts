// The API's wire shapes, by the names the console uses: each is the generated type of the API's OpenAPI
// document (../api/schema.gen.ts, `npm run api:types`), never a copy. The one exception is a workflow
// definition's document (forms, fields, steps): the API sends it as opaque JSON, so its shape is the
// console's reading of the workflows schema, below (ADR 0026).
import type { components } from '../api/schema.gen';

type Schemas = components['schemas'];

export type LocalizedText = Schemas['LocalizedText'];
export type LocaleCode = keyof LocalizedText;
/** What the console's name helpers accept: a LocalizedText, or a name already resolved to one language. */
export type MaybeLocalized = LocalizedText | string;

export type ApiErrorBody = Schemas['Error'];
/** A keyset page (every list route's answer): the data provider reads any resource through it. */
export type Page<T> = { items: T[]; nextCursor?: string | null };

export type MeResponse = Schemas['Me'];
export type SessionUser = MeResponse['user'];
export type RoleGrant = MeResponse['roles'][number];
export type RoleCode = RoleGrant['role'];
/** Someone named in an answer (a draft's editors, who published it). */
export type Person = Schemas['Person'];
/** 四眼原则 on drafts: who edited one (they may not publish it) and who approved and published it. */
export type DraftReview = Pick<Schemas['DefinitionDetail'], 'editors' | 'publishedBy'>;

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

export type Org = Schemas['Organisation'];
export type DefinitionSummary = Schemas['DefinitionSummary'];
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
export type DefinitionDetail = Omit<Schemas['DefinitionDetail'], 'definition'> & { definition: DefinitionDocument };
/** GET /definitions/:id/start-subjects: the organisations the caller may start it about; their own pre-selected. */
export type StartSubjects = Schemas['StartSubjects'];

export type InstanceRow = Schemas['InstanceListItem'];
export type InstanceStatus = InstanceRow['status'];
export type AvailableEvent = Schemas['AvailableEvent'];
export type DeclaredBlock = Schemas['DeclaredBlock'];
export type InstanceView = Omit<Schemas['InstanceView'], 'form'> & { form: FormDef | null };
export type TraceState = InstanceView['states'][number];
export type RuleReason = Schemas['RuleReason'];
export type Refusal = Schemas['Refusal'];
export type PrecheckResult = Schemas['PrecheckResult'];
export type Part = Schemas['Part'];
export type PartStep = Schemas['PartStep'];
export type DataRef = Schemas['DataRef'];
export type EventResult = Schemas['EventResult'];

export type TaskRow = Schemas['TaskItem'];
export type DoneTaskRow = Schemas['DoneTask'];

export type AuditEvent = Schemas['HistoryEvent'];
export type AuditOutcome = AuditEvent['outcome'];
export type AuditVerify = Schemas['AuditVerifyResult'];
export type AuditArchivePreview = Schemas['AuditArchivePreview'];
export type AuditArchiveManifest = Schemas['AuditArchiveManifest'];
export type AuditArchive = Schemas['AuditArchiveList']['items'][number];

export type DirectoryUser = Schemas['UserItem'];
export type Attachment = Schemas['Attachment'];
export type NotificationRow = Schemas['Notification'];
export type NotificationKind = Schemas['NotificationKind'];

export type OverviewReport = Schemas['OverviewReport'];
export type WorkflowCount = OverviewReport['byWorkflow'][number];
export type StateCount = WorkflowCount['byState'][number];

export type ImportResult = Schemas['ImportResult'];
export type BulkTaskResult = Schemas['BulkTasksResult'];
export type BulkStartResult = Schemas['BulkStartResult'];

export type DistrictCalendar = Schemas['Calendar'];
export type StatutoryYear = Schemas['StatutoryYear'];
/** A day of a year's statutory arrangement (the State Council's notice), with the festival it belongs to. */
export type StatutoryDay = StatutoryYear['holidays'][number];
export type CalendarCoverage = Schemas['CalendarCoverage'];
export type StatutorySource = NonNullable<CalendarCoverage['years'][number]['source']>;
export type StatutoryImport = Schemas['StatutoryImport'];
