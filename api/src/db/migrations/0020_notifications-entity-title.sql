ALTER TABLE `notifications` ADD `title` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `entity_type` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `entity_id` text;