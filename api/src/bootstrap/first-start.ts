import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { count } from 'drizzle-orm';

import { generatePassword } from '../auth/generate-password.js';
import { passwordRefusal, type TPasswordAccount } from '../auth/password-policy.js';
import { users } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { createOrganisation } from '../features/orgs/create-organisation.js';
import { createUser } from '../features/users/create-user.js';

/**
 * `totpSecret`: the demo's three powers start with an authenticator set up (base32 key, printed for an app).
 * `passwordFile`: outside demo mode each administrator's first password is in a file of its own.
 */
export type Account = {
  username: string;
  displayName: string;
  role: string;
  totpSecret?: string;
  passwordFile?: string;
};

/**
 * 三权分立 (ADR 0014): an installation starts with its three administrators — only a security administrator
 * may create the privileged accounts, so none of the three could be made later by the other two.
 */
const POWERS = [
  { username: 'admin', displayName: '系统管理员', role: 'bureauAdmin' },
  { username: 'secadmin', displayName: '安全管理员', role: 'securityAdmin' },
  { username: 'auditor', displayName: '审计员', role: 'auditor' },
] as const;
const passwordFileOf = (dataDir: string, username: string) => join(dataDir, `${username}-password.txt`);
export type StartInfo = {
  mode: 'demo' | 'production';
  seeded: boolean;
  password: string | null;
  passwordFile: string | null;
  accounts: Account[];
};

/** Reads a password kept in the data folder, or makes one and keeps it there (owner-readable only). */
function keptPassword(file: string, account?: TPasswordAccount): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = generatePassword(account);
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/** The demo district's seeding, handed in by the entry point (server.ts): the API does not depend on the seeds. */
export type SeedModule = {
  seedDemo: (deps: Deps, opts: { password: string }) => Promise<unknown>;
  demoAccounts: () => Account[];
};

/**
 * What the first start of an empty database does. Demo mode (default) seeds the demo district with
 * every account sharing EDUFLOW_DEMO_PASSWORD or a generated password kept in the data folder;
 * EDUFLOW_DEMO=0 creates only the district and the three administrators (system, security, audit),
 * each with a generated password in its own file, to be changed at the first sign-in (and an
 * authenticator set up, as two-factor-gate.ts requires of them).
 */
export async function firstStart(
  deps: Deps,
  dataDir: string,
  loadSeeds: () => Promise<SeedModule>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<StartInfo> {
  const empty = ((await deps.db.select({ n: count() }).from(users).limit(1))[0]?.n ?? 0) === 0;
  const demo = env.EDUFLOW_DEMO !== '0';
  if (demo) {
    const seeds = await loadSeeds();
    const fromEnv = env.EDUFLOW_DEMO_PASSWORD;
    const passwordFile = fromEnv ? null : join(dataDir, 'demo-password.txt');
    // The kept password is only meaningful for the database it seeded: never invent a new one for an old database.
    const password = fromEnv ?? (empty || existsSync(passwordFile!) ? keptPassword(passwordFile!) : null);
    if (empty && fromEnv) assertDemoPassword(fromEnv, seeds.demoAccounts());
    if (empty) await seeds.seedDemo(deps, { password: password! });
    return { mode: 'demo', seeded: empty, password, passwordFile, accounts: seeds.demoAccounts() };
  }
  const passwordFile = passwordFileOf(dataDir, 'admin');
  if (!empty) {
    const kept = POWERS.map((a) => ({ ...a, passwordFile: passwordFileOf(dataDir, a.username) })).filter((a) =>
      existsSync(a.passwordFile),
    );
    return {
      mode: 'production',
      seeded: false,
      password: null,
      passwordFile: existsSync(passwordFile) ? passwordFile : null,
      accounts: kept,
    };
  }
  const district = await createOrganisation(deps, {
    type: 'district',
    name: env.EDUFLOW_DISTRICT_NAME ?? '区教育委员会',
  });
  const accounts: Account[] = [];
  let password = '';
  for (const a of POWERS) {
    const file = passwordFileOf(dataDir, a.username);
    const own = keptPassword(file, a);
    if (a.username === 'admin') password = own;
    await createUser(deps, {
      username: a.username,
      displayName: a.displayName,
      password: own,
      mustChangePassword: true,
      roles: [{ role: a.role, orgId: district.id }],
    });
    accounts.push({ ...a, passwordFile: file });
  }
  return { mode: 'production', seeded: true, password, passwordFile, accounts };
}

/** Every demo account shares the password, so it must meet the policy for each of them (seeds store only its hash). */
function assertDemoPassword(password: string, accounts: Account[]): void {
  for (const account of accounts) {
    const refusal = passwordRefusal(password, account);
    if (refusal)
      throw new Error(
        `EDUFLOW_DEMO_PASSWORD does not meet the password policy for ${account.username}: ${refusal.message.en} (${refusal.message['zh-CN']})`,
      );
  }
}

/** The lines `npm start` prints once the server listens. */
export function banner(url: string, info: StartInfo, database?: string): string {
  const lines = [``, `  EduFlow 教育治理工作流平台 is running at ${url}`, `  API reference: ${url}/api/docs`];
  if (database) lines.push(`  Database 数据库: ${database}`);
  lines.push(``);
  if (info.mode === 'production') {
    // Each password goes to its own holder (三权分立): the banner names the files, never the passwords.
    if (info.accounts.length) {
      lines.push('  Administrators 三员账号 — first passwords, one file each:');
      for (const a of info.accounts)
        lines.push(`    ${a.username.padEnd(12)} ${a.role.padEnd(15)} ${a.displayName}   ${a.passwordFile ?? ''}`);
      lines.push(
        `  Each changes the password, then sets up an authenticator app, at the first sign-in (首次登录须修改密码并绑定身份验证器).`,
      );
    }
  } else if (info.accounts.length) {
    lines.push('  Demo accounts 演示账号:');
    for (const a of info.accounts) lines.push(`    ${a.username.padEnd(12)} ${a.role.padEnd(15)} ${a.displayName}`);
    if (info.password)
      lines.push(
        ``,
        `  Password 密码: ${info.password}${info.passwordFile ? `   (kept in ${info.passwordFile})` : '   (EDUFLOW_DEMO_PASSWORD)'}`,
      );
    else lines.push(``, `  Password: the one this database was seeded with (EDUFLOW_DEMO_PASSWORD).`);
    const totp = info.accounts.filter((a) => a.totpSecret);
    if (totp.length) {
      lines.push(
        ``,
        `  Two-factor 两步验证 — add the key to an authenticator app (手动输入密钥), then sign in with its 6-digit code:`,
      );
      for (const a of totp) lines.push(`    ${a.username.padEnd(12)} ${a.totpSecret}`);
    }
  }
  lines.push('');
  return lines.join('\n');
}
