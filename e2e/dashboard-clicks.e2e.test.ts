import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { apiSession } from './api-client';
import { screenshot, signedInPages, useServerAndBrowser, visit } from './harness';
import { pickOption } from './select-option';

type Api = Awaited<ReturnType<typeof apiSession>>;
type Overview = { byWorkflow: Array<{ definitionKey: string; byState: Array<{ state: string; count: number }> }> };
type Org = { id: string; name: string; type: string; parentId: string | null };

/** Every row the user may read under a query, walked to the end of its keyset pages. */
async function all<T extends { id: string }>(api: Api, path: string, query: Record<string, string>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const q = new URLSearchParams({ ...query, limit: '100', ...(cursor ? { cursor } : {}) });
    const page: { items: T[]; nextCursor: string | null } = await api('GET', `${path}?${q.toString()}`);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** The eq filters of a list URL (Refine's synced table params): field → value. */
function filtersOf(url: string): Record<string, string> {
  const params = new URL(url).searchParams;
  const out: Record<string, string> = {};
  for (let i = 0; params.has(`filters[${i}][field]`); i++)
    out[params.get(`filters[${i}][field]`) ?? ''] = params.get(`filters[${i}][value]`) ?? '';
  return out;
}

/**
 * Where to click on a chart's canvas to hit a mark: the charts draw on a canvas (Chart.js), so there is no element per bar.
 * The pixel deepest inside a block of one saturated colour is inside the biggest bar or slice — never on
 * a legend marker, a label or an axis (small, thin or grey). Returns page coordinates, or null if none.
 */
async function markPoint(page: Page, testId: string, canvasIndex = 0): Promise<{ x: number; y: number } | null> {
  const canvas = page.locator(`[data-testid=${testId}] canvas`).nth(canvasIndex);
  await canvas.scrollIntoViewIfNeeded();
  return canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const ctx = c.getContext('2d');
    if (!ctx) return null;
    const { width: w, height: h } = c;
    const px = ctx.getImageData(0, 0, w, h).data;
    const sat = (i: number) =>
      px[i * 4 + 3]! > 200 &&
      Math.max(px[i * 4]!, px[i * 4 + 1]!, px[i * 4 + 2]!) - Math.min(px[i * 4]!, px[i * 4 + 1]!, px[i * 4 + 2]!) > 60;
    const same = (a: number, b: number) => [0, 1, 2].every((k) => Math.abs(px[a * 4 + k]! - px[b * 4 + k]!) < 12);
    const runs = [new Uint16Array(w * h), new Uint16Array(w * h), new Uint16Array(w * h), new Uint16Array(w * h)];
    const [left, right, up, down] = runs as [Uint16Array, Uint16Array, Uint16Array, Uint16Array];
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const i = y * w + x;
        if (!sat(i)) continue;
        left[i] = x > 0 && sat(i - 1) && same(i, i - 1) ? left[i - 1]! + 1 : 1;
        up[i] = y > 0 && sat(i - w) && same(i, i - w) ? up[i - w]! + 1 : 1;
      }
    for (let y = h - 1; y >= 0; y--)
      for (let x = w - 1; x >= 0; x--) {
        const i = y * w + x;
        if (!sat(i)) continue;
        right[i] = x < w - 1 && sat(i + 1) && same(i, i + 1) ? right[i + 1]! + 1 : 1;
        down[i] = y < h - 1 && sat(i + w) && same(i, i + w) ? down[i + w]! + 1 : 1;
      }
    let best = -1;
    let score = 0;
    for (let i = 0; i < w * h; i++) {
      const s = Math.min(left[i]!, right[i]!, up[i]!, down[i]!);
      if (s > score) [best, score] = [i, s];
    }
    if (best < 0 || score < 3) return null;
    const r = c.getBoundingClientRect();
    return { x: r.left + ((best % w) + 0.5) * (r.width / w), y: r.top + (Math.floor(best / w) + 0.5) * (r.height / h) };
  });
}

