import { describe, expect, it } from 'vitest';

import { datesBetween, festivalsOf } from './festivals';

const d = (date: string, name: string) => ({ date, name });

describe('festivals of a statutory year', () => {
  it('groups runs of days off by festival, with their make-up workdays, in date order', () => {
    const holidays = [
      d('2027-10-02', '国庆节'),
      d('2027-10-01', '国庆节'),
      d('2027-10-03', '国庆节'),
      d('2027-01-01', '元旦'),
      d('2027-10-05', '国庆节'),
    ];
    const workdays = [d('2027-10-09', '国庆节'), d('2027-09-26', '国庆节'), d('2027-01-03', '补班日')];
    expect(festivalsOf(holidays, workdays)).toEqual([
      { name: '元旦', ranges: [['2027-01-01', '2027-01-01']], makeUp: [] },
      { name: '补班日', ranges: [], makeUp: ['2027-01-03'] },
      {
        name: '国庆节',
        ranges: [
          ['2027-10-01', '2027-10-03'],
          ['2027-10-05', '2027-10-05'],
        ],
        makeUp: ['2027-09-26', '2027-10-09'],
      },
    ]);
  });

  it('expands a run back into dates across a month end', () => {
    expect(datesBetween('2027-01-30', '2027-02-02')).toEqual(['2027-01-30', '2027-01-31', '2027-02-01', '2027-02-02']);
    expect(datesBetween('2027-02-02', '2027-01-30')).toEqual([]);
  });
});
