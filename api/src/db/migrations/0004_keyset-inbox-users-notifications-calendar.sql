CREATE TABLE `calendars` (
	`district_id` text PRIMARY KEY NOT NULL,
	`holidays` text NOT NULL,
	`workdays` text NOT NULL,
	`vacations` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`instance_id` text,
	`state` text,
	`created_at` text NOT NULL,
	`read_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`instance_id`) REFERENCES `instances`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `notifications_user_unread_idx` ON `notifications` (`user_id`,`read_at`,`created_at`,`id`);--> statement-breakpoint
DROP INDEX `instance_participants_user_idx`;--> statement-breakpoint
CREATE INDEX `instance_participants_user_instance_idx` ON `instance_participants` (`user_id`,`instance_id`);--> statement-breakpoint
DROP INDEX `instances_subject_idx`;--> statement-breakpoint
DROP INDEX `instances_group_idx`;--> statement-breakpoint
DROP INDEX `instances_created_by_idx`;--> statement-breakpoint
CREATE INDEX `instances_subject_updated_idx` ON `instances` (`subject_org_id`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `instances_group_updated_idx` ON `instances` (`subject_group_id`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `instances_created_by_updated_idx` ON `instances` (`created_by`,`updated_at`,`id`);--> statement-breakpoint
DROP INDEX `task_candidates_user_idx`;--> statement-breakpoint
DROP INDEX `task_candidates_role_idx`;--> statement-breakpoint
CREATE INDEX `task_candidates_user_task_idx` ON `task_candidates` (`user_id`,`task_id`);--> statement-breakpoint
CREATE INDEX `task_candidates_role_org_task_idx` ON `task_candidates` (`role`,`org_id`,`task_id`);--> statement-breakpoint
ALTER TABLE `attachments` ADD `field` text;--> statement-breakpoint
CREATE INDEX `attachments_instance_idx` ON `attachments` (`instance_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `organisations` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `password_changed_at` text;--> statement-breakpoint
ALTER TABLE `users` ADD `totp_secret` text;--> statement-breakpoint
ALTER TABLE `users` ADD `totp_enabled_at` text;--> statement-breakpoint
CREATE INDEX `tasks_instance_status_idx` ON `tasks` (`instance_id`,`status`);