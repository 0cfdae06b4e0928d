import { describe, expect, it } from 'vitest';

import { instanceListLink } from '../../lib/instance-link';
import { toPairs } from './normalize';

describe('toPairs', () => {
  it('reads arrays of rows and plain count maps alike', () => {
    expect(toPairs([{ layer: 'network', name: { 'zh-CN': '网络安全', en: 'Network' }, count: 3 }])).toEqual([
      { key: 'network', label: { 'zh-CN': '网络安全', en: 'Network' }, count: 3 },
    ]);
    expect(toPairs({ high: 2, low: 1 })).toEqual([
      { key: 'high', label: 'high', count: 2 },
      { key: 'low', label: 'low', count: 1 },
    ]);
    expect(toPairs(undefined)).toEqual([]);
  });
});

describe('instanceListLink', () => {
  it('encodes the filters the way the synced instance table reads them', () => {
    const link = instanceListLink({ definitionKey: 'security-inspection', state: 'rectification', orgId: undefined });
    expect(link.startsWith('/instances?')).toBe(true);
    expect(decodeURIComponent(link)).toContain('filters[0][field]=definitionKey');
    expect(decodeURIComponent(link)).toContain('filters[1][value]=rectification');
    expect(link).not.toContain('orgId');
  });
});
