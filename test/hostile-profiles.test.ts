import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cli } from './support/cli.js';
import { readPath } from '../src/profile/read.js';
import {
  ValidationError,
  checkAll,
  evaluate,
  evaluateWithEngine,
  getRuleSet,
  parseProfile,
  reportSchema,
  type ConditionStatus,
  type EligibilityReport,
  type ValidationIssue,
} from '../src/index.js';
import { RULE_SETS } from './properties/support.js';
import { ROOT } from './support/repo.js';

/**
 * Hostile profiles: each gets a clear error (its path, and a message in Chinese and English) or a
 * report whose statuses are sane — never an exception, never a value read from a prototype.
 *
 * test/hostile/profiles/ holds those JSON can carry, each with what it must give; the rest (values
 * JSON has no words for, objects only JavaScript makes, sizes too big to commit) are built here.
 */

const DIR = join(ROOT, 'test', 'hostile', 'profiles');
const FILES = readdirSync(DIR).filter((file) => file.endsWith('.json')).sort();

type Expected =
  | { issues: { at: string; zh: string; en: string }[] }
  | { ruleSet: string; outcome: string; conditions: Record<string, { status: ConditionStatus; actual: unknown; message?: { zh: string; en: string } }> };

const issuesOf = (input: unknown) => {
  const parsed = parseProfile(input);
  return parsed.success ? [] : parsed.issues.map((problem) => ({ at: problem.at, zh: problem.message.zh, en: problem.message.en }));
};

const refusal = (input: unknown): readonly ValidationIssue[] => {
  const parsed = parseProfile(input);
  return parsed.success ? [] : parsed.issues;
};

/** Every entry point refuses the profile with these issues (a ValidationError), and nothing else. */
async function refusedEverywhere(input: unknown, issues: readonly ValidationIssue[]): Promise<void> {
  for (const ruleSet of RULE_SETS) {
    expect(() => evaluate(ruleSet, input as never)).toThrow(ValidationError);
    await expect(evaluateWithEngine(ruleSet, input as never)).rejects.toThrow(ValidationError);
  }
  try {
    checkAll(input as never, RULE_SETS);
    expect.fail('checkAll accepted a refused profile');
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual(issues);
  }
}

/** A report every rule set gives, valid against the report schema, the same from both evaluators. */
async function reportedEverywhere(input: unknown): Promise<void> {
  for (const ruleSet of RULE_SETS) {
    const report = evaluate(ruleSet, input as never);
    expect(reportSchema.safeParse(report).success).toBe(true);
    expect(JSON.stringify(await evaluateWithEngine(ruleSet, input as never))).toBe(JSON.stringify(report));
  }
  const all = checkAll(input as never, RULE_SETS);
  expect(all.results.length + all.skipped.length).toBe(RULE_SETS.length);
}

