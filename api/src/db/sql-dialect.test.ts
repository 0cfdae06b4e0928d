import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Harness, makeHarness } from '../test/harness.js';
import { tx } from './client.js';
import { passwordHistory } from './schema.js';
import {
  isSet,
  jsonEach,
  jsonIsString,
  jsonNumber,
  jsonPart,
  jsonText,
  noIndex,
  sqlFalse,
  sqlTrue,
  writeOrder,
} from './sql-dialect.js';

// Each fragment answers the same on both engines (EDUFLOW_TEST_ENGINE=postgresql runs this file on PostgreSQL).
let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(() => h.close());

const doc = JSON.stringify({
  period: '2026-autumn',
  score: 87.5,
  text: '12',
  title: { 'zh-CN': '标题', en: 'Title' },
  schools: ['a', 'b'],
  parts: { u1: { status: 'submitted', data: { hours: 2 } }, u2: { status: 'draft', data: { hours: 3 } } },
});
// A JSON column of a real table, so PostgreSQL reads it as json (the column's own type).
const data = sql`(select data from instances where false union all select ${doc} limit 1)`;

async function one(expression: ReturnType<typeof sql>): Promise<unknown> {
  const rows = await h.db.all<{ v: unknown }>(sql`select ${expression} as v`);
  return rows[0]?.v;
}

describe('SQL fragments per dialect (db/sql-dialect.ts)', () => {
  it('read JSON: text, a number, a key that needs quoting, whether a value is a string, a missing part', async () => {
    const json = sql`(${data})`;
    expect(await one(jsonText(h.db, json, ['period']))).toBe('2026-autumn');
    expect(await one(jsonText(h.db, json, ['title', 'zh-CN']))).toBe('标题');
    expect(await one(jsonNumber(h.db, json, ['score']))).toBe(87.5);
    expect(await one(sql`case when ${jsonIsString(h.db, json, ['text'])} then 1 else 0 end`)).toBe(1);
    expect(await one(sql`case when ${jsonIsString(h.db, json, ['score'])} then 1 else 0 end`)).toBe(0);
    expect(await one(sql`case when ${jsonPart(h.db, json, ['missing'])} is null then 1 else 0 end`)).toBe(1);
  });

  it('iterate JSON arrays and objects', async () => {
    const json = sql`(${data})`;
    const schools = await h.db.all<{ value: string }>(
      sql`select value from ${jsonEach(h.db, jsonPart(h.db, json, ['schools']), { as: 'text', alias: 's' })} order by value`,
    );
    expect(schools.map((r) => r.value)).toEqual(['a', 'b']);
    const hours = await h.db.all<{ n: number }>(
      sql`select sum(${jsonNumber(h.db, sql`p.value`, ['data', 'hours'])}) as n from ${jsonEach(h.db, json, { as: 'json', of: 'object', alias: 'p', path: ['parts'] })} where ${jsonText(h.db, sql`p.value`, ['status'])} = 'submitted'`,
    );
    expect(Number(hours[0]?.n)).toBe(2);
  });

  it('conditions: true/false, a column no index serves, a set flag, the write order', async () => {
    expect(await one(sql`case when ${sqlTrue} and not ${sqlFalse} then 1 else 0 end`)).toBe(1);
    expect(
      await h.db.all(sql`select 1 as n from organisations where ${noIndex(h.db, sql`id`)} = ${h.orgs.district}`),
    ).toEqual([{ n: 1 }]);
    expect(await h.db.all(sql`select count(*) as n from task_candidates where ${isSet(h.db, sql`open`)}`)).toEqual([
      { n: 0 },
    ]);
    const at = '2026-11-23T01:00:00.000Z';
    for (const hash of ['first', 'second'])
      await tx(h.db, () =>
        h.db.insert(passwordHistory).values({ userId: h.users.admin ?? '', passwordHash: hash, changedAt: at }),
      );
    const newestFirst = await h.db
      .select({ hash: passwordHistory.passwordHash })
      .from(passwordHistory)
      .orderBy(sql`${passwordHistory.changedAt} desc`, sql`${writeOrder(h.db)} desc`);
    expect(newestFirst.map((r) => r.hash)).toEqual(['second', 'first']);
  });
});
