ALTER TABLE `notifications` ADD `reasons` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `resolved_at` text;--> statement-breakpoint
CREATE INDEX `notifications_instance_state_idx` ON `notifications` (`instance_id`,`state`,`user_id`) WHERE resolved_at is null;--> statement-breakpoint
-- Notices of to-dos already done before this column existed: resolved when nothing is open at their step.
UPDATE `notifications` SET `resolved_at` = coalesce(`read_at`, `created_at`), `read_at` = coalesce(`read_at`, `created_at`)
WHERE `kind` IN ('entered', 'reminder', 'chase', 'escalation', 'sign') AND `instance_id` IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM `tasks` WHERE `tasks`.`instance_id` = `notifications`.`instance_id`
    AND `tasks`.`state` = `notifications`.`state` AND `tasks`.`status` = 'open');
