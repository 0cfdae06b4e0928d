import { describe, expect, it } from 'vitest';

import { apiSession } from './api-client';
import { screenshot, signedInPages, useServerAndBrowser } from './harness';

type Row = { id: string; definitionKey: string };
type View = { stateKind: string };

const EXPERT_NAMES = ['孙丽华', '吴海峰', '郑敏'];

// Issue 10.1: the demo seeds leave teacher1's 跨学科主题学习 in 专家评审 with two of its three experts'
// scores in, and 基于大概念的初中物理单元教学 in 结果公示.
describe('the submitting side sees a sealed expert review anonymised (issue 10.1)', () => {
  const env = useServerAndBrowser();
  const open = signedInPages(env);

  async function submissions() {
    const api = await apiSession(env.server.url, 'teacher1', env.server.password);
    const rows = (await api<{ items: Row[] }>('GET', '/instances?definitionKey=teaching-award&limit=50')).items;
    const views = await Promise.all(
      rows.map(async (r) => ({ id: r.id, kind: (await api<View>('GET', `/instances/${r.id}`)).stateKind })),
    );
    return { scoring: views.find((v) => v.kind === 'collect')!.id, notice: views.find((v) => v.kind === 'notice')!.id };
  }

  it('teacher1 and their principal see 评审专家 1/2/3 and the progress, never a name; in English too', async () => {
    const { scoring } = await submissions();
    for (const who of ['teacher1', 'principal1']) {
      const page = await open(who, { at: `/instances/${scoring}` });
      const anonymous = page.getByTestId('anonymous-assignees');
      await anonymous.waitFor();
      expect(await anonymous.textContent()).toBe('3 位（评审期间不公开姓名）');
      const actors = page.getByTestId('history-anonymous-actor');
      await expect.poll(() => actors.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
      for (const text of await actors.allTextContents()) expect(text).toMatch(/^评审专家 [123]$/);
      const body = (await page.locator('main').textContent()) ?? '';
      for (const name of EXPERT_NAMES) expect(body).not.toContain(name);
      await screenshot(page, `blind-review-${who}`);
    }
    const page = await open('teacher1');
    await page.evaluate(() => localStorage.setItem('eduflow.language', 'en'));
    await page.goto(`${env.server.url}/instances/${scoring}`);
    await page.getByTestId('anonymous-assignees').waitFor();
    expect(await page.getByTestId('anonymous-assignees').textContent()).toBe('3 (names withheld during the review)');
    await expect
      .poll(() => page.getByTestId('history-anonymous-actor').first().textContent(), { timeout: 20_000 })
      .toMatch(/^Expert reviewer [123]$/);
    await screenshot(page, 'blind-review-teacher1-en');
  });

  it('once the results are in 公示, teacher1 may see who reviewed', async () => {
    const { notice } = await submissions();
    const page = await open('teacher1', { at: `/instances/${notice}` });
    const history = page.getByTestId('history');
    await expect.poll(() => history.textContent(), { timeout: 20_000 }).toContain('孙丽华');
    expect(await page.getByTestId('history-anonymous-actor').count()).toBe(0);
  });
});
