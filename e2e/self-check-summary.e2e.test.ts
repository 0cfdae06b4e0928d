import { describe, expect, it } from 'vitest';

import { apiSession } from './api-client';
import { screenshot, signedInPages, useServerAndBrowser, visit } from './harness';

// Issue 12, item 5: the submit dialog shows the draft's 自查说明 beside the checklist and lets the principal
// edit it; a 不符合 item under a summary that says 均符合要求 is sent back naming the item. 西永中学 (principal1)
// saved its self-check as a draft: every item 符合, summary "已完成全部检查项自查，均符合要求。".
type Row = { id: string; state: string };

describe('principal: the self-check summary follows the checklist', () => {
  const env = useServerAndBrowser();
  const errors: string[] = [];
  const signedIn = signedInPages(env);

  // The phone first: it stops at the refusal, the desktop then submits the fix (the demo has one self-check open).
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1440, height: 900 },
  ])
    it(`edits the summary in the submit dialog and is asked to fix a contradiction (${viewport.width}px)`, async () => {
      const principal = await apiSession(env.server.url, 'principal1', env.server.password);
      const list = await principal<{ items: Row[] }>('GET', '/instances?definitionKey=security-inspection');
      const selfCheck = list.items.find((i) => i.state === 'selfCheck');
      expect(selfCheck).toBeTruthy();
      const id = selfCheck?.id ?? '';
      const before = await principal<{ version: number }>('GET', `/instances/${id}`);

      const page = await signedIn('principal1', { viewport, onError: (m) => errors.push(m) });
      await visit(page, `/instances/${id}`);
      await page.locator('[data-event=SUBMIT]').click();
      const modal = page.locator('.ant-modal-content');
      await modal.waitFor();
      // The draft's summary is in the dialog, after the checklist, and may be edited there.
      const summary = modal.locator('textarea#selfCheckNotes');
      await summary.waitFor();
      expect(await summary.inputValue()).toBe('已完成全部检查项自查，均符合要求。');

      // Mark one item 不符合 while the summary still says all is well: asked to fix it, nothing is submitted.
      const host = modal.getByTestId('checklist-item-HOST-01');
      await host.getByText('不符合', { exact: true }).click();
      await page.getByTestId('event-submit').click();
      const error = page.getByTestId('event-error');
      await error.waitFor();
      expect(await error.textContent()).toContain('说明写有“均符合要求”，但以下 1 项标为不符合：HOST-01');
      const fieldError = modal
        .locator('.ant-form-item', { has: page.locator('textarea#selfCheckNotes') })
        .locator('.ant-form-item-explain-error');
      await expect.poll(() => fieldError.textContent()).toContain('HOST-01');
      await fieldError.scrollIntoViewIfNeeded();
      await screenshot(page, `self-check-summary-refused-${viewport.width}`);
      expect((await principal<{ version: number; state: string }>('GET', `/instances/${id}`)).version).toBe(
        before.version,
      );

      if (viewport.width < 768) return;
      await summary.fill('服务器存在弱口令（HOST-01），已列入整改，其余均符合要求。');
      await page.getByTestId('event-submit').click();
      await modal.waitFor({ state: 'hidden' });
      await expect.poll(() => page.getByTestId('current-state').textContent()).toContain('现场检查');
      const after = await principal<{ data: Record<string, unknown> }>('GET', `/instances/${id}`);
      expect(after.data.selfCheckNotes).toBe('服务器存在弱口令（HOST-01），已列入整改，其余均符合要求。');
      expect(errors).toEqual([]);
    });
});