describe('the committed corpus of hostile profiles', () => {
  it('has at least 25 of them, each small', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(25);
    for (const file of FILES) expect(readFileSync(join(DIR, file)).length, file).toBeLessThan(16_000);
  });

  describe.each(FILES)('%s', (file) => {
    const text = readFileSync(join(DIR, file), 'utf8');
    const { title, profile, expected } = JSON.parse(text) as { title: string; profile: unknown; expected: Expected };

    it(title, async () => {
      const parsed = parseProfile(profile);
      if ('issues' in expected) {
        expect(issuesOf(profile)).toEqual(expected.issues);
        await refusedEverywhere(profile, parsed.success ? [] : parsed.issues);
      } else {
        expect(parsed.success, JSON.stringify(issuesOf(profile))).toBe(true);
        const report = evaluate(getRuleSet(expected.ruleSet)!, profile as never);
        expect(report.outcome).toBe(expected.outcome);
        const shown = Object.fromEntries(
          Object.keys(expected.conditions).map((id) => {
            const condition = report.conditions.find((entry) => entry.id === id)!;
            // A case may also say the message: the applicant's words must stand in it verbatim.
            const message = 'message' in expected.conditions[id]! ? { message: condition.message } : {};
            return [id, { status: condition.status, actual: condition.actual, ...message }];
          }),
        );
        expect(shown).toEqual(expected.conditions);
        await reportedEverywhere(profile);
      }
    });

    it('through `zhicheng check` (the file is fixture-shaped: its profile is under `profile`)', async () => {
      // What the file as text must give, where that differs from the parsed profile (duplicate keys).
      const fromFile: Expected | { issues: { en: string }[] } = (JSON.parse(readFileSync(join(DIR, file), 'utf8')) as { file?: { issues: { en: string }[] } }).file ?? expected;
      const { code, stdout, stderr } = await cli('check', join(DIR, file), '--rules', 'shizuishan-2024', '--json');
      if ('issues' in fromFile) {
        expect(code).toBe(65);
        for (const problem of fromFile.issues) expect(stderr).toContain(problem.en);
      } else {
        expect([0, 1, 2, 3, 4]).toContain(code);
        expect(reportSchema.safeParse(JSON.parse(stdout)).success).toBe(true);
      }
    });
  });
});

// ---------------------------------------------------------------------------------------------------

const shizuishan = getRuleSet('shizuishan-2024')!;
const status = (report: EligibilityReport, id: string) => report.conditions.find((condition) => condition.id === id)!.status;
const TOO_MANY = { zh: '应不超过 200 项', en: 'expected at most 200 item(s)' };

describe('sizes too big to commit', () => {
  it.each([
    ['education', () => ({ level: 'bachelor', credential: 'diploma', obtainedOn: '2010-07-01' })],
    ['continuingEducation', () => ({ year: 2023, publicHours: 1, professionalHours: 1 })],
    ['titles', () => ({})],
  ] as const)('100,000 %s entries: one clear error, at once', async (list, entry) => {
    const profile = { [list]: Array.from({ length: 100_000 }, entry) };
    // Bounded work is shown by the single issue (the list is refused by its length, before any entry is
    // read); how long it takes is measured by benchmarks, not asserted here.
    expect(issuesOf(profile)).toEqual([{ at: list, ...TOO_MANY }]);
    await refusedEverywhere(profile, refusal(profile));
  });

  it('a sparse array of length 100,000 with one entry', () => {
    const sparse: unknown[] = [];
    sparse[99_999] = { year: 2023 };
    expect(issuesOf({ continuingEducation: sparse })).toEqual([{ at: 'continuingEducation', ...TOO_MANY }]);
  });

  it('an object with 200,001 keys: refused on the count, at its path', () => {
    const wide = Object.fromEntries(Array.from({ length: 200_001 }, (_, index) => [`k${index}`, index]));
    expect(issuesOf({ application: wide })).toEqual([{ at: 'application', zh: '对象的键过多:200001 个,超过 256 个', en: 'too many keys in one object: 200001, more than 256' }]);
  });

  it('an object with a million keys (built in code, so no text limit applies): refused before any key is read (issue 14)', { timeout: 60_000 }, () => {
    const wide: Record<string, number> = {};
    for (let index = 0; index < 1_000_000; index += 1) wide[`k${index}`] = index;
    // Work counted, not timed: reading each key goes through its property descriptor.
    const descriptors = vi.spyOn(Object, 'getOwnPropertyDescriptor');
    try {
      const result = parseProfile({ titles: [wide] });
      expect(result).toMatchObject({ success: false, issues: [{ at: 'titles[0]' }] });
      expect(descriptors.mock.calls.length).toBeLessThan(100);
    } finally {
      descriptors.mockRestore();
    }
  });

  it('huge strings: a 10 MB name, a 1 MB key, enum value and date — each a short message', () => {
    const huge = 'x'.repeat(1_000_000);
    expect(issuesOf({ name: 'y'.repeat(10_000_000) })).toEqual([{ at: 'name', zh: '长度应不超过 200 个字符', en: 'expected at most 200 character(s)' }]);
    expect(issuesOf({ [huge]: 1 })).toEqual([{ at: '', zh: `不认识的字段:"${'x'.repeat(20)}…"`, en: `unrecognized key: "${'x'.repeat(20)}…"` }]);
    expect(issuesOf({ application: { targetLevel: huge } })[0]!.at).toBe('application.targetLevel');
    expect(issuesOf({ application: { submittedOn: huge } })).toEqual([
      { at: 'application.submittedOn', zh: '应为 YYYY-MM-DD 格式的真实日期', en: 'expected a real calendar date written YYYY-MM-DD' },
    ]);
    for (const problem of [...issuesOf({ [huge]: 1 }), ...issuesOf({ application: { targetLevel: huge } })]) expect(problem.en.length).toBeLessThan(300);
  });
});

