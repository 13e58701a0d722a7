import { describe, expect, it } from 'vitest';
import { titleObtainedOn } from '../../src/facts/titles.js';
import { toReportValue } from '../../src/report/values.js';
import { parsed } from '../support/profiles.js';

const obtained = (profile: unknown, atLeast: 'clerk' | 'intermediate' | 'deputy_senior', yearsEarly?: number) => {
  const result = titleObtainedOn.compute(parsed(profile), { atLeast, ...(yearsEarly !== undefined && { yearsEarly }) });
  return result.known ? toReportValue(result.value) : { missing: result.missing };
};

describe('titleObtainedOn', () => {
  it('is the earliest date of a title at the level or higher', () => {
    const titles = [
      { level: 'deputy_senior', obtainedOn: '2020-03-01' },
      { level: 'intermediate', obtainedOn: '2014-07-15' },
      { level: 'assistant', obtainedOn: '2010-01-01' },
    ];
    expect(obtained({ titles }, 'intermediate')).toBe('2014-07-15');
    expect(obtained({ titles }, 'deputy_senior')).toBe('2020-03-01');
    expect(obtained({ titles }, 'clerk')).toBe('2010-01-01');
  });

  it('counts a higher title as meeting a lower requirement', () => {
    expect(obtained({ titles: [{ level: 'senior', obtainedOn: '2019-09-09' }] }, 'intermediate')).toBe('2019-09-09');
  });

  it('is null when the applicant holds no such title', () => {
    expect(obtained({ titles: [] }, 'intermediate')).toBeNull();
    expect(obtained({ titles: [{ level: 'assistant', obtainedOn: '2010-01-01' }] }, 'intermediate')).toBeNull();
  });

  it('is unknown without titles, or while a possibly earlier title lacks its level or date', () => {
    expect(obtained({}, 'intermediate')).toEqual({ missing: ['titles'] });
    expect(obtained({ titles: [{ level: 'intermediate', obtainedOn: '2015-01-01' }, { level: 'senior' }] }, 'intermediate')).toEqual({ missing: ['titles.1.obtainedOn'] });
    expect(obtained({ titles: [{ obtainedOn: '2015-01-01' }] }, 'intermediate')).toEqual({ missing: ['titles.0.level'] });
  });

  it('ignores a dateless title below the level asked', () => {
    expect(obtained({ titles: [{ level: 'assistant' }, { level: 'intermediate', obtainedOn: '2015-01-01' }] }, 'intermediate')).toBe('2015-01-01');
  });

  it('moves the date whole years earlier for early routes, leap days to 28 February', () => {
    expect(obtained({ titles: [{ level: 'intermediate', obtainedOn: '2019-12-31' }] }, 'intermediate', 1)).toBe('2018-12-31');
    expect(obtained({ titles: [{ level: 'intermediate', obtainedOn: '2020-02-29' }] }, 'intermediate', 1)).toBe('2019-02-28');
  });
});
