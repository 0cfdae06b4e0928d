DROP INDEX `task_candidates_user_task_idx`;--> statement-breakpoint
DROP INDEX `task_candidates_role_org_task_idx`;--> statement-breakpoint
ALTER TABLE `task_candidates` ADD `open` integer DEFAULT true NOT NULL;--> statement-breakpoint
-- Candidate rows of closed tasks, closed too (issue 11): before the indexes, so they are built once.
UPDATE `task_candidates` SET `open` = 0 WHERE `task_id` IN (SELECT `id` FROM `tasks` WHERE `status` <> 'open');--> statement-breakpoint
CREATE INDEX `task_candidates_user_open_task_idx` ON `task_candidates` (`user_id`,`open`,`task_id`);--> statement-breakpoint
CREATE INDEX `task_candidates_role_org_open_task_idx` ON `task_candidates` (`role`,`org_id`,`open`,`task_id`);--> statement-breakpoint
CREATE TRIGGER task_candidates_follow_status AFTER UPDATE OF status ON tasks WHEN OLD.status IS NOT NEW.status BEGIN
  UPDATE task_candidates SET open = (NEW.status = 'open') WHERE task_id = NEW.id;
END;
