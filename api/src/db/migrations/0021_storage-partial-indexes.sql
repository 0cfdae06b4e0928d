DROP INDEX `notifications_user_unread_idx`;--> statement-breakpoint
CREATE INDEX `notifications_user_unread_idx` ON `notifications` (`user_id`,`read_at`,`created_at`,`id`) WHERE read_at is null;--> statement-breakpoint
DROP INDEX `tasks_burden_report_uq`;--> statement-breakpoint
DROP INDEX `tasks_open_due_idx`;--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_burden_report_uq` ON `tasks` (`burden_report_id`) WHERE burden_report_id is not null;--> statement-breakpoint
CREATE INDEX `tasks_open_due_idx` ON `tasks` (`status`,`due_at`,`id`) WHERE status = 'open';--> statement-breakpoint
DROP INDEX `timers_due_idx`;--> statement-breakpoint
CREATE INDEX `timers_due_idx` ON `timers` (`fired_at`,`cancelled_at`,`due_at`) WHERE fired_at is null and cancelled_at is null;