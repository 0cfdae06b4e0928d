ALTER TABLE `findings` ADD `notice_no` text;--> statement-breakpoint
ALTER TABLE `findings` ADD `returned_at` text;--> statement-breakpoint
ALTER TABLE `findings` ADD `return_note` text;