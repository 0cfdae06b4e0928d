CREATE TABLE `cache_generations` (
	`name` text PRIMARY KEY NOT NULL,
	`generation` integer DEFAULT 0 NOT NULL
);--> statement-breakpoint
INSERT INTO `cache_generations` (`name`, `generation`) VALUES ('organisations', 0), ('calendars', 0), ('people', 0);--> statement-breakpoint
CREATE TRIGGER `organisations_insert_generation` AFTER INSERT ON `organisations` BEGIN UPDATE `cache_generations` SET `generation` = `generation` + 1 WHERE `name` = 'organisations'; END;--> statement-breakpoint
CREATE TRIGGER `organisations_update_generation` AFTER UPDATE ON `organisations` BEGIN UPDATE `cache_generations` SET `generation` = `generation` + 1 WHERE `name` = 'organisations'; END;--> statement-breakpoint
CREATE TRIGGER `organisations_delete_generation` AFTER DELETE ON `organisations` BEGIN UPDATE `cache_generations` SET `generation` = `generation` + 1 WHERE `name` = 'organisations'; END;--> statement-breakpoint
CREATE TRIGGER `calendars_insert_generation` AFTER INSERT ON `calendars` BEGIN UPDATE `cache_generations` SET `generation` = `generation` + 1 WHERE `name` = 'calendars'; END;--> statement-breakpoint
CREATE TRIGGER `calendars_update_generation` AFTER UPDATE ON `calendars` BEGIN UPDATE `cache_generations` SET `generation` = `generation` + 1 WHERE `name` = 'calendars'; END;--> statement-breakpoint
CREATE TRIGGER `calendars_delete_generation` AFTER DELETE ON `calendars` BEGIN UPDATE `cache_generations` SET `generation` = `generation` + 1 WHERE `name` = 'calendars'; END;--> statement-breakpoint
CREATE TRIGGER `statutory_years_insert_generation` AFTER INSERT ON `statutory_years` BEGIN UPDATE `cache_generations` SET `generation` = `generation` + 1 WHERE `name` = 'calendars'; END;--> statement-breakpoint
CREATE TRIGGER `statutory_years_update_generation` AFTER UPDATE ON `statutory_years` BEGIN UPDATE `cache_generations` SET `generation` = `generation` + 1 WHERE `name` = 'calendars'; END;--> statement-breakpoint
CREATE TRIGGER `statutory_years_delete_generation` AFTER DELETE ON `statutory_years` BEGIN UPDATE `cache_generations` SET `generation` = `generation` + 1 WHERE `name` = 'calendars'; END;--> statement-breakpoint
CREATE TRIGGER `users_insert_generation` AFTER INSERT ON `users` BEGIN UPDATE `cache_generations` SET `generation` = `generation` + 1 WHERE `name` = 'people'; END;--> statement-breakpoint
CREATE TRIGGER `users_update_generation` AFTER UPDATE ON `users` BEGIN UPDATE `cache_generations` SET `generation` = `generation` + 1 WHERE `name` = 'people'; END;--> statement-breakpoint
CREATE TRIGGER `users_delete_generation` AFTER DELETE ON `users` BEGIN UPDATE `cache_generations` SET `generation` = `generation` + 1 WHERE `name` = 'people'; END;--> statement-breakpoint
CREATE TRIGGER `role_grants_insert_generation` AFTER INSERT ON `role_grants` BEGIN UPDATE `cache_generations` SET `generation` = `generation` + 1 WHERE `name` = 'people'; END;--> statement-breakpoint
CREATE TRIGGER `role_grants_update_generation` AFTER UPDATE ON `role_grants` BEGIN UPDATE `cache_generations` SET `generation` = `generation` + 1 WHERE `name` = 'people'; END;--> statement-breakpoint
CREATE TRIGGER `role_grants_delete_generation` AFTER DELETE ON `role_grants` BEGIN UPDATE `cache_generations` SET `generation` = `generation` + 1 WHERE `name` = 'people'; END;--> statement-breakpoint
CREATE TRIGGER `delegations_insert_generation` AFTER INSERT ON `delegations` BEGIN UPDATE `cache_generations` SET `generation` = `generation` + 1 WHERE `name` = 'people'; END;--> statement-breakpoint
CREATE TRIGGER `delegations_update_generation` AFTER UPDATE ON `delegations` BEGIN UPDATE `cache_generations` SET `generation` = `generation` + 1 WHERE `name` = 'people'; END;--> statement-breakpoint
CREATE TRIGGER `delegations_delete_generation` AFTER DELETE ON `delegations` BEGIN UPDATE `cache_generations` SET `generation` = `generation` + 1 WHERE `name` = 'people'; END;