describe('values JSON has no words for', () => {
  const notJson = (value: string) => ({ zh: `不是有效的 JSON 数字:${value}`, en: `not a JSON number: ${value}` });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('%s hours', (hours) => {
    expect(issuesOf({ continuingEducation: [{ year: 2023, publicHours: hours }] })).toEqual([{ at: 'continuingEducation[0].publicHours', ...notJson(String(hours)) }]);
  });

  it('-0 months: read as 0, and a report that survives JSON unchanged', () => {
    const report = evaluate(getRuleSet('quzhou-2020')!, { employment: { postedOutsideCityMonths: -0 } });
    const condition = report.conditions.find((entry) => entry.id === 'posted-outside-duration')!;
    expect([condition.status, Object.is(condition.actual, 0)]).toEqual(['fail', true]);
    expect(JSON.parse(JSON.stringify(report))).toStrictEqual(structuredClone(report));
  });

  it('Date objects, at a date field, in a list, and as the profile', async () => {
    const message = { zh: '应为 YYYY-MM-DD 字符串,实际为 Date 对象', en: 'expected a "YYYY-MM-DD" string, received a Date object' };
    expect(issuesOf({ application: { submittedOn: new Date('2024-06-01') } })).toEqual([{ at: 'application.submittedOn', ...message }]);
    expect(issuesOf({ titles: [{ level: 'clerk', obtainedOn: new Date(Number.NaN) }] })).toEqual([{ at: 'titles[0].obtainedOn', ...message }]);
    expect(issuesOf(new Date())).toEqual([{ at: '', ...message }]);
    await refusedEverywhere(new Date(), refusal(new Date()));
  });

  it('bigints, symbols, functions: refused by type, or (symbol keys) not read', () => {
    expect(issuesOf({ application: { rejectedSubmissions: 1n } })).toEqual([{ at: 'application.rejectedSubmissions', zh: '应为数字,实际为bigint', en: 'expected number, received bigint' }]);
    expect(issuesOf({ application: () => ({ targetLevel: 'senior' }) })).toEqual([{ at: 'application', zh: '应为对象,实际为function', en: 'expected object, received function' }]);
    const withSymbol = { [Symbol('titles')]: [{ level: 'senior' }], application: { targetLevel: 'senior' } };
    expect(issuesOf(withSymbol)).toEqual([]);
    expect(status(evaluate(shizuishan, withSymbol as never), 'tenure-senior')).toBe('unknown');
  });
});

