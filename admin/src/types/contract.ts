// The API's wire shapes, by the names the console uses: each is the generated type of the API's OpenAPI
// document (../api/schema.gen.ts, `npm run api:types`), never a copy. A workflow definition's document
// (forms, fields, steps) travels as JSON the API parses with the workflows package's zod schema, so its
// types are that schema's own (`@eduflow/workflows`), the same ones the API and the designer use (ADR 0026).
import type {
  TActorRule,
  TDefinition,
  TFieldAccess,
  TFieldDef,
  TFindingsConfig,
  TForm,
  TSeverity,
} from '@eduflow/workflows';

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

export type Severity = TSeverity;
export type FindingsConfig = TFindingsConfig;
export type FieldDef = TFieldDef;
export type FieldAccess = TFieldAccess;
/** A step's form. Definitions say `permissions`; the instance view sends the resolved `access` of every field. */
export type FormDef = TForm & { access?: Record<string, FieldAccess> };

export type Org = Schemas['Organisation'];
export type DefinitionSummary = Schemas['DefinitionSummary'];
/** A version of reference data (指标体系, 白名单, 检查清单, 评审细则); `content` is its kind's document. */
export type ReferenceDoc = Schemas['ReferenceData'];
export type ReferenceOf<K extends ReferenceDoc['kind']> = Extract<ReferenceDoc, { kind: K }>;
export type ActorRule = TActorRule;

export type DefinitionDocument = TDefinition;
export type DefinitionDetail = Omit<Schemas['DefinitionDetail'], 'definition'> & { definition: DefinitionDocument };
/** GET /definitions/:id/start-subjects: the organisations the caller may start it about; their own pre-selected. */
export type StartSubjects = Schemas['StartSubjects'];

/** What starting an instance sends (and what 预检 runs its checks on). */
export type StartInstanceBody = Schemas['StartInstanceBody'];
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
