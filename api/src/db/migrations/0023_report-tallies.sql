CREATE TABLE `award_tallies` (
	`org_id` text NOT NULL,
	`year` text NOT NULL,
	`definition_id` text NOT NULL,
	`state` text NOT NULL,
	`level` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`org_id`, `year`, `definition_id`, `state`, `level`)
);
--> statement-breakpoint
CREATE TABLE `entry_tallies` (
	`definition_id` text NOT NULL,
	`month` text NOT NULL,
	`kind` text NOT NULL,
	`org_id` text NOT NULL,
	`item_code` text NOT NULL,
	`n` integer NOT NULL,
	`planned` real NOT NULL,
	`spent` real NOT NULL,
	PRIMARY KEY(`definition_id`, `month`, `kind`, `org_id`, `item_code`)
);
--> statement-breakpoint
CREATE TABLE `entry_tally_fields` (
	`definition_id` text PRIMARY KEY NOT NULL,
	`schools_path` text NOT NULL,
	`item_path` text NOT NULL,
	`planned_path` text,
	`spent_sites` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `finding_school_tallies` (
	`org_id` text NOT NULL,
	`grain` text NOT NULL,
	`round` text NOT NULL,
	`definition_id` text NOT NULL,
	`school_id` text NOT NULL,
	`n` integer NOT NULL,
	`open` integer NOT NULL,
	`repeats` integer NOT NULL,
	PRIMARY KEY(`org_id`, `grain`, `round`, `definition_id`, `school_id`)
);
--> statement-breakpoint
CREATE TABLE `finding_tallies` (
	`org_id` text NOT NULL,
	`grain` text NOT NULL,
	`round` text NOT NULL,
	`definition_id` text NOT NULL,
	`layer` text NOT NULL,
	`severity` text NOT NULL,
	`n` integer NOT NULL,
	`open` integer NOT NULL,
	`escalated` integer NOT NULL,
	`repeats` integer NOT NULL,
	PRIMARY KEY(`org_id`, `grain`, `round`, `definition_id`, `layer`, `severity`)
);
--> statement-breakpoint
CREATE TABLE `level_tally_fields` (
	`definition_id` text PRIMARY KEY NOT NULL,
	`level_path` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `period_tallies` (
	`definition_id` text NOT NULL,
	`period` text NOT NULL,
	`n` integer NOT NULL,
	`last_created_at` text NOT NULL,
	PRIMARY KEY(`definition_id`, `period`)
);
--> statement-breakpoint
CREATE INDEX `burden_reports_created_idx` ON `burden_reports` (`created_at`);--> statement-breakpoint
CREATE INDEX `findings_overdue_idx` ON `findings` (`due_at`) WHERE status = 'open' and rectified_at is null;
--> statement-breakpoint
-- Report tallies (issue 11): the security report's findings by organisation, round, layer, severity and school, and
-- each workflow version's reporting periods. Filled once here, then kept by triggers in the writer's own transaction.
INSERT INTO finding_tallies (org_id, grain, round, definition_id, layer, severity, n, open, escalated, repeats)
SELECT CASE l.lvl WHEN 1 THEN i.subject_org_id WHEN 2 THEN i.subject_group_id ELSE i.district_id END, g.grain, CASE g.grain WHEN 'all' THEN '' ELSE f.round END, i.definition_id, f.layer, f.severity, count(*), sum(f.status = 'open'), sum(f.escalated_at IS NOT NULL), sum(f.repeat)
FROM findings f JOIN instances i ON i.id = f.instance_id, (SELECT 1 AS lvl UNION ALL SELECT 2 UNION ALL SELECT 3) l, (SELECT 'all' AS grain UNION ALL SELECT 'round') g
WHERE (l.lvl = 1 OR (l.lvl = 2 AND i.subject_group_id IS NOT NULL AND i.subject_group_id IS NOT i.subject_org_id) OR (l.lvl = 3 AND i.district_id IS NOT i.subject_org_id))
GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO finding_school_tallies (org_id, grain, round, definition_id, school_id, n, open, repeats)
SELECT CASE l.lvl WHEN 1 THEN i.subject_org_id WHEN 2 THEN i.subject_group_id ELSE i.district_id END, g.grain, CASE g.grain WHEN 'all' THEN '' ELSE f.round END, i.definition_id, f.school_id, count(*), sum(f.status = 'open'), sum(f.repeat)
FROM findings f JOIN instances i ON i.id = f.instance_id, (SELECT 1 AS lvl UNION ALL SELECT 2 UNION ALL SELECT 3) l, (SELECT 'all' AS grain UNION ALL SELECT 'round') g
WHERE (l.lvl = 1 OR (l.lvl = 2 AND i.subject_group_id IS NOT NULL AND i.subject_group_id IS NOT i.subject_org_id) OR (l.lvl = 3 AND i.district_id IS NOT i.subject_org_id))
GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO period_tallies (definition_id, period, n, last_created_at)
SELECT definition_id, period, count(*), max(created_at) FROM instances WHERE period IS NOT NULL GROUP BY 1, 2;
--> statement-breakpoint
CREATE TRIGGER finding_tallies_insert AFTER INSERT ON findings BEGIN
  INSERT INTO finding_tallies (org_id, grain, round, definition_id, layer, severity, n, open, escalated, repeats)
  SELECT CASE l.lvl WHEN 1 THEN i.subject_org_id WHEN 2 THEN i.subject_group_id ELSE i.district_id END, g.grain, CASE g.grain WHEN 'all' THEN '' ELSE NEW.round END, i.definition_id, NEW.layer, NEW.severity, 1, 1 * (NEW.status = 'open'), 1 * (NEW.escalated_at IS NOT NULL), 1 * NEW.repeat
  FROM instances i, (SELECT 1 AS lvl UNION ALL SELECT 2 UNION ALL SELECT 3) l, (SELECT 'all' AS grain UNION ALL SELECT 'round') g
  WHERE i.id = NEW.instance_id AND (l.lvl = 1 OR (l.lvl = 2 AND i.subject_group_id IS NOT NULL AND i.subject_group_id IS NOT i.subject_org_id) OR (l.lvl = 3 AND i.district_id IS NOT i.subject_org_id))
  ON CONFLICT DO UPDATE SET n = n + excluded.n, open = open + excluded.open, escalated = escalated + excluded.escalated, repeats = repeats + excluded.repeats;
  INSERT INTO finding_school_tallies (org_id, grain, round, definition_id, school_id, n, open, repeats)
  SELECT CASE l.lvl WHEN 1 THEN i.subject_org_id WHEN 2 THEN i.subject_group_id ELSE i.district_id END, g.grain, CASE g.grain WHEN 'all' THEN '' ELSE NEW.round END, i.definition_id, NEW.school_id, 1, 1 * (NEW.status = 'open'), 1 * NEW.repeat
  FROM instances i, (SELECT 1 AS lvl UNION ALL SELECT 2 UNION ALL SELECT 3) l, (SELECT 'all' AS grain UNION ALL SELECT 'round') g
  WHERE i.id = NEW.instance_id AND (l.lvl = 1 OR (l.lvl = 2 AND i.subject_group_id IS NOT NULL AND i.subject_group_id IS NOT i.subject_org_id) OR (l.lvl = 3 AND i.district_id IS NOT i.subject_org_id))
  ON CONFLICT DO UPDATE SET n = n + excluded.n, open = open + excluded.open, repeats = repeats + excluded.repeats;
END;
--> statement-breakpoint
CREATE TRIGGER finding_tallies_update AFTER UPDATE OF instance_id, school_id, round, layer, severity, status, escalated_at, repeat ON findings
WHEN OLD.instance_id IS NOT NEW.instance_id OR OLD.school_id IS NOT NEW.school_id OR OLD.round IS NOT NEW.round OR OLD.layer IS NOT NEW.layer OR OLD.severity IS NOT NEW.severity OR OLD.status IS NOT NEW.status OR (OLD.escalated_at IS NULL) IS NOT (NEW.escalated_at IS NULL) OR OLD.repeat IS NOT NEW.repeat
BEGIN
  INSERT INTO finding_tallies (org_id, grain, round, definition_id, layer, severity, n, open, escalated, repeats)
  SELECT CASE l.lvl WHEN 1 THEN i.subject_org_id WHEN 2 THEN i.subject_group_id ELSE i.district_id END, g.grain, CASE g.grain WHEN 'all' THEN '' ELSE OLD.round END, i.definition_id, OLD.layer, OLD.severity, -1, -1 * (OLD.status = 'open'), -1 * (OLD.escalated_at IS NOT NULL), -1 * OLD.repeat
  FROM instances i, (SELECT 1 AS lvl UNION ALL SELECT 2 UNION ALL SELECT 3) l, (SELECT 'all' AS grain UNION ALL SELECT 'round') g
  WHERE i.id = OLD.instance_id AND (l.lvl = 1 OR (l.lvl = 2 AND i.subject_group_id IS NOT NULL AND i.subject_group_id IS NOT i.subject_org_id) OR (l.lvl = 3 AND i.district_id IS NOT i.subject_org_id))
  ON CONFLICT DO UPDATE SET n = n + excluded.n, open = open + excluded.open, escalated = escalated + excluded.escalated, repeats = repeats + excluded.repeats;
  INSERT INTO finding_school_tallies (org_id, grain, round, definition_id, school_id, n, open, repeats)
  SELECT CASE l.lvl WHEN 1 THEN i.subject_org_id WHEN 2 THEN i.subject_group_id ELSE i.district_id END, g.grain, CASE g.grain WHEN 'all' THEN '' ELSE OLD.round END, i.definition_id, OLD.school_id, -1, -1 * (OLD.status = 'open'), -1 * OLD.repeat
  FROM instances i, (SELECT 1 AS lvl UNION ALL SELECT 2 UNION ALL SELECT 3) l, (SELECT 'all' AS grain UNION ALL SELECT 'round') g
  WHERE i.id = OLD.instance_id AND (l.lvl = 1 OR (l.lvl = 2 AND i.subject_group_id IS NOT NULL AND i.subject_group_id IS NOT i.subject_org_id) OR (l.lvl = 3 AND i.district_id IS NOT i.subject_org_id))
  ON CONFLICT DO UPDATE SET n = n + excluded.n, open = open + excluded.open, repeats = repeats + excluded.repeats;
  INSERT INTO finding_tallies (org_id, grain, round, definition_id, layer, severity, n, open, escalated, repeats)
  SELECT CASE l.lvl WHEN 1 THEN i.subject_org_id WHEN 2 THEN i.subject_group_id ELSE i.district_id END, g.grain, CASE g.grain WHEN 'all' THEN '' ELSE NEW.round END, i.definition_id, NEW.layer, NEW.severity, 1, 1 * (NEW.status = 'open'), 1 * (NEW.escalated_at IS NOT NULL), 1 * NEW.repeat
  FROM instances i, (SELECT 1 AS lvl UNION ALL SELECT 2 UNION ALL SELECT 3) l, (SELECT 'all' AS grain UNION ALL SELECT 'round') g
  WHERE i.id = NEW.instance_id AND (l.lvl = 1 OR (l.lvl = 2 AND i.subject_group_id IS NOT NULL AND i.subject_group_id IS NOT i.subject_org_id) OR (l.lvl = 3 AND i.district_id IS NOT i.subject_org_id))
  ON CONFLICT DO UPDATE SET n = n + excluded.n, open = open + excluded.open, escalated = escalated + excluded.escalated, repeats = repeats + excluded.repeats;
  INSERT INTO finding_school_tallies (org_id, grain, round, definition_id, school_id, n, open, repeats)
  SELECT CASE l.lvl WHEN 1 THEN i.subject_org_id WHEN 2 THEN i.subject_group_id ELSE i.district_id END, g.grain, CASE g.grain WHEN 'all' THEN '' ELSE NEW.round END, i.definition_id, NEW.school_id, 1, 1 * (NEW.status = 'open'), 1 * NEW.repeat
  FROM instances i, (SELECT 1 AS lvl UNION ALL SELECT 2 UNION ALL SELECT 3) l, (SELECT 'all' AS grain UNION ALL SELECT 'round') g
  WHERE i.id = NEW.instance_id AND (l.lvl = 1 OR (l.lvl = 2 AND i.subject_group_id IS NOT NULL AND i.subject_group_id IS NOT i.subject_org_id) OR (l.lvl = 3 AND i.district_id IS NOT i.subject_org_id))
  ON CONFLICT DO UPDATE SET n = n + excluded.n, open = open + excluded.open, repeats = repeats + excluded.repeats;
END;
--> statement-breakpoint
CREATE TRIGGER finding_tallies_delete AFTER DELETE ON findings BEGIN
  INSERT INTO finding_tallies (org_id, grain, round, definition_id, layer, severity, n, open, escalated, repeats)
  SELECT CASE l.lvl WHEN 1 THEN i.subject_org_id WHEN 2 THEN i.subject_group_id ELSE i.district_id END, g.grain, CASE g.grain WHEN 'all' THEN '' ELSE OLD.round END, i.definition_id, OLD.layer, OLD.severity, -1, -1 * (OLD.status = 'open'), -1 * (OLD.escalated_at IS NOT NULL), -1 * OLD.repeat
  FROM instances i, (SELECT 1 AS lvl UNION ALL SELECT 2 UNION ALL SELECT 3) l, (SELECT 'all' AS grain UNION ALL SELECT 'round') g
  WHERE i.id = OLD.instance_id AND (l.lvl = 1 OR (l.lvl = 2 AND i.subject_group_id IS NOT NULL AND i.subject_group_id IS NOT i.subject_org_id) OR (l.lvl = 3 AND i.district_id IS NOT i.subject_org_id))
  ON CONFLICT DO UPDATE SET n = n + excluded.n, open = open + excluded.open, escalated = escalated + excluded.escalated, repeats = repeats + excluded.repeats;
  INSERT INTO finding_school_tallies (org_id, grain, round, definition_id, school_id, n, open, repeats)
  SELECT CASE l.lvl WHEN 1 THEN i.subject_org_id WHEN 2 THEN i.subject_group_id ELSE i.district_id END, g.grain, CASE g.grain WHEN 'all' THEN '' ELSE OLD.round END, i.definition_id, OLD.school_id, -1, -1 * (OLD.status = 'open'), -1 * OLD.repeat
  FROM instances i, (SELECT 1 AS lvl UNION ALL SELECT 2 UNION ALL SELECT 3) l, (SELECT 'all' AS grain UNION ALL SELECT 'round') g
  WHERE i.id = OLD.instance_id AND (l.lvl = 1 OR (l.lvl = 2 AND i.subject_group_id IS NOT NULL AND i.subject_group_id IS NOT i.subject_org_id) OR (l.lvl = 3 AND i.district_id IS NOT i.subject_org_id))
  ON CONFLICT DO UPDATE SET n = n + excluded.n, open = open + excluded.open, repeats = repeats + excluded.repeats;
END;
--> statement-breakpoint
-- An instance moved to another version (migration) or organisation takes its findings' counts along.
CREATE TRIGGER finding_tallies_instance_update AFTER UPDATE OF definition_id, subject_org_id, subject_group_id, district_id ON instances
WHEN OLD.definition_id IS NOT NEW.definition_id OR OLD.subject_org_id IS NOT NEW.subject_org_id OR OLD.subject_group_id IS NOT NEW.subject_group_id OR OLD.district_id IS NOT NEW.district_id
BEGIN
  INSERT INTO finding_tallies (org_id, grain, round, definition_id, layer, severity, n, open, escalated, repeats)
  SELECT CASE l.lvl WHEN 1 THEN OLD.subject_org_id WHEN 2 THEN OLD.subject_group_id ELSE OLD.district_id END, g.grain, CASE g.grain WHEN 'all' THEN '' ELSE f.round END, OLD.definition_id, f.layer, f.severity, -1 * count(*), -1 * sum(f.status = 'open'), -1 * sum(f.escalated_at IS NOT NULL), -1 * sum(f.repeat)
  FROM findings f, (SELECT 1 AS lvl UNION ALL SELECT 2 UNION ALL SELECT 3) l, (SELECT 'all' AS grain UNION ALL SELECT 'round') g
  WHERE f.instance_id = NEW.id AND (l.lvl = 1 OR (l.lvl = 2 AND OLD.subject_group_id IS NOT NULL AND OLD.subject_group_id IS NOT OLD.subject_org_id) OR (l.lvl = 3 AND OLD.district_id IS NOT OLD.subject_org_id))
  GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT DO UPDATE SET n = n + excluded.n, open = open + excluded.open, escalated = escalated + excluded.escalated, repeats = repeats + excluded.repeats;
  INSERT INTO finding_school_tallies (org_id, grain, round, definition_id, school_id, n, open, repeats)
  SELECT CASE l.lvl WHEN 1 THEN OLD.subject_org_id WHEN 2 THEN OLD.subject_group_id ELSE OLD.district_id END, g.grain, CASE g.grain WHEN 'all' THEN '' ELSE f.round END, OLD.definition_id, f.school_id, -1 * count(*), -1 * sum(f.status = 'open'), -1 * sum(f.repeat)
  FROM findings f, (SELECT 1 AS lvl UNION ALL SELECT 2 UNION ALL SELECT 3) l, (SELECT 'all' AS grain UNION ALL SELECT 'round') g
  WHERE f.instance_id = NEW.id AND (l.lvl = 1 OR (l.lvl = 2 AND OLD.subject_group_id IS NOT NULL AND OLD.subject_group_id IS NOT OLD.subject_org_id) OR (l.lvl = 3 AND OLD.district_id IS NOT OLD.subject_org_id))
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT DO UPDATE SET n = n + excluded.n, open = open + excluded.open, repeats = repeats + excluded.repeats;
  INSERT INTO finding_tallies (org_id, grain, round, definition_id, layer, severity, n, open, escalated, repeats)
  SELECT CASE l.lvl WHEN 1 THEN NEW.subject_org_id WHEN 2 THEN NEW.subject_group_id ELSE NEW.district_id END, g.grain, CASE g.grain WHEN 'all' THEN '' ELSE f.round END, NEW.definition_id, f.layer, f.severity, 1 * count(*), 1 * sum(f.status = 'open'), 1 * sum(f.escalated_at IS NOT NULL), 1 * sum(f.repeat)
  FROM findings f, (SELECT 1 AS lvl UNION ALL SELECT 2 UNION ALL SELECT 3) l, (SELECT 'all' AS grain UNION ALL SELECT 'round') g
  WHERE f.instance_id = NEW.id AND (l.lvl = 1 OR (l.lvl = 2 AND NEW.subject_group_id IS NOT NULL AND NEW.subject_group_id IS NOT NEW.subject_org_id) OR (l.lvl = 3 AND NEW.district_id IS NOT NEW.subject_org_id))
  GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT DO UPDATE SET n = n + excluded.n, open = open + excluded.open, escalated = escalated + excluded.escalated, repeats = repeats + excluded.repeats;
  INSERT INTO finding_school_tallies (org_id, grain, round, definition_id, school_id, n, open, repeats)
  SELECT CASE l.lvl WHEN 1 THEN NEW.subject_org_id WHEN 2 THEN NEW.subject_group_id ELSE NEW.district_id END, g.grain, CASE g.grain WHEN 'all' THEN '' ELSE f.round END, NEW.definition_id, f.school_id, 1 * count(*), 1 * sum(f.status = 'open'), 1 * sum(f.repeat)
  FROM findings f, (SELECT 1 AS lvl UNION ALL SELECT 2 UNION ALL SELECT 3) l, (SELECT 'all' AS grain UNION ALL SELECT 'round') g
  WHERE f.instance_id = NEW.id AND (l.lvl = 1 OR (l.lvl = 2 AND NEW.subject_group_id IS NOT NULL AND NEW.subject_group_id IS NOT NEW.subject_org_id) OR (l.lvl = 3 AND NEW.district_id IS NOT NEW.subject_org_id))
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT DO UPDATE SET n = n + excluded.n, open = open + excluded.open, repeats = repeats + excluded.repeats;
END;
--> statement-breakpoint
CREATE TRIGGER period_tallies_insert AFTER INSERT ON instances WHEN NEW.period IS NOT NULL BEGIN
  INSERT INTO period_tallies (definition_id, period, n, last_created_at) SELECT NEW.definition_id, NEW.period, 1, NEW.created_at WHERE NEW.period IS NOT NULL
  ON CONFLICT DO UPDATE SET n = n + 1, last_created_at = max(last_created_at, excluded.last_created_at);
END;
--> statement-breakpoint
CREATE TRIGGER period_tallies_update AFTER UPDATE OF period, definition_id, created_at ON instances
WHEN OLD.period IS NOT NEW.period OR OLD.definition_id IS NOT NEW.definition_id OR OLD.created_at IS NOT NEW.created_at
BEGIN
  UPDATE period_tallies SET n = n - 1, last_created_at = CASE WHEN OLD.created_at < last_created_at THEN last_created_at
    ELSE coalesce((SELECT max(created_at) FROM instances WHERE definition_id = OLD.definition_id AND period = OLD.period), '') END
  WHERE definition_id = OLD.definition_id AND period = OLD.period;
  INSERT INTO period_tallies (definition_id, period, n, last_created_at) SELECT NEW.definition_id, NEW.period, 1, NEW.created_at WHERE NEW.period IS NOT NULL
  ON CONFLICT DO UPDATE SET n = n + 1, last_created_at = max(last_created_at, excluded.last_created_at);
END;
--> statement-breakpoint
CREATE TRIGGER period_tallies_delete AFTER DELETE ON instances WHEN OLD.period IS NOT NULL BEGIN
  UPDATE period_tallies SET n = n - 1, last_created_at = CASE WHEN OLD.created_at < last_created_at THEN last_created_at
    ELSE coalesce((SELECT max(created_at) FROM instances WHERE definition_id = OLD.definition_id AND period = OLD.period), '') END
  WHERE definition_id = OLD.definition_id AND period = OLD.period;
END;
--> statement-breakpoint
-- Campus-entry tallies: entry_tally_fields says where each version keeps what is summed (written at publishing, which also
-- fills the version's existing requests in: features/reports/declare-report-tallies.ts); these keep them as requests change.
CREATE TRIGGER entry_tallies_insert AFTER INSERT ON instances WHEN NEW.period IS NOT NULL AND EXISTS (SELECT 1 FROM entry_tally_fields WHERE definition_id = NEW.definition_id) BEGIN
  INSERT INTO entry_tallies (definition_id, month, kind, org_id, item_code, n, planned, spent)
  SELECT NEW.definition_id, substr(NEW.period, 1, 7), 'all', '', coalesce(json_extract(NEW.data, f.item_path), ''), 1, 1 * coalesce(json_extract(NEW.data, f.planned_path), 0), 1 * coalesce((SELECT sum(coalesce(json_extract(p.value, json_extract(site.value, '$.field')), 0)) FROM json_each(f.spent_sites) site, json_each(NEW.snapshot, json_extract(site.value, '$.parts')) p WHERE json_extract(p.value, '$.status') = 'submitted'), 0)
  FROM entry_tally_fields f WHERE f.definition_id = NEW.definition_id AND NEW.period IS NOT NULL AND coalesce(NEW.outcome, '') NOT IN ('rejected', 'withdrawn', 'merged', 'cancelled')
  ON CONFLICT DO UPDATE SET n = n + excluded.n, planned = planned + excluded.planned, spent = spent + excluded.spent;
  INSERT INTO entry_tallies (definition_id, month, kind, org_id, item_code, n, planned, spent)
  SELECT DISTINCT NEW.definition_id, substr(NEW.period, 1, 7), 'school', o.id, '', 1, 0, 0
  FROM entry_tally_fields f, json_each(json_extract(NEW.data, f.schools_path)) v JOIN organisations o ON o.id = v.value WHERE f.definition_id = NEW.definition_id AND NEW.period IS NOT NULL AND coalesce(NEW.outcome, '') NOT IN ('rejected', 'withdrawn', 'merged', 'cancelled')
  ON CONFLICT DO UPDATE SET n = n + excluded.n, planned = planned + excluded.planned, spent = spent + excluded.spent;
  INSERT INTO entry_tallies (definition_id, month, kind, org_id, item_code, n, planned, spent)
  SELECT DISTINCT NEW.definition_id, substr(NEW.period, 1, 7), 'schoolItem', v.value, coalesce(json_extract(NEW.data, f.item_path), ''), 1, 1 * coalesce(json_extract(NEW.data, f.planned_path), 0), 1 * coalesce((SELECT sum(coalesce(json_extract(p.value, json_extract(site.value, '$.field')), 0)) FROM json_each(f.spent_sites) site, json_each(NEW.snapshot, json_extract(site.value, '$.parts')) p WHERE json_extract(p.value, '$.status') = 'submitted'), 0)
  FROM entry_tally_fields f, json_each(json_extract(NEW.data, f.schools_path)) v WHERE f.definition_id = NEW.definition_id AND NEW.period IS NOT NULL AND coalesce(NEW.outcome, '') NOT IN ('rejected', 'withdrawn', 'merged', 'cancelled')
  ON CONFLICT DO UPDATE SET n = n + excluded.n, planned = planned + excluded.planned, spent = spent + excluded.spent;
  INSERT INTO entry_tallies (definition_id, month, kind, org_id, item_code, n, planned, spent)
  SELECT DISTINCT NEW.definition_id, substr(NEW.period, 1, 7), 'groupItem', o.parent_id, coalesce(json_extract(NEW.data, f.item_path), ''), 1, 1 * coalesce(json_extract(NEW.data, f.planned_path), 0), 1 * coalesce((SELECT sum(coalesce(json_extract(p.value, json_extract(site.value, '$.field')), 0)) FROM json_each(f.spent_sites) site, json_each(NEW.snapshot, json_extract(site.value, '$.parts')) p WHERE json_extract(p.value, '$.status') = 'submitted'), 0)
  FROM entry_tally_fields f, json_each(json_extract(NEW.data, f.schools_path)) v JOIN organisations o ON o.id = v.value WHERE o.parent_id IS NOT NULL AND f.definition_id = NEW.definition_id AND NEW.period IS NOT NULL AND coalesce(NEW.outcome, '') NOT IN ('rejected', 'withdrawn', 'merged', 'cancelled')
  ON CONFLICT DO UPDATE SET n = n + excluded.n, planned = planned + excluded.planned, spent = spent + excluded.spent;
END;
--> statement-breakpoint
CREATE TRIGGER entry_tallies_update AFTER UPDATE OF data, snapshot, outcome, period, definition_id ON instances
WHEN (EXISTS (SELECT 1 FROM entry_tally_fields WHERE definition_id = OLD.definition_id) OR EXISTS (SELECT 1 FROM entry_tally_fields WHERE definition_id = NEW.definition_id))
  AND (OLD.period IS NOT NEW.period OR OLD.outcome IS NOT NEW.outcome OR OLD.definition_id IS NOT NEW.definition_id OR OLD.data IS NOT NEW.data OR OLD.snapshot IS NOT NEW.snapshot)
BEGIN
  INSERT INTO entry_tallies (definition_id, month, kind, org_id, item_code, n, planned, spent)
  SELECT OLD.definition_id, substr(OLD.period, 1, 7), 'all', '', coalesce(json_extract(OLD.data, f.item_path), ''), -1, -1 * coalesce(json_extract(OLD.data, f.planned_path), 0), -1 * coalesce((SELECT sum(coalesce(json_extract(p.value, json_extract(site.value, '$.field')), 0)) FROM json_each(f.spent_sites) site, json_each(OLD.snapshot, json_extract(site.value, '$.parts')) p WHERE json_extract(p.value, '$.status') = 'submitted'), 0)
  FROM entry_tally_fields f WHERE f.definition_id = OLD.definition_id AND OLD.period IS NOT NULL AND coalesce(OLD.outcome, '') NOT IN ('rejected', 'withdrawn', 'merged', 'cancelled')
  ON CONFLICT DO UPDATE SET n = n + excluded.n, planned = planned + excluded.planned, spent = spent + excluded.spent;
  INSERT INTO entry_tallies (definition_id, month, kind, org_id, item_code, n, planned, spent)
  SELECT DISTINCT OLD.definition_id, substr(OLD.period, 1, 7), 'school', o.id, '', -1, 0, 0
  FROM entry_tally_fields f, json_each(json_extract(OLD.data, f.schools_path)) v JOIN organisations o ON o.id = v.value WHERE f.definition_id = OLD.definition_id AND OLD.period IS NOT NULL AND coalesce(OLD.outcome, '') NOT IN ('rejected', 'withdrawn', 'merged', 'cancelled')
  ON CONFLICT DO UPDATE SET n = n + excluded.n, planned = planned + excluded.planned, spent = spent + excluded.spent;
  INSERT INTO entry_tallies (definition_id, month, kind, org_id, item_code, n, planned, spent)
  SELECT DISTINCT OLD.definition_id, substr(OLD.period, 1, 7), 'schoolItem', v.value, coalesce(json_extract(OLD.data, f.item_path), ''), -1, -1 * coalesce(json_extract(OLD.data, f.planned_path), 0), -1 * coalesce((SELECT sum(coalesce(json_extract(p.value, json_extract(site.value, '$.field')), 0)) FROM json_each(f.spent_sites) site, json_each(OLD.snapshot, json_extract(site.value, '$.parts')) p WHERE json_extract(p.value, '$.status') = 'submitted'), 0)
  FROM entry_tally_fields f, json_each(json_extract(OLD.data, f.schools_path)) v WHERE f.definition_id = OLD.definition_id AND OLD.period IS NOT NULL AND coalesce(OLD.outcome, '') NOT IN ('rejected', 'withdrawn', 'merged', 'cancelled')
  ON CONFLICT DO UPDATE SET n = n + excluded.n, planned = planned + excluded.planned, spent = spent + excluded.spent;
  INSERT INTO entry_tallies (definition_id, month, kind, org_id, item_code, n, planned, spent)
  SELECT DISTINCT OLD.definition_id, substr(OLD.period, 1, 7), 'groupItem', o.parent_id, coalesce(json_extract(OLD.data, f.item_path), ''), -1, -1 * coalesce(json_extract(OLD.data, f.planned_path), 0), -1 * coalesce((SELECT sum(coalesce(json_extract(p.value, json_extract(site.value, '$.field')), 0)) FROM json_each(f.spent_sites) site, json_each(OLD.snapshot, json_extract(site.value, '$.parts')) p WHERE json_extract(p.value, '$.status') = 'submitted'), 0)
  FROM entry_tally_fields f, json_each(json_extract(OLD.data, f.schools_path)) v JOIN organisations o ON o.id = v.value WHERE o.parent_id IS NOT NULL AND f.definition_id = OLD.definition_id AND OLD.period IS NOT NULL AND coalesce(OLD.outcome, '') NOT IN ('rejected', 'withdrawn', 'merged', 'cancelled')
  ON CONFLICT DO UPDATE SET n = n + excluded.n, planned = planned + excluded.planned, spent = spent + excluded.spent;
  INSERT INTO entry_tallies (definition_id, month, kind, org_id, item_code, n, planned, spent)
  SELECT NEW.definition_id, substr(NEW.period, 1, 7), 'all', '', coalesce(json_extract(NEW.data, f.item_path), ''), 1, 1 * coalesce(json_extract(NEW.data, f.planned_path), 0), 1 * coalesce((SELECT sum(coalesce(json_extract(p.value, json_extract(site.value, '$.field')), 0)) FROM json_each(f.spent_sites) site, json_each(NEW.snapshot, json_extract(site.value, '$.parts')) p WHERE json_extract(p.value, '$.status') = 'submitted'), 0)
  FROM entry_tally_fields f WHERE f.definition_id = NEW.definition_id AND NEW.period IS NOT NULL AND coalesce(NEW.outcome, '') NOT IN ('rejected', 'withdrawn', 'merged', 'cancelled')
  ON CONFLICT DO UPDATE SET n = n + excluded.n, planned = planned + excluded.planned, spent = spent + excluded.spent;
  INSERT INTO entry_tallies (definition_id, month, kind, org_id, item_code, n, planned, spent)
  SELECT DISTINCT NEW.definition_id, substr(NEW.period, 1, 7), 'school', o.id, '', 1, 0, 0
  FROM entry_tally_fields f, json_each(json_extract(NEW.data, f.schools_path)) v JOIN organisations o ON o.id = v.value WHERE f.definition_id = NEW.definition_id AND NEW.period IS NOT NULL AND coalesce(NEW.outcome, '') NOT IN ('rejected', 'withdrawn', 'merged', 'cancelled')
  ON CONFLICT DO UPDATE SET n = n + excluded.n, planned = planned + excluded.planned, spent = spent + excluded.spent;
  INSERT INTO entry_tallies (definition_id, month, kind, org_id, item_code, n, planned, spent)
  SELECT DISTINCT NEW.definition_id, substr(NEW.period, 1, 7), 'schoolItem', v.value, coalesce(json_extract(NEW.data, f.item_path), ''), 1, 1 * coalesce(json_extract(NEW.data, f.planned_path), 0), 1 * coalesce((SELECT sum(coalesce(json_extract(p.value, json_extract(site.value, '$.field')), 0)) FROM json_each(f.spent_sites) site, json_each(NEW.snapshot, json_extract(site.value, '$.parts')) p WHERE json_extract(p.value, '$.status') = 'submitted'), 0)
  FROM entry_tally_fields f, json_each(json_extract(NEW.data, f.schools_path)) v WHERE f.definition_id = NEW.definition_id AND NEW.period IS NOT NULL AND coalesce(NEW.outcome, '') NOT IN ('rejected', 'withdrawn', 'merged', 'cancelled')
  ON CONFLICT DO UPDATE SET n = n + excluded.n, planned = planned + excluded.planned, spent = spent + excluded.spent;
  INSERT INTO entry_tallies (definition_id, month, kind, org_id, item_code, n, planned, spent)
  SELECT DISTINCT NEW.definition_id, substr(NEW.period, 1, 7), 'groupItem', o.parent_id, coalesce(json_extract(NEW.data, f.item_path), ''), 1, 1 * coalesce(json_extract(NEW.data, f.planned_path), 0), 1 * coalesce((SELECT sum(coalesce(json_extract(p.value, json_extract(site.value, '$.field')), 0)) FROM json_each(f.spent_sites) site, json_each(NEW.snapshot, json_extract(site.value, '$.parts')) p WHERE json_extract(p.value, '$.status') = 'submitted'), 0)
  FROM entry_tally_fields f, json_each(json_extract(NEW.data, f.schools_path)) v JOIN organisations o ON o.id = v.value WHERE o.parent_id IS NOT NULL AND f.definition_id = NEW.definition_id AND NEW.period IS NOT NULL AND coalesce(NEW.outcome, '') NOT IN ('rejected', 'withdrawn', 'merged', 'cancelled')
  ON CONFLICT DO UPDATE SET n = n + excluded.n, planned = planned + excluded.planned, spent = spent + excluded.spent;
END;
--> statement-breakpoint
CREATE TRIGGER entry_tallies_delete AFTER DELETE ON instances WHEN OLD.period IS NOT NULL AND EXISTS (SELECT 1 FROM entry_tally_fields WHERE definition_id = OLD.definition_id) BEGIN
  INSERT INTO entry_tallies (definition_id, month, kind, org_id, item_code, n, planned, spent)
  SELECT OLD.definition_id, substr(OLD.period, 1, 7), 'all', '', coalesce(json_extract(OLD.data, f.item_path), ''), -1, -1 * coalesce(json_extract(OLD.data, f.planned_path), 0), -1 * coalesce((SELECT sum(coalesce(json_extract(p.value, json_extract(site.value, '$.field')), 0)) FROM json_each(f.spent_sites) site, json_each(OLD.snapshot, json_extract(site.value, '$.parts')) p WHERE json_extract(p.value, '$.status') = 'submitted'), 0)
  FROM entry_tally_fields f WHERE f.definition_id = OLD.definition_id AND OLD.period IS NOT NULL AND coalesce(OLD.outcome, '') NOT IN ('rejected', 'withdrawn', 'merged', 'cancelled')
  ON CONFLICT DO UPDATE SET n = n + excluded.n, planned = planned + excluded.planned, spent = spent + excluded.spent;
  INSERT INTO entry_tallies (definition_id, month, kind, org_id, item_code, n, planned, spent)
  SELECT DISTINCT OLD.definition_id, substr(OLD.period, 1, 7), 'school', o.id, '', -1, 0, 0
  FROM entry_tally_fields f, json_each(json_extract(OLD.data, f.schools_path)) v JOIN organisations o ON o.id = v.value WHERE f.definition_id = OLD.definition_id AND OLD.period IS NOT NULL AND coalesce(OLD.outcome, '') NOT IN ('rejected', 'withdrawn', 'merged', 'cancelled')
  ON CONFLICT DO UPDATE SET n = n + excluded.n, planned = planned + excluded.planned, spent = spent + excluded.spent;
  INSERT INTO entry_tallies (definition_id, month, kind, org_id, item_code, n, planned, spent)
  SELECT DISTINCT OLD.definition_id, substr(OLD.period, 1, 7), 'schoolItem', v.value, coalesce(json_extract(OLD.data, f.item_path), ''), -1, -1 * coalesce(json_extract(OLD.data, f.planned_path), 0), -1 * coalesce((SELECT sum(coalesce(json_extract(p.value, json_extract(site.value, '$.field')), 0)) FROM json_each(f.spent_sites) site, json_each(OLD.snapshot, json_extract(site.value, '$.parts')) p WHERE json_extract(p.value, '$.status') = 'submitted'), 0)
  FROM entry_tally_fields f, json_each(json_extract(OLD.data, f.schools_path)) v WHERE f.definition_id = OLD.definition_id AND OLD.period IS NOT NULL AND coalesce(OLD.outcome, '') NOT IN ('rejected', 'withdrawn', 'merged', 'cancelled')
  ON CONFLICT DO UPDATE SET n = n + excluded.n, planned = planned + excluded.planned, spent = spent + excluded.spent;
  INSERT INTO entry_tallies (definition_id, month, kind, org_id, item_code, n, planned, spent)
  SELECT DISTINCT OLD.definition_id, substr(OLD.period, 1, 7), 'groupItem', o.parent_id, coalesce(json_extract(OLD.data, f.item_path), ''), -1, -1 * coalesce(json_extract(OLD.data, f.planned_path), 0), -1 * coalesce((SELECT sum(coalesce(json_extract(p.value, json_extract(site.value, '$.field')), 0)) FROM json_each(f.spent_sites) site, json_each(OLD.snapshot, json_extract(site.value, '$.parts')) p WHERE json_extract(p.value, '$.status') = 'submitted'), 0)
  FROM entry_tally_fields f, json_each(json_extract(OLD.data, f.schools_path)) v JOIN organisations o ON o.id = v.value WHERE o.parent_id IS NOT NULL AND f.definition_id = OLD.definition_id AND OLD.period IS NOT NULL AND coalesce(OLD.outcome, '') NOT IN ('rejected', 'withdrawn', 'merged', 'cancelled')
  ON CONFLICT DO UPDATE SET n = n + excluded.n, planned = planned + excluded.planned, spent = spent + excluded.spent;
END;
--> statement-breakpoint
-- Award tallies: level_tally_fields (written at publishing, with the version's existing instances counted in:
-- features/reports/declare-report-tallies.ts) says where each levelling version keeps its level.
CREATE TRIGGER award_tallies_insert AFTER INSERT ON instances WHEN EXISTS (SELECT 1 FROM level_tally_fields WHERE definition_id = NEW.definition_id) BEGIN
  INSERT INTO award_tallies (org_id, year, definition_id, state, level, n)
  SELECT CASE l.lvl WHEN 1 THEN NEW.subject_org_id WHEN 2 THEN NEW.subject_group_id ELSE NEW.district_id END, substr(NEW.created_at, 1, 4), NEW.definition_id, NEW.state, json_extract(NEW.data, f.level_path), 1
  FROM level_tally_fields f, (SELECT 1 AS lvl UNION ALL SELECT 2 UNION ALL SELECT 3) l
  WHERE f.definition_id = NEW.definition_id AND json_extract(NEW.data, f.level_path) IS NOT NULL AND (l.lvl = 1 OR (l.lvl = 2 AND NEW.subject_group_id IS NOT NULL AND NEW.subject_group_id IS NOT NEW.subject_org_id) OR (l.lvl = 3 AND NEW.district_id IS NOT NEW.subject_org_id))
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER award_tallies_update AFTER UPDATE OF state, data, definition_id, subject_org_id, subject_group_id, district_id, created_at ON instances
WHEN (EXISTS (SELECT 1 FROM level_tally_fields WHERE definition_id = OLD.definition_id) OR EXISTS (SELECT 1 FROM level_tally_fields WHERE definition_id = NEW.definition_id))
  AND (OLD.state IS NOT NEW.state OR OLD.data IS NOT NEW.data OR OLD.definition_id IS NOT NEW.definition_id OR OLD.subject_org_id IS NOT NEW.subject_org_id OR OLD.subject_group_id IS NOT NEW.subject_group_id OR OLD.district_id IS NOT NEW.district_id OR OLD.created_at IS NOT NEW.created_at)
BEGIN
  INSERT INTO award_tallies (org_id, year, definition_id, state, level, n)
  SELECT CASE l.lvl WHEN 1 THEN OLD.subject_org_id WHEN 2 THEN OLD.subject_group_id ELSE OLD.district_id END, substr(OLD.created_at, 1, 4), OLD.definition_id, OLD.state, json_extract(OLD.data, f.level_path), -1
  FROM level_tally_fields f, (SELECT 1 AS lvl UNION ALL SELECT 2 UNION ALL SELECT 3) l
  WHERE f.definition_id = OLD.definition_id AND json_extract(OLD.data, f.level_path) IS NOT NULL AND (l.lvl = 1 OR (l.lvl = 2 AND OLD.subject_group_id IS NOT NULL AND OLD.subject_group_id IS NOT OLD.subject_org_id) OR (l.lvl = 3 AND OLD.district_id IS NOT OLD.subject_org_id))
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO award_tallies (org_id, year, definition_id, state, level, n)
  SELECT CASE l.lvl WHEN 1 THEN NEW.subject_org_id WHEN 2 THEN NEW.subject_group_id ELSE NEW.district_id END, substr(NEW.created_at, 1, 4), NEW.definition_id, NEW.state, json_extract(NEW.data, f.level_path), 1
  FROM level_tally_fields f, (SELECT 1 AS lvl UNION ALL SELECT 2 UNION ALL SELECT 3) l
  WHERE f.definition_id = NEW.definition_id AND json_extract(NEW.data, f.level_path) IS NOT NULL AND (l.lvl = 1 OR (l.lvl = 2 AND NEW.subject_group_id IS NOT NULL AND NEW.subject_group_id IS NOT NEW.subject_org_id) OR (l.lvl = 3 AND NEW.district_id IS NOT NEW.subject_org_id))
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER award_tallies_delete AFTER DELETE ON instances WHEN EXISTS (SELECT 1 FROM level_tally_fields WHERE definition_id = OLD.definition_id) BEGIN
  INSERT INTO award_tallies (org_id, year, definition_id, state, level, n)
  SELECT CASE l.lvl WHEN 1 THEN OLD.subject_org_id WHEN 2 THEN OLD.subject_group_id ELSE OLD.district_id END, substr(OLD.created_at, 1, 4), OLD.definition_id, OLD.state, json_extract(OLD.data, f.level_path), -1
  FROM level_tally_fields f, (SELECT 1 AS lvl UNION ALL SELECT 2 UNION ALL SELECT 3) l
  WHERE f.definition_id = OLD.definition_id AND json_extract(OLD.data, f.level_path) IS NOT NULL AND (l.lvl = 1 OR (l.lvl = 2 AND OLD.subject_group_id IS NOT NULL AND OLD.subject_group_id IS NOT OLD.subject_org_id) OR (l.lvl = 3 AND OLD.district_id IS NOT OLD.subject_org_id))
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
