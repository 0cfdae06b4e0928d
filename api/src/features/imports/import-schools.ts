import { appendAudit } from '../../audit/append.js';
import type { TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import { organisations } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { authorize } from '../authorize.js';
import { createOrganisation } from '../orgs/create-organisation.js';
import type { TImportError, TImportResult } from './imports.types.js';
import { columnOf, type TTable } from './read-table.js';

const err = (row: number, field: string, zh: string, en: string): TImportError => ({
  row,
  field,
  message: { 'zh-CN': zh, en },
});

/**
 * Schools from a sheet with columns 学校名称 / 所属集团 (name or code) / 简称 / 代码. Every row is checked
 * first; one bad row and nothing is written. A school already under that group is skipped, so the
 * same file can be imported twice.
 */
export async function importSchools(
  deps: Deps,
  input: { actor: TAuthUser; table: TTable; dryRun: boolean },
): Promise<TImportResult> {
  const { table } = input;
  const col = {
    name: columnOf(table.headers, ['学校名称', '名称', 'name']),
    group: columnOf(table.headers, ['所属集团', '集团', 'group']),
    shortName: columnOf(table.headers, ['简称', 'shortname']),
    code: columnOf(table.headers, ['代码', '学校代码', 'code']),
  };
  return await txOrThrow(deps.db, async () => {
    const denied = await authorize(deps, input.actor, {
      action: 'create',
      type: 'Organisation',
      auditAction: 'import.schools',
    });
    if (denied) return denied;
    const errors: TImportError[] = [];
    if (col.name < 0) errors.push(err(1, 'name', '缺少“学校名称”列', 'Missing the “学校名称” (name) column'));
    if (col.group < 0) errors.push(err(1, 'group', '缺少“所属集团”列', 'Missing the “所属集团” (group) column'));
    if (errors.length) return { dryRun: input.dryRun, created: 0, skipped: 0, errors };

    const all = await deps.db.select().from(organisations);
    const groups = all.filter((o) => o.type === 'group');
    const codes = new Map(all.filter((o) => o.code).map((o) => [o.code, o.name]));
    const seen = new Set<string>();
    const toCreate: Array<{ name: string; parentId: string; shortName?: string; code?: string }> = [];
    let skipped = 0;
    for (const { row, cells } of table.rows) {
      const name = cells[col.name] ?? '';
      const groupRef = cells[col.group] ?? '';
      const shortName = col.shortName >= 0 ? cells[col.shortName] || undefined : undefined;
      const code = col.code >= 0 ? cells[col.code] || undefined : undefined;
      if (!name) errors.push(err(row, 'name', '学校名称不能为空', 'The school name is empty'));
      else if (name.length > 100) errors.push(err(row, 'name', '学校名称不能超过 100 字', 'At most 100 characters'));
      const group = groups.find((g) => g.name === groupRef || (g.code !== null && g.code === groupRef));
      if (!group)
        errors.push(
          err(
            row,
            'group',
            `找不到集团“${groupRef}”（填写集团全称或代码）`,
            `No group “${groupRef}” (use its full name or code)`,
          ),
        );
      if (!name || !group) continue;
      const key = `${group.id}\u0000${name}`;
      if (seen.has(key)) {
        errors.push(err(row, 'name', `“${name}”在文件中重复`, `“${name}” appears twice in the file`));
        continue;
      }
      seen.add(key);
      if (all.some((o) => o.type === 'school' && o.parentId === group.id && o.name === name)) {
        skipped += 1;
        continue;
      }
      if (code && codes.has(code)) {
        errors.push(
          err(
            row,
            'code',
            `代码 ${code} 已被“${codes.get(code)}”使用`,
            `Code ${code} is already used by “${codes.get(code)}”`,
          ),
        );
        continue;
      }
      if (code) codes.set(code, name);
      toCreate.push({ name, parentId: group.id, shortName, code });
    }
    if (errors.length || input.dryRun)
      return { dryRun: input.dryRun, created: errors.length ? 0 : toCreate.length, skipped, errors };
    // Each school through the same use-case as the console (nested savepoints, one audit event each).
    for (const school of toCreate) await createOrganisation(deps, { actor: input.actor, type: 'school', ...school });
    await appendAudit(deps.db, {
      at: deps.clock().toISOString(),
      actor: input.actor,
      action: 'import.schools',
      entityType: 'Organisation',
      entityId: null,
      outcome: 'success',
      meta: { created: toCreate.length, skipped },
    });
    return { dryRun: false, created: toCreate.length, skipped, errors };
  });
}
