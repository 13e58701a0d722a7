import { describe, expect, it } from 'vitest';
import { continuingEducationHours, continuingEducationRequired, type CeCategory } from '../../src/facts/continuing-education.js';
import { parsed } from '../support/profiles.js';

const years = (from: number, to: number, entry: Record<string, number>) =>
  Array.from({ length: to - from + 1 }, (_, index) => ({ year: from + index, ...entry }));

const hours = (profile: unknown, categories: CeCategory[], from = 2020, to = 2023, sinceTitle?: 'clerk') =>
  continuingEducationHours.compute(parsed(profile), continuingEducationHours.params.parse({ from, to, categories, ...(sinceTitle && { sinceTitle }) }));

describe('continuingEducationHours', () => {
  const record = years(2019, 2023, { publicHours: 20, industryPublicHours: 4, professionalHours: 70, examHours: 12 });

  it('adds the categories asked for over the window, inclusive', () => {
    expect(hours({ continuingEducation: record }, ['public'])).toEqual({ known: true, value: 80 });
    expect(hours({ continuingEducation: record }, ['public', 'industryPublic'])).toEqual({ known: true, value: 96 });
    expect(hours({ continuingEducation: record }, ['public', 'industryPublic', 'professional', 'exam'], 2019, 2023)).toEqual({ known: true, value: 530 });
  });

  it('never counts exam hours unless asked to', () => {
    expect(hours({ continuingEducation: years(2020, 2023, { examHours: 50 }) }, ['public', 'industryPublic'])).toEqual({ known: true, value: 0 });
  });

  it('counts a category a year leaves out as 0, and adds several entries for one year', () => {
    const entries = [...years(2020, 2023, { professionalHours: 60 }), { year: 2021, professionalHours: 15 }];
    expect(hours({ continuingEducation: entries }, ['professional'])).toEqual({ known: true, value: 255 });
    expect(hours({ continuingEducation: entries }, ['public'])).toEqual({ known: true, value: 0 });
  });

  it('is unknown without a record; with a year of the window missing, unknown but at least the known years', () => {
    expect(hours({}, ['public'])).toEqual({ known: false, missing: ['continuingEducation'] });
    const gappy = years(2020, 2023, { publicHours: 30 }).filter((entry) => entry.year !== 2022);
    expect(hours({ continuingEducation: gappy }, ['public'])).toEqual({ known: false, missing: ['continuingEducation[year=2022]'], atLeast: 90 });
  });

  it('with sinceTitle, counts only from the year the title was obtained', () => {
    const profile = { continuingEducation: record, titles: [{ level: 'assistant', obtainedOn: '2022-07-01' }] };
    expect(hours(profile, ['professional'], 2020, 2023, 'clerk')).toEqual({ known: true, value: 140 });
    // A year before the title does not need to be filled in.
    const recent = { continuingEducation: years(2022, 2023, { professionalHours: 70 }), titles: profile.titles };
    expect(hours(recent, ['professional'], 2020, 2023, 'clerk')).toEqual({ known: true, value: 140 });
  });
});

describe('continuingEducationRequired (prorated by years in post)', () => {
  const required = (titles: unknown) =>
    continuingEducationRequired.compute(parsed({ titles }), { from: 2020, to: 2023, sinceTitle: 'clerk', hoursForWindow: 360 });

  it.each([
    ['2017-06-01', 360],
    ['2020-01-01', 360],
    ['2021-09-30', 270],
    ['2022-01-01', 180],
    ['2023-12-31', 90],
    ['2024-03-01', 90],
  ])('junior title obtained %s → %i hours', (obtainedOn, expected) => {
    expect(required([{ level: 'assistant', obtainedOn }])).toEqual({ known: true, value: expected });
  });

  it('requires the whole window without such a title, and is unknown without titles', () => {
    expect(required([])).toEqual({ known: true, value: 360 });
    expect(continuingEducationRequired.compute(parsed({}), { from: 2020, to: 2023, sinceTitle: 'clerk', hoursForWindow: 72 })).toEqual({ known: false, missing: ['titles'] });
  });
});

describe('continuingEducationHours with fractional hours', () => {
  it('adds to two decimals, so floating-point noise cannot fail a floor', () => {
    const entries = [{ year: 2023, publicHours: 71.7 }, { year: 2020, publicHours: 0.1 }, { year: 2021, publicHours: 0.1 }, { year: 2022, publicHours: 0.1 }];
    expect(hours({ continuingEducation: entries }, ['public'])).toEqual({ known: true, value: 72 });
  });
});
