import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPathsOnce } from '../src/engine/outcomes.js';
import { lineColumns } from '../src/ruleset/json-text.js';
import { ValidationError, evaluate, lintRuleSet, loadRuleSet, reportSchema } from '../src/index.js';
import { MINIMAL_NOTICE, minimalRuleSet } from './support/minimal.js';

/**
 * Valid but ruinous rule sets (issue 14): documents within every text bound (values, depth, size) that
 * made loading, linting or evaluating do work out of all proportion to their size. Linearity is asserted
 * by counting work, never by timing (machines are noisy); the full-size cases are kept too, sized so that
 * the old quadratic behaviour would overrun vitest's 5 s while the linear one takes a fraction of it.
 */

/**
 * The full-size cases keep vitest's old 5 s limit (the suite's default is now 30 s, for property tests
 * under load): linear code takes under 0.5 s here, the quadratic code 19 s to minutes. It is a limit an
 * order of magnitude away from either, not a timing.
 */
const QUADRATIC_WOULD_OVERRUN = { timeout: 5_000 };

const CITATION = { clause: '一、(一)', quote: '离退休人员不得申报' };
const LEAF_ON_LIST = { fact: 'field', params: { path: 'employment.city' }, operator: 'in', value: { param: 'big' } };

/** The minimal rule set with a list parameter `big` referenced by `references` leaves (100 to an `any`). */
function listReferencedBy(list: readonly string[], references: number) {
  const document = minimalRuleSet();
  document.parameters.big = { type: 'list', value: list, description: { zh: '长列表', en: 'a long list' }, citation: CITATION };
  const groups = Array.from({ length: Math.ceil(references / 100) }, (_, group) => ({
    any: Array.from({ length: Math.min(100, references - group * 100) }, () => structuredClone(LEAF_ON_LIST)),
  }));
  document.conditions[0].test = { any: groups };
  return document;
}

/** A list whose element reads are counted: what the loader does with it, however it does it. */
function countedList(length: number) {
  const counter = { reads: 0 };
  const list = new Proxy(
    Array.from({ length }, (_, index) => `单位${index}`),
    { get: (target, key, receiver) => (typeof key === 'string' && /^\d+$/.test(key) && (counter.reads += 1), Reflect.get(target, key, receiver)) },
  );
  return { list, counter };
}

describe('one long list parameter referenced by many leaves', () => {
  it('is read a fixed number of times, however many leaves reference it', () => {
    const reads = [10, 100, 1000].map((references) => {
      const { list, counter } = countedList(5_000);
      loadRuleSet(listReferencedBy(list, references), { notice: MINIMAL_NOTICE });
      return counter.reads;
    });
    // Before: every reference re-serialised the whole list (5,000 more reads per leaf).
    expect(reads[1]).toBe(reads[0]);
    expect(reads[2]).toBe(reads[0]);
    expect(reads[0]).toBeLessThanOrEqual(10 * 5_000);
  });

  it('loads 150,000 values referenced by 6,400 leaves (within every limit) in linear time', QUADRATIC_WOULD_OVERRUN, () => {
    const list = Array.from({ length: 150_000 }, (_, index) => `单位${index}`);
    const ruleSet = loadRuleSet(listReferencedBy(list, 6_400), { notice: MINIMAL_NOTICE });
    expect(ruleSet.conditions[0]!.parameters).toEqual(['big']);
  });
});

/** A list whose element reads (what `includes` does, one per comparison) are counted. */
function countedOut() {
  const counter = { reads: 0 };
  const out = new Proxy([] as string[], {
    get: (target, key, receiver) => (typeof key === 'string' && /^\d+$/.test(key) && (counter.reads += 1), Reflect.get(target, key, receiver)),
  });
  return { out, counter };
}

