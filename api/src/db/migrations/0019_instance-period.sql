ALTER TABLE `instances` ADD `period` text;--> statement-breakpoint
CREATE INDEX `instances_definition_period_idx` ON `instances` (`definition_id`,`period`);