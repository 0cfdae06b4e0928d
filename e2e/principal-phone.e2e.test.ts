import { createHash } from 'node:crypto';

import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { axeFindings, serious } from './axe';
import { fitsWidth, PHONE, shoot, withinScreen } from './devices';
import { signedInPages, useServerAndBrowser, visit } from './harness';
import { PHOTO, photo } from './photo';

/** Elements wider than the text they hold (by more than a pixel), as their texts. */
const wider = (el: Locator) =>
  el.evaluateAll((nodes) =>
    nodes
      .filter((n) => {
        const text = document.createRange();
        text.selectNodeContents(n);
        return n.getBoundingClientRect().width > text.getBoundingClientRect().width + 1;
      })
      .map((n) => n.textContent),
  );

/** Taller than wide by far means a character per line: the text had no room. */
const squeezed = (el: Locator) =>
  el.evaluateAll((nodes) =>
    nodes
      .map((n) => n.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 2 * r.width)
      .map((r) => `${Math.round(r.width)}×${Math.round(r.height)}`),
  );

// Issue 12.8: at 390 px the to-do table wrapped its cells a character per line. On a phone 我的待办 is a list of
// cards; principal1 opens the self-check from one, submits it, and sees it move on to 现场检查 and leave the inbox.
describe('principal1 on a phone (390×844)', () => {
  const env = useServerAndBrowser();
  const open = signedInPages(env);

  it('reads 我的待办 as cards, opens the self-check, submits it and sees the state move on', async () => {
    const errors: string[] = [];
    const page = await open('principal1', {
      at: '/tasks',
      viewport: PHONE,
      hasTouch: true,
      onError: (m) => errors.push(m),
    });
    const inbox = page.locator('[data-testid=task-table]');
    const cards = inbox.getByTestId('row-card');
    await cards.first().waitFor();
    expect(await inbox.getAttribute('data-layout')).toBe('cards');
    expect(await page.locator('[data-testid=task-table] table').count()).toBe(0);
    const before = await cards.count();
    // Each card names its task in full width and labels its values; nothing is squeezed or off the screen.
    const selfCheck = cards.filter({ hasText: '学校自查' }).first();
    expect(await selfCheck.textContent()).toContain('办理期限');
    await withinScreen(page, selfCheck);
    await withinScreen(page, selfCheck.getByRole('link').first());
    expect(await squeezed(inbox.locator('a, dd, dt'))).toEqual([]);
    await withinScreen(page, page.getByTestId('current-user'));
    await fitsWidth(page);
    await shoot(page, 'principal-phone-inbox');
    // The cards read as a list, each value after its label, to a screen reader too.
    expect(serious(await axeFindings(page))).toEqual([]);

    // A tap anywhere on the card opens the task.
    await selfCheck.getByText('办理期限').click();
    await page.waitForURL(/\/instances\/[0-9a-f-]{36}$/);
    const state = page.getByTestId('current-state');
    await expect.poll(() => state.textContent()).toBe('学校自查');
    await fitsWidth(page);
    await shoot(page, 'principal-phone-task');

    // Evidence from the phone: a photo uploaded to the instance is listed with its SHA-256.
    await page.getByTestId('attachments').locator('input[type=file]').setInputFiles(photo('机房门禁照片.png'));
    const attachment = page.getByTestId('attachment-row').first();
    await attachment.waitFor({ timeout: 20_000 });
    expect(await attachment.textContent()).toContain('机房门禁照片.png');
    expect(await attachment.getByTestId('attachment-sha').textContent()).toContain(
      createHash('sha256').update(PHOTO).digest('hex').slice(0, 16),
    );
    await attachment.scrollIntoViewIfNeeded();
    await fitsWidth(page);
    await shoot(page, 'principal-phone-evidence');

    await page.locator('[data-event=SUBMIT]').click();
    const modal = page.locator('.ant-modal-content');
    await modal.locator('textarea#selfCheckNotes').waitFor();
    await withinScreen(page, page.getByTestId('event-submit'));
    await fitsWidth(page);
    await shoot(page, 'principal-phone-submit');
    await page.getByTestId('event-submit').click();
    await modal.waitFor({ state: 'hidden', timeout: 20_000 });
    await expect.poll(() => state.textContent(), { timeout: 20_000 }).toBe('现场检查');
    await fitsWidth(page);

    // Done here: the inbox has one card fewer, and no self-check.
    await visit(page, `/tasks`);
    await cards.first().waitFor();
    await expect.poll(() => cards.count()).toBe(before - 1);
    expect(await cards.filter({ hasText: '学校自查' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('已办, 消息中心 and 流程实例 are cards too, and so is the findings ledger (an inspector on a phone)', async () => {
    for (const [who, path, list] of [
      ['principal1', '/tasks/done', 'done-task-table'],
      ['principal1', '/notifications', 'inbox-table'],
      ['principal1', '/instances', 'instance-table'],
      ['inspector1', '/findings', 'finding-table'],
    ] as const) {
      const page = await open(who, { at: `${path}`, viewport: PHONE, hasTouch: true });
      const cards = page.getByTestId('row-card');
      await cards.first().waitFor();
      expect(await page.getByTestId(list).getAttribute('data-layout')).toBe('cards');
      expect(await page.locator('.ant-table').count()).toBe(0);
      expect(await squeezed(page.locator('[data-testid=row-card] :is(a, dd, dt)'))).toEqual([]);
      // A card's title link is as wide as its text: a tap beside it is the card's, not the link's (hovered, a
      // link stretched across the card drew its lighter hover colour wherever the finger had last been).
      expect(await wider(page.locator('[data-testid=instance-name] a'))).toEqual([]);
      await fitsWidth(page);
      expect(serious(await axeFindings(page))).toEqual([]);
      await shoot(page, `${who}-phone${path.replaceAll('/', '-')}`);
    }
  });
  it('流程实例 folds its filters behind 筛选: the first card is on the first screen, a filter set is counted and kept', async () => {
    const page = await open('principal1', { at: '/instances', viewport: PHONE, hasTouch: true });
    const cards = page.getByTestId('row-card');
    await cards.first().waitFor();
    const toggle = page.getByTestId('filter-toggle');
    expect(await toggle.textContent()).toContain('筛选');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByTestId('filter-instances-q').isVisible()).toBe(false);
    // Folded, the list starts on the first screen.
    expect((await cards.first().boundingBox())!.y).toBeLessThan(PHONE.height);

    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await fitsWidth(page);
    await shoot(page, 'principal-phone-filters');
    await page.getByTestId('filter-instances-overdue').check();
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect.poll(() => toggle.textContent()).toContain('已设 1 项');
    // Folding again keeps the filter and its query.
    await toggle.click();
    expect(await page.getByTestId('filter-instances-overdue').isChecked()).toBe(true);
    expect(await page.getByTestId('filter-instances-overdue').isVisible()).toBe(false);
    expect(await toggle.textContent()).toContain('已设 1 项');
  });
});
