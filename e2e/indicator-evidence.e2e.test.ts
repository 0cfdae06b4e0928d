import { describe, expect, it } from 'vitest';

import { apiSession } from './api-client';
import { screenshot, signedInPages, useServerAndBrowser } from './harness';

type User = { username: string; displayName: string };
type Row = { id: string; subjectName: string; state: string };

// Issue 9: a bundled-assessment part starts from the published indicator system's rows, and the demo's
// 薄弱校提升 indicator requires evidence. 白市驿小学教育集团 (P5) is still collecting: only its lead school
// has submitted, so 白市驿第二小学's principal fills their part in the console.
describe('bundled assessment: indicator rows and their evidence (block indicatorRows)', () => {
  const env = useServerAndBrowser();
  const open = signedInPages(env);

  it('the principal’s part lists the indicators; without the uplift evidence the part is refused on that row; with it, it is submitted', async () => {
    const admin = await apiSession(env.server.url, 'admin', env.server.password);
    const [principal] = (await admin<{ items: User[] }>('GET', `/users?q=${encodeURIComponent('白市驿第二小学')}`))
      .items;
    expect(principal).toBeTruthy();
    const rows = (await admin<{ items: Row[] }>('GET', '/instances?block=groupRollUp&limit=50')).items;
    const p5 = rows.find((r) => r.subjectName === '白市驿小学教育集团');
    expect(p5?.state).toBe('selfAssessment');

    const errors: string[] = [];
    const page = await open(principal!.username, { at: `/instances/${p5!.id}`, onError: (e) => errors.push(e) });
    const submit = page
      .locator('[data-testid=event-actions] button')
      .filter({ hasText: /提交本单位填报/ })
      .first();
    await submit.waitFor();
    await submit.click();
    const modal = page.locator('.ant-modal-content');
    await modal.waitFor();
    // Six indicators, by name, read-only; no rows to add or remove.
    const table = modal.locator('.ant-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(6);
    expect(await table.textContent()).toContain('薄弱校质量提升幅度');
    expect(await modal.getByRole('button', { name: /添加一行|Add a row/ }).count()).toBe(0);
    const scores = table.locator('.ant-input-number input');
    for (let i = 0; i < 6; i += 1) await scores.nth(i).fill('8');
    await modal.locator('textarea').first().fill('本学期与牵头校开展联合教研 6 次。');
    await screenshot(page, 'indicator-evidence-part');

    await page.getByTestId('event-submit').click();
    const refusal = modal.getByTestId('item-evidence-error-uplift');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('须上传佐证材料');
    // The lead school's own uplift file is not this school's evidence: the row counts only this principal's files.
    expect((await modal.getByTestId('item-evidence-count-uplift').textContent())?.replace(/\s/g, '')).toContain('0');
    await screenshot(page, 'indicator-evidence-refused');

    await modal
      .getByTestId('item-evidence-upload-uplift')
      .locator('xpath=ancestor::span[contains(@class,"ant-upload")]')
      .locator('input[type=file]')
      .setInputFiles({
        name: '薄弱校提升数据.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'),
      });
    await expect
      .poll(async () => (await modal.getByTestId('item-evidence-count-uplift').textContent())?.replace(/\s/g, ''))
      .toContain('1');
    await page.getByTestId('event-submit').click();
    await modal.waitFor({ state: 'hidden', timeout: 20_000 });
    const api = await apiSession(env.server.url, principal!.username, env.server.password);
    const view = await api<{ availableEvents: Array<{ type: string }> }>('GET', `/instances/${p5!.id}`);
    expect(view.availableEvents.some((e) => e.type === 'SUBMIT_PART')).toBe(false);
    expect(errors).toEqual([]);
  });
});
