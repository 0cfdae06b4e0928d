import { subject } from '@casl/ability';
import { and, eq } from 'drizzle-orm';

import { appendAudit } from '../../audit/append.js';
import type { TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import { organisations, type TOrganisationRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { authorize } from '../authorize.js';
import { ALLOWED_PARENTS } from './create-organisation.js';
import { orgPath } from './org-path.js';
import type { TUpdateOrganisation } from './orgs.types.js';

const invalid = (field: string, zh: string, en: string) =>
  new AppError('VALIDATION', { status: 422, fieldErrors: { [field]: { 'zh-CN': zh, en } } });

/**
 * Renames or moves an organisation (a school to another group, say), refusing a stale version. Its type
 * is fixed: turning a school into a group would orphan its instances' routing. Instances already
 * started keep the group they were filed under; new ones follow the move.
 */
export async function updateOrganisation(
  deps: Deps,
  input: TUpdateOrganisation & { id: string; actor: TAuthUser },
): Promise<TOrganisationRow> {
  const { actor } = input;
  return await txOrThrow(deps.db, async () => {
    const row = (await deps.db.select().from(organisations).where(eq(organisations.id, input.id)).limit(1))[0];
    if (!row) return new AppError('NOT_FOUND');
    const denied = await authorize(deps, actor, {
      action: 'update',
      type: 'Organisation',
      target: subject('Organisation', { id: row.id }),
      entityId: row.id,
      auditAction: 'organisation.update',
    });
    if (denied) return denied;
    if (row.version !== input.expectedVersion) return new AppError('VERSION_CONFLICT');
    if (input.type !== undefined && input.type !== row.type)
      return invalid('type', '单位类型不能修改', 'An organisation’s type cannot change');
    const parentId = input.parentId === undefined ? row.parentId : input.parentId;
    if (parentId !== row.parentId) {
      const parent = parentId
        ? (await deps.db.select().from(organisations).where(eq(organisations.id, parentId)).limit(1))[0]
        : undefined;
      if (!parent || !ALLOWED_PARENTS[row.type].includes(parent.type)) {
        return invalid(
          'parentId',
          '上级单位类型不符合组织层级',
          'The parent does not fit the district → group → school tree',
        );
      }
      if ((await orgPath(deps, parent.id)).some((o) => o.id === row.id))
        return invalid('parentId', '不能移到自己的下级单位之下', 'An organisation cannot move under itself');
    }
    const next: TOrganisationRow = {
      ...row,
      name: input.name ?? row.name,
      shortName: input.shortName === undefined ? row.shortName : input.shortName,
      parentId,
      groupKind: row.type === 'group' ? (input.groupKind ?? row.groupKind) : null,
      code: input.code === undefined ? row.code : input.code,
      version: row.version + 1,
    };
    await deps.db
      .update(organisations)
      .set(next)
      .where(and(eq(organisations.id, row.id), eq(organisations.version, row.version)));
    await appendAudit(deps.db, {
      at: deps.clock().toISOString(),
      actor,
      action: 'organisation.update',
      entityType: 'Organisation',
      entityId: row.id,
      outcome: 'success',
      before: row,
      after: next,
    });
    return next;
  });
}
