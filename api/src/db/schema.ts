import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  customType,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

import type { Effect } from '../engine.js';
import type { TNotificationKind } from '../features/notifications/notifications.types.js';
import { hashFromStored, hashToStored } from '../lib/stored-hash.js';
import { uuidFromStored, uuidToStored } from '../lib/stored-uuid.js';

// Timestamps are ISO-8601 UTC strings: sortable as text and portable to PostgreSQL later.
const id = () =>
  text('id')
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());
type Json = Record<string, unknown>;

/** A SHA-256 of the audit chain: hex in code, its 32 bytes on disk (api/src/lib/stored-hash.ts). Declared text: no table rebuild. */
const sha256Hash = customType<{ data: string; driverData: Buffer | string }>({
  dataType: () => 'text',
  toDriver: hashToStored,
  fromDriver: hashFromStored,
});

/** An audit event's UUID: text in code, its 16 bytes on disk (api/src/lib/stored-uuid.ts). */
const packedUuid = customType<{ data: string; driverData: Buffer | string }>({
  dataType: () => 'text',
  toDriver: uuidToStored,
  fromDriver: uuidFromStored,
});

export const organisations = sqliteTable(
  'organisations',
  {
    id: id(),
    type: text('type', { enum: ['district', 'group', 'school', 'department'] }).notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    parentId: text('parent_id').references((): AnySQLiteColumn => organisations.id),
    groupKind: text('group_kind', { enum: ['secondary', 'primary', 'kindergarten'] }),
    code: text('code'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('organisations_parent_idx').on(t.parentId), index('organisations_type_idx').on(t.type)],
);

export const users = sqliteTable(
  'users',
  {
    id: id(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale', { enum: ['zh-CN', 'en'] })
      .notNull()
      .default('zh-CN'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: text('locked_until'),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    version: integer('version').notNull().default(1),
    passwordChangedAt: text('password_changed_at'),
    /** Base32 TOTP secret; pending until totp_enabled_at is set by a confirmed code. */
    totpSecret: text('totp_secret'),
    totpEnabledAt: text('totp_enabled_at'),
    /** The 30-second step of the last accepted code: a code seen once cannot be replayed. */
    totpLastStep: integer('totp_last_step'),
  },
  (t) => [
    // The directory sorts by name or by creation (issue 4); username is already unique-indexed.
    index('users_display_name_idx').on(t.displayName, t.id),
    index('users_created_idx').on(t.createdAt, t.id),
  ],
);

export const roleGrants = sqliteTable(
  'role_grants',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
    orgId: text('org_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role, t.orgId] }), index('role_grants_role_org_idx').on(t.role, t.orgId)],
);

/** Hashes of an account's previous passwords (argon2id), newest first by changed_at: a new one may not repeat them. */
export const passwordHistory = sqliteTable(
  'password_history',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    passwordHash: text('password_hash').notNull(),
    /** When this password stopped being the account's. */
    changedAt: text('changed_at').notNull(),
  },
  (t) => [index('password_history_user_idx').on(t.userId, t.changedAt)],
);
export type TPasswordHistoryRow = typeof passwordHistory.$inferSelect;

export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a leaked table does not leak live sessions. */
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Failed sign-ins (and wrong current passwords) per client address and per username, for the sliding
 * windows of auth/rate-limit.ts. In the database, not in memory: every API node counts the same failures,
 * and a restart forgets none (issue 14). Rows older than the window are pruned as new ones come.
 */
export const signInFailures = sqliteTable(
  'sign_in_failures',
  {
    id: id(),
    kind: text('kind', { enum: ['address', 'username'] }).notNull(),
    key: text('key').notNull(),
    /** Epoch milliseconds. */
    at: integer('at').notNull(),
  },
  (t) => [index('sign_in_failures_key_idx').on(t.kind, t.key, t.at), index('sign_in_failures_at_idx').on(t.at)],
);

export const definitions = sqliteTable(
  'definitions',
  {
    id: id(),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    status: text('status', { enum: ['draft', 'published'] }).notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    subject: text('subject', { enum: ['school', 'group', 'district'] }).notNull(),
    body: text('body', { mode: 'json' }).$type<Json>().notNull(),
    createdBy: text('created_by'),
    createdAt: text('created_at').notNull(),
    publishedAt: text('published_at'),
    // Drafts are edited in place; each save bumps this so a stale editor gets 409 instead of overwriting.
    revision: integer('revision').notNull().default(1),
  },
  (t) => [uniqueIndex('definitions_key_version_uq').on(t.key, t.version)],
);

export const instances = sqliteTable(
  'instances',
  {
    id: id(),
    definitionId: text('definition_id')
      .notNull()
      .references(() => definitions.id),
    subjectOrgId: text('subject_org_id')
      .notNull()
      .references(() => organisations.id),
    subjectGroupId: text('subject_group_id'),
    districtId: text('district_id').notNull(),
    state: text('state').notNull(),
    status: text('status', { enum: ['running', 'completed'] }).notNull(),
    outcome: text('outcome'),
    data: text('data', { mode: 'json' }).$type<Json>().notNull(),
    snapshot: text('snapshot', { mode: 'json' }).$type<Json>().notNull(),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** Earliest deadline of its open tasks (null when none), kept by applyEffects so lists can sort on it. */
    dueAt: text('due_at'),
    /**
     * The reporting period its blocks name (periodField: an activity date, a cycle, a round), copied from
     * the data on every write so a report reads one period off (definition_id, period).
     */
    period: text('period'),
    /**
     * Its human title as the definition declares it (`title`: the activity, the round, the cycle), rendered
     * from the data on every write so lists, the inbox, notifications and exports read it off the row.
     * Null when the definition declares none: the workflow's name stands in.
     */
    title: text('title', { mode: 'json' }).$type<{ 'zh-CN': string; en: string }>(),
    /**
     * Who filed it: the subject school or group, or — for an instance about the whole district (a campus-entry
     * request) — the starter's own department or school, never the district itself.
     */
    requesterOrgId: text('requester_org_id'),
  },
  (t) => [
    index('instances_updated_idx').on(t.updatedAt, t.id),
    // One (column, id) index per sortable column of the instance list (issue 4), for unscoped readers.
    index('instances_created_idx').on(t.createdAt, t.id),
    index('instances_due_idx').on(t.dueAt, t.id),
    index('instances_state_id_idx').on(t.state, t.id),
    index('instances_subject_updated_idx').on(t.subjectOrgId, t.updatedAt, t.id),
    index('instances_group_updated_idx').on(t.subjectGroupId, t.updatedAt, t.id),
    index('instances_created_by_updated_idx').on(t.createdBy, t.updatedAt, t.id),
    // A requester's own instances under every other sort (issue 11: a department files thousands a year).
    index('instances_created_by_created_idx').on(t.createdBy, t.createdAt, t.id),
    index('instances_created_by_due_idx').on(t.createdBy, t.dueAt, t.id),
    index('instances_created_by_state_idx').on(t.createdBy, t.state, t.id),
    index('instances_state_updated_idx').on(t.state, t.updatedAt, t.id),
    // Workflow reports read one definition's instances (issue 3).
    index('instances_definition_created_idx').on(t.definitionId, t.createdAt),
    index('instances_definition_period_idx').on(t.definitionId, t.period),
    // Rows still without a title (from before migration 0026, or whose title fields are empty): what the
    // start-up fill walks, so a start does not read every instance of a city (issue 11's start target).
    index('instances_untitled_idx')
      .on(t.definitionId, t.id)
      .where(sql`title is null`),
  ],
);

export const instanceParticipants = sqliteTable(
  'instance_participants',
  {
    instanceId: text('instance_id')
      .notNull()
      .references(() => instances.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
  },
  // WITHOUT ROWID since migration 0022 (custom SQL there; drizzle cannot declare it): the row is its key.
  (t) => [
    primaryKey({ columns: [t.instanceId, t.userId, t.role] }),
    index('instance_participants_user_instance_idx').on(t.userId, t.instanceId),
  ],
);

export const tasks = sqliteTable(
  'tasks',
  {
    id: id(),
    // Null only for a task that belongs to no workflow instance: a 负担码 report's bureau task.
    instanceId: text('instance_id').references(() => instances.id),
    /** The 负担码 report this task handles, so the report sits in the bureau's inbox like any task. */
    burdenReportId: text('burden_report_id').references(() => burdenReports.id),
    taskKey: text('task_key').notNull(),
    state: text('state').notNull(),
    // The engine owns this vocabulary (act, review, escalation, sign, …); the column just keeps it.
    purpose: text('purpose').$type<Extract<Effect, { type: 'openTask' }>['purpose']>().notNull(),
    dueAt: text('due_at'),
    status: text('status', { enum: ['open', 'closed'] }).notNull(),
    outcome: text('outcome'),
    closedBy: text('closed_by'),
    createdAt: text('created_at').notNull(),
    closedAt: text('closed_at'),
  },
  (t) => [
    uniqueIndex('tasks_instance_key_uq').on(t.instanceId, t.taskKey),
    // Partial indexes (issue 11, storage): only the rows a lookup can want are indexed, so closed history
    // costs no index bytes. Queries keep their `status = 'open'` / `is not null` terms, which imply the WHERE.
    uniqueIndex('tasks_burden_report_uq')
      .on(t.burdenReportId)
      .where(sql`burden_report_id is not null`),
    index('tasks_open_due_idx')
      .on(t.status, t.dueAt, t.id)
      .where(sql`status = 'open'`),
    // due_at last: an instance's earliest open deadline (refreshInstanceDue, every event) is the first entry.
    // Open tasks only: every lookup through it asks for an instance's open tasks; one that wants all of an
    // instance's tasks walks tasks_instance_key_uq, which leads with instance_id too.
    index('tasks_instance_status_due_idx')
      .on(t.instanceId, t.status, t.dueAt)
      .where(sql`status = 'open'`),
    // 已办 (GET /tasks/done): what a person closed, newest first; tasks closed by no one are not indexed.
    index('tasks_closed_by_idx')
      .on(t.closedBy, t.closedAt, t.id)
      .where(sql`closed_by is not null`),
  ],
);

export const taskCandidates = sqliteTable(
  'task_candidates',
  {
    taskId: text('task_id')
      .notNull()
      .references(() => tasks.id),
    userId: text('user_id'),
    role: text('role'),
    orgId: text('org_id'),
    /**
     * The task's status, mirrored by a trigger on tasks (migration 0018): the inbox and "has work here"
     * look up open candidate rows only, so their cost follows today's work, not years of closed tasks.
     */
    open: integer('open', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [
    index('task_candidates_task_idx').on(t.taskId),
    // Covering indexes for the inbox's UNION of lookups (by user, by role at an org), open rows only:
    // every lookup by person or role asks for open work (`open = 1`), so closed years cost no index bytes.
    index('task_candidates_user_open_task_idx')
      .on(t.userId, t.open, t.taskId)
      .where(sql`open = 1`),
    index('task_candidates_role_org_open_task_idx')
      .on(t.role, t.orgId, t.open, t.taskId)
      .where(sql`open = 1`),
  ],
);

export const timers = sqliteTable(
  'timers',
  {
    id: id(),
    instanceId: text('instance_id')
      .notNull()
      .references(() => instances.id),
    timerKey: text('timer_key').notNull(),
    dueAt: text('due_at').notNull(),
    event: text('event', { mode: 'json' }).$type<Json>().notNull(),
    firedAt: text('fired_at'),
    cancelledAt: text('cancelled_at'),
  },
  (t) => [
    uniqueIndex('timers_instance_key_uq').on(t.instanceId, t.timerKey),
    // Pending timers only (what the scheduler and the calendar coverage look for), not years of fired ones.
    index('timers_due_idx')
      .on(t.firedAt, t.cancelledAt, t.dueAt)
      .where(sql`fired_at is null and cancelled_at is null`),
  ],
);

export const attachments = sqliteTable(
  'attachments',
  {
    id: id(),
    instanceId: text('instance_id')
      .notNull()
      .references(() => instances.id),
    /** The form field the file is evidence for, when the console says so. */
    field: text('field'),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storagePath: text('storage_path').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('attachments_instance_idx').on(t.instanceId, t.createdAt)],
);

/** In-app notifications: one row per recipient user of an engine `notify` effect. */
export const notifications = sqliteTable(
  'notifications',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').$type<TNotificationKind>().notNull(),
    instanceId: text('instance_id').references(() => instances.id),
    state: text('state'),
    /**
     * Notices that are not about an instance (an account's powers changed, for the auditors) carry their
     * own title, fixed when it happened, and the record they are about (the audit log filters by it).
     */
    title: text('title', { mode: 'json' }).$type<{ 'zh-CN': string; en: string }>(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    /** A `refused` notice: each rule an automatic step found not met, as the requester reads it. */
    reasons: text('reasons', { mode: 'json' }).$type<
      Array<{
        rule: string;
        label?: { 'zh-CN': string; en: string };
        message: { 'zh-CN': string; en: string };
        schoolId?: string;
      }>
    >(),
    createdAt: text('created_at').notNull(),
    readAt: text('read_at'),
    /** A to-do notice whose task has closed (done by someone, moved on): no longer asks anything of its reader. */
    resolvedAt: text('resolved_at'),
  },
  (t) => [
    // The notices a closing task resolves: this instance's, at this step, still unresolved.
    index('notifications_instance_state_idx')
      .on(t.instanceId, t.state, t.userId)
      .where(sql`resolved_at is null`),
    index('notifications_user_idx').on(t.userId, t.createdAt, t.id),
    // Unread only: the badge and the unread filter look for these; read ones are found by the index above.
    index('notifications_user_unread_idx')
      .on(t.userId, t.readAt, t.createdAt, t.id)
      .where(sql`read_at is null`),
  ],
);

/** The district's school calendar (one row per district): what the engine counts working days with. */
export const calendars = sqliteTable('calendars', {
  districtId: text('district_id')
    .primaryKey()
    .references(() => organisations.id),
  holidays: text('holidays', { mode: 'json' }).$type<string[]>().notNull(),
  workdays: text('workdays', { mode: 'json' }).$type<string[]>().notNull(),
  vacations: text('vacations', { mode: 'json' }).$type<Array<{ from: string; to: string; name: string }>>().notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: text('updated_by'),
  updatedAt: text('updated_at').notNull(),
});

/**
 * A year's statutory arrangement (the State Council's notice: days off and make-up workdays) as the
 * bureau loaded it, for a year the `chinese-days` dataset does not cover, or replacing it explicitly.
 */
export const statutoryYears = sqliteTable(
  'statutory_years',
  {
    districtId: text('district_id')
      .notNull()
      .references(() => organisations.id),
    year: integer('year').notNull(),
    holidays: text('holidays', { mode: 'json' }).$type<Array<{ date: string; name: string }>>().notNull(),
    workdays: text('workdays', { mode: 'json' }).$type<Array<{ date: string; name: string }>>().notNull(),
    replacesPackage: integer('replaces_package', { mode: 'boolean' }).notNull().default(false),
    /** The notice's document number (e.g. 国办发明电〔…〕…号) and title, when the bureau gives them. */
    documentNo: text('document_no'),
    title: text('title'),
    source: text('source', { enum: ['form', 'xlsx', 'csv', 'ics'] }).notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: text('updated_by'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.year] })],
);

export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    key: text('key').notNull(),
    userId: text('user_id').notNull(),
    requestHash: text('request_hash').notNull(),
    responseStatus: integer('response_status').notNull(),
    responseBody: text('response_body', { mode: 'json' }).$type<unknown>().notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

export const auditEvents = sqliteTable(
  'audit_events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    // Not indexed: nothing looks an event up by id (seq is the key; the hash chain covers id), and a unique
    // index on a random UUID cost ~500 bytes per instance at city scale (issue 11, storage).
    id: packedUuid('id').notNull(),
    at: text('at').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    outcome: text('outcome', { enum: ['success', 'denied', 'failed'] }).notNull(),
    before: text('before', { mode: 'json' }).$type<unknown>(),
    after: text('after', { mode: 'json' }).$type<unknown>(),
    meta: text('meta', { mode: 'json' }).$type<unknown>(),
    prevHash: sha256Hash('prev_hash').notNull(),
    hash: sha256Hash('hash').notNull(),
  },
  (t) => [
    index('audit_entity_idx').on(t.entityType, t.entityId, t.seq),
    index('audit_actor_idx').on(t.actorId, t.seq),
    index('audit_at_idx').on(t.at),
  ],
);

/** Versioned workflow reference data (indicator systems, whitelists, checklists, award rubrics): draft → published, then immutable. */
export const referenceData = sqliteTable(
  'reference_data',
  {
    id: id(),
    kind: text('kind', { enum: ['indicator-system', 'whitelist', 'checklist', 'award-rubric'] }).notNull(),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    status: text('status', { enum: ['draft', 'published'] }).notNull(),
    name: text('name').notNull(),
    body: text('body', { mode: 'json' }).$type<Json>().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    publishedAt: text('published_at'),
  },
  (t) => [
    uniqueIndex('reference_kind_key_version_uq').on(t.kind, t.key, t.version),
    index('reference_kind_status_idx').on(t.kind, t.status, t.publishedAt),
  ],
);

/** Security-inspection findings: one row per failed checklist item, closed when the verification is approved. */
export const findings = sqliteTable(
  'findings',
  {
    id: id(),
    instanceId: text('instance_id')
      .notNull()
      .references(() => instances.id),
    schoolId: text('school_id').notNull(),
    round: text('round').notNull(),
    itemCode: text('item_code').notNull(),
    layer: text('layer').notNull(),
    title: text('title').notNull(),
    severity: text('severity', { enum: ['high', 'medium', 'low'] }).notNull(),
    workdays: integer('workdays').notNull(),
    dueAt: text('due_at').notNull(),
    offlineOrdered: integer('offline_ordered', { mode: 'boolean' }).notNull(),
    repeat: integer('repeat', { mode: 'boolean' }).notNull(),
    status: text('status', { enum: ['open', 'closed'] }).notNull(),
    createdAt: text('created_at').notNull(),
    closedAt: text('closed_at'),
    /** Set once, when the finding's own deadline passed while it was open (its durable timer fired). */
    escalatedAt: text('escalated_at'),
    /**
     * When the school handed its rectification in for verification (整改复核); cleared when the inspector
     * returns it. While set, the deadline is met for now: the finding is neither overdue nor escalated.
     */
    rectifiedAt: text('rectified_at'),
    /** 线下整改通知书编号: the paper notice the inspector handed the school, when they gave its number. */
    noticeNo: text('notice_no'),
    /** When the inspector last returned this finding at verification (its evidence must be newer), and why. */
    returnedAt: text('returned_at'),
    returnNote: text('return_note'),
    /**
     * Severity as a number (high 3, medium 2, low 1) so `?sort=severity` walks an index: the words do not
     * sort by weight. Virtual, so it can never disagree with `severity` and needs no backfill.
     */
    severityRank: integer('severity_rank').generatedAlwaysAs(
      sql`case severity when 'high' then 3 when 'medium' then 2 else 1 end`,
      { mode: 'virtual' },
    ),
  },
  (t) => [
    uniqueIndex('findings_instance_item_uq').on(t.instanceId, t.itemCode),
    index('findings_school_item_idx').on(t.schoolId, t.itemCode),
    index('findings_round_status_idx').on(t.round, t.status, t.dueAt),
    index('findings_due_idx').on(t.dueAt, t.id),
    index('findings_created_idx').on(t.createdAt, t.id),
    index('findings_severity_idx').on(t.severityRank, t.id),
    // Open findings not handed in, by deadline: "overdue" reads today's backlog, never the closed years.
    index('findings_overdue_idx')
      .on(t.dueAt)
      .where(sql`status = 'open' and rectified_at is null`),
  ],
);

/** 负担码 complaints: anonymous towards the school (the reporter is kept for the bureau only). */
export const burdenReports = sqliteTable(
  'burden_reports',
  {
    id: id(),
    schoolId: text('school_id').notNull(),
    reporterId: text('reporter_id').notNull(),
    burdenItem: text('burden_item').notNull(),
    description: text('description').notNull(),
    hours: integer('hours'),
    status: text('status', { enum: ['open', 'resolved'] }).notNull(),
    dueAt: text('due_at').notNull(),
    resolution: text('resolution'),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
    resolvedAt: text('resolved_at'),
  },
  (t) => [
    index('burden_reports_status_idx').on(t.status, t.dueAt, t.id),
    index('burden_reports_school_idx').on(t.schoolId),
    index('burden_reports_created_idx').on(t.createdAt),
  ],
);

/**
 * Standing delegation (代理/代岗): while `from` is away, `to` also holds `from`'s own role grants between
 * `startsAt` and `endsAt`; every act done with them records both names.
 */
export const delegations = sqliteTable(
  'delegations',
  {
    id: id(),
    fromUserId: text('from_user_id')
      .notNull()
      .references(() => users.id),
    toUserId: text('to_user_id')
      .notNull()
      .references(() => users.id),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    reason: text('reason').notNull(),
    createdAt: text('created_at').notNull(),
    revokedAt: text('revoked_at'),
  },
  (t) => [
    index('delegations_to_idx').on(t.toUserId, t.endsAt),
    index('delegations_from_idx').on(t.fromUserId, t.endsAt),
  ],
);

/**
 * The dashboard's counts kept as the rows change (issue 11, ADR 0016): instances per workflow version and
 * state, for the subject school, its group and its district, by the day, month and year they were
 * created and in all. Kept by triggers in the same transaction as the change, so it can never drift;
 * the overview sums a few dozen rows instead of scanning a million.
 */
export const instanceTallies = sqliteTable(
  'instance_tallies',
  {
    orgId: text('org_id').notNull(),
    grain: text('grain', { enum: ['all', 'year', 'month', 'day'] }).notNull(),
    /** '' for 'all'; else the created_at prefix: YYYY, YYYY-MM or YYYY-MM-DD (UTC, like the filters). */
    period: text('period').notNull(),
    definitionId: text('definition_id').notNull(),
    state: text('state').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.grain, t.period, t.definitionId, t.state] })],
);

