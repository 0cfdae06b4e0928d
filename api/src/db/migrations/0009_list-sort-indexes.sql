ALTER TABLE `instances` ADD `due_at` text;--> statement-breakpoint
CREATE INDEX `instances_created_idx` ON `instances` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `instances_due_idx` ON `instances` (`due_at`,`id`);--> statement-breakpoint
CREATE INDEX `instances_state_id_idx` ON `instances` (`state`,`id`);--> statement-breakpoint
CREATE INDEX `findings_due_idx` ON `findings` (`due_at`,`id`);--> statement-breakpoint
CREATE INDEX `findings_created_idx` ON `findings` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `users_display_name_idx` ON `users` (`display_name`,`id`);--> statement-breakpoint
CREATE INDEX `users_created_idx` ON `users` (`created_at`,`id`);--> statement-breakpoint
UPDATE `instances` SET `due_at` = (SELECT min(`due_at`) FROM `tasks` WHERE `tasks`.`instance_id` = `instances`.`id` AND `tasks`.`status` = 'open');
