import { subject } from '@casl/ability';
import { inArray } from 'drizzle-orm';

import { appendAudit } from '../../audit/append.js';
import { ROLE_EN, ROLE_ZH } from '../../auth/role-labels.js';
import { accountRefusal, grantRefusal, holdsPower, powersConflict } from '../../auth/separation-of-duties.js';
import { isSystem, type TAuthUser } from '../../auth/user.js';
import { organisations } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import type { RoleGrant } from '../../engine.js';
import type { AppError, TLocalized } from '../../errors.js';
import { authorize } from '../authorize.js';
import { notifyAuditors } from '../notifications/notify-auditors.js';
import { newUserSubject, userSubject } from './user-subject.js';

/** What happens to the account itself; role grants are compared from `before`/`after`. */
export type TAccountChange = 'create' | 'rename' | 'disable' | 'enable' | 'resetPassword' | 'resetTwoFactor';

export type TPowersChange = {
  actor: TAuthUser;
  account: { id: string; username: string; displayName: string };
  /** Grants before (none for a new account) and after the change. */
  before: RoleGrant[];
  after: RoleGrant[];
  changes: TAccountChange[];
  auditAction: string;
};

const key = (g: RoleGrant) => `${g.role}@${g.orgId}`;

/** Grants added and removed, each once. */
export function grantDiff(before: RoleGrant[], after: RoleGrant[]): { granted: RoleGrant[]; revoked: RoleGrant[] } {
  const had = new Set(before.map(key));
  const keeps = new Set(after.map(key));
  const granted = [...new Map(after.filter((g) => !had.has(key(g))).map((g) => [key(g), g])).values()];
  return { granted, revoked: before.filter((g) => !keeps.has(key(g))) };
}

/**
 * Whether the auditors hear of it: a person (not the installation's own seeding) changes an account that
 * holds a power before or after — so also any power granted or revoked.
 */
const concernsPowers = (c: TPowersChange) => !isSystem(c.actor) && (holdsPower(c.before) || holdsPower(c.after));

/**
 * 三权分立 before anything is written: one power per account (422 naming both), then the account change
 * and each grant added or removed against the actor's CASL rules (ability.ts), with the reason in the
 * refusal. A refusal is audited; when it concerns a power the auditors are told at once. null: go ahead.
 */
export async function checkPowers(deps: Deps, c: TPowersChange): Promise<AppError | null> {
  const refuse = async (error: AppError) => {
    if (concernsPowers(c)) await announce(deps, c, true);
    return error;
  };
  const conflict = powersConflict(c.after);
  if (conflict) {
    await appendAudit(deps.db, {
      at: deps.clock().toISOString(),
      actor: c.actor,
      action: c.auditAction,
      entityType: 'User',
      // A refused creation names the id the account would have had: the auditors' notice links to it.
      entityId: c.account.id,
      outcome: 'denied',
      meta: { reason: conflict.code, username: c.account.username, roles: c.after },
    });
    return await refuse(conflict.recorded());
  }
  const creating = c.changes.includes('create');
  const wasPrivileged = holdsPower(c.before);
  if (c.changes.length > 0) {
    const denied = await authorize(deps, c.actor, {
      action: creating ? 'create' : 'update',
      type: 'User',
      target: creating ? newUserSubject(c.after) : await userSubject(deps, c.account.id),
      entityId: c.account.id,
      auditAction: c.auditAction,
      message: accountRefusal(c.actor, creating ? holdsPower(c.after) : wasPrivileged),
    });
    if (denied) return await refuse(denied);
  }
  const { granted, revoked } = grantDiff(c.before, c.after);
  for (const g of [...granted, ...revoked]) {
    const change = { role: g.role, userId: c.account.id, accountPrivileged: wasPrivileged };
    const denied = await authorize(deps, c.actor, {
      action: 'grant',
      type: 'RoleGrant',
      target: subject('RoleGrant', change),
      entityId: c.account.id,
      auditAction: c.auditAction,
      message: grantRefusal(c.actor.id, change),
    });
    if (denied) return await refuse(denied);
  }
  return null;
}

/** After a change went through: the auditors are told when it concerns a power. */
export async function announcePowers(deps: Deps, c: TPowersChange): Promise<void> {
  const { granted, revoked } = grantDiff(c.before, c.after);
  if (concernsPowers(c) && c.changes.length + granted.length + revoked.length > 0) await announce(deps, c, false);
}

const CHANGE_TEXT: Record<TAccountChange, TLocalized> = {
  create: { 'zh-CN': '新建账户', en: 'account created' },
  rename: { 'zh-CN': '修改姓名', en: 'renamed' },
  disable: { 'zh-CN': '停用账户', en: 'disabled' },
  enable: { 'zh-CN': '启用账户', en: 'enabled' },
  resetPassword: { 'zh-CN': '重置密码', en: 'password reset' },
  resetTwoFactor: { 'zh-CN': '重置两步验证', en: 'two-factor reset' },
};

async function announce(deps: Deps, c: TPowersChange, refused: boolean): Promise<void> {
  const { granted, revoked } = grantDiff(c.before, c.after);
  const orgIds = [...new Set([...granted, ...revoked].map((g) => g.orgId))];
  const names = new Map(
    orgIds.length
      ? (
          await deps.db
            .select({ id: organisations.id, name: organisations.name })
            .from(organisations)
            .where(inArray(organisations.id, orgIds))
        ).map((o) => [o.id, o.name])
      : [],
  );
  const grantText = (verb: TLocalized, g: RoleGrant): TLocalized => ({
    'zh-CN': `${verb['zh-CN']}“${ROLE_ZH[g.role]}”（${names.get(g.orgId) ?? g.orgId}）`,
    en: `${verb.en} ${ROLE_EN[g.role]} at ${names.get(g.orgId) ?? g.orgId}`,
  });
  const parts: TLocalized[] = [
    ...c.changes.map((k) => CHANGE_TEXT[k]),
    ...granted.map((g) => grantText({ 'zh-CN': '授予', en: 'granted' }, g)),
    ...revoked.map((g) => grantText({ 'zh-CN': '撤销', en: 'revoked' }, g)),
  ];
  const what = (l: keyof TLocalized) => parts.map((p) => p[l]).join(l === 'en' ? '; ' : '；');
  const who = `${c.account.displayName}（${c.account.username}）`;
  const title: TLocalized = refused
    ? {
        'zh-CN': `${c.actor.displayName} 试图调整 ${who}：${what('zh-CN')}，已被拒绝`,
        en: `${c.actor.displayName} tried to change ${c.account.displayName} (${c.account.username}): ${what('en')} — refused`,
      }
    : {
        'zh-CN': `${c.actor.displayName} 调整了 ${who}：${what('zh-CN')}`,
        en: `${c.actor.displayName} changed ${c.account.displayName} (${c.account.username}): ${what('en')}`,
      };
  await notifyAuditors(deps, { title, entityType: 'User', entityId: c.account.id });
}
