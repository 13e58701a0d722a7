import { describe, expect, it } from 'vitest';
import { evaluate, parseProfile, ValidationError, getRuleSet } from '../src/index.js';
import { parseCalendarDate, formatCalendarDate } from '../src/dates/calendar-date.js';

const issuesOf = (input: unknown) => {
  const result = parseProfile(input);
  return result.success ? [] : result.issues.map((issue) => ({ at: issue.at, zh: issue.message.zh, en: issue.message.en }));
};

describe('calendar dates', () => {
  it.each(['2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31', '2023-12-31'])('accepts %s', (text) => {
    expect(formatCalendarDate(parseCalendarDate(text)!)).toBe(text);
  });

  it.each(['2023-02-29', '1900-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-1-01', '2024/01/01', '20240101', '2024-01-01T00:00:00Z', ''])(
    'refuses %j',
    (text) => {
      expect(parseCalendarDate(text)).toBeUndefined();
    },
  );
});

describe('the applicant profile', () => {
  it('accepts an empty profile: every field is optional', () => {
    expect(issuesOf({})).toEqual([]);
  });

  it('names the path and what was expected, in Chinese and English', () => {
    expect(issuesOf({ titles: [{ level: 'intermediate', obtainedOn: '2019-02-29' }] })).toEqual([
      { at: 'titles[0].obtainedOn', zh: '应为 YYYY-MM-DD 格式的真实日期', en: 'expected a real calendar date written YYYY-MM-DD' },
    ]);
    expect(issuesOf({ status: { retired: 'no' } })).toEqual([
      { at: 'status.retired', zh: '应为布尔值(true/false),实际为字符串', en: 'expected boolean, received string' },
    ]);
  });

  it('refuses unknown keys, so a misspelt field is not read as missing', () => {
    expect(issuesOf({ application: { targetLevl: 'senior' } })).toEqual([
      { at: 'application', zh: '不认识的字段:targetLevl(是否指 targetLevel?)', en: 'unrecognized key: targetLevl (did you mean targetLevel?)' },
    ]);
  });

  it('refuses negative, NaN and absurd hours', () => {
    expect(issuesOf({ continuingEducation: [{ year: 2023, publicHours: -1 }] })[0]!.at).toBe('continuingEducation[0].publicHours');
    expect(issuesOf({ continuingEducation: [{ year: 2023, publicHours: Number.NaN }] })[0]!.at).toBe('continuingEducation[0].publicHours');
    expect(issuesOf({ continuingEducation: [{ year: 2023, publicHours: 1e9 }] })[0]!.en).toBe('expected at most 10000');
  });

  it('is not a JSON object at all: a clear error, not a crash', () => {
    for (const input of [null, 42, 'profile', [], true]) expect(issuesOf(input)).toHaveLength(1);
  });

  it('makes evaluate throw a ValidationError that names the problem', () => {
    expect(() => evaluate(getRuleSet('shizuishan-2024')!, { titles: 'none' } as never)).toThrow(ValidationError);
    expect(() => evaluate(getRuleSet('shizuishan-2024')!, { titles: 'none' } as never)).toThrow(/titles:应为数组/);
  });

  it('parses once: a parsed profile is accepted again as it is', () => {
    const result = parseProfile({ application: { submittedOn: '2024-06-01' } });
    expect(result.success && parseProfile(result.profile)).toEqual(result);
  });
});

describe('field labels', () => {
  it('name every profile field in both languages', async () => {
    const { PROFILE_FIELDS } = await import('../src/index.js');
    const { FIELD_LABELS } = await import('../src/locales/labels.js');
    expect([...PROFILE_FIELDS.keys()].filter((path) => path && !FIELD_LABELS[path])).toEqual([]);
    expect(Object.keys(FIELD_LABELS).filter((path) => !PROFILE_FIELDS.has(path))).toEqual([]);
  });
});

describe('value labels', () => {
  it('name every enumerated profile value in both languages', async () => {
    const enums = await import('../src/profile/enums.js');
    const { VALUE_LABELS } = await import('../src/locales/labels.js');
    const values = Object.values(enums).filter(Array.isArray).flat() as string[];
    expect(values.filter((value) => !VALUE_LABELS[value])).toEqual([]);
  });
});