describe('gathering the paths still needed', () => {
  it('does work linear in the paths offered, not in paths × paths gathered', () => {
    const { out, counter } = countedOut();
    const paths = Array.from({ length: 4_000 }, (_, index) => `continuingEducation.${index}.year`);
    // Offered one at a time and then all again, as 20,000 leaves each missing the same entries offer them.
    for (const path of paths) addPathsOnce([path], out);
    addPathsOnce(paths, out);
    expect([...out]).toEqual(paths);
    // Before: a scan of the list per path offered, 16 million reads.
    expect(counter.reads).toBeLessThan(10 * paths.length);
  });

  it('keeps first-seen order, each path once, exactly as a scan does', () => {
    const naive = (batches: string[][]) => {
      const out: string[] = [];
      for (const batch of batches) for (const path of batch) if (!out.includes(path)) out.push(path);
      return out;
    };
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...Array.from({ length: 60 }, (_, index) => `p${index}`)), { maxLength: 40 }), { maxLength: 12 }), (batches) => {
        const out: string[] = [];
        for (const batch of batches) addPathsOnce(batch, out);
        expect(out).toEqual(naive(batches));
      }),
      { numRuns: 500, seed: 14 },
    );
  });

  it('evaluates 20,000 leaves, each missing the 200 undated entries of a profile, in linear time', QUADRATIC_WOULD_OVERRUN, () => {
    const document = minimalRuleSet();
    // Distinct windows, so that every leaf computes its own fact value with its own missing paths.
    const leaf = (index: number) => ({
      fact: 'continuingEducationHours',
      params: { from: 1949 + (index % 150), to: 1950 + (index % 150), categories: ['public'] },
      operator: 'greaterThanInclusive',
      value: 1 + Math.floor(index / 150),
    });
    document.conditions[0].test = {
      all: Array.from({ length: 2 }, (_, outer) => ({ all: Array.from({ length: 100 }, (_, middle) => ({ all: Array.from({ length: 100 }, (_, inner) => leaf(outer * 10_000 + middle * 100 + inner)) })) })),
    };
    const ruleSet = loadRuleSet(document, { notice: MINIMAL_NOTICE });
    const report = evaluate(ruleSet, { continuingEducation: Array.from({ length: 200 }, () => ({ publicHours: 1 })) });
    expect(report.outcome).toBe('incomplete');
    expect(report.conditions[0]!.missing.slice(0, 2)).toEqual(['continuingEducation.0.year', 'continuingEducation.1.year']);
    expect(new Set(report.conditions[0]!.missing).size).toBe(report.conditions[0]!.missing.length);
  });
});

describe('placing many issues on one long line', () => {
  it('finds line and column for 100,000 offsets on a 2 MB line in one pass (was a rescan per offset)', QUADRATIC_WOULD_OVERRUN, () => {
    // A minified document with a final newline: before, each offset searched again from the line's start
    // to that newline, 100,000 × 2 MB of scanning (minutes); in one pass it is a few milliseconds.
    const text = `${'x'.repeat(2 * 1024 * 1024)}\n{}`;
    const offsets = Array.from({ length: 100_000 }, (_, index) => index * 20);
    const positions = lineColumns(text, [...offsets, text.length - 1]);
    expect(positions.get(0)).toEqual({ line: 1, column: 1 });
    expect(positions.get(1_999_980)).toEqual({ line: 1, column: 1_999_981 });
    expect(positions.get(text.length - 1)).toEqual({ line: 2, column: 2 });
  });
});