describe('objects only JavaScript makes', () => {
  const notPlain = { zh: '应为普通 JSON 对象(不读取继承的属性)', en: 'expected a plain JSON object (inherited properties are never read)' };
  const accessor = { zh: '应为数据值(不调用 getter)', en: 'expected a data value (getters are never called)' };

  it('objects without a prototype are plain data: the same report as from a literal', () => {
    const bare = Object.assign(Object.create(null) as object, {
      application: Object.assign(Object.create(null) as object, { targetLevel: 'deputy_senior', submittedOn: '2024-06-30' }),
      titles: [Object.assign(Object.create(null) as object, { level: 'intermediate', obtainedOn: '2018-12-31' })],
    });
    const literal = { application: { targetLevel: 'deputy_senior', submittedOn: '2024-06-30' }, titles: [{ level: 'intermediate', obtainedOn: '2018-12-31' }] } as const;
    expect(JSON.stringify(evaluate(shizuishan, bare as never))).toBe(JSON.stringify(evaluate(shizuishan, literal as never)));
    expect(status(evaluate(shizuishan, bare as never), 'tenure-deputy-senior')).toBe('pass');
  });

  it('an object whose prototype has titles is not read as having titles', async () => {
    const inherits = Object.create({ titles: [{ level: 'deputy_senior', obtainedOn: '2010-01-01' }] }) as object;
    expect(issuesOf(inherits)).toEqual([{ at: '', ...notPlain }]);
    expect(issuesOf({ application: Object.create({ targetLevel: 'senior' }) })).toEqual([{ at: 'application', ...notPlain }]);
    class Applicant {
      titles = [{ level: 'senior' }];
    }
    expect(issuesOf(new Applicant())).toEqual([{ at: '', ...notPlain }]);
    expect(issuesOf({ employment: new Map([['city', '北京市']]) })).toEqual([{ at: 'employment', ...notPlain }]);
    await refusedEverywhere(inherits, refusal(inherits));
  });

  it('nothing is read from a polluted Object.prototype', () => {
    const prototype = Object.prototype as unknown as Record<string, unknown>;
    try {
      prototype.titles = [{ level: 'senior', obtainedOn: '2000-01-01' }];
      prototype.targetLevel = 'senior';
      const parsed = parseProfile({ application: {} });
      expect(parsed.success && [Object.hasOwn(parsed.profile, 'titles'), parsed.profile.titles, parsed.profile.application?.targetLevel]).toEqual([false, undefined, undefined]);
      const report = evaluate(shizuishan, { application: { submittedOn: '2024-06-01' } });
      expect([status(report, 'tenure-senior'), report.missing]).toEqual(['unknown', expect.arrayContaining(['application.targetLevel', 'titles'])]);
    } finally {
      delete prototype.titles;
      delete prototype.targetLevel;
    }
  });

  it('a hole stays a hole, whatever a polluted Array.prototype says', () => {
    const prototype = Array.prototype as unknown as Record<number, unknown>;
    try {
      prototype[0] = { level: 'senior', obtainedOn: '2000-01-01' };
      // eslint-disable-next-line no-sparse-arrays
      expect(issuesOf({ titles: [, { level: 'clerk' }] })).toEqual([{ at: 'titles[0]', zh: '数组此处为空位', en: 'a hole in the array' }]);
    } finally {
      delete prototype[0];
    }
  });

  it('arrays with holes', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(issuesOf({ titles: [{ level: 'clerk' }, , { level: 'senior' }] })).toEqual([{ at: 'titles[1]', zh: '数组此处为空位', en: 'a hole in the array' }]);
  });

  it('getters that throw, anywhere, are refused — and no getter is ever called', async () => {
    let calls = 0;
    const getter = (value: unknown) => ({
      get() {
        calls += 1;
        return value;
      },
      enumerable: true,
    });
    const throwing = { get: () => { throw new Error('hostile getter'); }, enumerable: true };
    const atRoot = Object.defineProperty({}, 'titles', throwing);
    const inEntry = { titles: [Object.defineProperty({ level: 'clerk' }, 'obtainedOn', throwing)] };
    const inArray = { titles: Object.defineProperty([], 0, throwing) };
    const quiet = Object.defineProperty({}, 'application', getter({ targetLevel: 'senior' }));
    expect(issuesOf(atRoot)).toEqual([{ at: 'titles', ...accessor }]);
    expect(issuesOf(inEntry)).toEqual([{ at: 'titles[0].obtainedOn', ...accessor }]);
    expect(issuesOf(inArray)).toEqual([{ at: 'titles[0]', ...accessor }]);
    expect(issuesOf(quiet)).toEqual([{ at: 'application', ...accessor }]);
    await refusedEverywhere(atRoot, refusal(atRoot));
    expect(calls).toBe(0);
  });

  it('proxies whose traps throw: an error naming why, not an exception', async () => {
    for (const trap of ['ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf'] as const) {
      const hostile = new Proxy({ application: {} }, { [trap]: () => { throw new Error(`trap ${trap}`); } });
      expect(issuesOf(hostile)).toEqual([{ at: '', zh: `无法读取申报人档案:trap ${trap}`, en: `the applicant profile cannot be read: trap ${trap}` }]);
      expect(issuesOf({ application: hostile })[0]!.en).toBe(`the applicant profile cannot be read: trap ${trap}`);
      await refusedEverywhere(hostile, refusal(hostile));
    }
  });

  it('a cycle: nested too deeply, not a hang', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.application = cyclic;
    const issues = issuesOf(cyclic);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.en).toBe('nested too deeply: more than 64 levels');
  });

  it('a non-enumerable own property is not data (as JSON.stringify sees it)', () => {
    const hidden = Object.defineProperty({ application: { targetLevel: 'senior' } }, 'titles', { value: [{ level: 'deputy_senior', obtainedOn: '2010-01-01' }], enumerable: false });
    expect(status(evaluate(shizuishan, hidden as never), 'tenure-senior')).toBe('unknown');
  });

  it('frozen and sealed profiles evaluate; the input is never written to', () => {
    const profile = Object.freeze({ application: Object.freeze({ targetLevel: 'intermediate' as const }), titles: Object.freeze([Object.freeze({ level: 'clerk' as const, obtainedOn: '2019-12-31' })]) });
    expect(status(evaluate(shizuishan, profile as never), 'tenure-intermediate')).toBe('pass');
  });
});

