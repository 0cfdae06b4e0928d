import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { apiSession } from './api-client';
import { axeFindings, serious } from './axe';
import { screenshot, signedInPages, useServerAndBrowser, visit } from './harness';

type Row = { id: string };

/** Waits until the page has drawn (no skeleton, spinner or loading select) so axe reads what a person sees. */
async function drawn(page: Page) {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-skeleton, .ant-spin-spinning, .ant-select-loading')
    .first()
    .waitFor({ state: 'detached', timeout: 20_000 });
}

// Issue 12.12: the console for people who use a screen reader or the keyboard (WCAG 2.1 AA, 等保 asks the
// same of public-service systems): axe-core finds nothing serious on the pages each role works in, the focus
// is visible, and a principal's day runs from the keyboard alone.
describe('accessibility', () => {
  const env = useServerAndBrowser();
  const open = signedInPages(env);

  it('axe finds no serious or critical problem on the pages each role works in', async () => {
    const found: Record<string, unknown> = {};
    const login = await (await env.browser.newContext({ locale: 'zh-CN' })).newPage();
    await login.goto(`${env.server.url}/login`);
    await login.locator('#username').waitFor();
    found['/login'] = serious(await axeFindings(login));
    await login.context().close();

    const lead = await apiSession(env.server.url, 'lead1', env.server.password);
    const [assessment] = (await lead<{ items: Row[] }>('GET', '/instances?definitionKey=bundled-assessment')).items;
    const pages: Array<[string, string]> = [
      ['admin', '/'],
      ['principal1', '/'],
      ['principal1', '/tasks'],
      ['principal1', '/instances/create'],
      ['principal1', '/notifications'],
      ['lead1', `/instances/${assessment?.id}`],
      ['inspector1', '/findings'],
      ['teacher1', '/'],
      ['admin', '/definitions'],
    ];
    // One page per person, taken from path to path by the router (a page per path cost a console load each).
    const theirs = new Map<string, Page>();
    for (const [who, path] of pages) {
      let page = theirs.get(who);
      if (page) await visit(page, path);
      else theirs.set(who, (page = await open(who, { at: path })));
      await drawn(page);
      found[`${who} ${path}`] = serious(await axeFindings(page));
    }
    expect(Object.fromEntries(Object.entries(found).filter(([, v]) => (v as unknown[]).length > 0))).toEqual({});
  });

  it('axe finds no serious or critical problem in the workflow designer, read-only or editable', async () => {
    // A published version (read-only) and its new draft (editable): the canvas with the workflow's settings, a
    // step's panel with its form's fields opened, an action's panel (guards, blocks) and the simulator.
    const found: Record<string, unknown> = {};
    const admin = await apiSession(env.server.url, 'admin', env.server.password);
    const inspection = (
      await admin<{ items: Array<{ id: string; key: string }> }>('GET', '/definitions?status=published')
    ).items.find((d) => d.key === 'security-inspection');
    const page = await open('admin');
    const designer = async (mode: string) => {
      await page.getByTestId('designer-node-inspection').waitFor();
      await drawn(page);
      await page.getByTestId('designer-workflow-settings').click();
      found[`designer ${mode}`] = serious(await axeFindings(page));
      // A step is named on the canvas and opened from the keyboard: focused, then Enter.
      await page.getByRole('group', { name: /^现场检查（/ }).focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('designer-state-panel').waitFor();
      const headers = page.locator('[data-testid=designer-form-builder] .ant-collapse-header');
      for (let i = 0; i < (await headers.count()); i++) await headers.nth(i).click();
      // axe reads colours as drawn: not while a panel is still fading in.
      await page.locator('.ant-motion-collapse').first().waitFor({ state: 'detached' });
      found[`designer ${mode}: step`] = serious(await axeFindings(page));
      await screenshot(page, `a11y-designer-${mode}-step`);
      await page.getByTestId('designer-edge-link-on.RAISE_FINDINGS').click();
      await page.getByTestId('designer-transition-panel').waitFor();
      found[`designer ${mode}: action`] = serious(await axeFindings(page));
      await screenshot(page, `a11y-designer-${mode}-action`);
    };
    await visit(page, `/definitions/${inspection?.id}/design`);
    await designer('published');
    await page.getByTestId('designer-new-version').click();
    await page.waitForURL((u) => !u.pathname.includes(inspection?.id ?? '') && u.pathname.endsWith('/design'));
    await designer('draft');
    await page.getByTestId('designer-tab-simulate').click();
    found['designer draft: simulator'] = serious(await axeFindings(page));
    expect(Object.fromEntries(Object.entries(found).filter(([, v]) => (v as unknown[]).length > 0))).toEqual({});
  });

  it('the keyboard focus is visible on links, buttons and menu items', async () => {
    const page = await open('principal1');
    await drawn(page);
    const ring = async () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const s = getComputedStyle(el);
        return { tag: el.tagName, outline: s.outlineStyle !== 'none' && s.outlineWidth !== '0px', shadow: s.boxShadow };
      });
    const seen: string[] = [];
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      const r = await ring();
      if (!r) continue;
      if (!r.outline && (r.shadow === 'none' || !r.shadow)) seen.push(r.tag);
    }
    expect(seen).toEqual([]);
  });

  it('principal1 signs in, opens a task from the desk and acts on it with the keyboard alone', async () => {
    const page = await (
      await env.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })
    ).newPage();
    await page.goto(`${env.server.url}/login`);
    await page.locator('#username').focus();
    await page.keyboard.type('principal1');
    await page.keyboard.press('Tab');
    await page.keyboard.type(env.server.password);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByTestId('home-task').first().waitFor();
    // Tab to the first task's title: a link, opened with Enter.
    const first = page.getByTestId('home-task').first().getByRole('link');
    const title = (await first.textContent()) ?? '';
    for (let i = 0; i < 60 && !(await first.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    expect(await first.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/instances\/[0-9a-f-]{36}/);
    await page.getByTestId('instance-header').waitFor();
    expect(await page.getByTestId('instance-header').textContent()).toContain(title.trim().slice(0, 6));
    // The first action button is reached with Tab and opens its dialog with Enter; Escape closes it.
    const action = page.locator('[data-testid=event-actions] button:not([disabled])').first();
    for (let i = 0; i < 80 && !(await action.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    expect(await action.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.first().waitFor();
    await screenshot(page, 'keyboard-action-dialog');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await page.context().close();
  });

  it('honours the reader’s “reduce motion” setting: no fades or slides, and they come back without it', async () => {
    const durations = async (reducedMotion: 'reduce' | 'no-preference') => {
      const context = await env.browser.newContext({ locale: 'zh-CN', reducedMotion });
      const page = await context.newPage();
      await page.goto(`${env.server.url}/login`);
      const button = page.locator('button[type=submit]');
      await button.waitFor();
      const duration = await button.evaluate((b) => getComputedStyle(b).transitionDuration);
      await context.close();
      return duration.split(',').map((d) => parseFloat(d));
    };
    expect(Math.max(...(await durations('reduce')))).toBeLessThan(0.001);
    expect(Math.max(...(await durations('no-preference')))).toBeGreaterThan(0.05);
  });
});
