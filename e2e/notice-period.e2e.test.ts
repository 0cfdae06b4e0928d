import { describe, expect, it } from 'vitest';

import { apiSession } from './api-client';
import { screenshot, signedInPages, switchToEnglish, useServerAndBrowser, visit } from './harness';

type Row = { id: string; dueAt: string | null; dueKind: 'task' | 'notice' | null; definitionKey: string };
type View = { notice: { endsAt: string; workdaysLeft: number } | null };

/** The console's DateText: YYYY-MM-DD HH:mm in the district's time (CST, UTC+8). */
const shown = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

// Issue 9: the demo seeds put teacher1's 基于大概念的初中物理单元教学 into 7 days of 结果公示 and
// 金凤中学教育集团's (S4) bundled assessment into 5 days of 公示; nobody has a task there.
describe('notice periods are visible (issue 9)', () => {
  const env = useServerAndBrowser();
  const open = signedInPages(env);
  const notices = async (who: string) =>
    (
      await (
        await apiSession(env.server.url, who, env.server.password)
      )<{ items: Row[] }>('GET', '/instances?notice=1&sort=dueAt&order=asc')
    ).items;

  it('teacher1 sees their submission’s 公示 above the inbox and its end with the working days left on the instance', async () => {
    const [award] = await notices('teacher1');
    expect(award).toMatchObject({ definitionKey: 'teaching-award', dueKind: 'notice' });
    const api = await apiSession(env.server.url, 'teacher1', env.server.password);
    const view = await api<View>('GET', `/instances/${award!.id}`);
    expect(view.notice?.endsAt).toBe(award!.dueAt);
    expect(view.notice!.workdaysLeft).toBeGreaterThan(0);

    const page = await open('teacher1');
    // The teacher's home (issue 12) carries the 公示中 card, as the inbox did before it.
    await page.getByTestId('teacher-home').waitFor();
    const section = page.getByTestId('notice-section');
    await section.waitFor();
    const row = section.getByTestId('notice-row');
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('公示截止');
    expect(await row.textContent()).toContain(shown(award!.dueAt!));
    await screenshot(page, 'notice-teacher-inbox');

    await row.click();
    await page.waitForURL(new RegExp(`/instances/${award!.id}$`));
    const ends = page.getByTestId('notice-ends');
    await ends.waitFor();
    expect(await ends.textContent()).toBe(`${shown(view.notice!.endsAt)}剩余 ${view.notice!.workdaysLeft} 个工作日`);
    expect(await page.getByTestId('instance-header').textContent()).toContain('公示截止');
    await screenshot(page, 'notice-instance-header');
  });

  it('the instance list shows the end in 办理时限 with a 公示 tag, and its 公示中 filter lists exactly the running notices', async () => {
    const expected = await notices('reviewer');
    expect(expected.map((r) => r.definitionKey).sort()).toEqual(['bundled-assessment', 'teaching-award']);
    const page = await open('reviewer', { at: '/instances' });
    const rows = page.locator('.ant-table-tbody tr[data-row-key]');
    await rows.first().waitFor();
    await page.getByTestId('filter-instances-notice').check();
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect
      .poll(() =>
        rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row-key'))).then((ids) => [...ids].sort()),
      )
      .toEqual(expected.map((r) => r.id).sort());
    for (const r of expected) {
      const cell = rows.and(page.locator(`[data-row-key="${r.id}"]`)).getByTestId('notice-due');
      expect(await cell.textContent()).toBe(`公示${shown(r.dueAt!)}`);
    }
    await screenshot(page, 'notice-instance-list');
  });

  it('in English the header reads Notice ends with the working days left, and the list tags the date as a notice', async () => {
    const [award] = await notices('teacher1');
    const view = await (
      await apiSession(env.server.url, 'teacher1', env.server.password)
    )<View>('GET', `/instances/${award!.id}`);
    const page = await open('teacher1', { locale: 'en-US' });
    await switchToEnglish(page);
    await visit(page, `/instances/${award!.id}`);
    const ends = page.getByTestId('notice-ends');
    await ends.waitFor();
    const left = view.notice!.workdaysLeft;
    expect(await ends.textContent()).toBe(
      `${shown(view.notice!.endsAt)}${left === 1 ? '1 working day left' : `${left} working days left`}`,
    );
    expect(await page.getByTestId('instance-header').textContent()).toContain('Notice ends');
    await visit(page, `/instances`);
    const cell = page.locator(`.ant-table-tbody tr[data-row-key="${award!.id}"]`).getByTestId('notice-due');
    await cell.waitFor();
    expect(await cell.textContent()).toBe(`Notice${shown(award!.dueAt!)}`);
    await screenshot(page, 'notice-instance-list-en');
  });

  it('the lead of the group whose result is in 公示 sees it on their desk, with the end date', async () => {
    const [assessment] = await notices('lead-s4');
    expect(assessment).toMatchObject({ definitionKey: 'bundled-assessment', dueKind: 'notice' });
    const page = await open('lead-s4');
    await page.getByTestId('group-home').waitFor();
    const row = page.getByTestId('notice-section').getByTestId('notice-row');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain(shown(assessment!.dueAt!));
    await screenshot(page, 'notice-group-home');
  });
});
