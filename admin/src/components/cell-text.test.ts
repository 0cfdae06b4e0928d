import i18next from 'i18next';
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';

import { theme } from '../config/theme';
import { DateText } from './date-text';
import { InstanceName } from './instance-name';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({
    lng: 'zh-CN',
    showSupportNotice: false,
    resources: { 'zh-CN': { translation: { common: { none: '无' }, tasks: { overdue: '已逾期' } } } },
  });
});
const html = (node: ReturnType<typeof h>) => renderToStaticMarkup(h(I18nextProvider, { i18n }, node));

// What every list row draws is plain elements in the theme's colours, not antd's Typography and Space (each a
// dozen hooks per cell): the same look, read the same way.
describe('list cells', () => {
  it('DateText: the district time, and an overdue one red, strong and marked; the full time on hover', () => {
    expect(html(h(DateText, { value: '2026-12-06T16:30:00Z' }))).toBe(
      '<span title="2026-12-07 00:30:00 +08:00">2026-12-07 00:30</span>',
    );
    expect(html(h(DateText, { value: '2026-12-06T16:30:00Z', overdue: true }))).toBe(
      `<span title="2026-12-07 00:30:00 +08:00" style="color:${theme.token?.colorError}"><strong>2026-12-07 00:30 · 已逾期</strong></span>`,
    );
    expect(html(h(DateText, { value: null }))).toBe(
      `<span style="color:${theme.token?.colorTextDescription}">无</span>`,
    );
  });

  it('InstanceName: the title strong over its workflow, which is left out when it says the same', () => {
    const both = html(
      h(InstanceName, {
        title: { 'zh-CN': '2026年秋季网络安全检查', en: 'Network security inspection, autumn 2026' },
        workflow: '网络安全检查',
      }),
    );
    expect(both).toContain('<strong>2026年秋季网络安全检查</strong>');
    expect(both).toContain(
      `<span style="color:${theme.token?.colorTextDescription};font-size:12px">网络安全检查</span>`,
    );
    expect(both).not.toContain('ant-');
    expect(html(h(InstanceName, { title: '网络安全检查', workflow: '网络安全检查' }))).not.toContain('font-size:12px');
  });
});
