import { describe, expect, it } from 'vitest';

import { parseDefinition } from './definition/validate.js';
import { titleOf } from './instance-title.js';
import { TEMPLATES } from './templates/index.js';

const parsed = (key: string, patch: Record<string, unknown> = {}) => parseDefinition({ ...TEMPLATES[key], ...patch });

describe('instance titles declared by the definition', () => {
  it('fills the placeholders from the data, in both languages', () => {
    const r = parsed('bundled-assessment');
    if (!r.ok) throw new Error('template does not parse');
    expect(titleOf(r.definition, { cycle: '2026', indicatorSystem: 'bundled-2026' })).toEqual({
      'zh-CN': '2026年度捆绑式考核',
      en: '2026 bundled assessment',
    });
  });

  it('has no title when the declared field is empty or the definition declares none (the workflow name stands in)', () => {
    const r = parsed('campus-entry');
    if (!r.ok) throw new Error('template does not parse');
    expect(titleOf(r.definition, { title: '  ' })).toBeNull();
    expect(titleOf(r.definition, { title: '科普讲座' })).toEqual({ 'zh-CN': '科普讲座', en: '科普讲座' });
    const { title: _omit, ...rest } = TEMPLATES['campus-entry'];
    const bare = parseDefinition(rest);
    if (!bare.ok) throw new Error('copy without a title does not parse');
    expect(titleOf(bare.definition, { title: '科普讲座' })).toBeNull();
  });

  it('refuses a title naming a field no form declares, pinned on the title', () => {
    const r = parsed('teaching-award', { title: { 'zh-CN': '{headline}', en: '{title}' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([expect.objectContaining({ path: 'title.zh-CN', code: 'UNKNOWN_FIELD' })]);
  });

  it('a copy under another key keeps the title its document declares', () => {
    const r = parsed('teaching-award', {
      key: 'district-course-award',
      title: { 'zh-CN': '精品课：{title}', en: 'Course: {title}' },
    });
    if (!r.ok) throw new Error('copy does not parse');
    expect(titleOf(r.definition, { title: '初中物理实验探究' })).toEqual({
      'zh-CN': '精品课：初中物理实验探究',
      en: 'Course: 初中物理实验探究',
    });
  });
});