/**
 * Open tasks of instances, the same way, by when their instance was created (the dashboard's filter) and
 * when they fall due ('overdue' sums the due periods before now). No deadline counts only under 'all'.
 */
export const openTaskTallies = sqliteTable(
  'open_task_tallies',
  {
    orgId: text('org_id').notNull(),
    createdGrain: text('created_grain', { enum: ['all', 'year', 'month', 'day'] }).notNull(),
    createdPeriod: text('created_period').notNull(),
    dueGrain: text('due_grain', { enum: ['all', 'year', 'month', 'day'] }).notNull(),
    duePeriod: text('due_period').notNull(),
    definitionId: text('definition_id').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.createdGrain, t.createdPeriod, t.dueGrain, t.duePeriod, t.definitionId] })],
);

/**
 * The security report's figures kept as findings change (issue 11): per organisation (the inspected
 * school, its group, its district, as in instance_tallies), per round — and under grain 'all' (round '')
 * for every round — per workflow version, layer and severity. Triggers on findings and instances keep
 * them; only "overdue", which moves with the clock, is read from the open findings themselves.
 */
export const findingTallies = sqliteTable(
  'finding_tallies',
  {
    orgId: text('org_id').notNull(),
    grain: text('grain', { enum: ['all', 'round'] }).notNull(),
    round: text('round').notNull(),
    definitionId: text('definition_id').notNull(),
    layer: text('layer').notNull(),
    severity: text('severity').notNull(),
    n: integer('n').notNull(),
    open: integer('open').notNull(),
    escalated: integer('escalated').notNull(),
    repeats: integer('repeats').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.grain, t.round, t.definitionId, t.layer, t.severity] })],
);

