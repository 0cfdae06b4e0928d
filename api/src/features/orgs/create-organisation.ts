import { eq } from 'drizzle-orm';

import { appendAudit } from '../../audit/append.js';
import { SYSTEM_USER, type TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import { organisations, type TOrganisationRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { authorize } from '../authorize.js';
import { type TCreateOrganisation, ZCreateOrganisation } from './orgs.types.js';

// The tree is district → group → school → department; a school may also hang directly under the district.
export const ALLOWED_PARENTS: Record<TOrganisationRow['type'], Array<TOrganisationRow['type']>> = {
  district: [],
  group: ['district'],
  school: ['group', 'district'],
  department: ['school', 'district', 'group'],
};

const invalid = (field: string, zh: string, en: string) =>
  new AppError('VALIDATION', { status: 422, fieldErrors: { [field]: { 'zh-CN': zh, en } } });

export async function createOrganisation(
  deps: Deps,
  input: TCreateOrganisation & { actor?: TAuthUser },
): Promise<TOrganisationRow> {
  const actor = input.actor ?? SYSTEM_USER;
  const data = ZCreateOrganisation.parse(input);
  return await txOrThrow(deps.db, async () => {
    const denied = await authorize(deps, actor, {
      action: 'create',
      type: 'Organisation',
      auditAction: 'organisation.create',
    });
    if (denied) return denied;
    const parent = data.parentId
      ? (await deps.db.select().from(organisations).where(eq(organisations.id, data.parentId)).limit(1))[0]
      : undefined;
    if (data.parentId && !parent)
      return invalid('parentId', '上级单位不存在', 'The parent organisation does not exist');
    const allowed = ALLOWED_PARENTS[data.type];
    if (data.type === 'district' ? parent : !parent || !allowed.includes(parent.type)) {
      return invalid(
        'parentId',
        '上级单位类型不符合组织层级',
        'The parent does not fit the district → group → school tree',
      );
    }
    const row: TOrganisationRow = {
      id: crypto.randomUUID(),
      type: data.type,
      name: data.name,
      shortName: data.shortName ?? null,
      parentId: data.parentId ?? null,
      groupKind: data.type === 'group' ? (data.groupKind ?? null) : null,
      code: data.code ?? null,
      version: 1,
    };
    await deps.db.insert(organisations).values(row);
    await appendAudit(deps.db, {
      at: deps.clock().toISOString(),
      actor,
      action: 'organisation.create',
      entityType: 'Organisation',
      entityId: row.id,
      outcome: 'success',
      after: row,
    });
    return row;
  });
}
