-- tasks.instance_id becomes nullable and tasks.burden_report_id is added: a 负担码 report opens a real
-- task in the bureau's inbox. SQLite rebuilds the table for that. drizzle runs migrations inside one
-- transaction, where `PRAGMA foreign_keys=OFF` is a no-op, so dropping `tasks` while task_candidates
-- rows point at it would fail: the candidates are set aside, and rebuilt after, by hand.
CREATE TABLE `__task_candidates_copy` AS SELECT `task_id`, `user_id`, `role`, `org_id` FROM `task_candidates`;--> statement-breakpoint
DROP TABLE `task_candidates`;--> statement-breakpoint
CREATE TABLE `__new_tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`instance_id` text,
	`burden_report_id` text,
	`task_key` text NOT NULL,
	`state` text NOT NULL,
	`purpose` text NOT NULL,
	`due_at` text,
	`status` text NOT NULL,
	`outcome` text,
	`closed_by` text,
	`created_at` text NOT NULL,
	`closed_at` text,
	FOREIGN KEY (`instance_id`) REFERENCES `instances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`burden_report_id`) REFERENCES `burden_reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_tasks`("id", "instance_id", "burden_report_id", "task_key", "state", "purpose", "due_at", "status", "outcome", "closed_by", "created_at", "closed_at") SELECT "id", "instance_id", NULL, "task_key", "state", "purpose", "due_at", "status", "outcome", "closed_by", "created_at", "closed_at" FROM `tasks`;--> statement-breakpoint
DROP TABLE `tasks`;--> statement-breakpoint
ALTER TABLE `__new_tasks` RENAME TO `tasks`;--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_instance_key_uq` ON `tasks` (`instance_id`,`task_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_burden_report_uq` ON `tasks` (`burden_report_id`);--> statement-breakpoint
CREATE INDEX `tasks_open_due_idx` ON `tasks` (`status`,`due_at`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_instance_status_idx` ON `tasks` (`instance_id`,`status`);--> statement-breakpoint
CREATE TABLE `task_candidates` (
	`task_id` text NOT NULL,
	`user_id` text,
	`role` text,
	`org_id` text,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `task_candidates` (`task_id`, `user_id`, `role`, `org_id`) SELECT `task_id`, `user_id`, `role`, `org_id` FROM `__task_candidates_copy`;--> statement-breakpoint
DROP TABLE `__task_candidates_copy`;--> statement-breakpoint
CREATE INDEX `task_candidates_task_idx` ON `task_candidates` (`task_id`);--> statement-breakpoint
CREATE INDEX `task_candidates_user_task_idx` ON `task_candidates` (`user_id`,`task_id`);--> statement-breakpoint
CREATE INDEX `task_candidates_role_org_task_idx` ON `task_candidates` (`role`,`org_id`,`task_id`);
