ALTER TABLE `findings` ADD `notice_no` text;--> statement-breakpoint
ALTER TABLE `findings` ADD `returned_at` text;--> statement-breakpoint
ALTER TABLE `findings` ADD `return_note` text;--> statement-breakpoint
CREATE INDEX `tasks_closed_by_idx` ON `tasks` (`closed_by`,`closed_at`,`id`) WHERE closed_by is not null;