-- Cache generations without a queue (ADR 0018, issue 14). 0002 bumped a cache_generations row in every writing
-- transaction: that row's lock then made every transaction writing organisations (or users, definitions…) wait
-- for the one before it to end, on every node — and turned two transactions' ordinary row locks into a wait on
-- each other. Now a write marks its own transaction (a transaction-local setting, a new number each write: the
-- transaction reads its own writes under it) and bumps the shared generation once, at commit (a deferred
-- constraint trigger: the row is locked for the commit only). db/generation-cache.ts reads both.
CREATE SEQUENCE cache_generation_writes;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cache_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('eduflow.cache_' || TG_ARGV[0], nextval('cache_generation_writes')::text, true);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION cache_generation_commit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('eduflow.committing_' || TG_ARGV[0], true), '') = '' THEN
    UPDATE cache_generations SET generation = generation + 1 WHERE name = TG_ARGV[0];
    PERFORM set_config('eduflow.committing_' || TG_ARGV[0], 'bumped', true);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER organisations_commit_generation AFTER INSERT OR UPDATE OR DELETE ON organisations DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION cache_generation_commit('organisations');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER calendars_commit_generation AFTER INSERT OR UPDATE OR DELETE ON calendars DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION cache_generation_commit('calendars');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER statutory_years_commit_generation AFTER INSERT OR UPDATE OR DELETE ON statutory_years DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION cache_generation_commit('calendars');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER users_commit_generation AFTER INSERT OR UPDATE OR DELETE ON users DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION cache_generation_commit('people');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER role_grants_commit_generation AFTER INSERT OR UPDATE OR DELETE ON role_grants DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION cache_generation_commit('people');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER delegations_commit_generation AFTER INSERT OR UPDATE OR DELETE ON delegations DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION cache_generation_commit('people');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER definitions_commit_generation AFTER INSERT OR UPDATE OR DELETE ON definitions DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION cache_generation_commit('definitions');
