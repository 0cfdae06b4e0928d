CREATE TABLE `burden_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`school_id` text NOT NULL,
	`reporter_id` text NOT NULL,
	`burden_item` text NOT NULL,
	`description` text NOT NULL,
	`hours` integer,
	`status` text NOT NULL,
	`due_at` text NOT NULL,
	`resolution` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`resolved_at` text
);
--> statement-breakpoint
CREATE INDEX `burden_reports_status_idx` ON `burden_reports` (`status`,`due_at`,`id`);--> statement-breakpoint
CREATE INDEX `burden_reports_school_idx` ON `burden_reports` (`school_id`);--> statement-breakpoint
CREATE TABLE `findings` (
	`id` text PRIMARY KEY NOT NULL,
	`instance_id` text NOT NULL,
	`school_id` text NOT NULL,
	`round` text NOT NULL,
	`item_code` text NOT NULL,
	`layer` text NOT NULL,
	`title` text NOT NULL,
	`severity` text NOT NULL,
	`workdays` integer NOT NULL,
	`due_at` text NOT NULL,
	`offline_ordered` integer NOT NULL,
	`repeat` integer NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`closed_at` text,
	FOREIGN KEY (`instance_id`) REFERENCES `instances`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `findings_instance_item_uq` ON `findings` (`instance_id`,`item_code`);--> statement-breakpoint
CREATE INDEX `findings_school_item_idx` ON `findings` (`school_id`,`item_code`);--> statement-breakpoint
CREATE INDEX `findings_round_status_idx` ON `findings` (`round`,`status`,`due_at`);--> statement-breakpoint
CREATE TABLE `reference_data` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`version` integer NOT NULL,
	`status` text NOT NULL,
	`name` text NOT NULL,
	`body` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`published_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reference_kind_key_version_uq` ON `reference_data` (`kind`,`key`,`version`);--> statement-breakpoint
CREATE INDEX `reference_kind_status_idx` ON `reference_data` (`kind`,`status`,`published_at`);