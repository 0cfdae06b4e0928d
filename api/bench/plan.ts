/**
 * What a run needs to know about its database before the server starts: its size, who fires events on
 * which instance, the ids a bulk start uses, and the window an Excel export of ~100k rows covers.
 */
import { statSync } from 'node:fs';

import Database from 'better-sqlite3';

export const EXPORT_ROWS = 100_000;

export type TEventPick = { instanceId: string; version: number; userId: string; username: string; orgId: string };
export type TPlan = {
  instances: number;
  runningInstances: number;
  auditEvents: number;
  dbBytes: number;
  /** The largest tables and indexes (SQLite's dbstat), biggest first. */
  storage: Array<{ name: string; bytes: number }>;
  /** Principals with a running security-inspection self-check at their own school, one instance each. */
  eventPicks: TEventPick[];
  securityDefinitionId: string;
  inspectorId: string;
  bulkSchoolIds: string[];
  /** Instances created on or after this instant: the newest ~EXPORT_ROWS (all of them in a smaller city). */
  exportFrom: string | null;
  /** The window of the newest ~5,000 instances: the export a restarted server runs once before the measured one. */
  warmExportFrom: string;
};

export function planRun(file: string, candidates = 400): TPlan {
  const c = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const n = (sql: string) => (c.prepare(sql).get() as { n: number }).n;
    const instances = n('select count(*) n from instances');
    const eventPicks = c
      .prepare(
        // One instance per principal (SQLite takes the bare columns from the min() row): ordered by
        // instance alone, a large city's first rows belong to a handful of schools.
        `select min(i.id) instanceId, i.version, rg.user_id userId, u.username, i.subject_org_id orgId
         from instances i
         join definitions d on d.id = i.definition_id and d.key = 'security-inspection'
         join tasks t on t.instance_id = i.id and t.status = 'open' and t.purpose = 'act'
         join task_candidates tc on tc.task_id = t.id and tc.role = 'principal' and tc.org_id = i.subject_org_id
         join role_grants rg on rg.role = 'principal' and rg.org_id = i.subject_org_id
         join users u on u.id = rg.user_id
         where i.state = 'selfCheck' and i.status = 'running'
         group by rg.user_id
         order by rg.user_id limit ?`,
      )
      .all(candidates) as TEventPick[];
    const exportFrom =
      instances > EXPORT_ROWS
        ? (
            c
              .prepare('select created_at at from instances order by created_at desc limit 1 offset ?')
              .get(EXPORT_ROWS - 1) as { at: string }
          ).at
        : null;
    const warmExportFrom = (
      c
        .prepare('select created_at at from instances order by created_at desc limit 1 offset ?')
        .get(Math.min(5_000, instances) - 1) as { at: string }
    ).at;
    return {
      warmExportFrom,
      instances,
      runningInstances: n("select count(*) n from instances where status = 'running'"),
      auditEvents: n('select max(seq) n from audit_events'),
      dbBytes: statSync(file).size,
      storage: c
        .prepare('select name, sum(pgsize) bytes from dbstat group by name order by bytes desc limit 12')
        .all() as Array<{ name: string; bytes: number }>,
      eventPicks,
      securityDefinitionId: (
        c
          .prepare(
            "select id from definitions where key = 'security-inspection' and status = 'published' order by version desc limit 1",
          )
          .get() as { id: string }
      ).id,
      inspectorId: (c.prepare("select id from users where username = 'inspector1'").get() as { id: string }).id,
      bulkSchoolIds: c
        .prepare(
          "select id from organisations where type = 'school' and id like 'bench-school-%' order by id limit 200",
        )
        .pluck()
        .all() as string[],
      exportFrom,
    };
  } finally {
    c.close();
  }
}

/** Rows the bureau's export should hold now (read beside the running server; WAL lets a reader in). */
export function expectedExportRows(file: string, from: string | null): number {
  const c = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const row = from
      ? c.prepare('select count(*) n from instances where created_at >= ?').get(from)
      : c.prepare('select count(*) n from instances').get();
    return (row as { n: number }).n;
  } finally {
    c.close();
  }
}
