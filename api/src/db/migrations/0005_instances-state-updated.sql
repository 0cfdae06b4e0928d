DROP INDEX `instances_state_idx`;--> statement-breakpoint
CREATE INDEX `instances_state_updated_idx` ON `instances` (`state`,`updated_at`,`id`);