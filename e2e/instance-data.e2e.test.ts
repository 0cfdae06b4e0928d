import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { apiSession } from './api-client';
import { screenshot, signedInPages, switchToEnglish, useServerAndBrowser, visit } from './harness';

type Row = { id: string; state: string; version: number };
type View = {
  id: string;
  version: number;
  data: Record<string, unknown>;
  assignments?: Array<{ role: string; userIds: string[] }>;
  refs?: Record<string, { name: string | null }>;
};
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('实例详情: the form data names schools, people and other requests, never raw ids', () => {
  const env = useServerAndBrowser();
  const signedIn = signedInPages(env);
  const open = (username: string, locale = 'zh-CN') =>
    signedIn(username, { locale, viewport: { width: 1440, height: 1000 } });
  const dataCard = async (page: Page, id: string) => {
    await visit(page, `/instances/${id}`);
    const card = page.getByTestId('instance-data');
    await card.waitFor();
    return card;
  };

  it('campus entry: schools by name; a merged request links to the other by its title, both ways', async () => {
    const reviewer = await apiSession(env.server.url, 'reviewer', env.server.password);
    const waiting = (
      await reviewer<{ items: Row[] }>('GET', '/instances?definitionKey=campus-entry&state=bureauReview&limit=50')
    ).items;
    const views = await Promise.all(waiting.map((r) => reviewer<View>('GET', `/instances/${r.id}`)));
    const [survivor, absorbed] = views
      .filter((v) => v.data.itemCode === 'FZ')
      .sort((a, b) => String(a.data.activityDate).localeCompare(String(b.data.activityDate)));
    expect(survivor && absorbed).toBeTruthy();
    await reviewer('POST', '/campus-entry/merges', {
      survivor: { id: survivor!.id, expectedVersion: survivor!.version },
      absorbed: [{ id: absorbed!.id, expectedVersion: absorbed!.version }],
      comment: '合并为一次活动',
    });
    const merged = await reviewer<View>('GET', `/instances/${survivor!.id}`);
    const schoolNames = (merged.data.schoolIds as string[]).map((id) => merged.refs?.[id]?.name);
    expect(schoolNames.every((n) => typeof n === 'string' && n.length > 0)).toBe(true);

    const page = await open('reviewer');
    const card = await dataCard(page, survivor!.id);
    await card.getByText(String(absorbed!.data.title)).waitFor();
    // The stored whitelist code reads by its item's name from the published whitelist.
    await card.getByText('法治进校园（FZ）').waitFor();
    await screenshot(page, 'instance-data-campus-entry');
    const text = (await card.textContent()) ?? '';
    expect(text).not.toMatch(UUID);
    for (const name of schoolNames) expect(text).toContain(name);
    // 合并自 links to the absorbed request by its title; that one's 并入申请 links back.
    await card.getByRole('link', { name: String(absorbed!.data.title) }).click();
    await page.waitForURL(new RegExp(`/instances/${absorbed!.id}`));
    const back = page.getByTestId('instance-data');
    await back.getByRole('link', { name: String(survivor!.data.title) }).waitFor();
    expect((await back.textContent()) ?? '').not.toMatch(UUID);
    await screenshot(page, 'instance-data-campus-entry-absorbed');
  });

  it('inspection: the assigned inspector by name, in both languages', async () => {
    const admin = await apiSession(env.server.url, 'admin', env.server.password);
    const [row] = (
      await admin<{ items: Row[] }>('GET', '/instances?definitionKey=security-inspection&state=inspection&limit=1')
    ).items;
    const view = await admin<View>('GET', `/instances/${row!.id}`);
    const inspectorId = view.assignments?.find((a) => a.role === 'inspector')?.userIds[0];
    const inspectorName = inspectorId ? view.refs?.[inspectorId]?.name : null;
    expect(inspectorName).toBeTruthy();

    const page = await open('admin');
    const card = await dataCard(page, row!.id);
    await card.getByText(inspectorName!).waitFor();
    await card.locator('.ant-descriptions-item-label', { hasText: /^网络安全检查员$/ }).waitFor();
    expect((await card.textContent()) ?? '').not.toMatch(UUID);
    await screenshot(page, 'instance-data-inspection');

    await switchToEnglish(page);
    const enCard = await dataCard(page, row!.id);
    await enCard.locator('.ant-descriptions-item-label', { hasText: /^Security inspector$/ }).waitFor();
    await enCard.getByText(inspectorName!).waitFor();
  });
});
