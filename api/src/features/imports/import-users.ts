import { subject } from '@casl/ability';

import { appendAudit } from '../../audit/append.js';
import { defineAbilityFor } from '../../auth/ability.js';
import { generatePassword } from '../../auth/generate-password.js';
import { hashPassword } from '../../auth/password.js';
import { passwordRefusal } from '../../auth/password-policy.js';
import { accountRefusal, grantRefusal } from '../../auth/separation-of-duties.js';
import { isSystem, type TAuthUser } from '../../auth/user.js';
import { txOrThrow } from '../../db/client.js';
import { organisations, users } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { isPrivilegedRole, ROLES, type TRole } from '../../engine.js';
import { AppError, type TLocalized } from '../../errors.js';
import { forEachInTurn } from '../../lib/in-turn.js';
import { authorize } from '../authorize.js';
import { ROLE_ZH } from '../exports/export-labels.js';
import { insertUser } from '../users/create-user.js';
import { newUserSubject } from '../users/user-subject.js';
import type { TImportError, TImportResult } from './imports.types.js';
import { columnOf, type TTable } from './read-table.js';

const err = (row: number, field: string, zh: string, en: string): TImportError => ({
  row,
  field,
  message: { 'zh-CN': zh, en },
});
const USERNAME = /^[A-Za-z0-9._-]{3,64}$/;

type TPlanned = {
  row: number;
  username: string;
  displayName: string;
  role: TRole;
  orgId: string;
  password: string;
  generated: boolean;
};

function roleOf(text: string): TRole | undefined {
  return ROLES.find((r) => r === text || ROLE_ZH[r] === text);
}

/**
 * 三权分立 per row: the importer may create this account with this role (ability.ts) — a bureau admin
 * imports ordinary accounts only; a security administrator, privileged ones.
 */
function powersRefusal(actor: TAuthUser, role: TRole): TLocalized | null {
  if (isSystem(actor)) return null;
  const ability = defineAbilityFor(actor);
  const account = newUserSubject([{ role }]);
  const grant = { role, userId: '', accountPrivileged: false };
  if (ability.can('create', account) && ability.can('grant', subject('RoleGrant', grant))) return null;
  return (
    grantRefusal(actor.id, grant) ??
    accountRefusal(actor, isPrivilegedRole(role)) ?? {
      'zh-CN': '您不能创建此角色的账户',
      en: 'You cannot create accounts with this role',
    }
  );
}

/** Checks every row against the directory; returns what would be created, skipped and what is wrong. */
async function plan(deps: Deps, actor: TAuthUser, table: TTable, passwords = true) {
  const col = {
    username: columnOf(table.headers, ['用户名', '账号', 'username']),
    displayName: columnOf(table.headers, ['姓名', 'displayname', 'name']),
    role: columnOf(table.headers, ['角色', 'role']),
    org: columnOf(table.headers, ['单位', '所在单位', 'org', 'organisation']),
    password: columnOf(table.headers, ['初始密码', '密码', 'password']),
  };
  const errors: TImportError[] = [];
  for (const [field, zh] of [
    ['username', '用户名'],
    ['displayName', '姓名'],
    ['role', '角色'],
    ['org', '单位'],
  ] as const) {
    if (col[field] < 0) errors.push(err(1, field, `缺少“${zh}”列`, `Missing the “${zh}” (${field}) column`));
  }
  if (errors.length) return { errors, planned: [], skipped: 0 };
  const orgs = await deps.db.select().from(organisations);
  const existing = new Set(
    (await deps.db.select({ username: users.username }).from(users)).map((u) => u.username.toLowerCase()),
  );
  const seen = new Set<string>();
  const planned: TPlanned[] = [];
  let skipped = 0;
  for (const { row, cells } of table.rows) {
    const at = (i: number) => (i >= 0 ? (cells[i] ?? '') : '');
    const username = at(col.username);
    const displayName = at(col.displayName);
    const role = roleOf(at(col.role));
    const orgRef = at(col.org);
    const org = orgs.find((o) => o.name === orgRef || (o.code !== null && o.code === orgRef));
    const given = at(col.password);
    const before = errors.length;
    if (!USERNAME.test(username))
      errors.push(
        err(row, 'username', '用户名须为 3–64 位字母、数字、点、下划线或连字符', '3–64 letters, digits, ., _ or -'),
      );
    if (!displayName || displayName.length > 64)
      errors.push(err(row, 'displayName', '姓名不能为空且不超过 64 字', 'A name of 1–64 characters'));
    if (!role)
      errors.push(
        err(
          row,
          'role',
          `无法识别角色“${at(col.role)}”（如：校长、教师、评审专家）`,
          `Unknown role “${at(col.role)}” (e.g. principal, teacher, expert)`,
        ),
      );
    if (!org)
      errors.push(
        err(
          row,
          'org',
          `找不到单位“${orgRef}”（填写单位全称或代码）`,
          `No organisation “${orgRef}” (use its full name or code)`,
        ),
      );
    const policy = given && passwords ? passwordRefusal(given, { username, displayName }) : null;
    if (policy) errors.push({ row, field: 'password', message: policy.message });
    if (seen.has(username.toLowerCase()))
      errors.push(err(row, 'username', `用户名“${username}”在文件中重复`, `“${username}” appears twice in the file`));
    seen.add(username.toLowerCase());
    if (errors.length > before || !role || !org) continue;
    if (existing.has(username.toLowerCase())) {
      skipped += 1;
      continue;
    }
    // Only rows that would create an account: an existing one is skipped whatever its role.
    const refused = powersRefusal(actor, role);
    if (refused) {
      errors.push({ row, field: 'role', message: refused });
      continue;
    }
    planned.push({
      row,
      username,
      displayName,
      role,
      orgId: org.id,
      password: given || (passwords ? generatePassword({ username, displayName }) : ''),
      generated: !given,
    });
  }
  return { errors, planned, skipped };
}

