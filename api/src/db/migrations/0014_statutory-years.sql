CREATE TABLE `statutory_years` (
	`district_id` text NOT NULL,
	`year` integer NOT NULL,
	`holidays` text NOT NULL,
	`workdays` text NOT NULL,
	`replaces_package` integer DEFAULT false NOT NULL,
	`document_no` text,
	`title` text,
	`source` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`district_id`, `year`),
	FOREIGN KEY (`district_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