/** The same per inspected school, for the report's per-school rows. */
export const findingSchoolTallies = sqliteTable(
  'finding_school_tallies',
  {
    orgId: text('org_id').notNull(),
    grain: text('grain', { enum: ['all', 'round'] }).notNull(),
    round: text('round').notNull(),
    definitionId: text('definition_id').notNull(),
    schoolId: text('school_id').notNull(),
    n: integer('n').notNull(),
    open: integer('open').notNull(),
    repeats: integer('repeats').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.grain, t.round, t.definitionId, t.schoolId] })],
);

/**
 * The reporting periods (instances.period: a round, a cycle, an activity date) each workflow version has
 * instances in, with how many and when the latest of them was created: the reports offer a workflow's
 * periods newest first and default to the newest without reading its instances (issue 11).
 */
export const periodTallies = sqliteTable(
  'period_tallies',
  {
    definitionId: text('definition_id').notNull(),
    period: text('period').notNull(),
    n: integer('n').notNull(),
    lastCreatedAt: text('last_created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.definitionId, t.period] })],
);

/**
 * Where an entry-rules workflow version keeps what the campus-entry report sums (issue 11): JSON paths of
 * the visited schools, the whitelist item and the planned teacher hours in `data`, and of the schools'
 * outcome parts and spent hours in `snapshot` (`spent_sites`: [{ parts, field }]). Written from the
 * version's blocks when it is published; the triggers that keep entry_tallies read it.
 */
export const entryTallyFields = sqliteTable('entry_tally_fields', {
  definitionId: text('definition_id').primaryKey(),
  schoolsPath: text('schools_path').notNull(),
  itemPath: text('item_path').notNull(),
  plannedPath: text('planned_path'),
  spentSites: text('spent_sites').notNull(),
});

/**
 * Campus-entry requests counted by activity month (instances.period), kept by triggers: per whitelist
 * item for everyone ('all'), per visited school ('school', item ''), per visited school and item
 * ('schoolItem') and per visited schools' group and item ('groupItem'); rejected, withdrawn, merged and
 * cancelled requests count nowhere. A semester is five or seven months of these rows, not its requests.
 */
export const entryTallies = sqliteTable(
  'entry_tallies',
  {
    definitionId: text('definition_id').notNull(),
    month: text('month').notNull(),
    kind: text('kind', { enum: ['all', 'school', 'schoolItem', 'groupItem'] }).notNull(),
    orgId: text('org_id').notNull(),
    itemCode: text('item_code').notNull(),
    n: integer('n').notNull(),
    planned: real('planned').notNull(),
    spent: real('spent').notNull(),
  },
  (t) => [primaryKey({ columns: [t.definitionId, t.month, t.kind, t.orgId, t.itemCode] })],
);

/** Where a levelling workflow version keeps the level it awards (levelByQuota.levelField), as a JSON path; read by the award_tallies triggers. */
export const levelTallyFields = sqliteTable('level_tally_fields', {
  definitionId: text('definition_id').primaryKey(),
  levelPath: text('level_path').notNull(),
});

/**
 * Levelled instances (a level set in their data) per organisation (subject school, its group, its district),
 * year created, version, step and level, kept by triggers: the award report counts the levels that stand
 * (the steps where a level holds, derived from the version's graph) from these rows, not the year's submissions.
 */
export const awardTallies = sqliteTable(
  'award_tallies',
  {
    orgId: text('org_id').notNull(),
    year: text('year').notNull(),
    definitionId: text('definition_id').notNull(),
    state: text('state').notNull(),
    level: text('level').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.year, t.definitionId, t.state, t.level] })],
);

