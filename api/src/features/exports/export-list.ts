import type { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';

import { appendAuditAlone } from '../../audit/append.js';
import type { AppAbility } from '../../auth/ability.js';
import type { TAuthUser } from '../../auth/user.js';
import { organisations } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError, zodFieldErrors } from '../../errors.js';
import { ZAuditQuery } from '../audit/audit.types.js';
import { listAudit } from '../audit/list-audit.js';
import { requirePermission } from '../authorize.js';
import { districtId } from '../calendar/get-calendar.js';
import { ZFindingQuery } from '../findings/findings.types.js';
import { listFindings } from '../findings/list-findings.js';
import { ZInstanceListQuery } from '../instances/instances.types.js';
import { listInstances } from '../instances/list-instances.js';
import { listOrgs } from '../orgs/list-orgs.js';
import { ZOrgQuery } from '../orgs/orgs.types.js';
import { ZOverviewQuery } from '../reports/overview.types.js';
import { overviewReport } from '../reports/overview-report.js';
import { listTasks } from '../tasks/list-tasks.js';
import { listUsers } from '../users/list-users.js';
import { ZUserQuery } from '../users/users.types.js';
import {
  AUDIT_COLUMNS,
  FINDING_COLUMNS,
  INSTANCE_COLUMNS,
  orgColumns,
  OVERVIEW_COLUMNS,
  TASK_COLUMNS,
  type TOverviewRow,
  USER_COLUMNS,
} from './export-columns.js';
import { LIST_TITLE_ZH, type TExportList } from './export-labels.js';
import { reportTable } from './export-reports.js';
import { beijing, keysetPages, type TCut, xlsxStream } from './xlsx-writer.js';

/**
 * Rows per keyset read. Larger than a console page (each read has its fixed cost: the plan, the
 * definitions of its rows), small enough that a read and its rows take a few milliseconds.
 */
const PAGE = 200;

/** The list's own filters, validated as the list validates them; the page size is the export's. */
function filtersOf<S extends z.ZodType>(schema: S, query: Record<string, string>): z.infer<S> {
  const parsed = schema.safeParse({ ...query, limit: undefined, cursor: undefined });
  if (!parsed.success) throw new AppError('VALIDATION', { fieldErrors: zodFieldErrors(parsed.error) });
  return { ...(parsed.data as object), limit: PAGE } as z.infer<S>;
}

/**
 * Any list (with its own filters and the caller's permissions) or the overview report as an Excel
 * file: the same use-cases the console pages call, walked page by page to the end. Exports of the audit
 * log and the user directory are themselves audited reads.
 */
export async function exportList(
  deps: Deps,
  input: { user: TAuthUser; ability: AppAbility; list: TExportList; query: Record<string, string> },
) {
  const { user, ability, query } = input;
  const body = await (async () => {
    const sheet = async <Row>(
      columns: Parameters<typeof xlsxStream<Row>>[0]['columns'],
      pages: AsyncIterable<Row[] | TCut> | Iterable<Row[] | TCut>,
    ) => xlsxStream({ title: await titleOf(deps, input.list), sheetName: LIST_TITLE_ZH[input.list], columns, pages });
    switch (input.list) {
      case 'instances': {
        const filtered = filtersOf(ZInstanceListQuery, query);
        // A creation window without a chosen order is exported newest-created first: walked on the
        // window's own index, the last page ends at the window's edge instead of reading the rest of the
        // district's history by last activity (a 3 s stall at 1M instances, issue 11).
        const q =
          (filtered.from || filtered.to) && !filtered.sort
            ? { ...filtered, sort: 'createdAt' as const, order: 'desc' as const }
            : filtered;
        const page = (cursor?: string) => listInstances(deps, { user, ability, query: { ...q, cursor } });
        return await sheet(INSTANCE_COLUMNS, keysetPages(await page(), page));
      }
      case 'findings': {
        const q = filtersOf(ZFindingQuery, query);
        const page = (cursor?: string) => listFindings(deps, { user, ability, query: { ...q, cursor } });
        return await sheet(FINDING_COLUMNS, keysetPages(await page(), page));
      }
      case 'tasks': {
        const page = (cursor?: string) => listTasks(deps, { user, ability, query: { limit: PAGE, cursor } });
        return await sheet(TASK_COLUMNS, keysetPages(await page(), page));
      }
      case 'audit': {
        const q = filtersOf(ZAuditQuery, query);
        const page = (cursor?: string) => listAudit(deps, { ability, query: { ...q, cursor } });
        return await sheet(AUDIT_COLUMNS, keysetPages(await page(), page));
      }
      case 'users': {
        const q = filtersOf(ZUserQuery, query);
        const page = (cursor?: string) => listUsers(deps, { ability, query: { ...q, cursor } });
        return await sheet(USER_COLUMNS, keysetPages(await page(), page));
      }
      case 'orgs': {
        await requirePermission(deps, user, { action: 'read', type: 'Organisation', auditAction: 'export.orgs' });
        const { items } = await listOrgs(deps, filtersOf(ZOrgQuery, query));
        const names = new Map(
          (await deps.db.select({ id: organisations.id, name: organisations.name }).from(organisations)).map((o) => [
            o.id,
            o.name,
          ]),
        );
        return await sheet(orgColumns(names), [items]);
      }
      case 'overview': {
        const report = await overviewReport(deps, { user, ability, query: filtersOf(ZOverviewQuery, query) });
        const rows: TOverviewRow[] = report.byWorkflow.flatMap((w) =>
          w.byState.map((s) => ({ workflow: w.name['zh-CN'], state: s.stateName['zh-CN'], count: s.count })),
        );
        rows.push(
          { workflow: '合计', state: '待办事项', count: report.openTasks },
          { workflow: '合计', state: '超期待办', count: report.overdueTasks },
        );
        return await sheet(OVERVIEW_COLUMNS, [rows]);
      }
      default: {
        const { columns, rows } = await reportTable(deps, { user, ability, report: input.list, query });
        return await sheet(columns, [rows]);
      }
    }
  })();
  await appendAuditAlone(deps.db, {
    at: deps.clock().toISOString(),
    actor: user,
    action: 'export.xlsx',
    entityType: 'Export',
    entityId: input.list,
    outcome: 'success',
    meta: { query },
  });
  const date = beijing(deps.clock().toISOString()).slice(0, 10);
  return { body, filename: `${LIST_TITLE_ZH[input.list]}-${date}.xlsx` };
}

/** 「<district> <list>（导出时间 …）」, the merged first row the bureau's own spreadsheets carry. */
async function titleOf(deps: Deps, list: TExportList): Promise<string> {
  const id = await districtId(deps);
  const district = id
    ? ((
        await deps.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id)).limit(1)
      )[0]?.name ?? '')
    : '';
  return `${district}${LIST_TITLE_ZH[list]}（导出时间：${beijing(deps.clock().toISOString())}）`;
}
