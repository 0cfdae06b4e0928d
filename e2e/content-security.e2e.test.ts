import { describe, expect, it } from 'vitest';

import { screenshot, signedInPages, useServerAndBrowser } from './harness';

// Issue 10.7: the console runs under a strict Content-Security-Policy (no inline script; styles as antd
// writes them): no violation is reported while the bureau's dashboard, the designer and a form render.
describe('Content-Security-Policy', () => {
  const env = useServerAndBrowser();
  const open = signedInPages(env);

  it('the console is served with the policy and renders its busiest pages without a violation', async () => {
    const page = await open('admin');
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(
          `Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
        ),
      );
    });
    const res = await page.goto(`${env.server.url}/`);
    const csp = res?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    await page.getByTestId('dashboard').or(page.locator('.ant-layout-content')).first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.goto(`${env.server.url}/definitions`);
    await page.locator('.ant-table').first().waitFor();
    await page.goto(`${env.server.url}/instances/create`);
    await page.locator('form').first().waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'csp-console');
    expect(violations).toEqual([]);
  });
});