describe('reading a profile path', () => {
  it('reads own properties only: never __proto__, constructor, toString, nor anything inherited', () => {
    expect(readPath({}, 'constructor')).toBeUndefined();
    expect(readPath({}, '__proto__')).toBeUndefined();
    expect(readPath({}, 'toString')).toBeUndefined();
    expect(readPath({ application: {} }, 'application.hasOwnProperty')).toBeUndefined();
    expect(readPath(Object.create({ application: { targetLevel: 'senior' } }), 'application.targetLevel')).toBeUndefined();
    expect(readPath({ application: Object.create({ targetLevel: 'senior' }) }, ['application', 'targetLevel'])).toBeUndefined();
    expect(readPath({ application: { targetLevel: 'senior' } }, 'application.targetLevel')).toBe('senior');
    expect(readPath({ titles: ['a'] }, 'titles.length')).toBe(1); // own, so read; no profile path names it
  });
});

describe('text the applicant typed, in messages', () => {
  // Our labels for enumerated values are looked up by the applicant's own strings; a place named after an
  // Object.prototype member must be shown as typed, never as (or crash on) the inherited member.
  it.each(['hasOwnProperty', 'toString', 'constructor', '__proto__', 'valueOf'])('a district called %s is shown as typed', (city) => {
    // A district the applicant typed, compared with another (the junior engineering committee's district).
    const report = evaluate(getRuleSet('beijing-2024')!, {
      socialInsurance: { region: '北京市', unitDistrict: '朝阳区' },
      application: { series: 'engineering', targetLevel: 'assistant', committeeDistrict: city },
    });
    const messages = report.conditions.flatMap((condition) => [condition.message.zh, condition.message.en]);
    expect(messages.some((message) => message.includes(city))).toBe(true);
    for (const message of messages) expect(message).not.toMatch(/\[object |\{actual\}|\{required\}|undefined/);
  });
});
