import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { hash as argon2Hash } from '@node-rs/argon2';
import type Database from 'better-sqlite3';
import { eq, type SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { inject } from 'vitest';

import { createApp } from '../app.js';
import { newTotpSecret, totpNow } from '../auth/totp.js';
import { loadAuthUser, type TAuthUser } from '../auth/user.js';
import { closeDb, type Db, openDb, tx, writerOf } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { openPostgresDb } from '../db/postgres.js';
import { users as usersTable } from '../db/schema.js';
import type { Deps } from '../deps.js';
import type { TRole } from '../engine.js';
import { presetTotp } from '../features/auth/two-factor.js';
import { createDraftDefinition } from '../features/definitions/create-draft.js';
import { publishDefinition } from '../features/definitions/publish-definition.js';
import { createOrganisation } from '../features/orgs/create-organisation.js';
import { createUser } from '../features/users/create-user.js';
import type { Logger } from '../log/logger.js';
import schoolReport from './fixtures/school-report.json' with { type: 'json' };
import { createDatabase } from './postgres.js';

export const PASSWORD = 'Harness#2026-api';
/** Authenticator secrets of the harness's privileged accounts (base32); tests compute codes with totpNow(). */
export const HARNESS_TOTP: Record<string, string> = {
  admin: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  secadmin: 'KRUGKIDROVUWG2ZAMJZG653OEBTG66BA',
  auditor: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U',
};
let sharedHash: Promise<string> | undefined;

/**
 * The hash of PASSWORD the harness's accounts carry: argon2id at its cheapest cost. A hash names its own
 * cost, so sign-in verifies it on the real path, in about a millisecond instead of the 30 ms that the
 * production cost (auth/password.ts) takes; the suite signs in over a thousand times (issue 13).
 * Accounts that tests create through the use-cases still get the production cost.
 */
export const harnessPasswordHash = (): Promise<string> =>
  (sharedHash ??= argon2Hash(PASSWORD, { memoryCost: 8, timeCost: 1, parallelism: 1 }));

/** A test clock: starts on a Monday morning in Beijing, moves only when told. */
export function testClock(start = '2026-11-23T01:00:00.000Z') {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (iso: string) => void (now = new Date(iso)),
    advance: (ms: number) => void (now = new Date(now.getTime() + ms)),
  };
}

export type Session = { cookie: string; csrf: string; userId: string };

let databases = 0;

/** Another connection to the harness's database, as a second API node or another process holds it. */
export type TOtherDb = { db: Db; close: () => Promise<void> };

/**
 * SQL beneath the use-cases on either engine (tamper with a row, count what a trigger wrote): committed at
 * once, outside tx() and its checks, on the writer (SQLite) or the pool (PostgreSQL). Write SQL both read.
 */
export type TRawSql = (query: SQL) => Promise<Array<Record<string, unknown>>>;

/**
 * The database a harness runs on: a fresh migrated SQLite file in its folder, or in the api-pg project a
 * copy of the run's migrated empty database on its PostgreSQL (api-global.ts).
 */
async function openTestDb(dir: string): Promise<{
  db: Db;
  sqlite: Database.Database | null;
  sql: TRawSql;
  other: () => TOtherDb;
  url: string | null;
  end: () => Promise<void>;
}> {
  // Outside vitest (the benches build a harness too) there is nothing provided: SQLite.
  const serverUrl = process.env.VITEST ? inject('testPostgresUrl') : '';
  if (serverUrl) {
    const url = await createDatabase(
      serverUrl,
      `harness_${process.pid}_${++databases}`,
      inject('testPostgresTemplate'),
    );
    const { db, pool } = openPostgresDb(url, { max: 4 });
    const raw = drizzle(pool);
    const sql: TRawSql = async (query) => {
      try {
        return (await raw.execute(query)).rows as Array<Record<string, unknown>>;
      } catch (err) {
        // The driver's own error (a trigger's message), as SQLite's connection throws it: not drizzle's wrapper.
        throw (err as { cause?: unknown }).cause ?? err;
      }
    };
    const other = (): TOtherDb => {
      const second = openPostgresDb(url, { max: 2 });
      return { db: second.db, close: () => second.pool.end() };
    };
    return { db, sqlite: null, sql, other, url, end: () => pool.end() };
  }
  const db = openDb(join(dir, 'test.db'));
  migrate(db);
  const writer = writerOf(db);
  const dialect = new SQLiteSyncDialect();
  const sql: TRawSql = async (query) => {
    const { sql: text, params } = dialect.sqlToQuery(query);
    const statement = writer.$client.prepare(text);
    if (statement.reader) return statement.all(...params) as Array<Record<string, unknown>>;
    statement.run(...params);
    return [];
  };
  const other = (): TOtherDb => {
    const second = openDb(join(dir, 'test.db'));
    return { db: second, close: async () => closeDb(second) };
  };
  return { db, sqlite: writer.$client, sql, other, url: null, end: async () => closeDb(db) };
}

/**
 * A fresh migrated database (SQLite, or PostgreSQL: see openTestDb), the app over it, a small org tree
 * (district → 2 groups → 3 schools) and one user per role, all created through the use-cases.
 */
