CREATE INDEX `instances_created_by_created_idx` ON `instances` (`created_by`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `instances_created_by_due_idx` ON `instances` (`created_by`,`due_at`,`id`);--> statement-breakpoint
CREATE INDEX `instances_created_by_state_idx` ON `instances` (`created_by`,`state`,`id`);