describe('统计看板 (issue 4): a click on any chart opens its list, filtered by the datum and the dashboard', () => {
  const env = useServerAndBrowser();
  const open = signedInPages(env);

  /** The user's dashboard: opened, or on a page the test already has, gone back to (a page load costs more). */
  async function dashboard(username: string, again?: Page): Promise<Page> {
    const page = again ?? (await open(username, { at: '/dashboard' }));
    if (again) await visit(page, '/dashboard');
    await page.locator('[data-testid=chart-by-workflow] canvas').first().waitFor({ timeout: 20_000 });
    return page;
  }

  const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');

  /** Waits for the chart's marks to stop growing in, then clicks the biggest one; resolves to the list URL. */
  async function clickChart(
    page: Page,
    testId: string,
    canvasIndex = 0,
    leaving = /\/(instances|findings|tasks)\?|\/tasks$/,
  ): Promise<{ url: string; pushes: number }> {
    await page.locator(`[data-testid=${testId}] canvas`).nth(canvasIndex).waitFor({ timeout: 20_000 });
    let point = await markPoint(page, testId, canvasIndex);
    // The marks animate in: wait until two looks agree.
    await expect
      .poll(
        async () => {
          const before = point;
          point = await markPoint(page, testId, canvasIndex);
          return (
            point !== null && before !== null && Math.abs(point.x - before.x) < 2 && Math.abs(point.y - before.y) < 2
          );
        },
        { interval: 400, timeout: 10_000 },
      )
      .toBe(true);
    // Count the navigations the dashboard's code makes: one click must open the list once (undeduped, the
    // old G2 wrapper's double emission and its canvas's double dispatch pushed it four times). The list, once
    // mounted, pushes its own synced URL again from Refine's code: a push is told apart by its call stack,
    // which runs through the dashboard's lazily loaded chunk (assets/dashboard-page-*.js) or not.
    // (Wrapped once per page: a page kept from an earlier test already has the wrapper.)
    await page.evaluate(() => {
      const w = window as unknown as { pushes: string[]; pushState?: History['pushState'] };
      w.pushes = [];
      w.pushState ??= history.pushState.bind(history);
      const push = w.pushState;
      history.pushState = (data, unused, url) => {
        if (/\/assets\/dashboard-page-/.test(new Error().stack ?? '')) w.pushes.push(String(url));
        push(data, unused, url);
      };
    });
    await page.mouse.click(point!.x, point!.y);
    await page.waitForURL(leaving, { timeout: 10_000 });
    const pushed = await page.evaluate(() => (window as unknown as { pushes: string[] }).pushes);
    const pushes = pushed.length;
    if (pushes !== 1) console.log('pushes', pushed);
    return { url: page.url(), pushes };
  }

  const shownIds = (page: Page) => rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row-key')));

  /** The list shows exactly the first page of what the API returns under the URL's filters. */
  async function expectListMatches(
    page: Page,
    api: Api,
    path: string,
    filters: Record<string, string>,
  ): Promise<Array<{ id: string }>> {
    const expected = await all<{ id: string }>(api, path, filters);
    expect(expected.length).toBeGreaterThan(0);
    await rows(page).first().waitFor();
    await expect
      .poll(async () => new Set(await shownIds(page)))
      .toEqual(new Set(expected.slice(0, 20).map((r) => r.id)));
    return expected;
  }

  it('bureau admin: the workflow×state chart opens that workflow in that state, as many as the segment counts', async () => {
    const api = await apiSession(env.server.url, 'admin', env.server.password);
    const page = await dashboard('admin');
    await screenshot(page, 'dashboard-clicks-admin');
    const { url, pushes } = await clickChart(page, 'chart-by-workflow');
    expect(pushes).toBe(1);
    const f = filtersOf(url);
    expect(Object.keys(f).sort()).toEqual(['definitionKey', 'state']);
    const overview = await api<Overview>('GET', '/reports/overview');
    const segment = overview.byWorkflow
      .find((w) => w.definitionKey === f.definitionKey)
      ?.byState.find((s) => s.state === f.state);
    expect(segment?.count).toBeGreaterThan(0);
    const listed = await expectListMatches(page, api, '/instances', f);
    expect(listed.length).toBe(segment?.count);
    await screenshot(page, 'dashboard-clicks-workflow-state');
  });

  it('bureau admin: the overdue bars, the findings bars and slices, the ranking, the whitelist and the award chart each open their list', async () => {
    const api = await apiSession(env.server.url, 'admin', env.server.password);

    let page = await dashboard('admin');
    let click = await clickChart(page, 'chart-overdue');
    expect(click.pushes).toBe(1);
    if (new URL(click.url).pathname === '/tasks') {
      // 负担码 tasks: the inbox is where they are handled.
      expect(new URL(click.url).search).toBe('');
    } else {
      const f = filtersOf(click.url);
      expect(f).toMatchObject({ status: 'running', overdue: '1' });
      const listed = await expectListMatches(page, api, '/instances', f);
      // Each listed instance is overdue, and the filter box says so.
      const items = await all<{ id: string; overdue: boolean }>(api, '/instances', f);
      expect(items.length).toBe(listed.length);
      expect(items.every((i) => i.overdue)).toBe(true);
      expect(await page.getByTestId('filter-instances-overdue').isChecked()).toBe(true);
    }
    await screenshot(page, 'dashboard-clicks-overdue');

    const { round, rounds } = await api<{ round: string; rounds: string[] }>('GET', '/reports/security-inspection');
    expect(round).toBe(rounds[0]);
    for (const [canvasIndex, field] of [
      [0, 'layer'],
      [1, 'severity'],
    ] as const) {
      page = await dashboard('admin', page);
      await expect
        .poll(async () => page.getByTestId('findings-round').textContent(), { timeout: 20_000 })
        .toContain(round);
      click = await clickChart(page, 'chart-findings', canvasIndex);
      expect(click.pushes).toBe(1);
      expect(new URL(click.url).pathname).toBe('/findings');
      const f = filtersOf(click.url);
      // The chart counts the latest round (named in its picker): the list opens on that round's findings.
      expect(Object.keys(f)).toEqual([field, 'round']);
      expect(f.round).toBe(round);
      await expectListMatches(page, api, '/findings', f);
      await screenshot(page, `dashboard-clicks-findings-${field}`);
    }

    page = await dashboard('admin', page);
    click = await clickChart(page, 'chart-ranking');
    expect(click.pushes).toBe(1);
    let f = filtersOf(click.url);
    // Drill-downs select the workflows that declare the block the chart reports on (a bureau's copy too).
    expect(f.block).toBe('groupRollUp');
    const ranked = (
      await api<{ ranking: Array<{ groupId: string; score: number | null }> }>('GET', '/reports/bundled-assessment')
    ).ranking.filter((r) => r.score !== null);
    expect(ranked.map((r) => r.groupId)).toContain(f.orgId);
    await expectListMatches(page, api, '/instances', f);
    await screenshot(page, 'dashboard-clicks-ranking');

    page = await dashboard('admin', page);
    click = await clickChart(page, 'chart-whitelist');
    expect(click.pushes).toBe(1);
    f = filtersOf(click.url);
    // The list cannot filter by the visited school (a request's form data): every campus-entry request.
    expect(f).toEqual({ block: 'entryRules' });
    await expectListMatches(page, api, '/instances', f);
    await screenshot(page, 'dashboard-clicks-whitelist');

    page = await dashboard('admin', page);
    click = await clickChart(page, 'chart-awards');
    expect(click.pushes).toBe(1);
    f = filtersOf(click.url);
    const year = (await api<{ year: string }>('GET', '/reports/teaching-award')).year;
    // The level is not a list filter: the award requests of the report's year.
    expect(f).toEqual({ block: 'levelByQuota', from: `${year}-01-01`, to: `${year}-12-31` });
    await expectListMatches(page, api, '/instances', f);
    await screenshot(page, 'dashboard-clicks-awards');
  });

  it('reviewer: after choosing a group on the dashboard, a chart click carries the group', async () => {
    const api = await apiSession(env.server.url, 'reviewer', env.server.password);
    const orgs = (await api<{ items: Org[] }>('GET', '/orgs')).items;
    const group = orgs.find((o) => o.name === '科学城第一中学教育集团');
    expect(group).toBeTruthy();
    const page = await dashboard('reviewer');
    // The chart was drawn before the filter changed: its click handler must still see the new group.
    const overviewLoaded = page.waitForResponse(
      (r) => r.url().includes('/api/reports/overview') && r.url().includes(`groupId=${group?.id}`),
    );
    await pickOption(
      page.locator('.ant-form-item', { hasText: '教育集团' }).locator('.ant-select'),
      group?.name ?? '—',
      group?.name ?? '—',
    );
    await overviewLoaded;
    // The tags under the chart are drawn from the same rows: once they carry the group, so does the chart's data.
    await page.locator(`[data-testid=workflow-state-links] a[href*="${group?.id}"]`).first().waitFor();
    // The chart draws on the next frame (no growth animation: reduced motion).
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await screenshot(page, 'dashboard-clicks-reviewer-group');
    const { url, pushes } = await clickChart(page, 'chart-by-workflow');
    expect(pushes).toBe(1);
    const f = filtersOf(url);
    expect(f.orgId).toBe(group?.id);
    const overview = await api<Overview>('GET', `/reports/overview?groupId=${group?.id}`);
    const segment = overview.byWorkflow
      .find((w) => w.definitionKey === f.definitionKey)
      ?.byState.find((s) => s.state === f.state);
    expect(segment?.count).toBeGreaterThan(0);
    const listed = await expectListMatches(page, api, '/instances', f);
    expect(listed.length).toBe(segment?.count);
    await screenshot(page, 'dashboard-clicks-reviewer-group-list');
  });
});
