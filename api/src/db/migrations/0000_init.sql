CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`instance_id` text NOT NULL,
	`name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`storage_path` text NOT NULL,
	`uploaded_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`instance_id`) REFERENCES `instances`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `audit_events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`at` text NOT NULL,
	`actor_id` text,
	`actor_name` text,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text,
	`outcome` text NOT NULL,
	`before` text,
	`after` text,
	`meta` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_events_id_unique` ON `audit_events` (`id`);--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_events` (`entity_type`,`entity_id`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_actor_idx` ON `audit_events` (`actor_id`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_events` (`at`);--> statement-breakpoint
CREATE TABLE `definitions` (
	`id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`version` integer NOT NULL,
	`status` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	`published_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `definitions_key_version_uq` ON `definitions` (`key`,`version`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`key` text NOT NULL,
	`user_id` text NOT NULL,
	`request_hash` text NOT NULL,
	`response_status` integer NOT NULL,
	`response_body` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`user_id`, `key`)
);
--> statement-breakpoint
CREATE TABLE `instance_participants` (
	`instance_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`instance_id`, `user_id`, `role`),
	FOREIGN KEY (`instance_id`) REFERENCES `instances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `instance_participants_user_idx` ON `instance_participants` (`user_id`);--> statement-breakpoint
CREATE TABLE `instances` (
	`id` text PRIMARY KEY NOT NULL,
	`definition_id` text NOT NULL,
	`subject_org_id` text NOT NULL,
	`subject_group_id` text,
	`district_id` text NOT NULL,
	`state` text NOT NULL,
	`status` text NOT NULL,
	`outcome` text,
	`data` text NOT NULL,
	`snapshot` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`definition_id`) REFERENCES `definitions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subject_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `instances_updated_idx` ON `instances` (`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `instances_subject_idx` ON `instances` (`subject_org_id`);--> statement-breakpoint
CREATE INDEX `instances_group_idx` ON `instances` (`subject_group_id`);--> statement-breakpoint
CREATE INDEX `instances_state_idx` ON `instances` (`state`);--> statement-breakpoint
CREATE INDEX `instances_created_by_idx` ON `instances` (`created_by`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`name` text NOT NULL,
	`short_name` text,
	`parent_id` text,
	`group_kind` text,
	`code` text,
	FOREIGN KEY (`parent_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `organisations_parent_idx` ON `organisations` (`parent_id`);--> statement-breakpoint
CREATE INDEX `organisations_type_idx` ON `organisations` (`type`);--> statement-breakpoint
CREATE TABLE `role_grants` (
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`org_id` text NOT NULL,
	PRIMARY KEY(`user_id`, `role`, `org_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `role_grants_role_org_idx` ON `role_grants` (`role`,`org_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`csrf_token` text NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `task_candidates` (
	`task_id` text NOT NULL,
	`user_id` text,
	`role` text,
	`org_id` text,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `task_candidates_task_idx` ON `task_candidates` (`task_id`);--> statement-breakpoint
CREATE INDEX `task_candidates_user_idx` ON `task_candidates` (`user_id`);--> statement-breakpoint
CREATE INDEX `task_candidates_role_idx` ON `task_candidates` (`role`,`org_id`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`instance_id` text NOT NULL,
	`task_key` text NOT NULL,
	`state` text NOT NULL,
	`purpose` text NOT NULL,
	`due_at` text,
	`status` text NOT NULL,
	`outcome` text,
	`closed_by` text,
	`created_at` text NOT NULL,
	`closed_at` text,
	FOREIGN KEY (`instance_id`) REFERENCES `instances`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_instance_key_uq` ON `tasks` (`instance_id`,`task_key`);--> statement-breakpoint
CREATE INDEX `tasks_open_due_idx` ON `tasks` (`status`,`due_at`,`id`);--> statement-breakpoint
CREATE TABLE `timers` (
	`id` text PRIMARY KEY NOT NULL,
	`instance_id` text NOT NULL,
	`timer_key` text NOT NULL,
	`due_at` text NOT NULL,
	`event` text NOT NULL,
	`fired_at` text,
	`cancelled_at` text,
	FOREIGN KEY (`instance_id`) REFERENCES `instances`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `timers_instance_key_uq` ON `timers` (`instance_id`,`timer_key`);--> statement-breakpoint
CREATE INDEX `timers_due_idx` ON `timers` (`fired_at`,`cancelled_at`,`due_at`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`locale` text DEFAULT 'zh-CN' NOT NULL,
	`failed_logins` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);