import { describe, expect, it } from 'vitest';

import { checkEntryRequest } from './check-request.js';
import { semesterOf, zWhitelist } from './whitelist.js';

const whitelist = zWhitelist.parse({
  year: 2026,
  items: [
    {
      code: 'SCI-01',
      name: '科普进校园',
      leadUnit: '区科协',
      basis: '《全民科学素质行动规划纲要》',
      content: '科普讲座与展览',
      form: '讲座',
      window: { from: '2026-09-01', to: '2026-12-31' },
      frequencyPerSemester: 1,
    },
  ],
});
const base = {
  itemCode: 'SCI-01',
  schoolIds: ['s1'],
  date: '2026-12-10',
  filedOn: '2026-11-01',
  commercial: false,
  feeCharging: false,
};
const none = { perSchool: {}, perSchoolItem: {} };
const rules = (r: ReturnType<typeof checkEntryRequest>) => r.map((x) => x.rule);

describe('campus-entry automatic checks', () => {
  it('passes a whitelisted, timely, non-commercial request under the caps', () => {
    expect(checkEntryRequest(base, whitelist, none)).toEqual([]);
  });

  it('refuses what is not whitelisted, naming the rule', () => {
    expect(rules(checkEntryRequest({ ...base, itemCode: 'ADS-99' }, whitelist, none))).toEqual(['onWhitelist']);
  });

  it('refuses outside the window, too late, commercial', () => {
    expect(
      rules(
        checkEntryRequest({ ...base, date: '2027-01-05', filedOn: '2026-12-20', feeCharging: true }, whitelist, none),
      ),
    ).toEqual(['inWindow', 'leadTime', 'notCommercial']);
  });

  it('waives the lead time for an approved emergency addition but still counts caps', () => {
    const usage = { perSchool: { s1: 6 }, perSchoolItem: { 's1:SCI-01': 1 } };
    expect(rules(checkEntryRequest({ ...base, filedOn: '2026-12-09', emergency: true }, whitelist, usage))).toEqual([
      'schoolCap',
      'itemFrequency',
    ]);
  });

  it('knows the school semesters', () => {
    expect([semesterOf('2026-09-01'), semesterOf('2027-01-15'), semesterOf('2027-03-01')]).toEqual([
      '2026-autumn',
      '2026-autumn',
      '2027-spring',
    ]);
  });
});