export async function makeHarness(options: { clockStart?: string; logger?: Logger } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'eduflow-api-'));
  const opened = await openTestDb(dir);
  const db = opened.db;
  const clock = testClock(options.clockStart);
  const auditCheckpointFile = join(dir, 'audit-checkpoints.log');
  const deps: Deps = { db, clock: clock.now, auditCheckpointFile, dataDir: dir };
  const app = createApp({ db, clock: clock.now, auditCheckpointFile, dataDir: dir, logger: options.logger });

  const org = async (type: 'district' | 'group' | 'school', name: string, parentId?: string) =>
    (await createOrganisation(deps, { type, name, parentId, groupKind: type === 'group' ? 'primary' : undefined })).id;
  const district = await org('district', '示范区教委');
  const group1 = await org('group', '第一教育集团', district);
  const group2 = await org('group', '第二教育集团', district);
  const schoolA = await org('school', '实验小学', group1);
  const schoolA2 = await org('school', '实验小学分校', group1);
  const schoolB = await org('school', '育才小学', group2);
  const orgs = { district, group1, group2, schoolA, schoolA2, schoolB };

  const passwordHash = await harnessPasswordHash();
  const users: Record<string, string> = {};
  const person = async (username: string, roles: Array<[TRole, string]>) => {
    const u = await createUser(deps, {
      username,
      displayName: username,
      passwordHash,
      roles: roles.map(([role, orgId]) => ({ role, orgId })),
    });
    users[username] = u.id;
    return u.id;
  };
  await person('admin', [['bureauAdmin', district]]);
  await person('reviewer1', [['bureauReviewer', district]]);
  await person('reviewer2', [['bureauReviewer', district]]);
  await person('lead1', [['groupLead', group1]]);
  await person('principalA', [['principal', schoolA]]);
  await person('principalA2', [['principal', schoolA2]]);
  await person('principalB', [['principal', schoolB]]);
  await person('teacherA', [['teacher', schoolA]]);
  await person('inspector', [['inspector', district]]);
  await person('expert', [['expert', district]]);
  await person('outside', [['outsideDept', district]]);
  await person('secadmin', [['securityAdmin', district]]);
  await person('auditor', [['auditor', district]]);
  // The three powers sign in with two factors (ADR 0014): enrolled from the start, as the demo's are.
  for (const [username, secret] of Object.entries(HARNESS_TOTP))
    await presetTotp(deps, { userId: users[username] ?? '', secret });

  const authUser = async (username: string): Promise<TAuthUser> => {
    const u = await loadAuthUser(deps, users[username] ?? '');
    if (!u) throw new Error(`no user ${username}`);
    return u;
  };

  /**
   * Publishes the fixture workflow (or another definition) and returns its id: drafted by `admin`,
   * approved by `reviewer1`, as the four-eyes rule wants.
   */
  const publish = async (definition: unknown = schoolReport) => {
    const draft = await createDraftDefinition(deps, { definition, actor: await authUser('admin') });
    // Tests publish on purpose, dropped blocks and stranded steps included (the route asks for ?confirm=1).
    return (await publishDefinition(deps, { id: draft.id, actor: await authUser('reviewer1'), confirm: true })).id;
  };

  /**
   * Signs in through POST /auth/login; an account with two-factor on sends the current code of its
   * stored secret. The test clock stands still, so every sign-in would fall in the same 30-second step
   * and be refused as a replay: the harness forgets the last accepted step first. Replay refusal itself
   * is tested with raw requests (auth/compliance.test.ts).
   */
  async function signIn(username: string, password = PASSWORD): Promise<Session> {
    const account = (await db.select().from(usersTable).where(eq(usersTable.username, username)).limit(1))[0];
    let otp: string | undefined;
    if (account?.totpEnabledAt && account.totpSecret) {
      await tx(db, () => db.update(usersTable).set({ totpLastStep: null }).where(eq(usersTable.id, account.id)));
      otp = totpNow(account.totpSecret, clock.now());
    }
    const res = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password, otp }),
    });
    if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
    const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
    const csrf = cookies.find((c) => c.startsWith('eduflow_csrf='))?.slice('eduflow_csrf='.length) ?? '';
    return { cookie: cookies.join('; '), csrf, userId: users[username] ?? '' };
  }

  /** Enrols an account's authenticator (a fresh secret), as a privileged account does at its first sign-in. */
  const enrolTotp = (username: string) =>
    presetTotp(deps, { userId: users[username] ?? '', secret: newTotpSecret(username).secret });

  const headers = (s?: Session, extra: Record<string, string> = {}) => ({
    ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}),
    ...extra,
  });

  const get = (path: string, s?: Session) => app.request(path, { headers: headers(s) });
  const post = (path: string, body: unknown, s?: Session, extra: Record<string, string> = {}) =>
    app.request(path, {
      method: 'POST',
      headers: headers(s, { 'content-type': 'application/json', ...extra }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  const close = async () => {
    await opened.end();
    rmSync(dir, { recursive: true, force: true });
  };

  /**
   * The writer connection itself, for what tests do beneath the use-cases (tamper with rows, read a
   * count): outside tx() `db` reads through a read-only connection and refuses writes (ADR 0028).
   */
  const sqlite = opened.sqlite ?? sqliteOnly();
  /** The PostgreSQL database's URL (null on SQLite), for API processes a test starts on the same data. */
  const databaseUrl = opened.url;

  return {
    dir,
    db,
    databaseUrl,
    sqlite,
    sql: opened.sql,
    /** A second connection to the same database (another node, another process); close it after. */
    openOther: opened.other,
    deps,
    app,
    clock,
    orgs,
    users,
    authUser,
    publish,
    signIn,
    enrolTotp,
    get,
    post,
    close,
  };
}

export type Harness = Awaited<ReturnType<typeof makeHarness>>;

/** What a test reaches beneath the use-cases with SQLite's own connection cannot run on PostgreSQL. */
function sqliteOnly(): Database.Database {
  return new Proxy({} as Database.Database, {
    get() {
      throw new Error(
        'h.sqlite is SQLite’s connection; this test reaches beneath the use-cases and runs on SQLite only',
      );
    },
  });
}
