DROP INDEX `audit_events_id_unique`;--> statement-breakpoint
DROP INDEX `notifications_user_unread_idx`;--> statement-breakpoint
CREATE INDEX `notifications_user_unread_idx` ON `notifications` (`user_id`,`read_at`,`created_at`,`id`) WHERE read_at is null;--> statement-breakpoint
DROP INDEX `task_candidates_user_open_task_idx`;--> statement-breakpoint
DROP INDEX `task_candidates_role_org_open_task_idx`;--> statement-breakpoint
CREATE INDEX `task_candidates_user_open_task_idx` ON `task_candidates` (`user_id`,`open`,`task_id`) WHERE open = 1;--> statement-breakpoint
CREATE INDEX `task_candidates_role_org_open_task_idx` ON `task_candidates` (`role`,`org_id`,`open`,`task_id`) WHERE open = 1;--> statement-breakpoint
DROP INDEX `tasks_burden_report_uq`;--> statement-breakpoint
DROP INDEX `tasks_open_due_idx`;--> statement-breakpoint
DROP INDEX `tasks_instance_status_due_idx`;--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_burden_report_uq` ON `tasks` (`burden_report_id`) WHERE burden_report_id is not null;--> statement-breakpoint
CREATE INDEX `tasks_open_due_idx` ON `tasks` (`status`,`due_at`,`id`) WHERE status = 'open';--> statement-breakpoint
CREATE INDEX `tasks_instance_status_due_idx` ON `tasks` (`instance_id`,`status`,`due_at`) WHERE status = 'open';--> statement-breakpoint
DROP INDEX `timers_due_idx`;--> statement-breakpoint
CREATE INDEX `timers_due_idx` ON `timers` (`fired_at`,`cancelled_at`,`due_at`) WHERE fired_at is null and cancelled_at is null;--> statement-breakpoint
-- Custom (issue 11, storage): instance_participants is nothing but its primary key, so as a rowid table it
-- kept every row twice (the table and its PK index). WITHOUT ROWID stores the row in the key's b-tree.
-- drizzle-kit cannot declare this; a future drizzle table rebuild would drop it silently (bytes, not behaviour).
CREATE TABLE `__new_instance_participants` (
	`instance_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`instance_id`, `user_id`, `role`),
	FOREIGN KEY (`instance_id`) REFERENCES `instances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `__new_instance_participants` (`instance_id`, `user_id`, `role`)
  SELECT `instance_id`, `user_id`, `role` FROM `instance_participants` ORDER BY `instance_id`, `user_id`, `role`;--> statement-breakpoint
DROP TABLE `instance_participants`;--> statement-breakpoint
ALTER TABLE `__new_instance_participants` RENAME TO `instance_participants`;--> statement-breakpoint
CREATE INDEX `instance_participants_user_instance_idx` ON `instance_participants` (`user_id`,`instance_id`);
