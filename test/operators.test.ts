import { describe, expect, it } from 'vitest';
import { OPERATORS } from '../src/operators/index.js';
import { parseCalendarDate } from '../src/dates/calendar-date.js';

const op = (name: string) => OPERATORS.get(name)!;
const day = (text: string) => parseCalendarDate(text)!;

describe('operators', () => {
  it('compare dates by calendar day, inclusive where the name says so', () => {
    expect(op('dateOnOrBefore').test(day('2018-12-31'), day('2018-12-31'))).toBe(true);
    expect(op('dateBefore').test(day('2018-12-31'), day('2018-12-31'))).toBe(false);
    expect(op('dateOnOrAfter').test(day('2019-01-01'), day('2018-12-31'))).toBe(true);
    expect(op('dateAfter').test(day('2018-12-30'), day('2018-12-31'))).toBe(false);
  });

  it('compare numbers only: strings, null and NaN are false, not coerced', () => {
    expect(op('greaterThanInclusive').test(360, 360)).toBe(true);
    expect(op('greaterThanInclusive').test('400', 360)).toBe(false);
    expect(op('greaterThanInclusive').test(null, 360)).toBe(false);
    expect(op('greaterThanInclusive').test(Number.NaN, 360)).toBe(false);
    expect(op('lessThan').test(1, 2)).toBe(true);
  });

  it('treat a missing (null) title date as failing a date comparison', () => {
    expect(op('dateOnOrBefore').test(null, day('2018-12-31'))).toBe(false);
  });

  it('equal, in and their negations', () => {
    expect(op('equal').test(false, false)).toBe(true);
    expect(op('equal').test(day('2020-01-01'), day('2020-01-01'))).toBe(true);
    expect(op('notEqual').test('enterprise', 'public_institution')).toBe(true);
    expect(op('in').test('senior', ['deputy_senior', 'senior'])).toBe(true);
    expect(op('notIn').test('health', ['primary_secondary_teachers', 'health'])).toBe(false);
  });

  it('check the value a rule set gives them', () => {
    expect(op('dateOnOrBefore').value.safeParse('2023-02-29').success).toBe(false);
    expect(op('greaterThanInclusive').value.safeParse('360').success).toBe(false);
    expect(op('in').value.safeParse([]).success).toBe(false);
  });
});
