DROP INDEX `notifications_user_unread_idx`;--> statement-breakpoint
CREATE INDEX `notifications_user_unread_idx` ON `notifications` (`user_id`,`read_at`,`created_at`,`id`) WHERE read_at is null;--> statement-breakpoint
DROP INDEX `tasks_burden_report_uq`;--> statement-breakpoint
DROP INDEX `tasks_open_due_idx`;--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_burden_report_uq` ON `tasks` (`burden_report_id`) WHERE burden_report_id is not null;--> statement-breakpoint
CREATE INDEX `tasks_open_due_idx` ON `tasks` (`status`,`due_at`,`id`) WHERE status = 'open';--> statement-breakpoint
DROP INDEX `timers_due_idx`;--> statement-breakpoint
CREATE INDEX `timers_due_idx` ON `timers` (`fired_at`,`cancelled_at`,`due_at`) WHERE fired_at is null and cancelled_at is null;--> statement-breakpoint
DROP INDEX `audit_events_id_unique`;--> statement-breakpoint
DROP INDEX `task_candidates_user_open_task_idx`;--> statement-breakpoint
DROP INDEX `task_candidates_role_org_open_task_idx`;--> statement-breakpoint
CREATE INDEX `task_candidates_user_open_task_idx` ON `task_candidates` (`user_id`,`open`,`task_id`) WHERE open = 1;--> statement-breakpoint
CREATE INDEX `task_candidates_role_org_open_task_idx` ON `task_candidates` (`role`,`org_id`,`open`,`task_id`) WHERE open = 1;--> statement-breakpoint
DROP INDEX `tasks_instance_status_due_idx`;--> statement-breakpoint
CREATE INDEX `tasks_instance_status_due_idx` ON `tasks` (`instance_id`,`status`,`due_at`) WHERE status = 'open';