export type TOrganisationRow = typeof organisations.$inferSelect;
export type TDelegationRow = typeof delegations.$inferSelect;
export type TUserRow = typeof users.$inferSelect;
export type TSessionRow = typeof sessions.$inferSelect;
export type TDefinitionRow = typeof definitions.$inferSelect;
export type TInstanceRow = typeof instances.$inferSelect;
export type TTaskRow = typeof tasks.$inferSelect;
export type TTimerRow = typeof timers.$inferSelect;
export type TAuditEventRow = typeof auditEvents.$inferSelect;
export type TAttachmentRow = typeof attachments.$inferSelect;
export type TNotificationRow = typeof notifications.$inferSelect;
export type TCalendarRow = typeof calendars.$inferSelect;
export type TStatutoryYearRow = typeof statutoryYears.$inferSelect;
export type TReferenceRow = typeof referenceData.$inferSelect;
export type TFindingRow = typeof findings.$inferSelect;
export type TBurdenReportRow = typeof burdenReports.$inferSelect;

/**
 * A counter per kind of rarely changed reference rows (organisations; calendars with their statutory
 * years; people: accounts, role grants and delegations; workflow definitions), bumped by triggers on every write to them: a process may keep what it derived from those rows
 * for as long as the counter stays put (generation-cache.ts), however and by whom the rows are written.
 */
export const cacheGenerations = sqliteTable('cache_generations', {
  name: text('name', { enum: ['organisations', 'calendars', 'people', 'definitions'] }).primaryKey(),
  generation: integer('generation').notNull().default(0),
});
