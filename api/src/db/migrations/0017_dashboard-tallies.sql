CREATE TABLE `instance_tallies` (
	`org_id` text NOT NULL,
	`grain` text NOT NULL,
	`period` text NOT NULL,
	`definition_id` text NOT NULL,
	`state` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`org_id`, `grain`, `period`, `definition_id`, `state`)
);
--> statement-breakpoint
CREATE TABLE `open_task_tallies` (
	`org_id` text NOT NULL,
	`created_grain` text NOT NULL,
	`created_period` text NOT NULL,
	`due_grain` text NOT NULL,
	`due_period` text NOT NULL,
	`definition_id` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`org_id`, `created_grain`, `created_period`, `due_grain`, `due_period`, `definition_id`)
);
--> statement-breakpoint
-- Dashboard tallies (issue 11, ADR 0016): filled once here, then kept by triggers in the writer's own transaction.
INSERT INTO instance_tallies (org_id, grain, period, definition_id, state, n)
SELECT CASE l.lvl WHEN 1 THEN i.subject_org_id WHEN 2 THEN i.subject_group_id ELSE i.district_id END, g.grain, CASE g.grain WHEN 'all' THEN '' WHEN 'year' THEN substr(i.created_at, 1, 4) WHEN 'month' THEN substr(i.created_at, 1, 7) ELSE substr(i.created_at, 1, 10) END, i.definition_id, i.state, count(*)
FROM instances i, (SELECT 1 AS lvl UNION ALL SELECT 2 UNION ALL SELECT 3) l, (SELECT 'all' AS grain UNION ALL SELECT 'year' UNION ALL SELECT 'month' UNION ALL SELECT 'day') g
WHERE (l.lvl = 1 OR (l.lvl = 2 AND i.subject_group_id IS NOT NULL AND i.subject_group_id IS NOT i.subject_org_id) OR (l.lvl = 3 AND i.district_id IS NOT i.subject_org_id))
GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO open_task_tallies (org_id, created_grain, created_period, due_grain, due_period, definition_id, n)
SELECT CASE l.lvl WHEN 1 THEN i.subject_org_id WHEN 2 THEN i.subject_group_id ELSE i.district_id END, c.grain, CASE c.grain WHEN 'all' THEN '' WHEN 'year' THEN substr(i.created_at, 1, 4) WHEN 'month' THEN substr(i.created_at, 1, 7) ELSE substr(i.created_at, 1, 10) END, g.grain, CASE g.grain WHEN 'all' THEN '' WHEN 'year' THEN substr(t.due_at, 1, 4) WHEN 'month' THEN substr(t.due_at, 1, 7) ELSE substr(t.due_at, 1, 10) END, i.definition_id, count(*)
FROM tasks t JOIN instances i ON i.id = t.instance_id, (SELECT 1 AS lvl UNION ALL SELECT 2 UNION ALL SELECT 3) l, (SELECT 'all' AS grain UNION ALL SELECT 'year' UNION ALL SELECT 'month' UNION ALL SELECT 'day') c, (SELECT 'all' AS grain UNION ALL SELECT 'year' UNION ALL SELECT 'month' UNION ALL SELECT 'day') g
WHERE t.status = 'open' AND (l.lvl = 1 OR (l.lvl = 2 AND i.subject_group_id IS NOT NULL AND i.subject_group_id IS NOT i.subject_org_id) OR (l.lvl = 3 AND i.district_id IS NOT i.subject_org_id)) AND (g.grain = 'all' OR t.due_at IS NOT NULL)
GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
CREATE TRIGGER instance_tallies_insert AFTER INSERT ON instances BEGIN
  INSERT INTO instance_tallies (org_id, grain, period, definition_id, state, n)
  SELECT CASE l.lvl WHEN 1 THEN NEW.subject_org_id WHEN 2 THEN NEW.subject_group_id ELSE NEW.district_id END, g.grain, CASE g.grain WHEN 'all' THEN '' WHEN 'year' THEN substr(NEW.created_at, 1, 4) WHEN 'month' THEN substr(NEW.created_at, 1, 7) ELSE substr(NEW.created_at, 1, 10) END, NEW.definition_id, NEW.state, 1
  FROM (SELECT 1 AS lvl UNION ALL SELECT 2 UNION ALL SELECT 3) l, (SELECT 'all' AS grain UNION ALL SELECT 'year' UNION ALL SELECT 'month' UNION ALL SELECT 'day') g
  WHERE (l.lvl = 1 OR (l.lvl = 2 AND NEW.subject_group_id IS NOT NULL AND NEW.subject_group_id IS NOT NEW.subject_org_id) OR (l.lvl = 3 AND NEW.district_id IS NOT NEW.subject_org_id))
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER instance_tallies_update AFTER UPDATE OF state, definition_id, subject_org_id, subject_group_id, district_id, created_at ON instances
WHEN OLD.state IS NOT NEW.state OR OLD.definition_id IS NOT NEW.definition_id OR OLD.subject_org_id IS NOT NEW.subject_org_id OR OLD.subject_group_id IS NOT NEW.subject_group_id OR OLD.district_id IS NOT NEW.district_id OR OLD.created_at IS NOT NEW.created_at
BEGIN
  INSERT INTO instance_tallies (org_id, grain, period, definition_id, state, n)
  SELECT CASE l.lvl WHEN 1 THEN OLD.subject_org_id WHEN 2 THEN OLD.subject_group_id ELSE OLD.district_id END, g.grain, CASE g.grain WHEN 'all' THEN '' WHEN 'year' THEN substr(OLD.created_at, 1, 4) WHEN 'month' THEN substr(OLD.created_at, 1, 7) ELSE substr(OLD.created_at, 1, 10) END, OLD.definition_id, OLD.state, -1
  FROM (SELECT 1 AS lvl UNION ALL SELECT 2 UNION ALL SELECT 3) l, (SELECT 'all' AS grain UNION ALL SELECT 'year' UNION ALL SELECT 'month' UNION ALL SELECT 'day') g
  WHERE (l.lvl = 1 OR (l.lvl = 2 AND OLD.subject_group_id IS NOT NULL AND OLD.subject_group_id IS NOT OLD.subject_org_id) OR (l.lvl = 3 AND OLD.district_id IS NOT OLD.subject_org_id))
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO instance_tallies (org_id, grain, period, definition_id, state, n)
  SELECT CASE l.lvl WHEN 1 THEN NEW.subject_org_id WHEN 2 THEN NEW.subject_group_id ELSE NEW.district_id END, g.grain, CASE g.grain WHEN 'all' THEN '' WHEN 'year' THEN substr(NEW.created_at, 1, 4) WHEN 'month' THEN substr(NEW.created_at, 1, 7) ELSE substr(NEW.created_at, 1, 10) END, NEW.definition_id, NEW.state, 1
  FROM (SELECT 1 AS lvl UNION ALL SELECT 2 UNION ALL SELECT 3) l, (SELECT 'all' AS grain UNION ALL SELECT 'year' UNION ALL SELECT 'month' UNION ALL SELECT 'day') g
  WHERE (l.lvl = 1 OR (l.lvl = 2 AND NEW.subject_group_id IS NOT NULL AND NEW.subject_group_id IS NOT NEW.subject_org_id) OR (l.lvl = 3 AND NEW.district_id IS NOT NEW.subject_org_id))
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO open_task_tallies (org_id, created_grain, created_period, due_grain, due_period, definition_id, n)
  SELECT CASE l.lvl WHEN 1 THEN OLD.subject_org_id WHEN 2 THEN OLD.subject_group_id ELSE OLD.district_id END, c.grain, CASE c.grain WHEN 'all' THEN '' WHEN 'year' THEN substr(OLD.created_at, 1, 4) WHEN 'month' THEN substr(OLD.created_at, 1, 7) ELSE substr(OLD.created_at, 1, 10) END, g.grain, CASE g.grain WHEN 'all' THEN '' WHEN 'year' THEN substr(t.due_at, 1, 4) WHEN 'month' THEN substr(t.due_at, 1, 7) ELSE substr(t.due_at, 1, 10) END, OLD.definition_id, -1 * count(*)
  FROM tasks t, (SELECT 1 AS lvl UNION ALL SELECT 2 UNION ALL SELECT 3) l, (SELECT 'all' AS grain UNION ALL SELECT 'year' UNION ALL SELECT 'month' UNION ALL SELECT 'day') c, (SELECT 'all' AS grain UNION ALL SELECT 'year' UNION ALL SELECT 'month' UNION ALL SELECT 'day') g
  WHERE t.instance_id = NEW.id AND t.status = 'open' AND (l.lvl = 1 OR (l.lvl = 2 AND OLD.subject_group_id IS NOT NULL AND OLD.subject_group_id IS NOT OLD.subject_org_id) OR (l.lvl = 3 AND OLD.district_id IS NOT OLD.subject_org_id)) AND (g.grain = 'all' OR t.due_at IS NOT NULL) AND (OLD.definition_id IS NOT NEW.definition_id OR OLD.subject_org_id IS NOT NEW.subject_org_id OR OLD.subject_group_id IS NOT NEW.subject_group_id OR OLD.district_id IS NOT NEW.district_id OR OLD.created_at IS NOT NEW.created_at)
  GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO open_task_tallies (org_id, created_grain, created_period, due_grain, due_period, definition_id, n)
  SELECT CASE l.lvl WHEN 1 THEN NEW.subject_org_id WHEN 2 THEN NEW.subject_group_id ELSE NEW.district_id END, c.grain, CASE c.grain WHEN 'all' THEN '' WHEN 'year' THEN substr(NEW.created_at, 1, 4) WHEN 'month' THEN substr(NEW.created_at, 1, 7) ELSE substr(NEW.created_at, 1, 10) END, g.grain, CASE g.grain WHEN 'all' THEN '' WHEN 'year' THEN substr(t.due_at, 1, 4) WHEN 'month' THEN substr(t.due_at, 1, 7) ELSE substr(t.due_at, 1, 10) END, NEW.definition_id, 1 * count(*)
  FROM tasks t, (SELECT 1 AS lvl UNION ALL SELECT 2 UNION ALL SELECT 3) l, (SELECT 'all' AS grain UNION ALL SELECT 'year' UNION ALL SELECT 'month' UNION ALL SELECT 'day') c, (SELECT 'all' AS grain UNION ALL SELECT 'year' UNION ALL SELECT 'month' UNION ALL SELECT 'day') g
  WHERE t.instance_id = NEW.id AND t.status = 'open' AND (l.lvl = 1 OR (l.lvl = 2 AND NEW.subject_group_id IS NOT NULL AND NEW.subject_group_id IS NOT NEW.subject_org_id) OR (l.lvl = 3 AND NEW.district_id IS NOT NEW.subject_org_id)) AND (g.grain = 'all' OR t.due_at IS NOT NULL) AND (OLD.definition_id IS NOT NEW.definition_id OR OLD.subject_org_id IS NOT NEW.subject_org_id OR OLD.subject_group_id IS NOT NEW.subject_group_id OR OLD.district_id IS NOT NEW.district_id OR OLD.created_at IS NOT NEW.created_at)
  GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER instance_tallies_delete AFTER DELETE ON instances BEGIN
  INSERT INTO instance_tallies (org_id, grain, period, definition_id, state, n)
  SELECT CASE l.lvl WHEN 1 THEN OLD.subject_org_id WHEN 2 THEN OLD.subject_group_id ELSE OLD.district_id END, g.grain, CASE g.grain WHEN 'all' THEN '' WHEN 'year' THEN substr(OLD.created_at, 1, 4) WHEN 'month' THEN substr(OLD.created_at, 1, 7) ELSE substr(OLD.created_at, 1, 10) END, OLD.definition_id, OLD.state, -1
  FROM (SELECT 1 AS lvl UNION ALL SELECT 2 UNION ALL SELECT 3) l, (SELECT 'all' AS grain UNION ALL SELECT 'year' UNION ALL SELECT 'month' UNION ALL SELECT 'day') g
  WHERE (l.lvl = 1 OR (l.lvl = 2 AND OLD.subject_group_id IS NOT NULL AND OLD.subject_group_id IS NOT OLD.subject_org_id) OR (l.lvl = 3 AND OLD.district_id IS NOT OLD.subject_org_id))
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER open_task_tallies_insert AFTER INSERT ON tasks WHEN NEW.status = 'open' AND NEW.instance_id IS NOT NULL BEGIN
  INSERT INTO open_task_tallies (org_id, created_grain, created_period, due_grain, due_period, definition_id, n)
  SELECT CASE l.lvl WHEN 1 THEN i.subject_org_id WHEN 2 THEN i.subject_group_id ELSE i.district_id END, c.grain, CASE c.grain WHEN 'all' THEN '' WHEN 'year' THEN substr(i.created_at, 1, 4) WHEN 'month' THEN substr(i.created_at, 1, 7) ELSE substr(i.created_at, 1, 10) END, g.grain, CASE g.grain WHEN 'all' THEN '' WHEN 'year' THEN substr(NEW.due_at, 1, 4) WHEN 'month' THEN substr(NEW.due_at, 1, 7) ELSE substr(NEW.due_at, 1, 10) END, i.definition_id, 1
  FROM instances i, (SELECT 1 AS lvl UNION ALL SELECT 2 UNION ALL SELECT 3) l, (SELECT 'all' AS grain UNION ALL SELECT 'year' UNION ALL SELECT 'month' UNION ALL SELECT 'day') c, (SELECT 'all' AS grain UNION ALL SELECT 'year' UNION ALL SELECT 'month' UNION ALL SELECT 'day') g
  WHERE i.id = NEW.instance_id AND (l.lvl = 1 OR (l.lvl = 2 AND i.subject_group_id IS NOT NULL AND i.subject_group_id IS NOT i.subject_org_id) OR (l.lvl = 3 AND i.district_id IS NOT i.subject_org_id)) AND (g.grain = 'all' OR NEW.due_at IS NOT NULL)
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER open_task_tallies_update AFTER UPDATE OF status, due_at, instance_id ON tasks
WHEN (OLD.status = 'open' OR NEW.status = 'open') AND (OLD.status IS NOT NEW.status OR OLD.due_at IS NOT NEW.due_at OR OLD.instance_id IS NOT NEW.instance_id)
BEGIN
  INSERT INTO open_task_tallies (org_id, created_grain, created_period, due_grain, due_period, definition_id, n)
  SELECT CASE l.lvl WHEN 1 THEN i.subject_org_id WHEN 2 THEN i.subject_group_id ELSE i.district_id END, c.grain, CASE c.grain WHEN 'all' THEN '' WHEN 'year' THEN substr(i.created_at, 1, 4) WHEN 'month' THEN substr(i.created_at, 1, 7) ELSE substr(i.created_at, 1, 10) END, g.grain, CASE g.grain WHEN 'all' THEN '' WHEN 'year' THEN substr(OLD.due_at, 1, 4) WHEN 'month' THEN substr(OLD.due_at, 1, 7) ELSE substr(OLD.due_at, 1, 10) END, i.definition_id, -1
  FROM instances i, (SELECT 1 AS lvl UNION ALL SELECT 2 UNION ALL SELECT 3) l, (SELECT 'all' AS grain UNION ALL SELECT 'year' UNION ALL SELECT 'month' UNION ALL SELECT 'day') c, (SELECT 'all' AS grain UNION ALL SELECT 'year' UNION ALL SELECT 'month' UNION ALL SELECT 'day') g
  WHERE i.id = OLD.instance_id AND (l.lvl = 1 OR (l.lvl = 2 AND i.subject_group_id IS NOT NULL AND i.subject_group_id IS NOT i.subject_org_id) OR (l.lvl = 3 AND i.district_id IS NOT i.subject_org_id)) AND (g.grain = 'all' OR OLD.due_at IS NOT NULL) AND OLD.status = 'open'
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO open_task_tallies (org_id, created_grain, created_period, due_grain, due_period, definition_id, n)
  SELECT CASE l.lvl WHEN 1 THEN i.subject_org_id WHEN 2 THEN i.subject_group_id ELSE i.district_id END, c.grain, CASE c.grain WHEN 'all' THEN '' WHEN 'year' THEN substr(i.created_at, 1, 4) WHEN 'month' THEN substr(i.created_at, 1, 7) ELSE substr(i.created_at, 1, 10) END, g.grain, CASE g.grain WHEN 'all' THEN '' WHEN 'year' THEN substr(NEW.due_at, 1, 4) WHEN 'month' THEN substr(NEW.due_at, 1, 7) ELSE substr(NEW.due_at, 1, 10) END, i.definition_id, 1
  FROM instances i, (SELECT 1 AS lvl UNION ALL SELECT 2 UNION ALL SELECT 3) l, (SELECT 'all' AS grain UNION ALL SELECT 'year' UNION ALL SELECT 'month' UNION ALL SELECT 'day') c, (SELECT 'all' AS grain UNION ALL SELECT 'year' UNION ALL SELECT 'month' UNION ALL SELECT 'day') g
  WHERE i.id = NEW.instance_id AND (l.lvl = 1 OR (l.lvl = 2 AND i.subject_group_id IS NOT NULL AND i.subject_group_id IS NOT i.subject_org_id) OR (l.lvl = 3 AND i.district_id IS NOT i.subject_org_id)) AND (g.grain = 'all' OR NEW.due_at IS NOT NULL) AND NEW.status = 'open'
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER open_task_tallies_delete AFTER DELETE ON tasks WHEN OLD.status = 'open' AND OLD.instance_id IS NOT NULL BEGIN
  INSERT INTO open_task_tallies (org_id, created_grain, created_period, due_grain, due_period, definition_id, n)
  SELECT CASE l.lvl WHEN 1 THEN i.subject_org_id WHEN 2 THEN i.subject_group_id ELSE i.district_id END, c.grain, CASE c.grain WHEN 'all' THEN '' WHEN 'year' THEN substr(i.created_at, 1, 4) WHEN 'month' THEN substr(i.created_at, 1, 7) ELSE substr(i.created_at, 1, 10) END, g.grain, CASE g.grain WHEN 'all' THEN '' WHEN 'year' THEN substr(OLD.due_at, 1, 4) WHEN 'month' THEN substr(OLD.due_at, 1, 7) ELSE substr(OLD.due_at, 1, 10) END, i.definition_id, -1
  FROM instances i, (SELECT 1 AS lvl UNION ALL SELECT 2 UNION ALL SELECT 3) l, (SELECT 'all' AS grain UNION ALL SELECT 'year' UNION ALL SELECT 'month' UNION ALL SELECT 'day') c, (SELECT 'all' AS grain UNION ALL SELECT 'year' UNION ALL SELECT 'month' UNION ALL SELECT 'day') g
  WHERE i.id = OLD.instance_id AND (l.lvl = 1 OR (l.lvl = 2 AND i.subject_group_id IS NOT NULL AND i.subject_group_id IS NOT i.subject_org_id) OR (l.lvl = 3 AND i.district_id IS NOT i.subject_org_id)) AND (g.grain = 'all' OR OLD.due_at IS NOT NULL)
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
