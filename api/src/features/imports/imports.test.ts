import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { organisations, users } from '../../db/schema.js';
import { type Harness, makeHarness, type Session } from '../../test/harness.js';
import { parseCsv } from './read-table.js';

let h: Harness;
let admin: Session;
beforeAll(async () => {
  h = await makeHarness();
  admin = await h.signIn('admin');
});
afterAll(() => h.close());

type Result = {
  dryRun: boolean;
  created: number;
  skipped: number;
  errors: Array<{ row: number; field: string; message: { 'zh-CN': string } }>;
  passwords?: Array<{ username: string; password: string }>;
};

async function send(kind: string, file: File, s: Session = admin, dryRun = false) {
  const form = new FormData();
  form.set('file', file);
  const res = await h.app.request(`/api/imports/${kind}${dryRun ? '?dryRun=1' : ''}`, {
    method: 'POST',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as Result };
}
const csv = (name: string, text: string) => new File([`\uFEFF${text}`], name, { type: 'text/csv' });
const schoolCount = async () =>
  (await h.db.select().from(organisations).where(eq(organisations.type, 'school'))).length;

describe('CSV parsing', () => {
  it('handles quotes, doubled quotes, commas inside quotes and CRLF', () => {
    expect(parseCsv('a,"b, c","say ""hi"""\r\n1,2,3\n')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['1', '2', '3'],
    ]);
  });
});

describe('POST /imports/schools', () => {
  it('reports every bad row and writes nothing; a dry run of a good file writes nothing either; then it imports', async () => {
    const bad = csv(
      '学校.csv',
      '学校名称,所属集团,代码\n新苗小学,第一教育集团,S100\n,第一教育集团,\n星光小学,不存在集团,\n新苗小学,第一教育集团,\n',
    );
    const before = await schoolCount();
    const refused = await send('schools', bad);
    expect(refused.status).toBe(200);
    expect(refused.body.created).toBe(0);
    expect(refused.body.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'name'],
      [4, 'group'],
      [5, 'name'],
    ]);
    expect(refused.body.errors[1]?.message['zh-CN']).toContain('不存在集团');
    expect(await schoolCount()).toBe(before);

    const good = csv(
      '学校.csv',
      '学校名称,所属集团,简称,代码\n新苗小学,第一教育集团,新苗,S100\n实验小学,第一教育集团,,\n星光小学,第二教育集团,,S101\n',
    );
    const dry = await send('schools', good, admin, true);
    expect(dry.body).toEqual({ dryRun: true, created: 2, skipped: 1, errors: [] });
    expect(await schoolCount()).toBe(before);
    const done = await send('schools', good);
    expect(done.body).toEqual({ dryRun: false, created: 2, skipped: 1, errors: [] });
    expect(await schoolCount()).toBe(before + 2);
    expect((await send('schools', good)).body).toMatchObject({ created: 0, skipped: 3 });
  });

  it('reads .xlsx too, and only the administrator may import', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('学校');
    sheet.addRow(['学校名称', '所属集团']);
    sheet.addRow(['晨曦幼儿园', '第二教育集团']);
    const file = new File([await wb.xlsx.writeBuffer()], '学校.xlsx');
    expect((await send('schools', file)).body).toMatchObject({ created: 1, errors: [] });
    expect((await send('schools', file, await h.signIn('principalA'))).status).toBe(403);
    expect((await send('schools', new File(['x'], 'x.txt'))).status).toBe(422);
    expect((await send('teachers', file)).status).toBe(400);
  });
});

describe('POST /imports/users', () => {
  it('creates accounts with roles by Chinese name, returns generated one-time passwords, all or nothing', async () => {
    const bad = csv(
      '用户.csv',
      '用户名,姓名,角色,单位,初始密码\nzhang.san,张三,教师,实验小学,\nli,李四,校长,实验小学,\nwang.wu,王五,厨师,实验小学,short\n',
    );
    const refused = await send('users', bad);
    expect(refused.body.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'username'],
      [4, 'role'],
      [4, 'password'],
    ]);
    expect((await h.db.select().from(users).where(eq(users.username, 'zhang.san')).limit(1))[0]).toBeUndefined();

    const good = csv(
      '用户.csv',
      '用户名,姓名,角色,单位,初始密码\nzhang.san,张三,教师,实验小学,\nli.si,李四,expert,育才小学,Start-pass-2026\nadmin,重复,教委管理员,示范区教委,\n',
    );
    const done = await send('users', good);
    expect(done.body).toMatchObject({ created: 2, skipped: 1, errors: [] });
    expect(done.body.passwords?.map((p) => p.username)).toEqual(['zhang.san']);
    const zhang = await h.signIn('zhang.san', done.body.passwords?.[0]?.password);
    expect(await (await h.get('/api/me', zhang)).json()).toMatchObject({
      mustChangePassword: true,
      roles: [{ role: 'teacher', orgName: '实验小学' }],
    });
    const li = await h.signIn('li.si', 'Start-pass-2026');
    expect(await (await h.get('/api/me', li)).json()).toMatchObject({
      mustChangePassword: false,
      roles: [{ role: 'expert' }],
    });
  });

  it('refuses a row whose password breaks the policy, naming the rule (username inside, common password)', async () => {
    const weak = csv(
      '用户.csv',
      '用户名,姓名,角色,单位,初始密码\nzhao.liu,赵六,教师,实验小学,Zhao.Liu-2026\nqian.qi,钱七,教师,实验小学,Password1!\n',
    );
    const refused = await send('users', weak);
    expect(refused.body.errors.map((e) => [e.row, e.field, e.message['zh-CN']])).toEqual([
      [2, 'password', '密码不能包含用户名'],
      [3, 'password', '密码过于常见或容易被猜到，请换一个'],
    ]);
    expect((await h.db.select().from(users).where(eq(users.username, 'qian.qi')).limit(1))[0]).toBeUndefined();
  });
});
