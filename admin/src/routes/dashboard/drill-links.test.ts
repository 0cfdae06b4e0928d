import { describe, expect, it } from 'vitest';

import { drillToInstances } from './drill-links';

describe('drillToInstances', () => {
  /** The eq filters a link carries, as the synced instance table reads them back: field → value. */
  const filtersOf = (link: string) => {
    const params = new URLSearchParams(link.split('?')[1]);
    const out: Record<string, string> = {};
    for (let i = 0; params.has(`filters[${i}][field]`); i++)
      out[params.get(`filters[${i}][field]`) ?? ''] = params.get(`filters[${i}][value]`) ?? '';
    return out;
  };

  it('carries the dashboard period and school (over the group) with the clicked datum', () => {
    const link = drillToInstances(
      { from: '2026-09-01T00:00:00.000Z', to: '2026-09-30T15:59:59.999Z', groupId: 'g1', schoolId: 's1' },
      { definitionKey: 'campus-entry', state: 'review' },
    );
    expect(filtersOf(link)).toEqual({
      orgId: 's1',
      definitionKey: 'campus-entry',
      state: 'review',
      from: '2026-09-01T00:00:00.000Z',
      to: '2026-09-30T15:59:59.999Z',
    });
  });

  it('uses the group when no school is chosen, and a clicked organisation over both', () => {
    expect(filtersOf(drillToInstances({ groupId: 'g1' }, { definitionKey: 'x' }))).toEqual({
      orgId: 'g1',
      definitionKey: 'x',
    });
    expect(
      filtersOf(drillToInstances({ groupId: 'g1', schoolId: 's1' }, { definitionKey: 'campus-entry', orgId: 's9' })),
    ).toEqual({ orgId: 's9', definitionKey: 'campus-entry' });
  });
});
