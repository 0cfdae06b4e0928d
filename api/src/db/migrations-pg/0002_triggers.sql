-- SQLite's triggers on PostgreSQL (issue 14, ADR 0028), same names, same counts, same messages:
-- 0001 audit append-only · 0017 dashboard tallies · 0018 open candidates · 0021/0024 cache generations ·
-- 0023 report tallies. SQLite repeats each tally's SQL for OLD and NEW; here one function per tally adds an
-- instance's (or task's, finding's) contribution with a sign, and each trigger calls it for OLD (-1) and NEW (+1).
-- PostgreSQL differs in: WHEN may hold no subquery (the "is this version declared" checks are in the functions),
-- json has no `=` (compared as text, as SQLite compares it), an upsert names its key and may not touch a row twice
-- (the rows are grouped first: the same sums).

-- The report tallies' stored JSON paths are `$.a.b` of identifiers (features/reports/declare-report-tallies.ts).
CREATE FUNCTION eduflow_json_path(path text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT string_to_array(substr(path, 3), '.')
$$;
--> statement-breakpoint
-- SQLite's arithmetic on a json_extract value: a number, or a string holding one; anything else is 0.
CREATE FUNCTION eduflow_json_number(value text) RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN value ~ '^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$' THEN value::double precision ELSE 0 END
$$;
--> statement-breakpoint
-- json_each over what is not an array: nothing (json_array_elements would fail the writer's statement).
CREATE FUNCTION eduflow_json_array(value json) RETURNS json LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN json_typeof(value) = 'array' THEN value END
$$;
--> statement-breakpoint
-- The members of a JSON array or the values of a JSON object, as SQLite's json_each walks either (a step's
-- parts are an object keyed by party); nothing for anything else.
CREATE FUNCTION eduflow_json_members(value json) RETURNS SETOF json LANGUAGE sql IMMUTABLE AS $$
  SELECT e FROM json_array_elements(CASE WHEN json_typeof(value) = 'array' THEN value END) e
  UNION ALL
  SELECT m.value FROM json_each(CASE WHEN json_typeof(value) = 'object' THEN value END) m
$$;
--> statement-breakpoint
-- Where an instance counts: its subject, its subject's group (when another organisation), its district (when another).
CREATE FUNCTION tally_orgs(subject_org_id text, subject_group_id text, district_id text) RETURNS SETOF text LANGUAGE sql IMMUTABLE AS $$
  SELECT subject_org_id
  UNION ALL SELECT subject_group_id WHERE subject_group_id IS NOT NULL AND subject_group_id IS DISTINCT FROM subject_org_id
  UNION ALL SELECT district_id WHERE district_id IS DISTINCT FROM subject_org_id
$$;
--> statement-breakpoint
-- The periods an ISO instant falls in, at each grain ('all' has the one period '').
CREATE FUNCTION tally_periods(instant text) RETURNS TABLE (grain text, period text) LANGUAGE sql IMMUTABLE AS $$
  VALUES ('all', ''), ('year', substr(instant, 1, 4)), ('month', substr(instant, 1, 7)), ('day', substr(instant, 1, 10))
$$;
--> statement-breakpoint

-- 0001: the audit log is append-only (the DELETE refusal is replaced at start-up by the retention rule, audit/retention.ts).
CREATE FUNCTION audit_events_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_refuse();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_refuse();
--> statement-breakpoint
-- PostgreSQL's TRUNCATE passes row triggers by: refused too.
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse();
--> statement-breakpoint

-- 0017: instances by organisation, creation period, version and state.
CREATE FUNCTION instance_tallies_add(r instances, d bigint) RETURNS void LANGUAGE sql AS $$
  INSERT INTO instance_tallies (org_id, grain, period, definition_id, state, n)
  SELECT o.org_id, p.grain, p.period, r.definition_id, r.state, d * count(*)
  FROM tally_orgs(r.subject_org_id, r.subject_group_id, r.district_id) o (org_id), tally_periods(r.created_at) p
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (org_id, grain, period, definition_id, state) DO UPDATE SET n = instance_tallies.n + excluded.n
$$;
--> statement-breakpoint
-- 0017: an open task by its instance's organisation, creation period and version, and by its due period; `r` is
-- the instance as counted (a moved instance takes its open tasks along).
CREATE FUNCTION open_task_tallies_add(r instances, due_at text, d bigint) RETURNS void LANGUAGE sql AS $$
  INSERT INTO open_task_tallies (org_id, created_grain, created_period, due_grain, due_period, definition_id, n)
  SELECT o.org_id, c.grain, c.period, g.grain, g.period, r.definition_id, d * count(*)
  FROM tally_orgs(r.subject_org_id, r.subject_group_id, r.district_id) o (org_id), tally_periods(r.created_at) c, tally_periods(due_at) g
  WHERE g.grain = 'all' OR due_at IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (org_id, created_grain, created_period, due_grain, due_period, definition_id) DO UPDATE SET n = open_task_tallies.n + excluded.n
$$;
--> statement-breakpoint
CREATE FUNCTION instance_tallies_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  t record;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM instance_tallies_add(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM instance_tallies_add(NEW, 1); END IF;
  -- Moved to another version, organisation or creation date: its open tasks' counts move along.
  IF TG_OP = 'UPDATE' AND (OLD.definition_id IS DISTINCT FROM NEW.definition_id OR OLD.subject_org_id IS DISTINCT FROM NEW.subject_org_id
      OR OLD.subject_group_id IS DISTINCT FROM NEW.subject_group_id OR OLD.district_id IS DISTINCT FROM NEW.district_id OR OLD.created_at IS DISTINCT FROM NEW.created_at) THEN
    FOR t IN SELECT tasks.due_at FROM tasks WHERE tasks.instance_id = NEW.id AND tasks.status = 'open' LOOP
      PERFORM open_task_tallies_add(OLD, t.due_at, -1);
      PERFORM open_task_tallies_add(NEW, t.due_at, 1);
    END LOOP;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER instance_tallies_insert AFTER INSERT ON instances FOR EACH ROW EXECUTE FUNCTION instance_tallies_trigger();
--> statement-breakpoint
CREATE TRIGGER instance_tallies_update AFTER UPDATE OF state, definition_id, subject_org_id, subject_group_id, district_id, created_at ON instances FOR EACH ROW
WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.definition_id IS DISTINCT FROM NEW.definition_id OR OLD.subject_org_id IS DISTINCT FROM NEW.subject_org_id
  OR OLD.subject_group_id IS DISTINCT FROM NEW.subject_group_id OR OLD.district_id IS DISTINCT FROM NEW.district_id OR OLD.created_at IS DISTINCT FROM NEW.created_at)
EXECUTE FUNCTION instance_tallies_trigger();
--> statement-breakpoint
CREATE TRIGGER instance_tallies_delete AFTER DELETE ON instances FOR EACH ROW EXECUTE FUNCTION instance_tallies_trigger();
--> statement-breakpoint
CREATE FUNCTION open_task_tallies_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  i instances;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'open' THEN
    SELECT * INTO i FROM instances WHERE instances.id = OLD.instance_id;
    IF FOUND THEN PERFORM open_task_tallies_add(i, OLD.due_at, -1); END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'open' THEN
    SELECT * INTO i FROM instances WHERE instances.id = NEW.instance_id;
    IF FOUND THEN PERFORM open_task_tallies_add(i, NEW.due_at, 1); END IF;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER open_task_tallies_insert AFTER INSERT ON tasks FOR EACH ROW WHEN (NEW.status = 'open' AND NEW.instance_id IS NOT NULL)
EXECUTE FUNCTION open_task_tallies_trigger();
--> statement-breakpoint
CREATE TRIGGER open_task_tallies_update AFTER UPDATE OF status, due_at, instance_id ON tasks FOR EACH ROW
WHEN ((OLD.status = 'open' OR NEW.status = 'open') AND (OLD.status IS DISTINCT FROM NEW.status OR OLD.due_at IS DISTINCT FROM NEW.due_at OR OLD.instance_id IS DISTINCT FROM NEW.instance_id))
EXECUTE FUNCTION open_task_tallies_trigger();
--> statement-breakpoint
CREATE TRIGGER open_task_tallies_delete AFTER DELETE ON tasks FOR EACH ROW WHEN (OLD.status = 'open' AND OLD.instance_id IS NOT NULL)
EXECUTE FUNCTION open_task_tallies_trigger();
--> statement-breakpoint

-- 0018: a task's candidate rows follow whether it is open.
CREATE FUNCTION task_candidates_follow_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE task_candidates SET open = (NEW.status = 'open') WHERE task_candidates.task_id = NEW.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER task_candidates_follow_status AFTER UPDATE OF status ON tasks FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
EXECUTE FUNCTION task_candidates_follow_status();
--> statement-breakpoint

-- 0021, 0024: every write to a row a process caches by generation bumps that kind's generation (db/generation-cache.ts).
INSERT INTO cache_generations (name, generation) VALUES ('organisations', 0), ('calendars', 0), ('people', 0), ('definitions', 0)
ON CONFLICT (name) DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION cache_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cache_generations SET generation = generation + 1 WHERE name = TG_ARGV[0];
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER organisations_insert_generation AFTER INSERT ON organisations FOR EACH ROW EXECUTE FUNCTION cache_generation_bump('organisations');
--> statement-breakpoint
CREATE TRIGGER organisations_update_generation AFTER UPDATE ON organisations FOR EACH ROW EXECUTE FUNCTION cache_generation_bump('organisations');
--> statement-breakpoint
CREATE TRIGGER organisations_delete_generation AFTER DELETE ON organisations FOR EACH ROW EXECUTE FUNCTION cache_generation_bump('organisations');
--> statement-breakpoint
CREATE TRIGGER calendars_insert_generation AFTER INSERT ON calendars FOR EACH ROW EXECUTE FUNCTION cache_generation_bump('calendars');
--> statement-breakpoint
CREATE TRIGGER calendars_update_generation AFTER UPDATE ON calendars FOR EACH ROW EXECUTE FUNCTION cache_generation_bump('calendars');
--> statement-breakpoint
CREATE TRIGGER calendars_delete_generation AFTER DELETE ON calendars FOR EACH ROW EXECUTE FUNCTION cache_generation_bump('calendars');
--> statement-breakpoint
CREATE TRIGGER statutory_years_insert_generation AFTER INSERT ON statutory_years FOR EACH ROW EXECUTE FUNCTION cache_generation_bump('calendars');
--> statement-breakpoint
CREATE TRIGGER statutory_years_update_generation AFTER UPDATE ON statutory_years FOR EACH ROW EXECUTE FUNCTION cache_generation_bump('calendars');
--> statement-breakpoint
CREATE TRIGGER statutory_years_delete_generation AFTER DELETE ON statutory_years FOR EACH ROW EXECUTE FUNCTION cache_generation_bump('calendars');
--> statement-breakpoint
CREATE TRIGGER users_insert_generation AFTER INSERT ON users FOR EACH ROW EXECUTE FUNCTION cache_generation_bump('people');
--> statement-breakpoint
CREATE TRIGGER users_update_generation AFTER UPDATE ON users FOR EACH ROW EXECUTE FUNCTION cache_generation_bump('people');
--> statement-breakpoint
CREATE TRIGGER users_delete_generation AFTER DELETE ON users FOR EACH ROW EXECUTE FUNCTION cache_generation_bump('people');
--> statement-breakpoint
CREATE TRIGGER role_grants_insert_generation AFTER INSERT ON role_grants FOR EACH ROW EXECUTE FUNCTION cache_generation_bump('people');
--> statement-breakpoint
CREATE TRIGGER role_grants_update_generation AFTER UPDATE ON role_grants FOR EACH ROW EXECUTE FUNCTION cache_generation_bump('people');
--> statement-breakpoint
CREATE TRIGGER role_grants_delete_generation AFTER DELETE ON role_grants FOR EACH ROW EXECUTE FUNCTION cache_generation_bump('people');
--> statement-breakpoint
CREATE TRIGGER delegations_insert_generation AFTER INSERT ON delegations FOR EACH ROW EXECUTE FUNCTION cache_generation_bump('people');
--> statement-breakpoint
CREATE TRIGGER delegations_update_generation AFTER UPDATE ON delegations FOR EACH ROW EXECUTE FUNCTION cache_generation_bump('people');
--> statement-breakpoint
CREATE TRIGGER delegations_delete_generation AFTER DELETE ON delegations FOR EACH ROW EXECUTE FUNCTION cache_generation_bump('people');
--> statement-breakpoint
CREATE TRIGGER definitions_insert_generation AFTER INSERT ON definitions FOR EACH ROW EXECUTE FUNCTION cache_generation_bump('definitions');
--> statement-breakpoint
CREATE TRIGGER definitions_update_generation AFTER UPDATE ON definitions FOR EACH ROW EXECUTE FUNCTION cache_generation_bump('definitions');
--> statement-breakpoint
CREATE TRIGGER definitions_delete_generation AFTER DELETE ON definitions FOR EACH ROW EXECUTE FUNCTION cache_generation_bump('definitions');
--> statement-breakpoint

-- 0023: the security report's findings by organisation, round, layer, severity (and school), `r` the finding's
-- instance as counted: one finding, or all of an instance's (a moved instance takes them along).
CREATE FUNCTION finding_tallies_add(r instances, only_finding findings, d bigint) RETURNS void LANGUAGE sql AS $$
  INSERT INTO finding_tallies (org_id, grain, round, definition_id, layer, severity, n, open, escalated, repeats)
  SELECT o.org_id, g.grain, g.round, r.definition_id, f.layer, f.severity, d * count(*), d * count(*) FILTER (WHERE f.status = 'open'),
    d * count(*) FILTER (WHERE f.escalated_at IS NOT NULL), d * count(*) FILTER (WHERE f.repeat)
  FROM (SELECT (only_finding).* WHERE NOT (only_finding IS NULL) UNION ALL SELECT * FROM findings WHERE only_finding IS NULL AND findings.instance_id = r.id) f,
    tally_orgs(r.subject_org_id, r.subject_group_id, r.district_id) o (org_id), LATERAL (VALUES ('all', ''), ('round', f.round)) g (grain, round)
  GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (org_id, grain, round, definition_id, layer, severity) DO UPDATE SET n = finding_tallies.n + excluded.n,
    open = finding_tallies.open + excluded.open, escalated = finding_tallies.escalated + excluded.escalated, repeats = finding_tallies.repeats + excluded.repeats;
  INSERT INTO finding_school_tallies (org_id, grain, round, definition_id, school_id, n, open, repeats)
  SELECT o.org_id, g.grain, g.round, r.definition_id, f.school_id, d * count(*), d * count(*) FILTER (WHERE f.status = 'open'), d * count(*) FILTER (WHERE f.repeat)
  FROM (SELECT (only_finding).* WHERE NOT (only_finding IS NULL) UNION ALL SELECT * FROM findings WHERE only_finding IS NULL AND findings.instance_id = r.id) f,
    tally_orgs(r.subject_org_id, r.subject_group_id, r.district_id) o (org_id), LATERAL (VALUES ('all', ''), ('round', f.round)) g (grain, round)
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (org_id, grain, round, definition_id, school_id) DO UPDATE SET n = finding_school_tallies.n + excluded.n,
    open = finding_school_tallies.open + excluded.open, repeats = finding_school_tallies.repeats + excluded.repeats
$$;
--> statement-breakpoint
CREATE FUNCTION finding_tallies_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  i instances;
BEGIN
  IF TG_TABLE_NAME = 'instances' THEN
    PERFORM finding_tallies_add(OLD, NULL, -1);
    PERFORM finding_tallies_add(NEW, NULL, 1);
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT * INTO i FROM instances WHERE instances.id = OLD.instance_id;
    IF FOUND THEN PERFORM finding_tallies_add(i, OLD, -1); END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT * INTO i FROM instances WHERE instances.id = NEW.instance_id;
    IF FOUND THEN PERFORM finding_tallies_add(i, NEW, 1); END IF;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER finding_tallies_insert AFTER INSERT ON findings FOR EACH ROW EXECUTE FUNCTION finding_tallies_trigger();
--> statement-breakpoint
CREATE TRIGGER finding_tallies_update AFTER UPDATE OF instance_id, school_id, round, layer, severity, status, escalated_at, repeat ON findings FOR EACH ROW
WHEN (OLD.instance_id IS DISTINCT FROM NEW.instance_id OR OLD.school_id IS DISTINCT FROM NEW.school_id OR OLD.round IS DISTINCT FROM NEW.round
  OR OLD.layer IS DISTINCT FROM NEW.layer OR OLD.severity IS DISTINCT FROM NEW.severity OR OLD.status IS DISTINCT FROM NEW.status
  OR (OLD.escalated_at IS NULL) IS DISTINCT FROM (NEW.escalated_at IS NULL) OR OLD.repeat IS DISTINCT FROM NEW.repeat)
EXECUTE FUNCTION finding_tallies_trigger();
--> statement-breakpoint
CREATE TRIGGER finding_tallies_delete AFTER DELETE ON findings FOR EACH ROW EXECUTE FUNCTION finding_tallies_trigger();
--> statement-breakpoint
-- An instance moved to another version (migration) or organisation takes its findings' counts along.
CREATE TRIGGER finding_tallies_instance_update AFTER UPDATE OF definition_id, subject_org_id, subject_group_id, district_id ON instances FOR EACH ROW
WHEN (OLD.definition_id IS DISTINCT FROM NEW.definition_id OR OLD.subject_org_id IS DISTINCT FROM NEW.subject_org_id
  OR OLD.subject_group_id IS DISTINCT FROM NEW.subject_group_id OR OLD.district_id IS DISTINCT FROM NEW.district_id)
EXECUTE FUNCTION finding_tallies_trigger();
--> statement-breakpoint

-- 0023: each version's reporting periods, with the newest creation in each.
CREATE FUNCTION period_tallies_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE period_tallies SET n = period_tallies.n - 1, last_created_at = CASE WHEN OLD.created_at COLLATE "C" < period_tallies.last_created_at THEN period_tallies.last_created_at
      ELSE coalesce((SELECT max(instances.created_at COLLATE "C") FROM instances WHERE instances.definition_id = OLD.definition_id AND instances.period = OLD.period), '') END
    WHERE period_tallies.definition_id = OLD.definition_id AND period_tallies.period = OLD.period;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.period IS NOT NULL THEN
    INSERT INTO period_tallies (definition_id, period, n, last_created_at) VALUES (NEW.definition_id, NEW.period, 1, NEW.created_at)
    ON CONFLICT (definition_id, period) DO UPDATE SET n = period_tallies.n + 1,
      last_created_at = greatest(period_tallies.last_created_at COLLATE "C", excluded.last_created_at);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER period_tallies_insert AFTER INSERT ON instances FOR EACH ROW WHEN (NEW.period IS NOT NULL) EXECUTE FUNCTION period_tallies_trigger();
--> statement-breakpoint
CREATE TRIGGER period_tallies_update AFTER UPDATE OF period, definition_id, created_at ON instances FOR EACH ROW
WHEN (OLD.period IS DISTINCT FROM NEW.period OR OLD.definition_id IS DISTINCT FROM NEW.definition_id OR OLD.created_at IS DISTINCT FROM NEW.created_at)
EXECUTE FUNCTION period_tallies_trigger();
--> statement-breakpoint
CREATE TRIGGER period_tallies_delete AFTER DELETE ON instances FOR EACH ROW WHEN (OLD.period IS NOT NULL) EXECUTE FUNCTION period_tallies_trigger();
--> statement-breakpoint

-- 0023: campus-entry requests by month, school, item and group, where entry_tally_fields says each declared
-- version keeps its figures (written at publishing with the version's existing requests counted in:
-- features/reports/declare-report-tallies.ts, whose backfill counts the same way).
CREATE FUNCTION entry_tallies_add(r instances, d bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  f entry_tally_fields;
  v_month text;
  v_item text;
  v_planned double precision;
  v_spent double precision;
  v_schools json;
BEGIN
  IF r.period IS NULL OR coalesce(r.outcome, '') IN ('rejected', 'withdrawn', 'merged', 'cancelled') THEN RETURN; END IF;
  SELECT * INTO f FROM entry_tally_fields WHERE entry_tally_fields.definition_id = r.definition_id;
  IF NOT FOUND THEN RETURN; END IF;
  v_month := substr(r.period, 1, 7);
  v_item := coalesce(r.data #>> eduflow_json_path(f.item_path), '');
  v_planned := coalesce(eduflow_json_number(r.data #>> eduflow_json_path(f.planned_path)), 0);
  v_spent := coalesce((SELECT sum(eduflow_json_number(p.value #>> eduflow_json_path(site.value ->> 'field')))
    FROM json_array_elements(f.spent_sites::json) site, eduflow_json_members(r.snapshot #> eduflow_json_path(site.value ->> 'parts')) p(value)
    WHERE p.value ->> 'status' = 'submitted'), 0);
  v_schools := eduflow_json_array(r.data #> eduflow_json_path(f.schools_path));
  INSERT INTO entry_tallies (definition_id, month, kind, org_id, item_code, n, planned, spent)
  SELECT r.definition_id, v_month, 'all', '', v_item, d, d * v_planned, d * v_spent
  UNION ALL
  SELECT * FROM (SELECT DISTINCT r.definition_id, v_month, 'school', o.id, '', d, 0::double precision, 0::double precision
    FROM json_array_elements_text(v_schools) s JOIN organisations o ON o.id = s.value) school
  UNION ALL
  SELECT * FROM (SELECT DISTINCT r.definition_id, v_month, 'schoolItem', s.value, v_item, d, d * v_planned, d * v_spent
    FROM json_array_elements_text(v_schools) s) school_item
  UNION ALL
  SELECT * FROM (SELECT DISTINCT r.definition_id, v_month, 'groupItem', o.parent_id, v_item, d, d * v_planned, d * v_spent
    FROM json_array_elements_text(v_schools) s JOIN organisations o ON o.id = s.value WHERE o.parent_id IS NOT NULL) group_item
  ON CONFLICT (definition_id, month, kind, org_id, item_code) DO UPDATE SET n = entry_tallies.n + excluded.n,
    planned = entry_tallies.planned + excluded.planned, spent = entry_tallies.spent + excluded.spent;
END
$$;
--> statement-breakpoint
CREATE FUNCTION entry_tallies_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM entry_tallies_add(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM entry_tallies_add(NEW, 1); END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER entry_tallies_insert AFTER INSERT ON instances FOR EACH ROW WHEN (NEW.period IS NOT NULL) EXECUTE FUNCTION entry_tallies_trigger();
--> statement-breakpoint
CREATE TRIGGER entry_tallies_update AFTER UPDATE OF data, snapshot, outcome, period, definition_id ON instances FOR EACH ROW
WHEN (OLD.period IS DISTINCT FROM NEW.period OR OLD.outcome IS DISTINCT FROM NEW.outcome OR OLD.definition_id IS DISTINCT FROM NEW.definition_id
  OR OLD.data::text IS DISTINCT FROM NEW.data::text OR OLD.snapshot::text IS DISTINCT FROM NEW.snapshot::text)
EXECUTE FUNCTION entry_tallies_trigger();
--> statement-breakpoint
CREATE TRIGGER entry_tallies_delete AFTER DELETE ON instances FOR EACH ROW WHEN (OLD.period IS NOT NULL) EXECUTE FUNCTION entry_tallies_trigger();
--> statement-breakpoint

-- 0023: levelled instances by organisation, year, version, state and level (level_tally_fields says where each
-- levelling version keeps its level).
CREATE FUNCTION award_tallies_add(r instances, d bigint) RETURNS void LANGUAGE sql AS $$
  INSERT INTO award_tallies (org_id, year, definition_id, state, level, n)
  SELECT o.org_id, substr(r.created_at, 1, 4), r.definition_id, r.state, r.data #>> eduflow_json_path(f.level_path), d * count(*)
  FROM level_tally_fields f, tally_orgs(r.subject_org_id, r.subject_group_id, r.district_id) o (org_id)
  WHERE f.definition_id = r.definition_id AND r.data #>> eduflow_json_path(f.level_path) IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (org_id, year, definition_id, state, level) DO UPDATE SET n = award_tallies.n + excluded.n
$$;
--> statement-breakpoint
CREATE FUNCTION award_tallies_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM award_tallies_add(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM award_tallies_add(NEW, 1); END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER award_tallies_insert AFTER INSERT ON instances FOR EACH ROW EXECUTE FUNCTION award_tallies_trigger();
--> statement-breakpoint
CREATE TRIGGER award_tallies_update AFTER UPDATE OF state, data, definition_id, subject_org_id, subject_group_id, district_id, created_at ON instances FOR EACH ROW
WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.data::text IS DISTINCT FROM NEW.data::text OR OLD.definition_id IS DISTINCT FROM NEW.definition_id
  OR OLD.subject_org_id IS DISTINCT FROM NEW.subject_org_id OR OLD.subject_group_id IS DISTINCT FROM NEW.subject_group_id
  OR OLD.district_id IS DISTINCT FROM NEW.district_id OR OLD.created_at IS DISTINCT FROM NEW.created_at)
EXECUTE FUNCTION award_tallies_trigger();
--> statement-breakpoint
CREATE TRIGGER award_tallies_delete AFTER DELETE ON instances FOR EACH ROW EXECUTE FUNCTION award_tallies_trigger();
--> statement-breakpoint

-- Counted afresh from the rows already there (none on a new database): the tallies were not kept before.
DELETE FROM instance_tallies;
--> statement-breakpoint
DELETE FROM open_task_tallies;
--> statement-breakpoint
DELETE FROM finding_tallies;
--> statement-breakpoint
DELETE FROM finding_school_tallies;
--> statement-breakpoint
DELETE FROM period_tallies;
--> statement-breakpoint
DELETE FROM entry_tallies;
--> statement-breakpoint
DELETE FROM award_tallies;
--> statement-breakpoint
SELECT instance_tallies_add(i, 1), entry_tallies_add(i, 1), award_tallies_add(i, 1), finding_tallies_add(i, NULL, 1) FROM instances i;
--> statement-breakpoint
SELECT open_task_tallies_add(i, t.due_at, 1) FROM tasks t JOIN instances i ON i.id = t.instance_id WHERE t.status = 'open';
--> statement-breakpoint
INSERT INTO period_tallies (definition_id, period, n, last_created_at)
SELECT definition_id, period, count(*), max(created_at COLLATE "C") FROM instances WHERE period IS NOT NULL GROUP BY 1, 2;
--> statement-breakpoint
UPDATE task_candidates SET open = false WHERE open AND task_id IN (SELECT id FROM tasks WHERE status <> 'open');
