DROP INDEX `tasks_instance_status_idx`;--> statement-breakpoint
CREATE INDEX `tasks_instance_status_due_idx` ON `tasks` (`instance_id`,`status`,`due_at`);