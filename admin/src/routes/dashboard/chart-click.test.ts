import { describe, expect, it } from 'vitest';
import { createClickFilter } from './chart-click';
import { drillToInstances } from './drill-links';

/** An event as @ant-design/plots hands it to onEvent for a click on a bar or slice. */
const barClick = (datum: unknown, timeStamp?: number) => ({ type: 'click', nativeEvent: true, ...(timeStamp === undefined ? {} : { timeStamp }), data: { data: datum } });

describe('createClickFilter', () => {
  it('lets a real click on a datum through once, though the wrapper emits the same event twice', () => {
    const clicked = createClickFilter();
    const e = barClick({ definitionKey: 'campus-entry', stateId: 'review' });
    expect(clicked(e)).toEqual({ definitionKey: 'campus-entry', stateId: 'review' });
    // element:click then interval:click: the same object again is the same click.
    expect(clicked(e)).toBeNull();
    // The next click is a new object, and goes through.
    expect(clicked(barClick({ definitionKey: 'campus-entry', stateId: 'done' }))).toEqual({ definitionKey: 'campus-entry', stateId: 'done' });
  });

  it('lets one physical click through once though the canvas dispatches it again as new objects (same timeStamp)', () => {
    const clicked = createClickFilter();
    const first = barClick({ groupId: 'g1' }, 2977.7);
    expect(clicked(first)).toEqual({ groupId: 'g1' });
    expect(clicked(first)).toBeNull();
    expect(clicked(barClick({ groupId: 'g1' }, 2977.7))).toBeNull();
    expect(clicked(barClick({ groupId: 'g1' }, 2977.7))).toBeNull();
    // A second click, later: through again.
    expect(clicked(barClick({ groupId: 'g2' }, 3512.4))).toEqual({ groupId: 'g2' });
  });

  it('ignores events that are not native clicks (hover, G2’s own element:click, synthetic re-emissions)', () => {
    const clicked = createClickFilter();
    expect(clicked({ type: 'element:click', data: { data: { k: 1 } } })).toBeNull();
    expect(clicked({ type: 'click', nativeEvent: false, data: { data: { k: 1 } } })).toBeNull();
    expect(clicked({ type: 'click', data: { data: { k: 1 } } })).toBeNull();
    expect(clicked({ type: 'pointermove', nativeEvent: true, data: { data: { k: 1 } } })).toBeNull();
    expect(clicked(null)).toBeNull();
    expect(clicked('click')).toBeNull();
  });

  it('ignores clicks on empty plot area, axes or legend: no datum, or not a row', () => {
    const clicked = createClickFilter();
    expect(clicked({ type: 'click', nativeEvent: true })).toBeNull();
    expect(clicked({ type: 'click', nativeEvent: true, data: {} })).toBeNull();
    expect(clicked(barClick(null))).toBeNull();
    expect(clicked(barClick([{ k: 1 }]))).toBeNull();
    expect(clicked(barClick('物理安全'))).toBeNull();
  });

  it('keeps one chart’s events apart from another’s', () => {
    const a = createClickFilter();
    const b = createClickFilter();
    const e = barClick({ key: 'high' });
    expect(a(e)).toEqual({ key: 'high' });
    expect(b(e)).toEqual({ key: 'high' });
  });
});

describe('drillToInstances', () => {
  /** The eq filters a link carries, as the synced instance table reads them back: field → value. */
  const filtersOf = (link: string) => {
    const params = new URLSearchParams(link.split('?')[1]);
    const out: Record<string, string> = {};
    for (let i = 0; params.has(`filters[${i}][field]`); i++) out[params.get(`filters[${i}][field]`) ?? ''] = params.get(`filters[${i}][value]`) ?? '';
    return out;
  };

  it('carries the dashboard period and school (over the group) with the clicked datum', () => {
    const link = drillToInstances({ from: '2026-09-01T00:00:00.000Z', to: '2026-09-30T15:59:59.999Z', groupId: 'g1', schoolId: 's1' }, { definitionKey: 'campus-entry', state: 'review' });
    expect(filtersOf(link)).toEqual({ orgId: 's1', definitionKey: 'campus-entry', state: 'review', from: '2026-09-01T00:00:00.000Z', to: '2026-09-30T15:59:59.999Z' });
  });

  it('uses the group when no school is chosen, and a clicked organisation over both', () => {
    expect(filtersOf(drillToInstances({ groupId: 'g1' }, { definitionKey: 'x' }))).toEqual({ orgId: 'g1', definitionKey: 'x' });
    expect(filtersOf(drillToInstances({ groupId: 'g1', schoolId: 's1' }, { definitionKey: 'campus-entry', orgId: 's9' }))).toEqual({ orgId: 's9', definitionKey: 'campus-entry' });
  });
});
