CREATE TABLE "attachments" (
	"id" text PRIMARY KEY NOT NULL,
	"instance_id" text NOT NULL,
	"field" text,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_path" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"id" "bytea" NOT NULL,
	"at" text NOT NULL,
	"actor_id" text,
	"actor_name" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"outcome" text NOT NULL,
	"before" json,
	"after" json,
	"meta" json,
	"prev_hash" "bytea" NOT NULL,
	"hash" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_tallies" (
	"org_id" text NOT NULL,
	"year" text NOT NULL,
	"definition_id" text NOT NULL,
	"state" text NOT NULL,
	"level" text NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "award_tallies_org_id_year_definition_id_state_level_pk" PRIMARY KEY("org_id","year","definition_id","state","level")
);
--> statement-breakpoint
CREATE TABLE "burden_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"school_id" text NOT NULL,
	"reporter_id" text NOT NULL,
	"burden_item" text NOT NULL,
	"description" text NOT NULL,
	"hours" bigint,
	"status" text NOT NULL,
	"due_at" text NOT NULL,
	"resolution" text,
	"version" bigint DEFAULT 1 NOT NULL,
	"created_at" text NOT NULL,
	"resolved_at" text
);
--> statement-breakpoint
CREATE TABLE "cache_generations" (
	"name" text PRIMARY KEY NOT NULL,
	"generation" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendars" (
	"district_id" text PRIMARY KEY NOT NULL,
	"holidays" json NOT NULL,
	"workdays" json NOT NULL,
	"vacations" json NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL,
	"updated_by" text,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "definitions" (
	"id" text PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"version" bigint NOT NULL,
	"status" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"subject" text NOT NULL,
	"body" json NOT NULL,
	"created_by" text,
	"created_at" text NOT NULL,
	"published_at" text,
	"revision" bigint DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delegations" (
	"id" text PRIMARY KEY NOT NULL,
	"from_user_id" text NOT NULL,
	"to_user_id" text NOT NULL,
	"starts_at" text NOT NULL,
	"ends_at" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" text NOT NULL,
	"revoked_at" text
);
--> statement-breakpoint
CREATE TABLE "entry_tallies" (
	"definition_id" text NOT NULL,
	"month" text NOT NULL,
	"kind" text NOT NULL,
	"org_id" text NOT NULL,
	"item_code" text NOT NULL,
	"n" bigint NOT NULL,
	"planned" double precision NOT NULL,
	"spent" double precision NOT NULL,
	CONSTRAINT "entry_tallies_definition_id_month_kind_org_id_item_code_pk" PRIMARY KEY("definition_id","month","kind","org_id","item_code")
);
--> statement-breakpoint
CREATE TABLE "entry_tally_fields" (
	"definition_id" text PRIMARY KEY NOT NULL,
	"schools_path" text NOT NULL,
	"item_path" text NOT NULL,
	"planned_path" text,
	"spent_sites" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finding_school_tallies" (
	"org_id" text NOT NULL,
	"grain" text NOT NULL,
	"round" text NOT NULL,
	"definition_id" text NOT NULL,
	"school_id" text NOT NULL,
	"n" bigint NOT NULL,
	"open" bigint NOT NULL,
	"repeats" bigint NOT NULL,
	CONSTRAINT "finding_school_tallies_org_id_grain_round_definition_id_school_id_pk" PRIMARY KEY("org_id","grain","round","definition_id","school_id")
);
--> statement-breakpoint
CREATE TABLE "finding_tallies" (
	"org_id" text NOT NULL,
	"grain" text NOT NULL,
	"round" text NOT NULL,
	"definition_id" text NOT NULL,
	"layer" text NOT NULL,
	"severity" text NOT NULL,
	"n" bigint NOT NULL,
	"open" bigint NOT NULL,
	"escalated" bigint NOT NULL,
	"repeats" bigint NOT NULL,
	CONSTRAINT "finding_tallies_org_id_grain_round_definition_id_layer_severity_pk" PRIMARY KEY("org_id","grain","round","definition_id","layer","severity")
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" text PRIMARY KEY NOT NULL,
	"instance_id" text NOT NULL,
	"school_id" text NOT NULL,
	"round" text NOT NULL,
	"item_code" text NOT NULL,
	"layer" text NOT NULL,
	"title" text NOT NULL,
	"severity" text NOT NULL,
	"workdays" bigint NOT NULL,
	"due_at" text NOT NULL,
	"offline_ordered" boolean NOT NULL,
	"repeat" boolean NOT NULL,
	"status" text NOT NULL,
	"created_at" text NOT NULL,
	"closed_at" text,
	"escalated_at" text,
	"rectified_at" text,
	"notice_no" text,
	"returned_at" text,
	"return_note" text,
	"severity_rank" bigint GENERATED ALWAYS AS (case severity when 'high' then 3 when 'medium' then 2 else 1 end) STORED
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"key" text NOT NULL,
	"user_id" text NOT NULL,
	"request_hash" text NOT NULL,
	"response_status" bigint NOT NULL,
	"response_body" json NOT NULL,
	"created_at" text NOT NULL,
	CONSTRAINT "idempotency_keys_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
CREATE TABLE "instance_participants" (
	"instance_id" text NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "instance_participants_instance_id_user_id_role_pk" PRIMARY KEY("instance_id","user_id","role")
);
--> statement-breakpoint
CREATE TABLE "instance_tallies" (
	"org_id" text NOT NULL,
	"grain" text NOT NULL,
	"period" text NOT NULL,
	"definition_id" text NOT NULL,
	"state" text NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "instance_tallies_org_id_grain_period_definition_id_state_pk" PRIMARY KEY("org_id","grain","period","definition_id","state")
);
--> statement-breakpoint
CREATE TABLE "instances" (
	"id" text PRIMARY KEY NOT NULL,
	"definition_id" text NOT NULL,
	"subject_org_id" text NOT NULL,
	"subject_group_id" text,
	"district_id" text NOT NULL,
	"state" text NOT NULL,
	"status" text NOT NULL,
	"outcome" text,
	"data" json NOT NULL,
	"snapshot" json NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"due_at" text,
	"period" text,
	"title" json,
	"requester_org_id" text
);
--> statement-breakpoint
CREATE TABLE "level_tally_fields" (
	"definition_id" text PRIMARY KEY NOT NULL,
	"level_path" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"instance_id" text,
	"state" text,
	"title" json,
	"entity_type" text,
	"entity_id" text,
	"reasons" json,
	"created_at" text NOT NULL,
	"read_at" text,
	"resolved_at" text
);
--> statement-breakpoint
CREATE TABLE "open_task_tallies" (
	"org_id" text NOT NULL,
	"created_grain" text NOT NULL,
	"created_period" text NOT NULL,
	"due_grain" text NOT NULL,
	"due_period" text NOT NULL,
	"definition_id" text NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "open_task_tallies_org_id_created_grain_created_period_due_grain_due_period_definition_id_pk" PRIMARY KEY("org_id","created_grain","created_period","due_grain","due_period","definition_id")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"parent_id" text,
	"group_kind" text,
	"code" text,
	"version" bigint DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "password_history" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"password_hash" text NOT NULL,
	"changed_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "period_tallies" (
	"definition_id" text NOT NULL,
	"period" text NOT NULL,
	"n" bigint NOT NULL,
	"last_created_at" text NOT NULL,
	CONSTRAINT "period_tallies_definition_id_period_pk" PRIMARY KEY("definition_id","period")
);
--> statement-breakpoint
CREATE TABLE "reference_data" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"version" bigint NOT NULL,
	"status" text NOT NULL,
	"name" text NOT NULL,
	"body" json NOT NULL,
	"created_by" text NOT NULL,
	"created_at" text NOT NULL,
	"published_at" text
);
--> statement-breakpoint
CREATE TABLE "role_grants" (
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"org_id" text NOT NULL,
	CONSTRAINT "role_grants_user_id_role_org_id_pk" PRIMARY KEY("user_id","role","org_id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" text NOT NULL,
	"last_seen_at" text NOT NULL,
	"expires_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statutory_years" (
	"district_id" text NOT NULL,
	"year" bigint NOT NULL,
	"holidays" json NOT NULL,
	"workdays" json NOT NULL,
	"replaces_package" boolean DEFAULT false NOT NULL,
	"document_no" text,
	"title" text,
	"source" text NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL,
	"updated_by" text,
	"updated_at" text NOT NULL,
	CONSTRAINT "statutory_years_district_id_year_pk" PRIMARY KEY("district_id","year")
);
--> statement-breakpoint
CREATE TABLE "task_candidates" (
	"task_id" text NOT NULL,
	"user_id" text,
	"role" text,
	"org_id" text,
	"open" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"instance_id" text,
	"burden_report_id" text,
	"task_key" text NOT NULL,
	"state" text NOT NULL,
	"purpose" text NOT NULL,
	"due_at" text,
	"status" text NOT NULL,
	"outcome" text,
	"closed_by" text,
	"created_at" text NOT NULL,
	"closed_at" text
);
--> statement-breakpoint
CREATE TABLE "timers" (
	"id" text PRIMARY KEY NOT NULL,
	"instance_id" text NOT NULL,
	"timer_key" text NOT NULL,
	"due_at" text NOT NULL,
	"event" json NOT NULL,
	"fired_at" text,
	"cancelled_at" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"locale" text DEFAULT 'zh-CN' NOT NULL,
	"failed_logins" bigint DEFAULT 0 NOT NULL,
	"locked_until" text,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" text NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL,
	"password_changed_at" text,
	"totp_secret" text,
	"totp_enabled_at" text,
	"totp_last_step" bigint,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_instance_id_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendars" ADD CONSTRAINT "calendars_district_id_organisations_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_from_user_id_users_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_to_user_id_users_id_fk" FOREIGN KEY ("to_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_instance_id_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instance_participants" ADD CONSTRAINT "instance_participants_instance_id_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instance_participants" ADD CONSTRAINT "instance_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instances" ADD CONSTRAINT "instances_definition_id_definitions_id_fk" FOREIGN KEY ("definition_id") REFERENCES "public"."definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instances" ADD CONSTRAINT "instances_subject_org_id_organisations_id_fk" FOREIGN KEY ("subject_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_instance_id_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_parent_id_organisations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_history" ADD CONSTRAINT "password_history_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statutory_years" ADD CONSTRAINT "statutory_years_district_id_organisations_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_candidates" ADD CONSTRAINT "task_candidates_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_instance_id_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_burden_report_id_burden_reports_id_fk" FOREIGN KEY ("burden_report_id") REFERENCES "public"."burden_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timers" ADD CONSTRAINT "timers_instance_id_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_instance_idx" ON "attachments" USING btree ("instance_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id","seq");--> statement-breakpoint
CREATE INDEX "audit_actor_idx" ON "audit_events" USING btree ("actor_id","seq");--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "burden_reports_status_idx" ON "burden_reports" USING btree ("status","due_at","id");--> statement-breakpoint
CREATE INDEX "burden_reports_school_idx" ON "burden_reports" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "burden_reports_created_idx" ON "burden_reports" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "definitions_key_version_uq" ON "definitions" USING btree ("key","version");--> statement-breakpoint
CREATE INDEX "delegations_to_idx" ON "delegations" USING btree ("to_user_id","ends_at");--> statement-breakpoint
CREATE INDEX "delegations_from_idx" ON "delegations" USING btree ("from_user_id","ends_at");--> statement-breakpoint
CREATE UNIQUE INDEX "findings_instance_item_uq" ON "findings" USING btree ("instance_id","item_code");--> statement-breakpoint
CREATE INDEX "findings_school_item_idx" ON "findings" USING btree ("school_id","item_code");--> statement-breakpoint
CREATE INDEX "findings_round_status_idx" ON "findings" USING btree ("round","status","due_at");--> statement-breakpoint
CREATE INDEX "findings_due_idx" ON "findings" USING btree ("due_at","id");--> statement-breakpoint
CREATE INDEX "findings_created_idx" ON "findings" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "findings_severity_idx" ON "findings" USING btree ("severity_rank","id");--> statement-breakpoint
CREATE INDEX "findings_overdue_idx" ON "findings" USING btree ("due_at") WHERE status = 'open' and rectified_at is null;--> statement-breakpoint
CREATE INDEX "instance_participants_user_instance_idx" ON "instance_participants" USING btree ("user_id","instance_id");--> statement-breakpoint
CREATE INDEX "instances_updated_idx" ON "instances" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "instances_created_idx" ON "instances" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "instances_due_idx" ON "instances" USING btree ("due_at","id");--> statement-breakpoint
CREATE INDEX "instances_state_id_idx" ON "instances" USING btree ("state","id");--> statement-breakpoint
CREATE INDEX "instances_subject_updated_idx" ON "instances" USING btree ("subject_org_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "instances_group_updated_idx" ON "instances" USING btree ("subject_group_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "instances_created_by_updated_idx" ON "instances" USING btree ("created_by","updated_at","id");--> statement-breakpoint
CREATE INDEX "instances_created_by_created_idx" ON "instances" USING btree ("created_by","created_at","id");--> statement-breakpoint
CREATE INDEX "instances_created_by_due_idx" ON "instances" USING btree ("created_by","due_at","id");--> statement-breakpoint
CREATE INDEX "instances_created_by_state_idx" ON "instances" USING btree ("created_by","state","id");--> statement-breakpoint
CREATE INDEX "instances_state_updated_idx" ON "instances" USING btree ("state","updated_at","id");--> statement-breakpoint
CREATE INDEX "instances_definition_created_idx" ON "instances" USING btree ("definition_id","created_at");--> statement-breakpoint
CREATE INDEX "instances_definition_period_idx" ON "instances" USING btree ("definition_id","period");--> statement-breakpoint
CREATE INDEX "instances_untitled_idx" ON "instances" USING btree ("definition_id","id") WHERE title is null;--> statement-breakpoint
CREATE INDEX "notifications_instance_state_idx" ON "notifications" USING btree ("instance_id","state","user_id") WHERE resolved_at is null;--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "notifications_user_unread_idx" ON "notifications" USING btree ("user_id","read_at","created_at","id") WHERE read_at is null;--> statement-breakpoint
CREATE INDEX "organisations_parent_idx" ON "organisations" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "organisations_type_idx" ON "organisations" USING btree ("type");--> statement-breakpoint
CREATE INDEX "password_history_user_idx" ON "password_history" USING btree ("user_id","changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reference_kind_key_version_uq" ON "reference_data" USING btree ("kind","key","version");--> statement-breakpoint
CREATE INDEX "reference_kind_status_idx" ON "reference_data" USING btree ("kind","status","published_at");--> statement-breakpoint
CREATE INDEX "role_grants_role_org_idx" ON "role_grants" USING btree ("role","org_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "task_candidates_task_idx" ON "task_candidates" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "task_candidates_user_open_task_idx" ON "task_candidates" USING btree ("user_id","open","task_id") WHERE open;--> statement-breakpoint
CREATE INDEX "task_candidates_role_org_open_task_idx" ON "task_candidates" USING btree ("role","org_id","open","task_id") WHERE open;--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_instance_key_uq" ON "tasks" USING btree ("instance_id","task_key");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_burden_report_uq" ON "tasks" USING btree ("burden_report_id") WHERE burden_report_id is not null;--> statement-breakpoint
CREATE INDEX "tasks_open_due_idx" ON "tasks" USING btree ("status","due_at","id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "tasks_instance_status_due_idx" ON "tasks" USING btree ("instance_id","status","due_at") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "tasks_closed_by_idx" ON "tasks" USING btree ("closed_by","closed_at","id") WHERE closed_by is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "timers_instance_key_uq" ON "timers" USING btree ("instance_id","timer_key");--> statement-breakpoint
CREATE INDEX "timers_due_idx" ON "timers" USING btree ("fired_at","cancelled_at","due_at") WHERE fired_at is null and cancelled_at is null;--> statement-breakpoint
CREATE INDEX "users_display_name_idx" ON "users" USING btree ("display_name","id");--> statement-breakpoint
CREATE INDEX "users_created_idx" ON "users" USING btree ("created_at","id");