describe('parameters that would make a result infinite, or a window inverted', () => {
  /** The minimal rule set whose first test compares the hours of a window with a prorated requirement. */
  const withRequirement = (hours: Record<string, unknown>, required: Record<string, unknown>, parameters: Record<string, unknown> = {}) => {
    const document = minimalRuleSet();
    Object.assign(document.parameters, parameters);
    document.conditions[0].test = {
      fact: 'continuingEducationHours',
      params: { from: 2021, to: 2023, categories: ['public'], ...hours },
      operator: 'greaterThanInclusive',
      value: { fact: 'continuingEducationRequired', params: { from: 2021, to: 2023, hoursForWindow: 270, ...required } },
    };
    return document;
  };
  const VALUE_PARAMS = 'conditions[0].test.value.params';

  it.each([
    ['a requirement whose window ends before it starts', withRequirement({}, { from: 2023, to: 2021 }), `${VALUE_PARAMS}.to`, 'not before `from`', '不早于 from'],
    ['hours counted over an inverted window', withRequirement({ from: 2024, to: 2020 }, {}), 'conditions[0].test.params.to', 'not before `from`', '不早于 from'],
    ['hoursForWindow: 1e308 (overflows to Infinity when prorated)', withRequirement({}, { hoursForWindow: 1e308 }), `${VALUE_PARAMS}.hoursForWindow`, 'expected at most 100000', '100000'],
    [
      'hoursForWindow from a parameter of 1e308',
      withRequirement({}, { hoursForWindow: { param: 'hours' } }, { hours: { type: 'number', value: 1e308, description: { zh: '学时', en: 'hours' }, citation: CITATION } }),
      `${VALUE_PARAMS}.hoursForWindow`,
      'expected at most 100000',
      '100000',
    ],
  ])('refuses %s at load, naming the path in zh and en', (_, document, at, en, zh) => {
    const issues = lintRuleSet(document, { notice: MINIMAL_NOTICE });
    expect(issues.map((issue) => issue.at)).toEqual([at]);
    expect(issues[0]!.message.en).toContain(en);
    expect(issues[0]!.message.zh).toContain(zh);
    expect(() => loadRuleSet(document, { notice: MINIMAL_NOTICE })).toThrow(ValidationError);
  });

  it('loads the largest allowed requirement, and every report it gives has finite numbers', () => {
    const ruleSet = loadRuleSet(withRequirement({}, { hoursForWindow: 100_000 }), { notice: MINIMAL_NOTICE });
    const report = evaluate(ruleSet, { continuingEducation: [2021, 2022, 2023].map((year) => ({ year, publicHours: 90 })) });
    expect(report.conditions[0]!.required).toBe(100_000);
    expect(reportSchema['~standard'].validate(report)).not.toHaveProperty('issues');
  });

  it('has a report schema that refuses a non-finite number anywhere a value goes', () => {
    const ruleSet = loadRuleSet(minimalRuleSet(), { notice: MINIMAL_NOTICE });
    const report = evaluate(ruleSet, {});
    for (const bad of [Infinity, -Infinity, NaN]) {
      const condition = report.conditions[0]!;
      for (const changed of [{ required: bad }, { actual: bad }, { parameters: { n: bad } }, { actual: [1, bad] }]) {
        const result = reportSchema['~standard'].validate({ ...report, conditions: [{ ...condition, ...changed }, ...report.conditions.slice(1)] });
        expect(result, JSON.stringify(changed)).toHaveProperty('issues');
      }
    }
  });
});

describe('placeholders that would fill a text beyond bounds', () => {
  /** The minimal rule set with a 10,000-character parameter `b`, placed `times` times in `texts` conditions' titles and messages. */
  const withPlaceholders = (times: number, texts: number) => {
    const document = minimalRuleSet();
    document.parameters.b = { type: 'string', value: 'b'.repeat(10_000), description: { zh: '长文本', en: 'a long text' }, citation: CITATION };
    const text = '{param:b}'.repeat(times);
    const base = document.conditions[0];
    for (let index = 0; index < texts; index += 1) {
      document.conditions.push({ ...structuredClone(base), id: `c${index}`, title: { zh: text, en: text }, message: { zh: text, en: text } });
      document.coverage[0].conditions.push(`c${index}`);
    }
    return document;
  };

  it('refuses a text whose filled length passes 20,000 characters, naming its path in zh and en', () => {
    const issues = lintRuleSet(withPlaceholders(3, 1), { notice: MINIMAL_NOTICE });
    expect(issues.map((issue) => issue.at)).toEqual(['conditions[2].title.zh', 'conditions[2].title.en', 'conditions[2].message.zh', 'conditions[2].message.en']);
    expect(issues[0]!.message.en).toContain('text too long once its parameters are filled in: more than 20000 characters');
    expect(issues[0]!.message.zh).toContain('填入参数后文本过长');
  });

  it('accepts one at the limit: two placements of 10,000 characters', () => {
    expect(lintRuleSet(withPlaceholders(2, 1), { notice: MINIMAL_NOTICE })).toEqual([]);
  });

  it('refuses 222 placements in each text of 132 conditions (2 GB once filled) without filling them', () => {
    const document = withPlaceholders(222, 132);
    expect(() => loadRuleSet(document, { notice: MINIMAL_NOTICE })).toThrow(ValidationError);
    const issues = lintRuleSet(document, { notice: MINIMAL_NOTICE });
    expect(issues).toHaveLength(132 * 4);
    expect(new Set(issues.map((issue) => issue.message.en)).size).toBe(1);
  });
});