/**
 * Accounts from a sheet with columns 用户名 / 姓名 / 角色 / 单位 / 初始密码 (optional; generated when
 * empty, then to be changed at first sign-in). All rows are checked before anything is written; an
 * existing username is skipped. Passwords are hashed before the write transaction opens.
 */
export async function importUsers(
  deps: Deps,
  input: { actor: TAuthUser; table: TTable; dryRun: boolean },
): Promise<TImportResult> {
  await txOrThrow(
    deps.db,
    async () =>
      (await authorize(deps, input.actor, { action: 'create', type: 'User', auditAction: 'import.users' })) ??
      undefined,
  );
  const { errors, planned, skipped } = await plan(deps, input.actor, input.table);
  if (errors.length || input.dryRun)
    return { dryRun: input.dryRun, created: errors.length ? 0 : planned.length, skipped, errors };
  const hashes: string[] = [];
  // argon2 runs on libuv's thread pool: a few at a time keeps the server answering meanwhile.
  for (let i = 0; i < planned.length; i += 4)
    hashes.push(...(await Promise.all(planned.slice(i, i + 4).map((p) => hashPassword(p.password)))));
  return await txOrThrow(deps.db, async () => {
    // Re-checked inside the write lock: someone may have taken a username while we hashed.
    // Passwords were checked already and cannot have changed; the strength estimator is too slow to run under the lock.
    const again = await plan(deps, input.actor, input.table, false);
    if (again.errors.length || again.planned.length !== planned.length) {
      return {
        dryRun: false,
        created: 0,
        skipped: again.skipped,
        errors: again.errors.length
          ? again.errors
          : [err(1, 'file', '导入期间用户已变化，请重试', 'Users changed during the import; try again')],
      };
    }
    const at = deps.clock().toISOString();
    await forEachInTurn(planned, async (p, i) => {
      const account = {
        username: p.username,
        displayName: p.displayName,
        passwordHash: hashes[i] ?? '',
        locale: 'zh-CN' as const,
        mustChangePassword: p.generated,
        roles: [{ role: p.role, orgId: p.orgId }],
      };
      const made = await insertUser(deps, input.actor, account, 'import');
      // Checked above under this lock, so a refusal here is a bug: undo the whole sheet.
      if (made instanceof AppError) throw made;
    });
    await appendAudit(deps.db, {
      at,
      actor: input.actor,
      action: 'import.users',
      entityType: 'User',
      entityId: null,
      outcome: 'success',
      meta: { created: planned.length, skipped },
    });
    return {
      dryRun: false,
      created: planned.length,
      skipped,
      errors: [],
      passwords: planned.filter((p) => p.generated).map((p) => ({ username: p.username, password: p.password })),
    };
  });
}
