-- Workflow definitions join the kinds kept per process by generation (ADR 0018): any write to a definition row bumps it.
INSERT INTO `cache_generations` (`name`, `generation`) VALUES ('definitions', 0);--> statement-breakpoint
CREATE TRIGGER `definitions_insert_generation` AFTER INSERT ON `definitions` BEGIN UPDATE `cache_generations` SET `generation` = `generation` + 1 WHERE `name` = 'definitions'; END;--> statement-breakpoint
CREATE TRIGGER `definitions_update_generation` AFTER UPDATE ON `definitions` BEGIN UPDATE `cache_generations` SET `generation` = `generation` + 1 WHERE `name` = 'definitions'; END;--> statement-breakpoint
CREATE TRIGGER `definitions_delete_generation` AFTER DELETE ON `definitions` BEGIN UPDATE `cache_generations` SET `generation` = `generation` + 1 WHERE `name` = 'definitions'; END;
