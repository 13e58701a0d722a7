import { describe, expect, it } from 'vitest';
import { listHas, yearsSinceEntry } from '../../src/facts/lists.js';
import { parsed } from '../support/profiles.js';

const has = (profile: unknown, params: unknown) => listHas.compute(parsed(profile), listHas.params.parse(params));
const years = (profile: unknown, params: unknown) => yearsSinceEntry.compute(parsed(profile), yearsSinceEntry.params.parse(params));

describe('listHas', () => {
  const examPasses = [{ kind: 'national_professional_qualification', series: 'accounting', level: 'deputy_senior', passedOn: '2023-09-10' }];

  it('finds an entry matching every field, a value or one of several', () => {
    expect(has({ examPasses }, { list: 'examPasses', where: { series: 'accounting', level: 'deputy_senior' } })).toEqual({ known: true, value: true });
    expect(has({ examPasses }, { list: 'examPasses', where: { series: ['economics', 'accounting'] } })).toEqual({ known: true, value: true });
    expect(has({ examPasses }, { list: 'examPasses', where: { series: 'audit' } })).toEqual({ known: true, value: false });
  });

  it('is unknown without the list, or while an entry lacks a field that decides it', () => {
    expect(has({}, { list: 'awards' })).toEqual({ known: false, missing: ['awards'] });
    expect(has({ examPasses: [{ series: 'accounting' }] }, { list: 'examPasses', where: { series: 'accounting', level: 'deputy_senior' } })).toEqual({ known: false, missing: ['examPasses.0.level'] });
  });

  it('refuses lists and fields the profile does not have, and values they do not allow', () => {
    expect(listHas.params.safeParse({ list: 'hobbies' }).success).toBe(false);
    expect(listHas.params.safeParse({ list: 'examPasses', where: { score: 90 } }).success).toBe(false);
    expect(listHas.params.safeParse({ list: 'examPasses', where: { series: 'astrology' } }).success).toBe(false);
  });
});

describe('yearsSinceEntry', () => {
  const skills = [
    { level: 'technician', obtainedOn: '2021-03-01' },
    { level: 'senior_worker', obtainedOn: '2017-06-30' },
  ];
  const params = { list: 'skills', where: { level: ['technician', 'senior_technician'] }, dateField: 'obtainedOn' };

  it('counts full years from the earliest match to the application day', () => {
    expect(years({ skills, application: { submittedOn: '2024-02-29' } }, params)).toEqual({ known: true, value: 2 });
    expect(years({ skills, application: { submittedOn: '2024-03-01' } }, params)).toEqual({ known: true, value: 3 });
  });

  it('counts to a fixed day when the notice names one', () => {
    expect(years({ skills }, { ...params, until: '2025-12-31' })).toEqual({ known: true, value: 4 });
  });

  it('is null with no match, and unknown without the application day', () => {
    expect(years({ skills: [], application: { submittedOn: '2024-01-01' } }, params)).toEqual({ known: true, value: null });
    expect(years({ skills }, params)).toEqual({ known: false, missing: ['application.submittedOn'] });
  });

  it('takes only a date field of the entries', () => {
    expect(yearsSinceEntry.params.safeParse({ list: 'skills', dateField: 'level' }).success).toBe(false);
  });

  it('with notBefore, counts from the later of the entry and that day (years of work after a diploma)', () => {
    const education = [{ level: 'bachelor', obtainedOn: '2014-06-30' }];
    const params = { list: 'education', dateField: 'obtainedOn', notBefore: 'employment.specialtyWorkStartedOn' };
    const on = (employment: object) => years({ education, employment, application: { submittedOn: '2020-08-25' } }, params);
    expect(on({ specialtyWorkStartedOn: '2014-07-15' })).toEqual({ known: true, value: 6 });
    expect(on({ specialtyWorkStartedOn: '2017-03-01' })).toEqual({ known: true, value: 3 });
    expect(on({ specialtyWorkStartedOn: '2010-01-01' })).toEqual({ known: true, value: 6 }); // work before the diploma does not count
    // Without the start of work, the years since the diploma are an upper bound: too few decides, enough waits.
    expect(on({})).toEqual({ known: false, missing: ['employment.specialtyWorkStartedOn'], atMost: 6 });
    expect(yearsSinceEntry.params.safeParse({ ...params, notBefore: 'employment.city' }).success).toBe(false);
  });
});
