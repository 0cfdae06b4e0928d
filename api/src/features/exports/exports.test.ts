import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Harness, makeHarness } from '../../test/harness.js';
import { startInstance } from '../instances/start-instance.js';
import { keysetPages, xlsxStream } from './xlsx-writer.js';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
  const definitionId = await h.publish();
  const pa = await h.authUser('principalA');
  // More than one export page (100 rows) so the keyset walk is exercised.
  for (let i = 0; i < 130; i += 1)
    await startInstance(h.deps, {
      actor: pa,
      definitionId,
      subjectOrgId: h.orgs.schoolA,
      data: { title: `第${i}号报告` },
    });
  await startInstance(h.deps, {
    actor: await h.authUser('principalB'),
    definitionId,
    subjectOrgId: h.orgs.schoolB,
    data: { title: '育才报告' },
  });
});
afterAll(() => h.close());

async function workbook(res: Response) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const sheet = wb.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

describe('GET /exports/:list.xlsx', () => {
  it('exports every readable instance, keyset page by page, under a merged title with Chinese headers, header frozen', async () => {
    const res = await h.get('/api/exports/instances.xlsx', await h.signIn('reviewer1'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('流程实例清单'));
    const sheet = await workbook(res);
    expect(String(sheet.getCell('A1').value)).toMatch(/^示范区教委流程实例清单（导出时间：2026-11-23 09:00）$/);
    expect(sheet.getCell('A1').isMerged).toBe(true);
    expect(sheet.getCell('I1').isMerged).toBe(true);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '名称',
      '流程',
      '版本',
      '申报单位',
      '对象单位',
      '当前环节',
      '状态',
      '结果',
      '创建时间',
      '最近办理',
      '编号',
    ]);
    expect(sheet.rowCount).toBe(2 + 131);
    // The fixture workflow declares no title: the workflow's name stands in.
    expect(sheet.getCell('A3').value).toBe('学校专项报告');
    expect(sheet.getCell('B3').value).toBe('学校专项报告');
    expect(sheet.getCell('G3').value).toBe('进行中');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.getColumn(1).width).toBe(30);
  });

  it('applies the list’s filters and the caller’s permissions', async () => {
    const pb = await h.signIn('principalB');
    const mine = await workbook(await h.get('/api/exports/instances.xlsx', pb));
    expect(mine.rowCount).toBe(3);
    const filtered = await workbook(
      await h.get(`/api/exports/instances.xlsx?orgId=${h.orgs.schoolB}`, await h.signIn('admin')),
    );
    expect(filtered.rowCount).toBe(3);
    expect((await h.get('/api/exports/audit.xlsx', pb)).status).toBe(403);
    expect((await h.get('/api/exports/instances.xlsx?status=paused', pb)).status).toBe(400);
    expect((await h.get('/api/exports/secrets.xlsx', pb)).status).toBe(400);
  });

  it('exports users with roles, the audit log for the auditor, the org tree, tasks and the overview', async () => {
    const users = await workbook(await h.get('/api/exports/users.xlsx', await h.signIn('admin')));
    expect(users.rowCount).toBe(2 + 13);
    const lead = users.getColumn(1).values.indexOf('lead1');
    expect(users.getRow(lead).getCell(3).value).toBe('集团总校长（第一教育集团）');
    const audit = await workbook(await h.get('/api/exports/audit.xlsx', await h.signIn('auditor')));
    expect(audit.getRow(2).getCell(8).value).toBe('哈希');
    expect(audit.rowCount).toBeGreaterThan(130);
    const orgs = await workbook(await h.get('/api/exports/orgs.xlsx', await h.signIn('principalA')));
    expect(orgs.rowCount).toBe(2 + 6);
    const tasks = await workbook(await h.get('/api/exports/tasks.xlsx', await h.signIn('principalA')));
    expect(tasks.rowCount).toBe(2 + 130);
    const overview = await workbook(await h.get('/api/exports/overview.xlsx', await h.signIn('admin')));
    expect(overview.getRow(3).values).toEqual([undefined, '学校专项报告', '学校填报', 131]);
    // PIPL: reading the directory or the audit log in bulk is itself an audited read, naming who and what.
    const reads = await h.sql(
      sql`select actor_name as who, entity_id as list from audit_events where action = 'export.xlsx' and entity_id in ('users', 'audit') order by seq`,
    );
    expect(reads).toEqual([
      { who: 'admin', list: 'users' },
      { who: 'auditor', list: 'audit' },
    ]);
  });

  it('exports the bureau’s report layouts with their own parameters', async () => {
    const admin = await h.signIn('reviewer1');
    const expected: Record<string, string[]> = {
      'security-inspection': ['学校', '问题数', '未整改', '超期', '重复出现'],
      'bundled-assessment': ['排名', '教育集团', '综合得分', '等级', '最弱成员校', '最弱校得分'],
      'campus-entry': ['学校', '本学期已进校（项）', '上限（项）', '剩余（项）'],
      'teaching-award': ['类别', '名次', '成果名称', '学校', '得分', '奖项'],
    };
    for (const [report, headers] of Object.entries(expected)) {
      const res = await h.get(
        `/api/exports/${report}.xlsx?round=2026&cycle=2026&semester=2026-autumn&year=2026`,
        admin,
      );
      expect(res.status, report).toBe(200);
      const sheet = await workbook(res);
      expect(sheet.getRow(2).values, report).toEqual([undefined, ...headers]);
      expect(String(sheet.getCell('A1').value)).toContain('示范区教委');
    }
  });
});

// Issue 11: a file that stops at the row limit says so in its last row; nothing is dropped silently.
describe('the export row limit', () => {
  const pages = (total: number, size: number) => {
    const page = (from: number) => ({
      items: Array.from({ length: Math.min(size, total - from) }, (_, i) => ({ n: from + i })),
      nextCursor: from + size < total ? String(from + size) : null,
    });
    return keysetPages(page(0), async (cursor) => page(Number(cursor)), 7);
  };

  const collect = async <T>(pages: AsyncIterable<T>) => {
    const out: T[] = [];
    for await (const p of pages) out.push(p);
    return out;
  };

  it('walks every page when the rows fit, and stops at the limit with a marker when they do not', async () => {
    expect((await collect(pages(7, 3))).map((p) => (Array.isArray(p) ? p.length : p))).toEqual([3, 3, 1]);
    expect((await collect(pages(20, 3))).map((p) => (Array.isArray(p) ? p.length : p))).toEqual([
      3,
      3,
      1,
      { cut: true, rows: 7 },
    ]);
  });

  it('ends a cut file with a row saying where it stopped and what to do', async () => {
    const stream = xlsxStream({
      title: '测试',
      sheetName: '测试',
      columns: [{ header: '序号', width: 10, value: (r: { n: number }) => r.n }],
      pages: pages(20, 3),
    });
    const sheet = await workbook(new Response(stream));
    expect(sheet.rowCount).toBe(2 + 7 + 1);
    expect(String(sheet.getCell(`A${sheet.rowCount}`).value)).toMatch(
      /^已达单个文件上限：仅导出前 7 行.*请缩小筛选范围后分批导出/,
    );
  });
});
